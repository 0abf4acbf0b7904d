/**
 * One queue item side by side: what the applicant typed against every owner the bank returned, raw and as the
 * matcher read them (normalized), with per-field scores, flags, reasons and the decision history.
 */
import { applicantAddress } from "../db/applicants";
import type { Database } from "../db/client";
import { loadReviewItem, type ReviewItem } from "../db/reviews";
import type { ReviewStatus } from "../db/schema";
import { toSeconds } from "../lib/time";
import { normalizeApplicantForDisplay, normalizeOwnerForDisplay } from "../match";
import { allowedActions } from "./decide";
import { fieldViews, flagList } from "./list";
import type { ReasonCode } from "./reason-codes";

type StoredOwnerScore = { score?: unknown; decision?: unknown; fields?: unknown; reasons?: unknown };

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function applicantSide(item: ReviewItem) {
  const a = item.applicant;
  if (!a) return null;
  const address = applicantAddress(a);
  const erased = a.erasedAt !== null;
  return {
    id: a.id,
    erased,
    typed: { name: a.name, address, email: a.email, phone: a.phone },
    normalized:
      !erased && a.name
        ? normalizeApplicantForDisplay({ name: a.name, address, email: a.email, phone: a.phone })
        : null,
  };
}

function ownerSides(item: ReviewItem) {
  const scores = (Array.isArray(item.result?.owners) ? item.result.owners : []) as StoredOwnerScore[];
  const accountOf = new Map(item.accounts.map((acc) => [acc.id, acc]));
  const country = item.applicant?.addressCountry ?? "US";
  return item.owners.map((o) => {
    const scored = scores[o.position];
    const account = accountOf.get(o.accountId);
    const purged = o.purgedAt !== null;
    const fields = scored?.fields ? fieldViews(scored.fields) : null;
    const raw = { name: o.name, address: o.rawAddress, email: o.email, phone: o.phone };
    return {
      index: o.position,
      best: item.result?.ownerIndex === o.position,
      account: account
        ? { id: account.stripeAccountId, institution: account.institutionName, last4: account.last4 }
        : null,
      raw,
      normalized: purged ? null : normalizeOwnerForDisplay({ ...raw, raw_address: raw.address }, country),
      purged,
      refreshed_at: toSeconds(o.refreshedAt),
      score: typeof scored?.score === "number" ? scored.score : null,
      decision: typeof scored?.decision === "string" ? scored.decision : null,
      fields,
      flags: fields ? flagList(fields) : [],
      // Per-owner reasons quote the bank's names: gone with the owner's PII.
      reasons: purged ? [] : strings(scored?.reasons),
    };
  });
}

/** The full review item, or null when there is no such verification. */
export async function reviewDetail(db: Database, verificationId: string, codes: readonly ReasonCode[]) {
  const item = await loadReviewItem(db, verificationId);
  if (!item) return null;
  const v = item.verification;
  const labelOf = new Map(codes.map((c) => [c.code, c.label]));
  const owners = ownerSides(item);
  const best = owners.find((o) => o.best) ?? owners[0];
  const account =
    best?.account ??
    (item.accounts[0]
      ? {
          id: item.accounts[0].stripeAccountId,
          institution: item.accounts[0].institutionName,
          last4: item.accounts[0].last4,
        }
      : null);
  const refreshed = Math.max(
    0,
    ...item.owners.map((o) => o.refreshedAt ?? 0),
    ...item.accounts.map((acc) => acc.ownershipRefreshedAt ?? 0),
  );
  const fields = item.result ? fieldViews(item.result.fields) : null;
  return {
    id: v.id,
    object: "review" as const,
    state: v.state,
    decision: v.decision,
    score: v.score,
    review_status: v.reviewStatus as ReviewStatus | null,
    failure_code: v.failureCode,
    mode: v.mode,
    institution: v.institutionName ?? account?.institution ?? null,
    last4: account?.last4 ?? null,
    accounts: item.accounts.map((acc) => ({
      id: acc.stripeAccountId,
      institution: acc.institutionName,
      last4: acc.last4,
      category: acc.category,
      status: acc.status,
      ownership_status: acc.ownershipRefreshStatus,
    })),
    refreshed_at: refreshed > 0 ? toSeconds(refreshed) : null,
    created: toSeconds(v.createdAt),
    updated: toSeconds(v.updatedAt),
    completed: toSeconds(v.completedAt),
    applicant: applicantSide(item),
    owners,
    result: item.result
      ? {
          score: item.result.score,
          decision: item.result.decision,
          owner_index: item.result.ownerIndex,
          algorithm: item.result.algorithm,
          fields,
          flags: fields ? flagList(fields) : [],
          reasons: strings(item.result.reasons),
          created: toSeconds(item.result.createdAt),
        }
      : null,
    history: item.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason_code: d.reasonCode,
      reason_label: d.reasonCode ? (labelOf.get(d.reasonCode) ?? d.reasonCode) : null,
      note: d.note,
      actor: d.actor,
      created: toSeconds(d.createdAt),
    })),
    allowed_decisions: allowedActions(v),
  };
}

export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof reviewDetail>>>;
