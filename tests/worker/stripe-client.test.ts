import { env } from "cloudflare:test";
import Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createStripe,
  publishableKey,
  SANDBOX_PUBLISHABLE_KEY,
  StripeConfigError,
  stripeMode,
  webhookSecret,
} from "../../worker/stripe/client";
import { SANDBOX_WEBHOOK_SECRET } from "../../worker/stripe/config";
import { listSessionAccounts, readOwnership, refreshOwnership } from "../../worker/stripe/ownership";

const live = { ...env, STRIPE_MODE: "stripe", STRIPE_SECRET_KEY: "sk_test_x", STRIPE_PUBLISHABLE_KEY: "pk_test_x" };
const noSelfFetch = async () => new Response(null, { status: 204 });

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** A stand-in for api.stripe.com: records each request the SDK makes and answers from `reply`. */
function stubStripe(reply: (seen: Seen, attempt: number) => Response) {
  const seen: Seen[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const entry = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: new TextDecoder().decode(await request.arrayBuffer()),
    };
    seen.push(entry);
    return reply(entry, seen.length);
  };
  return { seen, fetchStub };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("stripe configuration", () => {
  it("uses the sandbox only when STRIPE_MODE says so; unset means real Stripe (fail closed)", () => {
    expect(stripeMode({ ...env, STRIPE_MODE: "", STRIPE_SECRET_KEY: "sk_test_x" })).toBe("stripe");
    expect(() => stripeMode({ ...env, STRIPE_MODE: "" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(stripeMode(env)).toBe("sandbox");
    expect(publishableKey(env)).toBe(SANDBOX_PUBLISHABLE_KEY);
  });

  it("refuses stripe mode without STRIPE_SECRET_KEY, with an error that names the secret", () => {
    expect(() => stripeMode({ ...env, STRIPE_MODE: "stripe" })).toThrow(StripeConfigError);
    expect(() => stripeMode({ ...env, STRIPE_MODE: "stripe" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => createStripe({ ...env, STRIPE_MODE: "stripe" }, noSelfFetch)).toThrow(StripeConfigError);
  });

  it("refuses an unknown STRIPE_MODE", () => {
    expect(() => stripeMode({ ...env, STRIPE_MODE: "live" })).toThrow(/STRIPE_MODE/);
  });

  it("uses the configured publishable key in stripe mode and requires it", () => {
    expect(stripeMode(live)).toBe("stripe");
    expect(publishableKey(live)).toBe("pk_test_x");
    expect(() => publishableKey({ ...live, STRIPE_PUBLISHABLE_KEY: undefined })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
  });

  it("falls back to the sandbox webhook secret only in sandbox mode", () => {
    expect(webhookSecret(env)).toBe("whsec_test_secret");
    expect(webhookSecret({ ...env, STRIPE_WEBHOOK_SECRET: undefined })).toBe(SANDBOX_WEBHOOK_SECRET);
    expect(() => webhookSecret({ ...live, STRIPE_WEBHOOK_SECRET: undefined })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe("createStripe in stripe mode", () => {
  it("sends customers.create to api.stripe.com form-encoded, with the key, pinned version and idempotency key", async () => {
    const { seen, fetchStub } = stubStripe(() => json({ id: "cus_123", object: "customer" }));
    const stripe = createStripe(live, noSelfFetch, { fetch: fetchStub });
    const customer = await stripe.customers.create(
      {
        name: "Robert Smith",
        email: "bob@example.com",
        phone: "+12175550142",
        address: { line1: "1 Main St", city: "Springfield", state: "IL", postal_code: "62704", country: "US" },
        metadata: { ownercheck_applicant_id: "app_1" },
      },
      { idempotencyKey: "ownercheck-customer-app_1" },
    );
    expect(customer.id).toBe("cus_123");
    expect(seen).toHaveLength(1);
    const [request] = seen as [Seen];
    expect(request.method).toBe("POST");
    expect(request.url.href).toBe("https://api.stripe.com/v1/customers");
    expect(request.headers.get("Authorization")).toBe("Bearer sk_test_x");
    expect(request.headers.get("Stripe-Version")).toBe(Stripe.API_VERSION);
    expect(request.headers.get("Idempotency-Key")).toBe("ownercheck-customer-app_1");
    expect(request.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(request.headers.get("User-Agent")).toMatch(/ownercheck/);
    expect([...new URLSearchParams(request.body)]).toEqual([
      ["name", "Robert Smith"],
      ["email", "bob@example.com"],
      ["phone", "+12175550142"],
      ["address[line1]", "1 Main St"],
      ["address[city]", "Springfield"],
      ["address[state]", "IL"],
      ["address[postal_code]", "62704"],
      ["address[country]", "US"],
      ["metadata[ownercheck_applicant_id]", "app_1"],
    ]);
  });

  it("sends the session create with indexed arrays for permissions and prefetch", async () => {
    const { seen, fetchStub } = stubStripe(() => json({ id: "fcsess_1", object: "financial_connections.session" }));
    const stripe = createStripe(live, noSelfFetch, { fetch: fetchStub });
    await stripe.financialConnections.sessions.create(
      {
        account_holder: { type: "customer", customer: "cus_123" },
        permissions: ["ownership", "payment_method"],
        prefetch: ["ownership"],
      },
      { idempotencyKey: "ownercheck-session-ver_1" },
    );
    const [request] = seen as [Seen];
    expect(request.url.pathname).toBe("/v1/financial_connections/sessions");
    expect(request.headers.get("Idempotency-Key")).toBe("ownercheck-session-ver_1");
    expect([...new URLSearchParams(request.body)]).toEqual([
      ["account_holder[type]", "customer"],
      ["account_holder[customer]", "cus_123"],
      ["permissions[0]", "ownership"],
      ["permissions[1]", "payment_method"],
      ["prefetch[0]", "ownership"],
    ]);
  });

  it("reads ownership with expand on the account, then the owners list of that ownership", async () => {
    const { seen, fetchStub } = stubStripe((request) => {
      if (request.url.pathname.endsWith("/owners")) {
        return json({
          object: "list",
          data: [
            {
              id: "fcaown_1",
              object: "financial_connections.account_owner",
              name: "Robert Smith",
              email: null,
              phone: null,
              raw_address: "1 MAIN ST, SPRINGFIELD, IL 62704",
              ownership: "fcaowns_1",
              refreshed_at: 1_700_000_000,
            },
          ],
          has_more: false,
          url: "/v1/financial_connections/accounts/fca_1/owners",
        });
      }
      return json({
        id: "fca_1",
        object: "financial_connections.account",
        ownership: { id: "fcaowns_1", object: "financial_connections.account_ownership", created: 1, owners: {} },
        ownership_refresh: { status: "succeeded", last_attempted_at: 1_700_000_000, next_refresh_available_at: null },
      });
    });
    const stripe = createStripe(live, noSelfFetch, { fetch: fetchStub });
    const { ownership } = await readOwnership(stripe, "fca_1");
    expect(seen.map((r) => `${r.method} ${r.url.pathname}${decodeURIComponent(r.url.search)}`)).toEqual([
      "GET /v1/financial_connections/accounts/fca_1?expand[0]=ownership",
      "GET /v1/financial_connections/accounts/fca_1/owners?ownership=fcaowns_1&limit=100",
    ]);
    expect(seen.every((r) => r.headers.get("Idempotency-Key") === null)).toBe(true);
    expect(ownership).toEqual({
      status: "succeeded",
      ownershipId: "fcaowns_1",
      refreshedAt: 1_700_000_000_000,
      owners: [
        {
          id: "fcaown_1",
          name: "Robert Smith",
          raw_address: "1 MAIN ST, SPRINGFIELD, IL 62704",
          email: null,
          phone: null,
          refreshed_at: 1_700_000_000_000,
        },
      ],
    });
  });

  it("refreshes ownership with features[0]=ownership", async () => {
    const { seen, fetchStub } = stubStripe(() => json({ id: "fca_1", object: "financial_connections.account" }));
    await refreshOwnership(createStripe(live, noSelfFetch, { fetch: fetchStub }), "fca_1");
    const [request] = seen as [Seen];
    expect(`${request.method} ${request.url.pathname}`).toBe("POST /v1/financial_connections/accounts/fca_1/refresh");
    expect(request.body).toBe("features[0]=ownership");
  });

  it("pages through session accounts with accounts.list when the embedded list has more", async () => {
    const account = (id: string) => ({ id, object: "financial_connections.account" });
    const { seen, fetchStub } = stubStripe((request) =>
      request.url.pathname.includes("/sessions/")
        ? json({
            id: "fcsess_1",
            object: "financial_connections.session",
            accounts: {
              object: "list",
              data: [account("fca_1")],
              has_more: true,
              url: "/v1/financial_connections/accounts",
            },
          })
        : json({
            object: "list",
            data: [account("fca_2")],
            has_more: false,
            url: "/v1/financial_connections/accounts",
          }),
    );
    const accounts = await listSessionAccounts(createStripe(live, noSelfFetch, { fetch: fetchStub }), "fcsess_1");
    expect(accounts.map((a) => a.id)).toEqual(["fca_1", "fca_2"]);
    expect(decodeURIComponent(seen[1]?.url.search ?? "")).toBe("?session=fcsess_1&starting_after=fca_1&limit=100");
  });

  it("retries a 500 with the same idempotency key (maxNetworkRetries)", async () => {
    const { seen, fetchStub } = stubStripe((_request, attempt) =>
      attempt === 1
        ? json({ error: { type: "api_error", message: "An unknown error occurred" } }, 500)
        : json({ id: "cus_123", object: "customer" }),
    );
    const stripe = createStripe(live, noSelfFetch, { fetch: fetchStub });
    const customer = await stripe.customers.create({ name: "Robert Smith" });
    expect(customer.id).toBe("cus_123");
    expect(seen).toHaveLength(2);
    const keys = seen.map((r) => r.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^stripe-node-retry-/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("surfaces Stripe's error body as the SDK's error class", async () => {
    const { fetchStub } = stubStripe(() =>
      json(
        {
          error: {
            code: "resource_missing",
            message: "No such customer: 'cus_nope'",
            param: "id",
            type: "invalid_request_error",
          },
        },
        404,
      ),
    );
    const stripe = createStripe(live, noSelfFetch, { fetch: fetchStub });
    const err = await stripe.customers.retrieve("cus_nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeInvalidRequestError).code).toBe("resource_missing");
  });
});

describe("createStripe in sandbox mode", () => {
  it("never touches the network", async () => {
    const network = vi.spyOn(globalThis, "fetch");
    const stripe = createStripe(env, noSelfFetch);
    const customer = await stripe.customers.create({ name: "Robert Smith" });
    expect(customer.id).toMatch(/^cus_/);
    expect(network).not.toHaveBeenCalled();
  });
});
