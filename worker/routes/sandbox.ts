/**
 * Sandbox routes (STRIPE_MODE=sandbox only; otherwise they 404 like any unknown route): what the sandbox linking page
 * and browserless tests do in place of a person at a bank. Link a session with a scenario, deliver late ownership.
 *
 * Linking twice with the same scenario returns the same session (a double-clicked button is harmless); with another
 * scenario it is a 400 `session_already_completed`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/create-router";
import { logEvent } from "../lib/log";
import { ERROR_RESPONSES, jsonResponse } from "../lib/schemas";
import {
  deliverOwnership,
  findSession,
  linkSession,
  listEvents,
  MAX_LINKED_ACCOUNTS,
  pendingAccounts,
  renderSession,
} from "../sandbox/bank";
import type { SandboxDeps } from "../sandbox/deps";
import { invalidRequest, SandboxStripeError } from "../sandbox/errors";
import { sessionIdOfSecret } from "../sandbox/objects";
import { describeScenario, SCENARIO_NAMES, SCENARIOS } from "../sandbox/scenarios";
import { isSandboxMode } from "../stripe/config";

/** The longest a `pending` scenario may wait before its owners are delivered automatically. */
const MAX_DELIVER_AFTER_MS = 60_000;

export const sandboxRouter = createRouter();

// Outside sandbox mode these routes do not exist.
sandboxRouter.use("/sandbox/v1/*", async (c, next) => {
  if (!isSandboxMode(c.env)) return c.notFound();
  await next();
});

function sandboxDeps(c: Context<AppEnv>): SandboxDeps {
  let waitUntil: SandboxDeps["waitUntil"];
  try {
    const ctx = c.executionCtx;
    waitUntil = (promise) => ctx.waitUntil(promise);
  } catch {
    waitUntil = undefined; // no ExecutionContext (called outside a request): deliveries are awaited instead
  }
  return { env: c.env, db: c.get("db"), selfFetch: c.get("selfFetch"), waitUntil };
}

/** Emulator errors in our API's error shape (app.onError renders ApiError). */
async function sandboxCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof SandboxStripeError ? err.toApiError() : err;
  }
}

/** The linking page sends the session's client_secret as a bearer token; when present it must be this session's. */
function checkClientSecret(c: Context<AppEnv>, clientSecret: string | null | undefined) {
  const bearer = /^bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
  if (bearer && sessionIdOfSecret(bearer) !== null && bearer !== clientSecret) {
    throw invalidRequest("The client_secret does not belong to this session.", "client_secret_mismatch");
  }
}

const ScenarioSchema = z
  .object({
    name: z.enum(SCENARIO_NAMES),
    description: z.string(),
    expected_status: z.enum(["verified", "needs_review", "failed", "pending", "canceled"]),
    institution_name: z.string(),
    links_account: z.boolean(),
  })
  .openapi("SandboxScenario");

const SessionSchema = z
  .looseObject({ id: z.string(), object: z.literal("financial_connections.session") })
  .openapi("FinancialConnectionsSession", { description: "A Stripe Financial Connections Session object." });

const AccountSchema = z
  .looseObject({ id: z.string(), object: z.literal("financial_connections.account") })
  .openapi("FinancialConnectionsAccount", { description: "A Stripe Financial Connections Account object." });

const sessionParam = z.object({
  session: z
    .string()
    .max(128)
    .openapi({
      param: { name: "session", in: "path" },
      description: "The session id (fcsess_…) or its client_secret.",
    }),
});

const DeliverBody = z.object({
  send_webhook: z
    .boolean()
    .optional()
    .openapi({ description: "false: mark ownership succeeded without delivering the webhook (a lost webhook)." }),
});

sandboxRouter.openapi(
  createRoute({
    method: "get",
    path: "/sandbox/v1/scenarios",
    tags: ["Sandbox"],
    summary: "The sandbox's institutions: one per scenario, with the status our verification reports for it",
    responses: { 200: jsonResponse(z.object({ data: z.array(ScenarioSchema) }), "Every scenario") },
  }),
  (c) => c.json({ data: SCENARIOS.map(describeScenario) }, 200),
);

sandboxRouter.openapi(
  createRoute({
    method: "get",
    path: "/sandbox/v1/sessions/{session}",
    tags: ["Sandbox"],
    summary: "A Financial Connections session as Stripe returns it (by id or client_secret)",
    request: { params: sessionParam },
    responses: { 200: jsonResponse(SessionSchema, "The session"), 404: ERROR_RESPONSES[404] },
  }),
  async (c) => {
    const deps = sandboxDeps(c);
    const session = await sandboxCall(async () =>
      renderSession(deps, await findSession(deps, c.req.valid("param").session, "session")),
    );
    return c.json(session, 200);
  },
);

sandboxRouter.openapi(
  createRoute({
    method: "post",
    path: "/sandbox/v1/sessions/{session}/link",
    tags: ["Sandbox"],
    summary: "Complete the session at a scenario's institution (what the user does in the linking modal)",
    request: {
      params: sessionParam,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              scenario: z.enum(SCENARIO_NAMES),
              deliver_after_ms: z
                .number()
                .int()
                .min(0)
                .max(MAX_DELIVER_AFTER_MS)
                .optional()
                .openapi({ description: "`pending` scenario: deliver the owners (and the webhook) after this delay." }),
              account_count: z
                .number()
                .int()
                .min(1)
                .max(MAX_LINKED_ACCOUNTS)
                .optional()
                .openapi({ description: "How many accounts to link at this institution (default 1)." }),
            }),
          },
        },
      },
    },
    responses: {
      200: jsonResponse(SessionSchema, "The completed session, with its accounts"),
      400: ERROR_RESPONSES[400],
      404: ERROR_RESPONSES[404],
    },
  }),
  async (c) => {
    const deps = sandboxDeps(c);
    const body = c.req.valid("json");
    const ref = c.req.valid("param").session;
    const result = await sandboxCall(async () => {
      const record = await findSession(deps, ref, "session");
      checkClientSecret(c, record.object.client_secret);
      return linkSession(deps, record.object.id, body.scenario, body.account_count ?? 1);
    });
    if (body.deliver_after_ms !== undefined && result.pendingAccountIds.length > 0 && deps.waitUntil) {
      const delay = body.deliver_after_ms;
      const later = async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        for (const id of result.pendingAccountIds) {
          // Delivered by hand in the meantime: nothing left to do for that account.
          await deliverOwnership(deps, id).catch((err: Error) =>
            logEvent("sandbox_delivery_skipped", { account_id: id, error_name: err.name }),
          );
        }
      };
      deps.waitUntil(later());
    }
    return c.json(result.session, 200);
  },
);

sandboxRouter.openapi(
  createRoute({
    method: "post",
    path: "/sandbox/v1/sessions/{session}/deliver_ownership",
    tags: ["Sandbox"],
    summary: "Deliver the late owners of every pending account of the session, with signed webhooks",
    request: { params: sessionParam, body: { content: { "application/json": { schema: DeliverBody } } } },
    responses: {
      200: jsonResponse(SessionSchema, "The session; its accounts' ownership has succeeded"),
      400: ERROR_RESPONSES[400],
      404: ERROR_RESPONSES[404],
    },
  }),
  async (c) => {
    const deps = sandboxDeps(c);
    const { send_webhook: sendWebhook } = c.req.valid("json");
    const session = await sandboxCall(async () => {
      const record = await findSession(deps, c.req.valid("param").session, "session");
      const pending = await pendingAccounts(deps, record);
      if (pending.length === 0) {
        throw invalidRequest(
          `Session '${record.object.id}' has no account with pending ownership.`,
          "ownership_not_pending",
        );
      }
      for (const id of pending) await deliverOwnership(deps, id, { sendWebhook });
      return renderSession(deps, await findSession(deps, record.object.id, "session"));
    });
    return c.json(session, 200);
  },
);

sandboxRouter.openapi(
  createRoute({
    method: "post",
    path: "/sandbox/v1/accounts/{account}/deliver_ownership",
    tags: ["Sandbox"],
    summary: "Deliver one pending account's late owners, with a signed refreshed_ownership webhook",
    request: {
      params: z.object({
        account: z
          .string()
          .max(64)
          .openapi({ param: { name: "account", in: "path" }, example: "fca_4f9QzXb2Lk8Rt1Vw6Yh3Nc0D" }),
      }),
      body: { content: { "application/json": { schema: DeliverBody } } },
    },
    responses: {
      200: jsonResponse(AccountSchema, "The account; its ownership has succeeded"),
      400: ERROR_RESPONSES[400],
      404: ERROR_RESPONSES[404],
    },
  }),
  async (c) => {
    const deps = sandboxDeps(c);
    const { send_webhook: sendWebhook } = c.req.valid("json");
    const account = await sandboxCall(() => deliverOwnership(deps, c.req.valid("param").account, { sendWebhook }));
    return c.json(account, 200);
  },
);

const DeliveryEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    created: z.number(),
    account: z.string(),
    delivery: z.object({
      status: z.number().nullable().openapi({ description: "HTTP status of POST /v1/webhooks/stripe, if sent." }),
      attempted_at: z.number().nullable(),
      error: z.string().nullable(),
    }),
  })
  .openapi("SandboxEvent");

sandboxRouter.openapi(
  createRoute({
    method: "get",
    path: "/sandbox/v1/events",
    tags: ["Sandbox"],
    summary: "Recent events the sandbox emitted, newest first, with how their webhook delivery went",
    request: {
      query: z.object({
        account: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(100).optional(),
      }),
    },
    responses: { 200: jsonResponse(z.object({ data: z.array(DeliveryEventSchema) }), "Events, newest first") },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const { records } = await sandboxCall(() =>
      listEvents(sandboxDeps(c), { account: query.account }, { limit: query.limit ?? 20 }),
    );
    const data = records.map(({ object, meta }) => ({
      id: object.id,
      type: object.type,
      created: object.created,
      account: (object.data.object as { id: string }).id,
      delivery: meta.delivery,
    }));
    return c.json({ data }, 200);
  },
);
