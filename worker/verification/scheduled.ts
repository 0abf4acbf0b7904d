/**
 * The cron sweep: a lost webhook or a closed browser tab loses nothing. It re-polls verifications waiting on
 * ownership or left mid-linking, expires abandoned ones, and purges bank-owner PII past the retention period.
 */
import { and, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { STRIP_OWNER_REASONS } from "../db/applicants";
import { createDb } from "../db/client";
import {
  accountOwners,
  auditEvents,
  idempotencyKeys,
  matchResults,
  reviewDecisions,
  verifications,
} from "../db/schema";
import { IDEMPOTENCY_KEY_TTL_MS } from "../lib/idempotency";
import { logEvent } from "../lib/log";
import { purgeSandboxIdempotency } from "../sandbox/store";
import { createStripe } from "../stripe/client";
import { isSandboxMode } from "../stripe/config";
import { completeVerification, type FlowDeps } from "./flow";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Waiting verifications untouched this long are re-polled. */
export const REPOLL_AFTER_MS = 2 * MINUTE;
/** A session the browser never completed is read back from Stripe after this long (tokens live ≤ 30 min). */
export const ABANDONED_LINKING_AFTER_MS = 35 * MINUTE;
/** Ownership that never arrives (Stripe retries for a day) ends the verification. */
export const EXPIRE_AFTER_MS = DAY;
const BATCH = 25;

export async function runScheduled(env: Env, selfFetch: (request: Request) => Promise<Response>, now = Date.now()) {
  const db = createDb(env.DB);
  const deps: FlowDeps = { db, stripe: createStripe(env, selfFetch), env, actor: "system", now: () => now };

  // Expire and audit in one batch: the audit rows are written for exactly the rows this sweep moved.
  const [expired] = await db.batch([
    db
      .update(verifications)
      .set({ state: "expired", failureCode: "timed_out", updatedAt: now, completedAt: now })
      .where(
        and(
          inArray(verifications.state, ["created", "linking", "awaiting_ownership"]),
          lt(verifications.createdAt, now - EXPIRE_AFTER_MS),
        ),
      )
      .returning({ id: verifications.id }),
    db.insert(auditEvents).select(
      sql`SELECT 'aud_' || lower(hex(randomblob(12))), 'system', 'verification.expired', id, applicant_id, NULL,
        ${JSON.stringify({ state: "expired", failure_code: "timed_out" })}, ${now}
        FROM verifications WHERE state = 'expired' AND failure_code = 'timed_out' AND updated_at = ${now}`,
    ),
  ]);

  const due = await db
    .select({ id: verifications.id })
    .from(verifications)
    .where(
      sql`(${verifications.state} = 'awaiting_ownership' AND ${verifications.updatedAt} < ${now - REPOLL_AFTER_MS})
        OR (${verifications.state} = 'linking' AND ${verifications.updatedAt} < ${now - ABANDONED_LINKING_AFTER_MS})`,
    )
    .orderBy(verifications.updatedAt)
    .limit(BATCH);
  let repolled = 0;
  for (const { id } of due) {
    try {
      await completeVerification(deps, id);
      repolled++;
    } catch (err) {
      logEvent("repoll_failed", { verification_id: id, error_name: (err as Error).name });
    }
  }

  const retentionDays = Number(env.OWNER_RETENTION_DAYS) || 90;
  const cutoff = now - retentionDays * DAY;
  const stale = db
    .select({ id: accountOwners.verificationId })
    .from(accountOwners)
    .where(and(isNull(accountOwners.purgedAt), lt(accountOwners.createdAt, cutoff)));
  await db.batch([
    // Reasons quote the bank's names: they go with the owners' PII; scores and flags stay.
    db
      .update(matchResults)
      .set({ reasons: [], owners: STRIP_OWNER_REASONS })
      .where(inArray(matchResults.verificationId, stale)),
    // Reviewer notes are free text and may quote the owners: they go with them (also notes written after the owners
    // were purged or the applicant erased); the decisions and codes stay.
    db
      .update(reviewDecisions)
      .set({ note: null })
      .where(
        and(
          isNotNull(reviewDecisions.note),
          inArray(
            reviewDecisions.verificationId,
            db
              .select({ id: accountOwners.verificationId })
              .from(accountOwners)
              .where(or(isNotNull(accountOwners.purgedAt), lt(accountOwners.createdAt, cutoff))),
          ),
        ),
      ),
    // Idempotency keys are replayable for 24 hours, as Stripe's are.
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_KEY_TTL_MS)),
    db
      .update(accountOwners)
      .set({ name: null, rawAddress: null, email: null, phone: null, purgedAt: now })
      .where(and(isNull(accountOwners.purgedAt), lt(accountOwners.createdAt, cutoff))),
  ]);
  // The Stripe emulator keeps idempotent replies (which quote customers) for 24 hours, like Stripe.
  if (isSandboxMode(env)) await purgeSandboxIdempotency(db, IDEMPOTENCY_KEY_TTL_MS, now);
  logEvent("scheduled_sweep", { count: repolled, attempt: due.length, state: `expired:${expired.length}` });
  return { expired: expired.length, repolled, due: due.length };
}
