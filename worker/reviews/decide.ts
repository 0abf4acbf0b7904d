/**
 * Reviewer decisions: approve, reject, escalate, reopen. The review status moves by a conditional UPDATE on the status
 * the reviewer saw, the decision row and its audit row ride in the same atomic batch, and repeating a decision
 * (same Idempotency-Key, or the status already being the one asked for) adds no row.
 */
import type { Database } from "../db/client";
import {
  type DecisionWrite,
  findDecisionByIdempotencyKey,
  findReviewTarget,
  latestDecision,
  type ReviewDecisionRow,
  type ReviewTarget,
  writeDecision,
} from "../db/reviews";
import type { ReviewStatus, VerificationState } from "../db/schema";
import { ApiError, conflict, invalidRequest, notFound } from "../lib/errors";
import { newId } from "../lib/ids";
import type { ReasonCode } from "./reason-codes";

export const REVIEW_ACTIONS = ["approve", "reject", "escalate", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * Where each action leads and from where. `null` is a verification the policy decided on its own (match or
 * mismatch, never queued): a reviewer may still override it, or reopen it into the queue. A decided item
 * (approved/rejected) must be reopened before it is decided again, so the trail shows the reversal.
 */
export const TRANSITIONS: Record<ReviewAction, { to: ReviewStatus; from: readonly (ReviewStatus | null)[] }> = {
  approve: { to: "approved", from: ["open", "escalated", null] },
  reject: { to: "rejected", from: ["open", "escalated", null] },
  escalate: { to: "escalated", from: ["open", null] },
  reopen: { to: "open", from: ["approved", "rejected", "escalated", null] },
};

const AUDIT_ACTIONS: Record<ReviewAction, string> = {
  approve: "review.approved",
  reject: "review.rejected",
  escalate: "review.escalated",
  reopen: "review.reopened",
};

type Reviewable = { state: VerificationState; decision: string | null; reviewStatus: ReviewStatus | null };

/** Only verifications that reached a verdict can be reviewed. */
export const isReviewable = (v: Pick<Reviewable, "state" | "decision">) => v.state === "matched" && v.decision !== null;

/** The actions that would change this item now. */
export function allowedActions(v: Reviewable): ReviewAction[] {
  if (!isReviewable(v)) return [];
  return REVIEW_ACTIONS.filter(
    (a) => TRANSITIONS[a].to !== v.reviewStatus && TRANSITIONS[a].from.includes(v.reviewStatus),
  );
}

export interface DecisionRequest {
  verificationId: string;
  action: ReviewAction;
  reasonCode?: string | null | undefined;
  note?: string | null | undefined;
  actor: string;
  idempotencyKey?: string | null | undefined;
}

export interface DecisionOutcome {
  verificationId: string;
  reviewStatus: ReviewStatus | null;
  /** The decision row that produced the current status (this call's, or the earlier one it repeats). */
  decision: ReviewDecisionRow | null;
  /** False when nothing was written: a repeat, or the status already was the one asked for. */
  changed: boolean;
  replayed: boolean;
}

const isUniqueViolation = (err: unknown): boolean => {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (/UNIQUE constraint failed/i.test(String((e as { message?: unknown }).message ?? e))) return true;
  }
  return false;
};

function checkReasonCode(request: DecisionRequest, codes: readonly ReasonCode[]) {
  const code = request.reasonCode ?? null;
  if (code === null) {
    if (request.action === "reopen") return null;
    throw invalidRequest(
      "parameter_missing",
      `Missing required param: reason_code (required to ${request.action}).`,
      "reason_code",
    );
  }
  if (!codes.some((c) => c.code === code)) {
    throw invalidRequest(
      "reason_code_invalid",
      `Unknown reason_code '${code}'; see GET /v1/reviews/reason_codes.`,
      "reason_code",
    );
  }
  return code;
}

async function replay(db: Database, request: DecisionRequest, prior: ReviewDecisionRow): Promise<DecisionOutcome> {
  const sameRequest =
    prior.verificationId === request.verificationId &&
    prior.decision === request.action &&
    (prior.reasonCode ?? null) === (request.reasonCode ?? null) &&
    (prior.note ?? null) === (request.note ?? null);
  if (!sameRequest) {
    throw new ApiError(
      400,
      "idempotency_error",
      "idempotency_key_reused",
      "Keys for idempotent requests can only be used with the same parameters they were first used with.",
    );
  }
  const target = await findReviewTarget(db, prior.verificationId);
  return {
    verificationId: prior.verificationId,
    reviewStatus: target?.reviewStatus ?? null,
    decision: prior,
    changed: false,
    replayed: true,
  };
}

async function unchanged(db: Database, target: ReviewTarget, status: ReviewStatus | null): Promise<DecisionOutcome> {
  return {
    verificationId: target.id,
    reviewStatus: status,
    decision: await latestDecision(db, target.id),
    changed: false,
    replayed: false,
  };
}

/** Applies a reviewer's decision; see the module header for the guarantees. */
export async function decideReview(
  db: Database,
  request: DecisionRequest,
  codes: readonly ReasonCode[],
  now = Date.now(),
): Promise<DecisionOutcome> {
  const key = request.idempotencyKey ?? null;
  if (key) {
    const prior = await findDecisionByIdempotencyKey(db, request.actor, key);
    if (prior) return replay(db, request, prior);
  }
  const target = await findReviewTarget(db, request.verificationId);
  if (!target) throw notFound("verification", request.verificationId, "verification_id");
  if (!isReviewable(target)) {
    throw conflict(
      "review_not_available",
      `Verification ${target.id} has no verdict to review (state: ${target.state}).`,
    );
  }
  const reasonCode = checkReasonCode(request, codes);
  const { to, from } = TRANSITIONS[request.action];
  if (target.reviewStatus === to) return unchanged(db, target, to);
  if (!from.includes(target.reviewStatus)) {
    throw conflict(
      "review_transition_invalid",
      `Cannot ${request.action} an item that is ${target.reviewStatus}; reopen it first.`,
    );
  }

  const row: ReviewDecisionRow = {
    id: newId("rd"),
    verificationId: target.id,
    decision: request.action,
    reasonCode,
    note: request.note ?? null,
    actor: request.actor,
    idempotencyKey: key,
    createdAt: now,
  };
  const write: DecisionWrite = {
    target,
    to,
    row,
    // Ids, codes, statuses and scores only: the note (free text) stays in review_decisions.
    audit: {
      actor: request.actor,
      action: AUDIT_ACTIONS[request.action],
      verificationId: target.id,
      applicantId: target.applicantId,
      before: { review_status: target.reviewStatus, decision: target.decision, score: target.score },
      after: { review_status: to, reason_code: reasonCode, review_decision_id: row.id },
      createdAt: now,
    },
  };
  let changed: boolean;
  try {
    changed = await writeDecision(db, write);
  } catch (err) {
    // The same Idempotency-Key raced us and won: the batch rolled back whole; answer as its repeat.
    if (key && isUniqueViolation(err)) {
      const prior = await findDecisionByIdempotencyKey(db, request.actor, key);
      if (prior) return replay(db, request, prior);
    }
    throw err;
  }
  if (changed) {
    return { verificationId: target.id, reviewStatus: to, decision: row, changed: true, replayed: false };
  }
  // Someone else decided between our read and our write.
  const now2 = await findReviewTarget(db, target.id);
  if (now2?.reviewStatus === to) return unchanged(db, target, to);
  throw conflict(
    "review_conflict",
    `The item changed while you were deciding (it is now ${now2?.reviewStatus ?? "gone"}); reload it and try again.`,
  );
}
