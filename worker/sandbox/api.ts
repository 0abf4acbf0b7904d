/**
 * An in-process Hono app that answers like api.stripe.com for the endpoints ownercheck uses. The real `stripe` SDK
 * reaches it through its fetch transport (transport.ts), so requests keep the SDK's own encoding, retries and error
 * mapping. Also here: Stripe's authentication, Request-Id headers and Idempotency-Key replay.
 */
import { eq } from "drizzle-orm";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import Stripe from "stripe";
import { sandboxIdempotency } from "../db/schema";
import { sha256Hex } from "../lib/ids";
import { logEvent } from "../lib/log";
import { SANDBOX_SECRET_KEY } from "../stripe/config";
import {
  createCustomer,
  createSession,
  deleteCustomer,
  disconnectAccount,
  findSession,
  getAccountRecord,
  listAccounts,
  listEvents,
  listOwners,
  refreshAccount,
  renderAccount,
  renderSession,
  retrieveCustomer,
  retrieveEvent,
} from "./bank";
import type { SandboxDeps } from "./deps";
import {
  apiError,
  apiKeyInvalid,
  apiKeyMissing,
  idempotencyEndpointMismatch,
  idempotencyParamsMismatch,
  invalidRequest,
  SandboxStripeError,
  unrecognizedUrl,
} from "./errors";
import { newRequestId } from "./objects";
import {
  array,
  canonicalParams,
  expandParam,
  type FormObject,
  integer,
  listParams,
  metadata,
  object,
  oneOf,
  parseForm,
  parseParams,
  required,
  string,
} from "./params";
import { IDEMPOTENCY_TTL_MS } from "./store";

type SandboxApiEnv = { Bindings: SandboxDeps; Variables: { requestId: string; params: FormObject } };
type SandboxContext = Context<SandboxApiEnv>;

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export const sandboxApi = new Hono<SandboxApiEnv>();

// ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────────────────────

sandboxApi.use("*", async (c, next) => {
  c.set("requestId", newRequestId());
  await next();
  c.res.headers.set("Request-Id", c.get("requestId"));
  c.res.headers.set("Stripe-Version", c.req.header("Stripe-Version") ?? Stripe.API_VERSION);
});

/** `Authorization: Bearer sk_…` (or Basic with the key as user name, as curl -u sends it). */
const authenticate: MiddlewareHandler<SandboxApiEnv> = async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  let key = "";
  if (/^bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^basic /i.test(header)) {
    try {
      key = atob(header.slice(6).trim()).split(":")[0] ?? "";
    } catch {
      key = "";
    }
  }
  if (!key) throw apiKeyMissing();
  if (key !== SANDBOX_SECRET_KEY) throw apiKeyInvalid(key);
  await next();
};

/** Decodes the form body (POST) or query string (GET) once; handlers validate it per endpoint. */
const readParams: MiddlewareHandler<SandboxApiEnv> = async (c, next) => {
  if (c.req.method === "POST") {
    // Decoded by hand: Request.text() warns on a form-encoded body in workerd.
    const body = new TextDecoder().decode(await c.req.arrayBuffer());
    const type = c.req.header("Content-Type") ?? "";
    if (body && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw invalidRequest(
        "Invalid request: the body of a POST must be form-encoded (Content-Type: application/x-www-form-urlencoded).",
      );
    }
    c.set("params", parseForm(new URLSearchParams(body)));
  } else {
    c.set("params", parseForm(new URL(c.req.url).searchParams));
  }
  await next();
};

/**
 * Idempotency-Key on POST: the first executed result (2xx or 5xx; a request rejected by validation saves nothing) is
 * replayed for the same key and parameters with `Idempotent-Replayed: true`; other parameters or another endpoint
 * under the same key are a 400 `idempotency_error`.
 */
const idempotency: MiddlewareHandler<SandboxApiEnv> = async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw invalidRequest(`Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`);
  }
  const { db } = c.env;
  const endpoint = `${c.req.method} ${new URL(c.req.url).pathname}`;
  const fingerprint = `${endpoint} ${await sha256Hex(canonicalParams(c.get("params")))}`;
  const saved = await db.select().from(sandboxIdempotency).where(eq(sandboxIdempotency.key, key)).get();
  if (saved && saved.createdAt > Date.now() - IDEMPOTENCY_TTL_MS) {
    const savedEndpoint = saved.requestHash.slice(0, saved.requestHash.lastIndexOf(" "));
    if (savedEndpoint !== endpoint) throw idempotencyEndpointMismatch(key, savedEndpoint, endpoint);
    if (saved.requestHash !== fingerprint) throw idempotencyParamsMismatch(key);
    return new Response(saved.body, {
      status: saved.status,
      headers: { "Content-Type": "application/json", "Idempotency-Key": key, "Idempotent-Replayed": "true" },
    });
  }
  await next();
  c.res.headers.set("Idempotency-Key", key);
  const status = c.res.status;
  if (status < 400 || status >= 500) {
    const row = { key, requestHash: fingerprint, status, body: await c.res.clone().text(), createdAt: Date.now() };
    await db.insert(sandboxIdempotency).values(row).onConflictDoUpdate({ target: sandboxIdempotency.key, set: row });
  }
};

sandboxApi.use("*", authenticate, readParams, idempotency);

sandboxApi.notFound((c) => {
  const err = unrecognizedUrl(c.req.method, new URL(c.req.url).pathname);
  return c.json(err.toBody(c.get("requestId") ?? newRequestId()), err.status);
});

sandboxApi.onError((err, c) => {
  const requestId = c.get("requestId") ?? newRequestId();
  if (err instanceof SandboxStripeError) {
    return c.json(err.toBody(requestId), err.status as ContentfulStatusCode, err.headers);
  }
  logEvent("sandbox_error", { request_id: requestId, error_name: err.name });
  const internal = apiError();
  return c.json(internal.toBody(requestId), internal.status, internal.headers);
});

/** `expand[]` may only name what the endpoint can expand. */
function checkExpand(expand: string[] | undefined, expandable: readonly string[]): Set<string> {
  for (const path of expand ?? []) {
    if (!expandable.includes(path)) {
      throw invalidRequest(`This property cannot be expanded (${path}).`, undefined, "expand");
    }
  }
  return new Set(expand);
}

/** What an event records about the API request that caused it. */
function eventRequest(c: SandboxContext): Stripe.Event.Request {
  return { id: c.get("requestId"), idempotency_key: c.req.header("Idempotency-Key") ?? null };
}

const params = (c: SandboxContext) => c.get("params");

// ── Customers ────────────────────────────────────────────────────────────────────────────────────────────────────

const addressFields = {
  line1: string({ emptyable: true }),
  line2: string({ emptyable: true }),
  city: string({ emptyable: true }),
  state: string({ emptyable: true }),
  postal_code: string({ emptyable: true }),
  country: string({ emptyable: true }),
};

const customerCreate = {
  name: string({ emptyable: true, maxLength: 256 }),
  email: string({ emptyable: true, maxLength: 512 }),
  phone: string({ emptyable: true, maxLength: 20 }),
  description: string({ emptyable: true }),
  address: object(addressFields, { emptyable: true }),
  metadata: metadata(),
  expand: expandParam,
};

sandboxApi.post("/v1/customers", async (c) => {
  const input = parseParams(customerCreate, params(c));
  checkExpand(input.expand, []);
  return c.json(await createCustomer(c.env, input));
});

sandboxApi.get("/v1/customers/:id", async (c) => {
  checkExpand(parseParams({ expand: expandParam }, params(c)).expand, []);
  return c.json(await retrieveCustomer(c.env, c.req.param("id")));
});

sandboxApi.delete("/v1/customers/:id", async (c) => {
  parseParams({}, params(c));
  return c.json(await deleteCustomer(c.env, c.req.param("id")));
});

// ── Financial Connections sessions ───────────────────────────────────────────────────────────────────────────────

const PERMISSIONS = ["balances", "ownership", "payment_method", "transactions"] as const;
const PREFETCH = ["balances", "ownership", "transactions"] as const;
const SUBCATEGORIES = ["checking", "savings", "mortgage", "line_of_credit", "credit_card"] as const;

const sessionCreate = {
  account_holder: required(
    object({ type: required(oneOf(["account", "customer"])), customer: string(), account: string() }),
  ),
  permissions: required(array(oneOf(PERMISSIONS))),
  prefetch: array(oneOf(PREFETCH)),
  filters: object({
    country: string(),
    countries: array(string()),
    account_subcategories: array(oneOf(SUBCATEGORIES)),
  }),
  limits: object({ accounts: required(integer(1, 100)) }),
  return_url: string(),
  expand: expandParam,
};

sandboxApi.post("/v1/financial_connections/sessions", async (c) => {
  const input = parseParams(sessionCreate, params(c));
  checkExpand(input.expand, []);
  const filters = input.filters && {
    account_subcategories: input.filters.account_subcategories ?? null,
    country: input.filters.country ?? input.filters.countries?.[0] ?? null,
  };
  const { type, customer, account } = input.account_holder;
  const session = await createSession(c.env, {
    // Stripe's key order, whatever order the form had.
    account_holder: type === "customer" ? { customer, type } : { account, type },
    permissions: [...new Set(input.permissions)],
    prefetch: input.prefetch ? [...new Set(input.prefetch)] : null,
    filters,
    limits: input.limits,
    return_url: input.return_url,
  });
  return c.json(session);
});

sandboxApi.get("/v1/financial_connections/sessions/:id", async (c) => {
  checkExpand(parseParams({ expand: expandParam }, params(c)).expand, []);
  return c.json(await renderSession(c.env, await findSession(c.env, c.req.param("id"))));
});

// ── Financial Connections accounts ───────────────────────────────────────────────────────────────────────────────

const accountList = {
  ...listParams,
  session: string(),
  account_holder: object({ customer: string(), account: string() }),
};

sandboxApi.get("/v1/financial_connections/accounts", async (c) => {
  const input = parseParams(accountList, params(c));
  const expand = checkExpand(input.expand, ["data.ownership"]);
  const filter = { session: input.session, customer: input.account_holder?.customer };
  return c.json(await listAccounts(c.env, filter, input, expand.has("data.ownership")));
});

sandboxApi.get("/v1/financial_connections/accounts/:id", async (c) => {
  const expand = checkExpand(parseParams({ expand: expandParam }, params(c)).expand, ["ownership"]);
  const record = await getAccountRecord(c.env, c.req.param("id"));
  return c.json(await renderAccount(c.env, record, expand.has("ownership")));
});

const accountRefresh = {
  features: required(array(oneOf(["balance", "ownership", "transactions"]))),
  expand: expandParam,
};

sandboxApi.post("/v1/financial_connections/accounts/:id/refresh", async (c) => {
  const input = parseParams(accountRefresh, params(c));
  const expand = checkExpand(input.expand, ["ownership"]);
  const id = c.req.param("id");
  await refreshAccount(c.env, id, [...new Set(input.features)], eventRequest(c));
  return c.json(await renderAccount(c.env, await getAccountRecord(c.env, id), expand.has("ownership")));
});

const ownerList = { ...listParams, ownership: required(string()) };

sandboxApi.get("/v1/financial_connections/accounts/:id/owners", async (c) => {
  const input = parseParams(ownerList, params(c));
  checkExpand(input.expand, []);
  return c.json(await listOwners(c.env, c.req.param("id"), input.ownership, input));
});

sandboxApi.post("/v1/financial_connections/accounts/:id/disconnect", async (c) => {
  const expand = checkExpand(parseParams({ expand: expandParam }, params(c)).expand, ["ownership"]);
  const id = c.req.param("id");
  await disconnectAccount(c.env, id, eventRequest(c));
  return c.json(await renderAccount(c.env, await getAccountRecord(c.env, id), expand.has("ownership")));
});

// ── Events ───────────────────────────────────────────────────────────────────────────────────────────────────────

sandboxApi.get("/v1/events/:id", async (c) => {
  checkExpand(parseParams({ expand: expandParam }, params(c)).expand, []);
  return c.json(await retrieveEvent(c.env, c.req.param("id")));
});

sandboxApi.get("/v1/events", async (c) => {
  const input = parseParams({ ...listParams, type: string() }, params(c));
  checkExpand(input.expand, []);
  return c.json((await listEvents(c.env, { type: input.type }, input)).list);
});
