/**
 * A stand-in for the worker's widget API and sandbox pages, so the element is tested alone: the same routes, CORS
 * and error bodies, with verdicts the test chooses. The linking page served here is the real one
 * (worker/sandbox/link-page.ts); only the link call behind it is stubbed.
 */

import type { VerificationStatus } from "../../../widget/events";
import { sessionIdFromClientSecret } from "../../../widget/sandbox-protocol";
import { PAGE_CSS } from "../../../worker/pages/page-styles";
import {
  LINK_PAGE_SCRIPT,
  type LinkPageInstitution,
  linkPageCsp,
  renderLinkPage,
} from "../../../worker/sandbox/link-page";
import { readBody, send, sendJson, startServer, type TestServer } from "./http";
import { widgetBundle } from "./widget-bundle";

export const GOOD_TOKEN = "oc_ct_stubGoodToken";
export const EXPIRED_TOKEN = "oc_ct_stubExpiredToken";

export interface StubPlan {
  mode: "sandbox" | "stripe";
  /** What POST …/complete answers. */
  complete: VerificationStatus;
  /** What successive GET …/verifications/:id answer (the last one repeats). */
  polls: VerificationStatus[];
  /** Make POST /sandbox/v1/sessions/:id/link fail with this status. */
  linkFailsWith?: number;
  /** What GET /v1/widget/verification answers (the applicant's newest linked verification); null by default. */
  current?: { id: string; status: VerificationStatus } | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  origin: string | undefined;
  body: string;
}

export interface StubApi extends TestServer {
  /** The origins CORS and the linking page accept (the host pages'; set once they are running). */
  allowedOrigins: string[];
  /** Forgets recorded requests and restarts the session numbering (ver_stub1, fcsess_stub1…). */
  reset(): void;
  plan: StubPlan;
  requests: RecordedRequest[];
  count(method: string, pathPrefix: string): number;
}

const INSTITUTIONS: LinkPageInstitution[] = [
  {
    name: "exact",
    institution_name: "Exact Match Bank",
    description: "Owner is the applicant.",
    expected_status: "verified",
    links_account: true,
  },
  {
    name: "family",
    institution_name: "Family Federal",
    description: "A relative owns it.",
    expected_status: "needs_review",
    links_account: true,
  },
  {
    name: "different",
    institution_name: "Different Person Bank",
    description: "Someone else.",
    expected_status: "failed",
    links_account: true,
  },
  {
    name: "pending",
    institution_name: "Slow Data Bank",
    description: "Owners arrive later.",
    expected_status: "verified",
    links_account: true,
  },
  {
    name: "cancel",
    institution_name: "Cancel (exit the flow)",
    description: "Leaves.",
    expected_status: "canceled",
    links_account: false,
  },
];

const authError = (message: string) => ({
  error: { type: "authentication_error", code: "invalid_api_key", message, param: null },
});

export async function startStubApi(): Promise<StubApi> {
  const requests: RecordedRequest[] = [];
  let sessions = 0;
  const pollsServed = new Map<string, number>();
  const stub = {
    allowedOrigins: [] as string[],
    reset() {
      requests.length = 0;
      sessions = 0;
      pollsServed.clear();
    },
    plan: { mode: "sandbox", complete: "verified", polls: ["verified"] } as StubPlan,
    requests,
    count: (method: string, prefix: string) =>
      requests.filter((r) => r.method === method && r.path.startsWith(prefix)).length,
  };
  const cors = (origin: string | undefined): Record<string, string> =>
    origin && stub.allowedOrigins.includes(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};

  const server = await startServer(async (req, res, url) => {
    const method = req.method ?? "GET";
    const origin = req.headers.origin;
    const body = method === "POST" ? await readBody(req) : "";
    requests.push({ method, path: url.pathname, authorization: req.headers.authorization, origin, body });

    if (url.pathname === "/widget.js" || url.pathname === "/widget-stripe.js") {
      return send(res, 200, await widgetBundle(url.pathname === "/widget.js" ? "widget" : "widget-stripe"), {
        "Content-Type": "text/javascript; charset=utf-8",
        "Access-Control-Allow-Origin": "*",
      });
    }
    if (url.pathname === "/pages.css") return send(res, 200, PAGE_CSS, { "Content-Type": "text/css" });
    if (url.pathname === "/sandbox/link.js")
      return send(res, 200, LINK_PAGE_SCRIPT, { "Content-Type": "text/javascript" });
    if (url.pathname === "/sandbox/link") {
      const clientSecret = url.searchParams.get("client_secret") ?? "";
      const parentOrigin = url.searchParams.get("origin") ?? "";
      if (!stub.allowedOrigins.includes(parentOrigin))
        return sendJson(res, 400, { error: { type: "invalid_request_error" } });
      const html = renderLinkPage({
        clientSecret,
        sessionId: sessionIdFromClientSecret(clientSecret),
        parentOrigin,
        institutions: INSTITUTIONS,
        permissions: ["ownership"],
        deliverAfterMs: 0,
      });
      return send(res, 200, html, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": linkPageCsp(parentOrigin),
      });
    }
    const linkMatch = /^\/sandbox\/v1\/sessions\/([^/]+)\/link$/.exec(url.pathname);
    if (linkMatch && method === "POST") {
      if (stub.plan.linkFailsWith) {
        return sendJson(res, stub.plan.linkFailsWith, {
          error: { type: "api_error", code: "institution_unavailable", message: "The bank is unavailable." },
        });
      }
      return sendJson(res, 200, { id: linkMatch[1], object: "financial_connections.session" });
    }

    if (url.pathname.startsWith("/v1/widget/")) {
      if (method === "OPTIONS") {
        return send(res, 204, "", {
          ...cors(origin),
          "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
          "Access-Control-Allow-Headers": "Authorization, Content-Type",
        });
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (token !== GOOD_TOKEN) {
        return sendJson(res, 401, authError("The client token is invalid or has expired."), cors(origin));
      }
      if (url.pathname === "/v1/widget/verification" && method === "GET") {
        return sendJson(res, 200, { verification: stub.plan.current ?? null }, cors(origin));
      }
      if (url.pathname === "/v1/widget/sessions" && method === "POST") {
        sessions += 1;
        return sendJson(
          res,
          200,
          {
            verification_id: `ver_stub${sessions}`,
            client_secret: `fcsess_stub${sessions}_secret_abc${sessions}`,
            publishable_key: "pk_test_stub",
            mode: stub.plan.mode,
          },
          cors(origin),
        );
      }
      const complete = /^\/v1\/widget\/verifications\/([^/]+)\/complete$/.exec(url.pathname);
      if (complete && method === "POST") return sendJson(res, 200, { status: stub.plan.complete }, cors(origin));
      const status = /^\/v1\/widget\/verifications\/([^/]+)$/.exec(url.pathname);
      if (status && method === "GET") {
        const id = status[1] ?? "";
        const served = pollsServed.get(id) ?? 0;
        pollsServed.set(id, served + 1);
        const polls = stub.plan.polls;
        return sendJson(res, 200, { status: polls[Math.min(served, polls.length - 1)] ?? "pending" }, cors(origin));
      }
    }
    sendJson(res, 404, { error: { type: "invalid_request_error", code: "route_not_found", message: "Not found" } });
  });
  return Object.assign(stub, server);
}
