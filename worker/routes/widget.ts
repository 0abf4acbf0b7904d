/** Widget API (client token, CORS limited to ALLOWED_ORIGINS): start linking, complete, poll. Coarse status only. */
import { createRoute, z } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { requireClientToken } from "../auth/middleware";
import type { Principal } from "../env";
import { createRouter } from "../lib/create-router";
import { limitBody } from "../lib/middleware";
import { ERROR_RESPONSES, idParam, jsonResponse, VerificationStatusSchema } from "../lib/schemas";
import { flowDeps } from "../verification/deps";
import {
  completeVerification,
  findOwnVerification,
  findResumableVerification,
  startSession,
} from "../verification/flow";
import { verificationStatus } from "../verification/status";

/** Exact origins from ALLOWED_ORIGINS (comma-separated); no wildcard, so a token leaked to another site is useless there. */
export function allowedOrigins(env: Env): string[] {
  return (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

const SessionSchema = z
  .object({
    verification_id: z.string(),
    client_secret: z
      .string()
      .openapi({ description: "The Financial Connections session's client_secret (fcsess_…_secret_…)." }),
    publishable_key: z.string(),
    mode: z.enum(["stripe", "sandbox"]),
  })
  .openapi("WidgetSession");
const StatusSchema = z.object({ status: VerificationStatusSchema }).openapi("WidgetStatus");
const CurrentSchema = z
  .object({
    verification: z
      .object({ id: z.string(), status: VerificationStatusSchema })
      .nullable()
      .openapi({ description: "The newest verification with a linked account, or null when there is none yet." }),
  })
  .openapi("WidgetCurrentVerification");
const verificationParam = idParam("ver");

/** The applicant a widget route acts for: requireClientToken lets nothing else through. */
function applicantPrincipal(principal: Principal): Extract<Principal, { kind: "client_token" }> {
  if (principal.kind !== "client_token") throw new Error("unreachable: widget routes require a client token");
  return principal;
}

export const widgetRouter = createRouter();
widgetRouter.use(
  "/v1/widget/*",
  cors({
    origin: (origin, c) => (allowedOrigins(c.env).includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type"],
    maxAge: 600,
  }),
  limitBody(),
  requireClientToken(),
);

widgetRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/widget/sessions",
    tags: ["Widget"],
    summary: "Create (once) the Stripe Customer and a Financial Connections Session for the token's applicant",
    security: [{ clientToken: [] }],
    responses: {
      200: jsonResponse(SessionSchema, "What the browser needs to open account linking"),
      ...ERROR_RESPONSES,
    },
  }),
  async (c) => {
    const principal = applicantPrincipal(c.get("principal"));
    return c.json(await startSession(flowDeps(c, principal.actor), principal.applicantId), 200);
  },
);

widgetRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/widget/verification",
    tags: ["Widget"],
    summary: "The applicant's newest verification with a linked account, so a reloaded page can pick it up",
    security: [{ clientToken: [] }],
    responses: { 200: jsonResponse(CurrentSchema, "The verification to show, or null"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const principal = applicantPrincipal(c.get("principal"));
    return c.json({ verification: await findResumableVerification(c.get("db"), principal.applicantId) }, 200);
  },
);

widgetRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/widget/verifications/{id}/complete",
    tags: ["Widget"],
    summary: "Re-read the session from Stripe, read ownership, match when ready; returns the coarse status",
    security: [{ clientToken: [] }],
    request: { params: verificationParam },
    responses: { 200: jsonResponse(StatusSchema, "The verification's status"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const principal = applicantPrincipal(c.get("principal"));
    const { id } = c.req.valid("param");
    await findOwnVerification(c.get("db"), id, principal.applicantId);
    return c.json({ status: await completeVerification(flowDeps(c, principal.actor), id) }, 200);
  },
);

widgetRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/widget/verifications/{id}",
    tags: ["Widget"],
    summary: "The verification's coarse status, for polling",
    security: [{ clientToken: [] }],
    request: { params: verificationParam },
    responses: { 200: jsonResponse(StatusSchema, "The verification's status"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const principal = applicantPrincipal(c.get("principal"));
    const { id } = c.req.valid("param");
    const row = await findOwnVerification(c.get("db"), id, principal.applicantId);
    return c.json({ status: verificationStatus(row.state, row.decision) }, 200);
  },
);
