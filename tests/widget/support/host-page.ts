/**
 * The host site: a signup form on its own origin, served with a strict CSP (no inline script or style), embedding
 * <ownercheck-verify> from the API's origin. /host.js records the widget's events and the form's submissions.
 */
import { type Handler, send, startServer, type TestServer } from "./http";

export const WIDGET_EVENTS = [
  "ownercheck-ready",
  "ownercheck-open",
  "ownercheck-exit",
  "ownercheck-success",
  "ownercheck-error",
] as const;

export interface RecordedEvent {
  type: (typeof WIDGET_EVENTS)[number];
  detail: Record<string, unknown>;
}

const HOST_SCRIPT = `
window.__events = [];
window.__submits = [];
window.__invalid = 0;
for (const type of ${JSON.stringify(WIDGET_EVENTS)}) {
  document.addEventListener(type, (event) => window.__events.push({ type, detail: event.detail }));
}
document.addEventListener("submit", (event) => {
  event.preventDefault();
  window.__submits.push(Object.fromEntries(new FormData(event.target)));
});
document.addEventListener("invalid", () => { window.__invalid += 1; }, true);
`;

const HOST_CSS = `
:root { color-scheme: light dark; }
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 36rem; }
label { display: block; margin-bottom: 1rem; }
form > button { margin-top: 1rem; }
ownercheck-verify::part(status) { font-style: italic; }
`;

export interface HostPageOptions {
  apiOrigin: string;
  /** The default token; `?token=` on the page URL overrides it (one applicant per test against the real worker). */
  clientToken: string;
  /** Extra CSP sources (Stripe.js, for the stripe-mode test). */
  stripeCsp?: boolean;
  lang?: string;
  /** Render the element with `no-resume` (`?no-resume` on the page URL). */
  noResume?: boolean;
}

export function hostCsp(options: HostPageOptions): string {
  const api = options.apiOrigin;
  const stripe = options.stripeCsp;
  return [
    "default-src 'none'",
    `script-src 'self' ${api}${stripe ? " https://js.stripe.com https://*.js.stripe.com" : ""}`,
    `connect-src ${api}${stripe ? " https://api.stripe.com" : ""}`,
    `frame-src ${api}${stripe ? " https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com" : ""}`,
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
  ].join("; ");
}

function hostHtml(options: HostPageOptions): string {
  const attributes = `client-token="${options.clientToken}" api-base="${options.apiOrigin}" required${options.noResume ? " no-resume" : ""}`;
  return `<!doctype html>
<html lang="${options.lang ?? "en"}">
<head>
  <meta charset="utf-8">
  <title>Shop signup</title>
  <link rel="stylesheet" href="/host.css">
  <script type="module" src="/host.js"></script>
  <script type="module" src="${options.apiOrigin}/widget.js"></script>
</head>
<body>
  <h1>Create your shop account</h1>
  <form id="signup">
    <label>Email <input name="email" value="bob@example.com"></label>
    <ownercheck-verify name="bank_verification" ${attributes}></ownercheck-verify>
    <button id="submit" type="submit">Create account</button>
    <button id="reset" type="reset">Reset</button>
  </form>
</body>
</html>`;
}

/** Serves the host page at `/` (`?token=` and `?lang=` tweak it) plus its script and stylesheet. */
export function startHostPage(options: HostPageOptions, port = 0): Promise<TestServer> {
  const handler: Handler = (_req, res, url) => {
    if (url.pathname === "/host.js") return send(res, 200, HOST_SCRIPT, { "Content-Type": "text/javascript" });
    if (url.pathname === "/host.css") return send(res, 200, HOST_CSS, { "Content-Type": "text/css" });
    if (url.pathname === "/favicon.ico") return send(res, 204, "");
    if (url.pathname === "/") {
      const pageOptions = {
        ...options,
        clientToken: url.searchParams.get("token") ?? options.clientToken,
        lang: url.searchParams.get("lang") ?? options.lang,
        noResume: url.searchParams.has("no-resume") || options.noResume,
      };
      return send(res, 200, hostHtml(pageOptions), {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": hostCsp(pageOptions),
      });
    }
    send(res, 404, "not found");
  };
  return startServer(handler, "localhost", port);
}

declare global {
  interface Window {
    __events: RecordedEvent[];
    __submits: Record<string, string>[];
    __invalid: number;
  }
}
