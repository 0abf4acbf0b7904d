/**
 * The events <ownercheck-verify> fires. All are prefixed `ownercheck-`, bubble and are composed, so a host can listen
 * on the element, its form or the document. The status they carry is a UI hint: the host's backend reads the
 * verdict from `GET /v1/applicants/:id`, which is the truth.
 */

/** The coarse status the widget API returns (the server's verdict, reduced for the browser). */
export type VerificationStatus = "pending" | "verified" | "needs_review" | "failed" | "canceled";

/** Why linking ended without a verdict. */
export type ExitReason = "canceled" | "error" | "token_expired";

/** How the account-linking UI was opened: Stripe's modal, or the offline sandbox page in a dialog. */
export type LinkingMode = "stripe" | "sandbox";

// biome-ignore lint/complexity/noBannedTypes: the ready event carries nothing, and says so.
export type OwnercheckReadyDetail = {};

export interface OwnercheckOpenDetail {
  verificationId: string;
  mode: LinkingMode;
}

export interface OwnercheckExitDetail {
  reason: ExitReason;
  verificationId: string | null;
}

export interface OwnercheckSuccessDetail {
  verificationId: string;
  status: Extract<VerificationStatus, "verified" | "needs_review" | "failed">;
  /** The verdict belongs to a verification from before the page loaded (picked up again, not run now). */
  resumed?: boolean;
}

/** Stripe-style error fields, from the widget API, Stripe.js, or the network (`type: "api_connection_error"`). */
export interface OwnercheckErrorDetail {
  type: string;
  code: string;
  message: string;
  verificationId: string | null;
}

export interface OwnercheckEventMap {
  "ownercheck-ready": CustomEvent<OwnercheckReadyDetail>;
  "ownercheck-open": CustomEvent<OwnercheckOpenDetail>;
  "ownercheck-exit": CustomEvent<OwnercheckExitDetail>;
  "ownercheck-success": CustomEvent<OwnercheckSuccessDetail>;
  "ownercheck-error": CustomEvent<OwnercheckErrorDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends OwnercheckEventMap {}
}

type DetailOf<K extends keyof OwnercheckEventMap> = OwnercheckEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches one of our events the one way they are all dispatched. */
export function emit<K extends keyof OwnercheckEventMap>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
