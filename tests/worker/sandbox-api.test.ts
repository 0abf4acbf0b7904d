import { env } from "cloudflare:test";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createDb } from "../../worker/db/client";
import { linkSession } from "../../worker/sandbox/bank";
import { purgeSandboxIdempotency } from "../../worker/sandbox/store";
import { sandboxFetch } from "../../worker/sandbox/transport";
import { createStripe, SANDBOX_SECRET_KEY } from "../../worker/stripe/client";
import { SAMPLE_CUSTOMER } from "./helpers";

const selfFetch = async () => new Response(null, { status: 204 });
const stripe = () => createStripe(env, selfFetch);

/** A raw HTTP request to the sandbox, as curl would send it (form body, Bearer key). */
async function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const fetchSandbox = sandboxFetch({ env, db: createDb(env.DB), selfFetch });
  const res = await fetchSandbox(`https://api.stripe.com${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${SANDBOX_SECRET_KEY}`,
      ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
      ...headers,
    },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function failure(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Stripe.errors.StripeError);
  return err as Stripe.errors.StripeError;
}

async function newCustomer() {
  return stripe().customers.create({ ...SAMPLE_CUSTOMER, metadata: { ownercheck_applicant_id: "app_test" } });
}

describe("sandbox customers", () => {
  it("creates a customer shaped like Stripe's and retrieves it", async () => {
    const customer = await newCustomer();
    expect(customer.id).toMatch(/^cus_[0-9A-Za-z]{14}$/);
    expect(customer).toMatchObject({
      object: "customer",
      name: "Robert James Smith",
      email: "bob.smith@example.com",
      phone: "+12175550142",
      livemode: false,
      metadata: { ownercheck_applicant_id: "app_test" },
      address: {
        line1: "123 North Main Street",
        line2: "Apt 4B",
        city: "Springfield",
        state: "IL",
        postal_code: "62704",
        country: "US",
      },
    });
    expect(customer.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
    const again = await stripe().customers.retrieve(customer.id);
    expect(again).toEqual(customer);
  });

  it("answers an unknown customer with 404 resource_missing as StripeInvalidRequestError", async () => {
    const err = await failure(stripe().customers.retrieve("cus_doesnotexist00"));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("resource_missing");
    expect(err.param).toBe("id");
    expect(err.message).toBe("No such customer: 'cus_doesnotexist00'");
    expect(err.raw).toMatchObject({ doc_url: "https://docs.stripe.com/error-codes/resource-missing" });
  });

  it("rejects an unknown parameter with parameter_unknown naming the bracketed param", async () => {
    const res = await raw("POST", "/v1/customers", "name=Bob&address[planet]=Mars");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_unknown",
      param: "address[planet]",
      message: "Received unknown parameter: address[planet]",
    });
  });

  it("accepts an empty string to unset an optional field", async () => {
    const res = await raw("POST", "/v1/customers", "name=Bob&email=");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Bob", email: null });
  });
});

describe("sandbox customer deletion", () => {
  /** Rows of the emulator's tables whose stored JSON mentions `text`. */
  async function rowsMentioning(text: string) {
    const pattern = `%${text}%`;
    const objects = await env.DB.prepare("SELECT kind FROM sandbox_objects WHERE data LIKE ?").bind(pattern).all();
    const replays = await env.DB.prepare("SELECT key FROM sandbox_idempotency WHERE body LIKE ?").bind(pattern).all();
    return { objects: objects.results.map((r) => r.kind), replays: replays.results.length };
  }

  it("deletes a customer like Stripe: the deleted stub, retrieved as such, and a second delete is 404", async () => {
    const customer = await newCustomer();
    const deleted = await stripe().customers.del(customer.id);
    expect(deleted).toMatchObject({ id: customer.id, object: "customer", deleted: true });
    expect(Object.keys(deleted).filter((k) => k !== "lastResponse")).toEqual(["id", "object", "deleted"]);
    expect(deleted.lastResponse.requestId).toMatch(/^req_/);
    expect(await stripe().customers.retrieve(customer.id)).toMatchObject({ id: customer.id, deleted: true });
    const again = await failure(stripe().customers.del(customer.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.statusCode).toBe(404);
    expect(again.code).toBe("resource_missing");
    expect(again.message).toBe(`No such customer: '${customer.id}'`);
  });

  it("answers deleting an unknown customer with 404 resource_missing", async () => {
    const err = await failure(stripe().customers.del("cus_doesnotexist00"));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("resource_missing");
    expect(err.param).toBe("id");
  });

  it("refuses a session for a deleted customer with 400 resource_missing", async () => {
    const customer = await newCustomer();
    await stripe().customers.del(customer.id);
    const err = await failure(
      stripe().financialConnections.sessions.create({
        account_holder: { type: "customer", customer: customer.id },
        permissions: ["ownership"],
      }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe("resource_missing");
    expect(err.param).toBe("account_holder[customer]");
  });

  it("erases every copy of the customer's data: owners, ownerships, replayable responses; accounts disconnect", async () => {
    const unique = crypto.randomUUID().slice(0, 8);
    const email = `erase-${unique}@example.com`;
    const customer = await stripe().customers.create(
      {
        name: `Erin Eraseme ${unique}`,
        email,
        phone: "+12175550199",
        address: { line1: "9 Gone Lane", city: "Nowhere" },
      },
      { idempotencyKey: `idem-${unique}` },
    );
    const session = await stripe().financialConnections.sessions.create({
      account_holder: { type: "customer", customer: customer.id },
      permissions: ["ownership"],
      prefetch: ["ownership"],
    });
    await linkSession({ env, db: createDb(env.DB), selfFetch }, session.id, "exact", 2);
    const before = await rowsMentioning(email);
    expect(before.objects).toEqual(expect.arrayContaining(["customer", "financial_connections.account_owner"]));
    expect(before.replays).toBeGreaterThan(0);

    await stripe().customers.del(customer.id);

    expect(await rowsMentioning(email)).toEqual({ objects: [], replays: 0 });
    expect(await rowsMentioning(unique)).toEqual({ objects: [], replays: 0 });
    const accounts = await stripe().financialConnections.accounts.list({ session: session.id });
    expect(accounts.data).toHaveLength(2);
    for (const account of accounts.data) {
      expect(account).toMatchObject({ status: "disconnected", ownership: null });
    }
  });

  it("forgets idempotency results older than the cutoff and keeps the rest", async () => {
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const keys = { stale: `idem-stale-${crypto.randomUUID()}`, fresh: `idem-fresh-${crypto.randomUUID()}` };
    for (const [key, age] of [
      [keys.stale, day + 1],
      [keys.fresh, day - 60_000],
    ] as const) {
      await env.DB.prepare(
        "INSERT INTO sandbox_idempotency (key, request_hash, status, body, created_at) VALUES (?, 'POST /v1/customers x', 200, '{}', ?)",
      )
        .bind(key, now - age)
        .run();
    }
    expect(await purgeSandboxIdempotency(createDb(env.DB), day, now)).toBeGreaterThanOrEqual(1);
    const left = await env.DB.prepare("SELECT key FROM sandbox_idempotency WHERE key IN (?, ?)")
      .bind(keys.stale, keys.fresh)
      .all();
    expect(left.results.map((r) => r.key)).toEqual([keys.fresh]);
  });
});

describe("sandbox Financial Connections sessions", () => {
  it("creates a session with Stripe's ids, client_secret form and an empty accounts list", async () => {
    const customer = await newCustomer();
    const session = await stripe().financialConnections.sessions.create({
      account_holder: { type: "customer", customer: customer.id },
      permissions: ["ownership", "payment_method"],
      prefetch: ["ownership"],
    });
    expect(session.id).toMatch(/^fcsess_[0-9A-Za-z]{24}$/);
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_[0-9A-Za-z]{24}$`));
    expect(session).toMatchObject({
      object: "financial_connections.session",
      account_holder: { type: "customer", customer: customer.id },
      permissions: ["ownership", "payment_method"],
      prefetch: ["ownership"],
      livemode: false,
      accounts: { object: "list", data: [], has_more: false, url: "/v1/financial_connections/accounts" },
    });
    expect(await stripe().financialConnections.sessions.retrieve(session.id)).toEqual(session);
  });

  it("reports a missing required param as parameter_missing", async () => {
    const customer = await newCustomer();
    const err = await failure(
      stripe().financialConnections.sessions.create({
        account_holder: { type: "customer", customer: customer.id },
      } as Stripe.FinancialConnections.SessionCreateParams),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe("parameter_missing");
    expect(err.param).toBe("permissions");
    expect(err.message).toBe("Missing required param: permissions.");
  });

  it("reports an unknown customer in account_holder as 400 resource_missing on that param", async () => {
    const err = await failure(
      stripe().financialConnections.sessions.create({
        account_holder: { type: "customer", customer: "cus_nobodyhere00" },
        permissions: ["ownership"],
      }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe("resource_missing");
    expect(err.param).toBe("account_holder[customer]");
  });

  it("rejects an empty string for a required value with parameter_invalid_empty", async () => {
    const res = await raw(
      "POST",
      "/v1/financial_connections/sessions",
      "account_holder[type]=customer&account_holder[customer]=&permissions[]=ownership",
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "parameter_invalid_empty", param: "account_holder[customer]" });
  });

  it("rejects a permission Stripe does not know, naming the array element", async () => {
    const customer = await newCustomer();
    const res = await raw(
      "POST",
      "/v1/financial_connections/sessions",
      `account_holder[type]=customer&account_holder[customer]=${customer.id}&permissions[0]=ownership&permissions[1]=mind_reading`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe("permissions[1]");
    expect(res.body.error.message).toMatch(/^Invalid permissions\[1\]: must be one of/);
  });

  it("accepts arrays as x[]=a and as x[0]=a alike", async () => {
    const customer = await newCustomer();
    const holder = `account_holder[type]=customer&account_holder[customer]=${customer.id}`;
    const brackets = await raw(
      "POST",
      "/v1/financial_connections/sessions",
      `${holder}&permissions[]=ownership&permissions[]=balances&prefetch[]=ownership`,
    );
    const indexed = await raw(
      "POST",
      "/v1/financial_connections/sessions",
      `${holder}&permissions[1]=balances&permissions[0]=ownership&prefetch[0]=ownership`,
    );
    expect(brackets.status).toBe(200);
    expect(indexed.status).toBe(200);
    expect(brackets.body.permissions).toEqual(["ownership", "balances"]);
    expect(indexed.body.permissions).toEqual(["ownership", "balances"]);
    expect(indexed.body.prefetch).toEqual(["ownership"]);
  });

  it("refuses to prefetch data whose permission was not requested", async () => {
    const customer = await newCustomer();
    const err = await failure(
      stripe().financialConnections.sessions.create({
        account_holder: { type: "customer", customer: customer.id },
        permissions: ["payment_method"],
        prefetch: ["ownership"],
      }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe("prefetch");
  });

  it("answers an unknown session with 404 resource_missing", async () => {
    const err = await failure(stripe().financialConnections.sessions.retrieve("fcsess_unknown"));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("resource_missing");
  });
});

describe("sandbox idempotency", () => {
  it("replays the first result for the same key and parameters, with Idempotent-Replayed", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const first = await raw("POST", "/v1/customers", "name=Ada&metadata[x]=1", { "Idempotency-Key": key });
    const second = await raw("POST", "/v1/customers", "metadata[x]=1&name=Ada", { "Idempotency-Key": key });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.headers.get("Idempotency-Key")).toBe(key);
  });

  it("replays through the SDK: the same idempotency key yields the same customer", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const a = await stripe().customers.create({ name: "Grace Hopper" }, { idempotencyKey: key });
    const b = await stripe().customers.create({ name: "Grace Hopper" }, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
  });

  it("rejects the same key with other parameters as StripeIdempotencyError", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    await stripe().customers.create({ name: "Grace Hopper" }, { idempotencyKey: key });
    const err = await failure(stripe().customers.create({ name: "Alan Turing" }, { idempotencyKey: key }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/^Keys for idempotent requests can only be used with the same parameters/);
  });

  it("rejects the same key on another endpoint", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const customer = await stripe().customers.create({ name: "Grace Hopper" }, { idempotencyKey: key });
    const err = await failure(
      stripe().financialConnections.sessions.create(
        { account_holder: { type: "customer", customer: customer.id }, permissions: ["ownership"] },
        { idempotencyKey: key },
      ),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.message).toMatch(/same endpoint/);
  });

  it("saves nothing for a request rejected by validation, so a corrected retry with the key succeeds", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const bad = await raw("POST", "/v1/customers", "nickname=Ada", { "Idempotency-Key": key });
    expect(bad.status).toBe(400);
    const good = await raw("POST", "/v1/customers", "name=Ada", { "Idempotency-Key": key });
    expect(good.status).toBe(200);
  });
});

describe("sandbox authentication and routing", () => {
  it("answers a wrong API key with 401 as StripeAuthenticationError, masking the key", async () => {
    const wrong = new Stripe("sk_test_wrongkey1234", {
      httpClient: Stripe.createFetchHttpClient(sandboxFetch({ env, db: createDb(env.DB), selfFetch })),
    });
    const err = await failure(wrong.customers.create({ name: "Eve" }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
    expect(err.message).toBe("Invalid API Key provided: sk_test_********1234");
  });

  it("answers a missing API key with 401", async () => {
    const res = await raw("GET", "/v1/customers/cus_x", undefined, { Authorization: "" });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/^You did not provide an API key/);
  });

  it("answers an unknown URL with Stripe's 404", async () => {
    const res = await raw("GET", "/v1/charges");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/charges\)/);
    expect(res.headers.get("Request-Id")).toMatch(/^req_/);
  });
});
