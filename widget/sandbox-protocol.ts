/**
 * The contract between <ownercheck-verify> and the sandbox linking page (worker/sandbox/link-page.ts), which stands in
 * for Stripe's modal when STRIPE_MODE=sandbox: where the page lives, and the messages it posts to its parent.
 * The page posts only to the exact parent origin it was opened for; the widget accepts only messages from the
 * worker's exact origin whose source is its own iframe, naming its own session.
 */

export const SANDBOX_LINK_PATH = "/sandbox/link";
export const SANDBOX_MESSAGE_SOURCE = "ownercheck-sandbox";

/** `linked`: accounts were linked; `closed`: the user left without linking (cancel, close, or gave up on an error). */
export type SandboxOutcome = "linked" | "closed";

export interface SandboxMessage {
  source: typeof SANDBOX_MESSAGE_SOURCE;
  type: SandboxOutcome;
  /** The Financial Connections session id (fcsess_…), so a message for another session is ignored. */
  session: string;
}

export function isSandboxMessage(data: unknown): data is SandboxMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Partial<SandboxMessage>;
  return (
    message.source === SANDBOX_MESSAGE_SOURCE &&
    (message.type === "linked" || message.type === "closed") &&
    typeof message.session === "string"
  );
}

/** A client_secret is `fcsess_…_secret_…`; the session id is the part before `_secret_`. */
export function sessionIdFromClientSecret(clientSecret: string): string {
  const at = clientSecret.indexOf("_secret_");
  return at > 0 ? clientSecret.slice(0, at) : clientSecret;
}

/** The linking page's address for one session, opened in a frame by a page of `parentOrigin`. */
export function sandboxLinkUrl(apiBase: string, clientSecret: string, parentOrigin: string): string {
  const url = new URL(SANDBOX_LINK_PATH, apiBase);
  url.searchParams.set("client_secret", clientSecret);
  url.searchParams.set("origin", parentOrigin);
  return url.href;
}
