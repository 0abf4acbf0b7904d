/**
 * Browser-facing files and pages: the built bundles from dist/public (through the ASSETS binding, since the worker
 * runs first), the shared page stylesheet, the sandbox linking page (sandbox mode only) and the demo (DEMO_ENABLED).
 * Every HTML page carries a strict CSP: no inline script or style anywhere.
 */
import type { Context } from "hono";
import { requireClientToken } from "../auth/middleware";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/create-router";
import { ApiError, invalidRequest, notFound } from "../lib/errors";
import { limitBody } from "../lib/middleware";
import { DEMO_PATH, demoCsp, renderDemoPage } from "../pages/demo-page";
import { PAGE_CSS, PAGE_STYLES_PATH } from "../pages/page-styles";
import { LINK_PAGE_PATH, LINK_PAGE_SCRIPT, LINK_SCRIPT_PATH, linkPageCsp, renderLinkPage } from "../sandbox/link-page";
import { sessionIdOfSecret } from "../sandbox/objects";
import { SCENARIOS } from "../sandbox/scenarios";
import { isSandboxMode } from "../stripe/config";
import { sessionPermissions } from "../verification/flow";
import { allowedOrigins } from "./widget";

/** /widget.js is embedded by other sites as a module script: CORS-readable, cacheable for an hour, revalidated by ETag. */
const WIDGET_HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "X-Content-Type-Options": "nosniff",
};

/** The demo's bundle and the linking page's script are only for our own pages. */
const OWN_SCRIPT_HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "Cache-Control": "public, max-age=300",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** How long the sandbox's `pending` bank keeps the owners before delivering them by webhook. */
const SANDBOX_PENDING_DELIVERY_MS = 4000;

/** A built file from dist/public, with our headers; conditional requests (If-None-Match) pass through. */
export async function serveAsset(c: Context<AppEnv>, path: string, headers: Record<string, string>) {
  const upstream = await c.env.ASSETS.fetch(new Request(new URL(path, c.req.url), { headers: c.req.raw.headers }));
  if (upstream.status === 404) return c.notFound();
  const response = new Response(upstream.body, upstream);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const demoEnabled = (env: Env) => env.DEMO_ENABLED === "true";

/** The worker's public origin: PUBLIC_BASE_URL when set (behind a proxy), else the request's own. */
function ownOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_BASE_URL ? new URL(c.env.PUBLIC_BASE_URL).origin : new URL(c.req.url).origin;
}

export const pagesRouter = createRouter();

pagesRouter.get("/widget.js", (c) => serveAsset(c, "/widget.js", WIDGET_HEADERS));
// The Stripe.js loader the widget imports on first use, cross-origin like /widget.js itself.
pagesRouter.get("/widget-stripe.js", (c) => serveAsset(c, "/widget-stripe.js", WIDGET_HEADERS));
pagesRouter.get("/demo.js", (c) => (demoEnabled(c.env) ? serveAsset(c, "/demo.js", OWN_SCRIPT_HEADERS) : c.notFound()));

pagesRouter.get(PAGE_STYLES_PATH, (c) =>
  c.body(PAGE_CSS, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  }),
);

pagesRouter.get(LINK_SCRIPT_PATH, (c) => {
  if (!isSandboxMode(c.env)) return c.notFound();
  return c.body(LINK_PAGE_SCRIPT, 200, OWN_SCRIPT_HEADERS);
});

pagesRouter.get(LINK_PAGE_PATH, (c) => {
  if (!isSandboxMode(c.env)) return c.notFound();
  const clientSecret = c.req.query("client_secret") ?? "";
  const parentOrigin = c.req.query("origin") ?? "";
  const sessionId = sessionIdOfSecret(clientSecret);
  if (!sessionId) throw invalidRequest("parameter_invalid", "Invalid client_secret.", "client_secret");
  // The page posts its result to this origin, so only a configured site (or our own demo) may open it.
  const permitted = [...allowedOrigins(c.env), ownOrigin(c)];
  if (!permitted.includes(parentOrigin)) {
    throw invalidRequest("origin_not_allowed", "This origin is not in ALLOWED_ORIGINS.", "origin");
  }
  const page = renderLinkPage({
    clientSecret,
    sessionId,
    parentOrigin,
    institutions: SCENARIOS,
    // The very list each session is created with, so consent never names less (or more) than is asked.
    permissions: sessionPermissions(c.env),
    deliverAfterMs: SANDBOX_PENDING_DELIVERY_MS,
  });
  return c.body(page, 200, {
    ...PAGE_HEADERS,
    "Content-Security-Policy": linkPageCsp(parentOrigin),
    "Referrer-Policy": "no-referrer",
  });
});

pagesRouter.get(DEMO_PATH, (c) => {
  if (!demoEnabled(c.env)) return c.notFound();
  return c.body(renderDemoPage({ sandbox: isSandboxMode(c.env) }), 200, {
    ...PAGE_HEADERS,
    "Content-Security-Policy": demoCsp(!isSandboxMode(c.env)),
    // Stripe's Financial Connections checklist: OAuth bank logins need popups and a Referer.
    "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
});

/** The demo's tiny backend calls the public API in-process with the dev server key, like a host's backend would. */
function demoServerKey(env: Env): string {
  const key = env.OWNERCHECK_DEV_SERVER_KEY;
  if (!key) throw new ApiError(503, "api_error", "demo_unconfigured", "OWNERCHECK_DEV_SERVER_KEY is not set.");
  return key;
}

async function callApi(c: Context<AppEnv>, method: string, path: string, body?: unknown) {
  const request = new Request(new URL(path, c.req.url), {
    method,
    headers: {
      Authorization: `Bearer ${demoServerKey(c.env)}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await c.get("selfFetch")(request);
  return new Response(response.body, {
    status: response.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const DEMO_APPLICANT_FIELDS = ["name", "email", "phone"] as const;
const DEMO_ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

/** Only the fields the signup form has, blanks dropped; the API validates the rest and its errors go back as-is. */
function demoApplicantInput(raw: unknown) {
  const source = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = (keys: readonly string[]) =>
    Object.fromEntries(
      keys.flatMap((k) => (typeof source[k] === "string" && source[k].trim() !== "" ? [[k, source[k]]] : [])),
    );
  return { ...pick(DEMO_APPLICANT_FIELDS), address: pick(DEMO_ADDRESS_FIELDS) };
}

pagesRouter.use("/demo/api/*", async (c, next) => {
  if (!demoEnabled(c.env)) return c.notFound();
  await next();
});

pagesRouter.post("/demo/api/applicants", limitBody(), async (c) => {
  const raw = await c.req.json().catch(() => {
    throw invalidRequest("json_invalid", "The request body is not valid JSON.");
  });
  return callApi(c, "POST", "/v1/applicants", demoApplicantInput(raw));
});

// The browser proves which applicant it is with the client token it was given; it sees only that applicant.
pagesRouter.get("/demo/api/applicants/:id", requireClientToken(), async (c) => {
  const principal = c.get("principal");
  const id = c.req.param("id");
  if (principal.kind !== "client_token" || principal.applicantId !== id) {
    throw notFound("applicant", id);
  }
  return callApi(c, "GET", `/v1/applicants/${encodeURIComponent(id)}`);
});
