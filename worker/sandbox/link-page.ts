/**
 * The sandbox linking page: what Stripe's Financial Connections modal is when STRIPE_MODE=sandbox. It looks like a
 * bank picker (one "institution" per scenario), asks for consent naming the requested permissions, links through
 * POST /sandbox/v1/sessions/:id/link, then tells the widget with postMessage, to the exact parent origin only.
 * Its script and styles are separate files (LINK_PAGE_SCRIPT here, /pages.css), so its CSP needs no 'unsafe-inline'.
 * The message format is the widget's (widget/sandbox-protocol.ts): one contract, two ends.
 */
import { html } from "hono/html";
import { SANDBOX_LINK_PATH, SANDBOX_MESSAGE_SOURCE } from "../../widget/sandbox-protocol";
import { BASE_CSP, serializeCsp } from "../pages/csp";
import { PAGE_STYLES_PATH } from "../pages/page-styles";

export const LINK_PAGE_PATH = SANDBOX_LINK_PATH;
export const LINK_SCRIPT_PATH = `${SANDBOX_LINK_PATH}.js`;

/** One bank on the picker: a scenario as GET /sandbox/v1/scenarios describes it, plus whether it links anything. */
export interface LinkPageInstitution {
  name: string;
  institution_name: string;
  description: string;
  expected_status: string;
  links_account: boolean;
}

export interface LinkPageOptions {
  clientSecret: string;
  sessionId: string;
  /** The exact origin of the page embedding the widget; the only target of postMessage. */
  parentOrigin: string;
  institutions: readonly LinkPageInstitution[];
  /** Financial Connections permissions requested (FC_PERMISSIONS), in Stripe's names. */
  permissions: readonly string[];
  /** How long the `pending` scenario waits before the owners arrive by webhook. */
  deliverAfterMs: number;
}

/** What each Financial Connections permission lets the business see, in the consent screen's words. */
const PERMISSION_TEXT: Record<string, string> = {
  ownership: "Account ownership: the account holder's name, address, email and phone number",
  payment_method: "Account details: the account and routing numbers",
  balances: "Balances: the account's current and available balance",
  transactions: "Transactions: the account's recent transactions",
};

/** The page's CSP: its own script and stylesheet, its own API, framed only by the embedding origin. */
export function linkPageCsp(parentOrigin: string): string {
  return serializeCsp({ ...BASE_CSP, "form-action": ["'none'"], "frame-ancestors": [parentOrigin] });
}

export function renderLinkPage(options: LinkPageOptions): string {
  const requester = new URL(options.parentOrigin).host;
  const permissions = options.permissions.length > 0 ? options.permissions : ["ownership"];
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Link your bank · ownercheck sandbox</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PAGE_STYLES_PATH}" />
    <script type="module" src="${LINK_SCRIPT_PATH}"></script>
  </head>
  <body>
    <main
      class="link"
      id="link"
      data-session="${options.sessionId}"
      data-client-secret="${options.clientSecret}"
      data-parent-origin="${options.parentOrigin}"
      data-deliver-after-ms="${String(options.deliverAfterMs)}"
    >
      <p class="badge">Sandbox · no real bank is contacted</p>

      <section data-step="consent" aria-labelledby="consent-title">
        <h1 id="consent-title" tabindex="-1">${requester} wants to verify your bank account</h1>
        <p>To confirm that you own the account you link, ${requester} will be able to see:</p>
        <ul class="permissions">
          ${permissions.map((p) => html`<li data-permission="${p}">${PERMISSION_TEXT[p] ?? p}</li>`)}
        </ul>
        <p class="fine">
          This is ownercheck's offline sandbox. Each bank below stands for a test scenario; the account owner it
          reports is derived from the details you typed.
        </p>
        <div class="actions">
          <button type="button" class="primary" data-action="agree">Agree and continue</button>
          <button type="button" class="secondary" data-action="cancel">Cancel</button>
        </div>
      </section>

      <section data-step="banks" aria-labelledby="banks-title" hidden>
        <h1 id="banks-title" tabindex="-1">Select your bank</h1>
        <ul class="banks">
          ${options.institutions.map(
            (i) => html`<li>
              <button type="button" class="bank" data-scenario="${i.name}" data-links="${String(i.links_account)}">
                <span class="bank-name">${i.institution_name}</span>
                <span class="bank-desc">${i.description}</span>
                <span class="bank-expect">Expected: ${i.expected_status.replace("_", " ")}</span>
              </button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button type="button" class="secondary" data-action="cancel">Cancel</button>
        </div>
      </section>

      <section data-step="linking" class="center" aria-labelledby="linking-title" hidden>
        <h1 id="linking-title" tabindex="-1">Connecting to <span data-bank-name></span>…</h1>
        <div class="spinner" role="presentation"></div>
      </section>

      <section data-step="done" class="center" aria-labelledby="done-title" hidden>
        <h1 id="done-title" tabindex="-1">Account linked</h1>
        <p class="muted">Returning you to ${requester}…</p>
      </section>

      <section data-step="error" aria-labelledby="error-title" hidden>
        <h1 id="error-title" tabindex="-1">We could not link that account</h1>
        <p data-error-message role="alert"></p>
        <div class="actions">
          <button type="button" class="primary" data-action="back">Choose another bank</button>
          <button type="button" class="secondary" data-action="cancel">Cancel</button>
        </div>
      </section>
    </main>
  </body>
</html>
`.toString();
}

/**
 * The page's script, served at LINK_SCRIPT_PATH. Plain browser JavaScript kept as text: the worker serves it as a
 * file, and the build has no entry for worker-served pages. Everything it needs comes from the page's data-*.
 */
export const LINK_PAGE_SCRIPT = `// ownercheck sandbox linking page
const root = document.getElementById("link");
const session = root.dataset.session;
const clientSecret = root.dataset.clientSecret;
const parentOrigin = root.dataset.parentOrigin;
const deliverAfterMs = Number(root.dataset.deliverAfterMs);
const framed = window.parent !== window;
let busy = false;

function show(step) {
  for (const section of root.querySelectorAll("[data-step]")) section.hidden = section.dataset.step !== step;
  root.querySelector('[data-step="' + step + '"] h1')?.focus();
}

// Only to the exact origin the server checked; never "*".
function tell(type) {
  if (framed) window.parent.postMessage({ source: ${JSON.stringify(SANDBOX_MESSAGE_SOURCE)}, type, session }, parentOrigin);
}

async function link(button) {
  if (busy) return;
  busy = true;
  root.querySelector("[data-bank-name]").textContent = button.querySelector(".bank-name").textContent;
  show("linking");
  try {
    const body = { scenario: button.dataset.scenario };
    if (Number.isFinite(deliverAfterMs) && deliverAfterMs >= 0) body.deliver_after_ms = deliverAfterMs;
    const response = await fetch("/sandbox/v1/sessions/" + encodeURIComponent(session) + "/link", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + clientSecret },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const error = await response.json().catch(() => null);
      throw new Error(error?.error?.message || "The bank did not answer (HTTP " + response.status + ").");
    }
    if (button.dataset.links === "false") {
      tell("closed");
      return;
    }
    show("done");
    setTimeout(() => tell("linked"), 600);
  } catch (error) {
    root.querySelector("[data-error-message]").textContent = error.message;
    show("error");
  } finally {
    busy = false;
  }
}

root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button || busy) return;
  if (button.dataset.scenario) link(button);
  else if (button.dataset.action === "agree") show("banks");
  else if (button.dataset.action === "back") show("banks");
  else if (button.dataset.action === "cancel") tell("closed");
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !busy) tell("closed");
});

show("consent");
`;
