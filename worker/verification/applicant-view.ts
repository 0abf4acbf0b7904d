/** The full picture a business's backend reads: GET /v1/applicants/:id. */
import { z } from "@hono/zod-openapi";
import { applicantAddress, findApplicant, loadApplicantGraph } from "../db/applicants";
import type { Database } from "../db/client";
import { StoredAddressSchema } from "../lib/schemas";
import { toSeconds } from "../lib/time";
import { verificationStatus } from "./status";

const FieldsSchema = z.record(z.string(), z.any()).openapi({ description: "Per-field { score, flags } or null." });

export const MatchResultSchema = z
  .object({
    verification_id: z.string(),
    score: z.number().int(),
    decision: z.enum(["match", "review", "mismatch"]),
    owner_index: z.number().int(),
    algorithm: z.string(),
    fields: FieldsSchema,
    reasons: z.array(z.string()),
    owners: z.array(
      z.object({
        name: z.string().nullable(),
        raw_address: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        account_id: z.string().nullable(),
        refreshed_at: z.number().int().nullable(),
        score: z.number().int().nullable(),
        decision: z.string().nullable(),
        fields: FieldsSchema.nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    created: z.number().int(),
  })
  .openapi("MatchResult");

export const ApplicantSchema = z
  .object({
    id: z.string(),
    object: z.literal("applicant"),
    external_id: z.string().nullable(),
    name: z.string().nullable(),
    address: StoredAddressSchema.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    created: z.number().int(),
    erased: z.number().int().nullable(),
    verifications: z.array(
      z.object({
        id: z.string(),
        status: z.enum(["pending", "verified", "needs_review", "failed", "canceled"]),
        state: z.string(),
        decision: z.string().nullable(),
        score: z.number().int().nullable(),
        review_status: z.string().nullable(),
        failure_code: z.string().nullable(),
        mode: z.string(),
        created: z.number().int(),
        completed: z.number().int().nullable(),
        accounts: z.array(
          z.object({
            id: z.string(),
            institution_name: z.string().nullable(),
            last4: z.string().nullable(),
            category: z.string().nullable(),
            status: z.string().nullable(),
            ownership_status: z.string().nullable(),
            ownership_refreshed_at: z.number().int().nullable(),
          }),
        ),
      }),
    ),
    match_result: MatchResultSchema.nullable(),
  })
  .openapi("Applicant");

type StoredOwnerScore = { score?: number; decision?: string; fields?: Record<string, unknown>; reasons?: string[] };

export async function applicantView(db: Database, id: string): Promise<z.infer<typeof ApplicantSchema> | null> {
  const applicant = await findApplicant(db, id);
  if (!applicant) return null;
  const graph = await loadApplicantGraph(db, id);
  const latest = graph.results[0];
  const ownerScores = (latest?.owners ?? []) as StoredOwnerScore[];
  const stripeAccountOf = new Map(graph.accounts.map((a) => [a.id, a.stripeAccountId]));
  return {
    id: applicant.id,
    object: "applicant",
    external_id: applicant.externalId,
    name: applicant.name,
    address: applicantAddress(applicant),
    email: applicant.email,
    phone: applicant.phone,
    created: toSeconds(applicant.createdAt),
    erased: toSeconds(applicant.erasedAt),
    verifications: graph.verifications.map((v) => ({
      id: v.id,
      status: verificationStatus(v.state, v.decision),
      state: v.state,
      decision: v.decision,
      score: v.score,
      review_status: v.reviewStatus,
      failure_code: v.failureCode,
      mode: v.mode,
      created: toSeconds(v.createdAt),
      completed: toSeconds(v.completedAt),
      accounts: graph.accounts
        .filter((a) => a.verificationId === v.id)
        .map((a) => ({
          id: a.stripeAccountId,
          institution_name: a.institutionName,
          last4: a.last4,
          category: a.category,
          status: a.status,
          ownership_status: a.ownershipRefreshStatus,
          ownership_refreshed_at: toSeconds(a.ownershipRefreshedAt),
        })),
    })),
    match_result: latest
      ? {
          verification_id: latest.verificationId,
          score: latest.score,
          decision: latest.decision,
          owner_index: latest.ownerIndex,
          algorithm: latest.algorithm,
          fields: latest.fields as Record<string, unknown>,
          reasons: latest.reasons,
          owners: graph.owners.map((o) => {
            const scored = ownerScores[o.position];
            return {
              name: o.name,
              raw_address: o.rawAddress,
              email: o.email,
              phone: o.phone,
              account_id: stripeAccountOf.get(o.accountId) ?? null,
              refreshed_at: toSeconds(o.refreshedAt),
              score: scored?.score ?? null,
              decision: scored?.decision ?? null,
              fields: scored?.fields ?? null,
              reasons: o.purgedAt === null ? (scored?.reasons ?? []) : [],
            };
          }),
          created: toSeconds(latest.createdAt),
        }
      : null,
  };
}
