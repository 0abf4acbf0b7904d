/** The coarse status the browser sees, derived from the verification's state and decision (DESIGN §1). */
import type { Decision, VerificationState } from "../db/schema";

export type VerificationStatus = "pending" | "verified" | "needs_review" | "failed" | "canceled";

const DECISION_STATUS: Record<Decision, VerificationStatus> = {
  match: "verified",
  review: "needs_review",
  mismatch: "failed",
};

export function verificationStatus(state: VerificationState, decision: Decision | null): VerificationStatus {
  switch (state) {
    case "matched":
      return decision ? DECISION_STATUS[decision] : "pending";
    case "canceled":
      return "canceled";
    case "failed":
    case "expired":
      return "failed";
    default:
      return "pending";
  }
}
