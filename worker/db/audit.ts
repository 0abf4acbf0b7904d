/**
 * The audit trail: append-only rows that say who did what, when, and what changed (before → after).
 * Rows carry ids, codes, statuses and scores only, never raw PII: `auditPayload` keeps an allow-list of the keys a
 * before/after object may hold, so a caller that passes a name or a free-text note by mistake stores nothing of it.
 */
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { newId } from "../lib/ids";
import type { Database } from "./client";
import { type AuditEntry, insertAuditWhen } from "./conditional";
import { auditEvents } from "./schema";

/** Keys allowed in an audit row's before/after: statuses, codes, ids, scores and counts. */
const AUDIT_FIELDS = new Set([
  "state",
  "decision",
  "score",
  "review_status",
  "reason_code",
  "review_decision_id",
  "algorithm",
  "erased",
  "key_id",
  "role",
  "revoked",
  "row_count",
  "row_cap",
  "truncated",
  "filters",
  "sort",
  "institution",
  "score_gte",
  "score_lte",
  "created_gte",
  "created_lte",
  "search",
  // Verification flow and Stripe events (worker/verification): codes and Stripe ids only.
  "failure_code",
  "account_id",
  "event_id",
  "stripe_customer_deleted",
]);

type AuditScalar = string | number | boolean | null;
export type AuditPayload = { [key: string]: AuditScalar | AuditPayload };

/** The allowed part of a before/after object (nested objects are filtered the same way); null when nothing is left. */
export function auditPayload(value: unknown): AuditPayload | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const out: AuditPayload = {};
  for (const [key, v] of Object.entries(value)) {
    if (!AUDIT_FIELDS.has(key) || v === undefined) continue;
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[key] = v;
    else {
      const nested = auditPayload(v);
      if (nested) out[key] = nested;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The row to insert for an entry (filtered before/after); usable alone or inside a db.batch(). */
export function auditRow(entry: AuditEntry) {
  return {
    id: newId("aud"),
    actor: entry.actor,
    action: entry.action,
    verificationId: entry.verificationId ?? null,
    applicantId: entry.applicantId ?? null,
    before: auditPayload(entry.before),
    after: auditPayload(entry.after),
    createdAt: entry.createdAt,
  };
}

/** An audit row (filtered like auditRow) inserted only when `condition` holds at that point of a db.batch(). */
export function appendAuditWhen(db: Database, entry: AuditEntry, condition: SQL) {
  return insertAuditWhen(
    db,
    { ...entry, before: auditPayload(entry.before), after: auditPayload(entry.after) },
    condition,
  );
}

/** Appends one audit row now. */
export async function appendAudit(db: Database, entry: AuditEntry) {
  const row = auditRow(entry);
  await db.insert(auditEvents).values(row);
  return row;
}

export interface AuditQuery {
  verificationId?: string | undefined;
  actor?: string | undefined;
  /** Keyset position: rows strictly older than (createdAt, id). */
  before?: { createdAt: number; id: string } | null;
  limit: number;
}

/**
 * Newest first. Each filter has its own index (verification_id, created_at) / (actor, created_at) / (created_at, id);
 * ties on created_at are broken by id so the keyset is total and a page never repeats or skips a row.
 */
export async function listAuditEvents(db: Database, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.verificationId) conditions.push(eq(auditEvents.verificationId, query.verificationId));
  if (query.actor) conditions.push(eq(auditEvents.actor, query.actor));
  if (query.before) {
    conditions.push(
      sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${query.before.createdAt}, ${query.before.id})`,
    );
  }
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(query.limit);
}

export type AuditEventRow = typeof auditEvents.$inferSelect;
