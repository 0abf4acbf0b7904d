/** Queries for the applicant aggregate: the applicant, its verifications, their accounts, owners and results. */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { mintClientToken } from "../auth/client-tokens";
import { newId } from "../lib/ids";
import type { Database } from "./client";
import { insertAuditWhen } from "./conditional";
import {
  accountOwners,
  applicants,
  clientTokens,
  fcAccounts,
  matchResults,
  reviewDecisions,
  verifications,
} from "./schema";

/** Per-owner reasons quote the bank's names; erasure keeps each owner's scores and flags and drops the words. */
export const STRIP_OWNER_REASONS = sql`(SELECT json_group_array(json_remove(value, '$.reasons')) FROM json_each(${matchResults.owners}))`;

export type ApplicantRow = typeof applicants.$inferSelect;

export interface NewApplicant {
  name: string;
  address?:
    | {
        line1: string;
        line2?: string | null | undefined;
        city: string;
        state: string;
        postal_code: string;
        country: string;
      }
    | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  external_id?: string | undefined;
}

/** Stores a new applicant and its first client token in one batch: never one without the other. */
export async function createApplicant(db: Database, input: NewApplicant, createdBy: string, tokenTtlMs: number) {
  const applicant = applicantRow(input, createdBy);
  const token = await mintClientToken(applicant.id, tokenTtlMs);
  await db.batch([db.insert(applicants).values(applicant), db.insert(clientTokens).values(token.row)]);
  return { applicant, token };
}

function applicantRow(input: NewApplicant, createdBy: string, now = Date.now()) {
  return {
    id: newId("app"),
    externalId: input.external_id ?? null,
    name: input.name,
    addressLine1: input.address?.line1 ?? null,
    addressLine2: input.address?.line2 ?? null,
    addressCity: input.address?.city ?? null,
    addressState: input.address?.state ?? null,
    addressPostalCode: input.address?.postal_code ?? null,
    addressCountry: input.address?.country ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    createdBy,
    createdAt: now,
  };
}

export async function findApplicant(db: Database, id: string) {
  return (await db.query.applicants.findFirst({ where: eq(applicants.id, id) })) ?? null;
}

/** The applicant's address in the shape the API and the matcher use, or null when none was given. */
export function applicantAddress(row: ApplicantRow) {
  if (row.addressLine1 === null && row.addressCity === null && row.addressPostalCode === null) return null;
  return {
    line1: row.addressLine1,
    line2: row.addressLine2,
    city: row.addressCity,
    state: row.addressState,
    postal_code: row.addressPostalCode,
    country: row.addressCountry,
  };
}

/** Everything GET /v1/applicants/:id shows: verifications (newest first) with accounts, and the latest result. */
export async function loadApplicantGraph(db: Database, applicantId: string) {
  const verificationRows = await db
    .select()
    .from(verifications)
    .where(eq(verifications.applicantId, applicantId))
    .orderBy(desc(verifications.createdAt), desc(verifications.id));
  if (verificationRows.length === 0) return { verifications: [], accounts: [], results: [], owners: [] };
  // A subquery, not an id list: an applicant may have more verifications than D1 allows bound parameters.
  const ids = db.select({ id: verifications.id }).from(verifications).where(eq(verifications.applicantId, applicantId));
  const [accounts, results] = await Promise.all([
    db.select().from(fcAccounts).where(inArray(fcAccounts.verificationId, ids)),
    db
      .select()
      .from(matchResults)
      .where(inArray(matchResults.verificationId, ids))
      .orderBy(desc(matchResults.createdAt)),
  ]);
  const latest = results[0];
  const owners = latest
    ? await db
        .select()
        .from(accountOwners)
        .where(eq(accountOwners.verificationId, latest.verificationId))
        .orderBy(accountOwners.position)
    : [];
  return { verifications: verificationRows, accounts, results, owners };
}

/**
 * Erases the applicant's PII and the bank owners' PII in one atomic batch; scores, flags and states stay, reasons
 * (which quote names) are cleared, and an audit tombstone records who erased what. Repeating it changes nothing.
 */
export async function eraseApplicant(db: Database, applicantId: string, actor: string, now = Date.now()) {
  const verificationIds = db
    .select({ id: verifications.id })
    .from(verifications)
    .where(eq(verifications.applicantId, applicantId));
  const [erased] = await db.batch([
    db
      .update(applicants)
      .set({
        externalId: null,
        name: null,
        addressLine1: null,
        addressLine2: null,
        addressCity: null,
        addressState: null,
        addressPostalCode: null,
        addressCountry: null,
        email: null,
        phone: null,
        erasedAt: now,
      })
      .where(and(eq(applicants.id, applicantId), isNull(applicants.erasedAt)))
      .returning({ id: applicants.id }),
    db
      .update(accountOwners)
      .set({ name: null, rawAddress: null, email: null, phone: null, purgedAt: now })
      .where(inArray(accountOwners.verificationId, verificationIds)),
    db
      .update(matchResults)
      .set({ reasons: [], owners: STRIP_OWNER_REASONS })
      .where(inArray(matchResults.verificationId, verificationIds)),
    db.delete(clientTokens).where(eq(clientTokens.applicantId, applicantId)),
    // The account's last four digits point at the person as much as a name does; the bank's name alone does not.
    db.update(fcAccounts).set({ last4: null }).where(inArray(fcAccounts.verificationId, verificationIds)),
    // Reviewer notes are free text and may quote the applicant.
    db.update(reviewDecisions).set({ note: null }).where(inArray(reviewDecisions.verificationId, verificationIds)),
    insertAuditWhen(
      db,
      { actor, action: "applicant.erased", applicantId, after: { erased: true }, createdAt: now },
      sql`EXISTS (SELECT 1 FROM applicants WHERE id = ${applicantId} AND erased_at = ${now})`,
    ),
  ]);
  return erased.length > 0;
}
