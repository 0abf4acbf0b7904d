import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/index";
import { SCENARIOS } from "../../worker/sandbox/scenarios";
import { createStripe } from "../../worker/stripe/client";

const BASE = "http://ownercheck.test";
const selfFetch = async (request: Request) => exports.default.fetch(request);

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as any };
}

/** A fresh Customer and Financial Connections session, made through the SDK like the worker makes them. */
async function newSession() {
  const stripe = createStripe(env, selfFetch);
  const customer = await stripe.customers.create({
    name: "Ada Lovelace",
    address: { line1: "12 St James Sq", city: "London", postal_code: "SW1Y 4JH", country: "GB" },
  });
  return stripe.financialConnections.sessions.create({
    account_holder: { type: "customer", customer: customer.id },
    permissions: ["ownership"],
    prefetch: ["ownership"],
  });
}

describe("GET /sandbox/v1/scenarios", () => {
  it("lists every scenario with its name, description and expected status", async () => {
    const res = await call("GET", "/sandbox/v1/scenarios");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(SCENARIOS.length);
    for (const [i, scenario] of SCENARIOS.entries()) {
      expect(res.body.data[i]).toMatchObject({
        name: scenario.name,
        description: scenario.description,
        expected_status: scenario.expected_status,
        institution_name: scenario.institution_name,
        links_account: scenario.links_account,
      });
    }
  });
});

describe("POST /sandbox/v1/sessions/:id/link", () => {
  it("links an account and returns the Stripe session with it", async () => {
    const session = await newSession();
    const res = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "exact" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: session.id, object: "financial_connections.session" });
    expect(res.body.accounts.data).toHaveLength(1);
    expect(res.body.accounts.data[0]).toMatchObject({
      object: "financial_connections.account",
      institution_name: "Exact Match Bank",
      ownership_refresh: { status: "succeeded" },
    });
  });

  it("accepts the client_secret in place of the session id", async () => {
    const session = await newSession();
    const res = await call("POST", `/sandbox/v1/sessions/${session.client_secret}/link`, { scenario: "joint" });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(session.id);
  });

  it("answers a repeated link with the same scenario with the same accounts", async () => {
    const session = await newSession();
    const first = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "exact" });
    const again = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "exact" });
    expect(again.status).toBe(200);
    expect(again.body.accounts.data.map((a: { id: string }) => a.id)).toEqual(
      first.body.accounts.data.map((a: { id: string }) => a.id),
    );
  });

  it("rejects linking a completed session with another scenario with 400 session_already_completed", async () => {
    const session = await newSession();
    await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "cancel" });
    const res = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "exact" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "session_already_completed" });
  });

  it("rejects an unknown scenario with 400 naming the param", async () => {
    const session = await newSession();
    const res = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "lottery_win" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", param: "scenario" });
  });

  it("answers an unknown session with 404 resource_missing", async () => {
    const res = await call("POST", "/sandbox/v1/sessions/fcsess_doesnotexist/link", { scenario: "exact" });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "resource_missing", param: "session" });
  });

  it("rejects a bearer client_secret that belongs to another session", async () => {
    const [mine, theirs] = [await newSession(), await newSession()];
    const res = await call(
      "POST",
      `/sandbox/v1/sessions/${mine.id}/link`,
      { scenario: "exact" },
      {
        Authorization: `Bearer ${theirs.client_secret}`,
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("client_secret_mismatch");
  });

  it("delivers a pending scenario's owners by itself after deliver_after_ms", async () => {
    const session = await newSession();
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`${BASE}/sandbox/v1/sessions/${session.id}/link`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ scenario: "pending", deliver_after_ms: 10 }),
      }),
      env,
      ctx,
    );
    expect(res.status).toBe(200);
    const linked = (await res.json()) as any;
    const accountId = linked.accounts.data[0].id as string;
    expect(linked.accounts.data[0].ownership_refresh.status).toBe("pending");
    await waitOnExecutionContext(ctx);
    const account = await createStripe(env, selfFetch).financialConnections.accounts.retrieve(accountId);
    expect(account.ownership_refresh?.status).toBe("succeeded");
    const events = await call("GET", `/sandbox/v1/events?account=${accountId}`);
    expect(events.status).toBe(200);
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({
      type: "financial_connections.account.refreshed_ownership",
      account: accountId,
    });
    expect(events.body.data[0].delivery.status).toEqual(expect.any(Number));
  });
});

describe("POST /sandbox/v1/…/deliver_ownership", () => {
  it("delivers every pending account of a session and answers with the session", async () => {
    const session = await newSession();
    await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "pending", account_count: 2 });
    const res = await call("POST", `/sandbox/v1/sessions/${session.id}/deliver_ownership`);
    expect(res.status).toBe(200);
    expect(res.body.accounts.data.map((a: any) => a.ownership_refresh.status)).toEqual(["succeeded", "succeeded"]);
    const again = await call("POST", `/sandbox/v1/sessions/${session.id}/deliver_ownership`);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("ownership_not_pending");
  });

  it("with send_webhook false, records the event but never delivers it", async () => {
    const session = await newSession();
    const linked = await call("POST", `/sandbox/v1/sessions/${session.id}/link`, { scenario: "pending" });
    const accountId = linked.body.accounts.data[0].id as string;
    const res = await call("POST", `/sandbox/v1/accounts/${accountId}/deliver_ownership`, { send_webhook: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: accountId, ownership_refresh: { status: "succeeded" } });
    const events = await call("GET", `/sandbox/v1/events?account=${accountId}`);
    expect(events.body.data[0].delivery).toEqual({ status: null, attempted_at: null, error: "not_sent" });
  });

  it("answers an unknown account with 404", async () => {
    const res = await call("POST", "/sandbox/v1/accounts/fca_doesnotexist/deliver_ownership");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("resource_missing");
  });
});

describe("sandbox routes outside sandbox mode", () => {
  const stripeEnv = { ...env, STRIPE_MODE: "stripe", STRIPE_SECRET_KEY: "sk_test_x" };

  async function inStripeMode(method: string, path: string, body?: unknown) {
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      stripeEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return { status: res.status, body: (await res.json()) as any };
  }

  it("answer 404 exactly like an unknown route", async () => {
    const unknown = await inStripeMode("GET", "/sandbox/v1/nothing-here");
    for (const [method, path, body] of [
      ["GET", "/sandbox/v1/scenarios", undefined],
      ["POST", "/sandbox/v1/sessions/fcsess_x/link", { scenario: "exact" }],
      ["POST", "/sandbox/v1/sessions/fcsess_x/deliver_ownership", undefined],
      ["POST", "/sandbox/v1/accounts/fca_x/deliver_ownership", undefined],
      ["GET", "/sandbox/v1/events", undefined],
    ] as const) {
      const res = await inStripeMode(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe(unknown.body.error.code);
      expect(res.body.error.type).toBe("invalid_request_error");
    }
  });
});

describe("GET /sandbox/link", () => {
  async function consentWith(permissions: string) {
    const secret = `fcsess_${"a".repeat(24)}_secret_${"b".repeat(24)}`;
    const query = new URLSearchParams({ client_secret: secret, origin: "https://shop.example" });
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`${BASE}/sandbox/link?${query}`),
      { ...env, FC_PERMISSIONS: permissions },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const page = await res.text();
    return { status: res.status, listed: [...page.matchAll(/data-permission="([a-z_]+)"/g)].map((m) => m[1]) };
  }

  it("asks consent for exactly the permissions a session requests, ownership always first", async () => {
    const extra = await consentWith("balances, transactions");
    expect(extra.status).toBe(200);
    expect(extra.listed).toEqual(["ownership", "balances", "transactions"]);
    const none = await consentWith("");
    expect(none.status).toBe(200);
    expect(none.listed).toEqual(["ownership"]);
  });
});
