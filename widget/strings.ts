/**
 * The widget's words. English is built in; other languages are registered with `registerStrings(lang, strings)`
 * and picked by the element's nearest `lang`; a host overrides single strings with the element's `strings` property.
 */

export interface OwnercheckStrings {
  /** Button in the idle state. */
  start: string;
  /** Button while a session is being created or the linking dialog is open. */
  connecting: string;
  /** Button while the server reads the account's owners. */
  checking: string;
  verifiedButton: string;
  reviewButton: string;
  retry: string;
  checkAgain: string;
  /** Status line, one per state. */
  idleStatus: string;
  connectingStatus: string;
  waitingStatus: string;
  stalledStatus: string;
  verifiedStatus: string;
  needsReviewStatus: string;
  failedStatus: string;
  canceledStatus: string;
  errorStatus: string;
  expiredStatus: string;
  /** The constraint-validation message while `required` and not verified. */
  valueMissing: string;
  dialogTitle: string;
  closeDialog: string;
}

export const ENGLISH: OwnercheckStrings = {
  start: "Verify bank account",
  connecting: "Connecting…",
  checking: "Checking…",
  verifiedButton: "Bank account verified",
  reviewButton: "Submitted for review",
  retry: "Try again",
  checkAgain: "Check again",
  idleStatus: "Link the bank account in your name to confirm you own it.",
  connectingStatus: "Connecting to your bank…",
  waitingStatus: "Waiting for your bank to share the account owner…",
  stalledStatus: "Your bank has not answered yet. You can check again in a moment.",
  verifiedStatus: "Your bank account is verified.",
  needsReviewStatus: "Thanks. We will review your bank details shortly.",
  failedStatus: "We could not confirm that this account is in your name.",
  canceledStatus: "Bank linking was canceled.",
  errorStatus: "Something went wrong while linking your bank.",
  expiredStatus: "This verification session expired. Reload the page to start again.",
  valueMissing: "Verify your bank account to continue.",
  dialogTitle: "Link your bank account",
  closeDialog: "Close",
};

const catalog = new Map<string, Partial<OwnercheckStrings>>([["en", ENGLISH]]);

/** Adds (or extends) a language, keyed by BCP 47 tag (`fr`, `pt-BR`); missing strings fall back to English. */
export function registerStrings(lang: string, strings: Partial<OwnercheckStrings>): void {
  const key = lang.toLowerCase();
  catalog.set(key, { ...catalog.get(key), ...strings });
}

/** English, then the base language (`pt`), then the exact tag (`pt-br`), then the host's overrides. */
export function resolveStrings(lang: string, overrides?: Partial<OwnercheckStrings>): OwnercheckStrings {
  const tag = lang.toLowerCase();
  const base = tag.split("-")[0] ?? tag;
  return { ...ENGLISH, ...catalog.get(base), ...(tag === base ? {} : catalog.get(tag)), ...overrides };
}
