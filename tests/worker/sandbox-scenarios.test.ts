import { env } from "cloudflare:test";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createDb } from "../../worker/db/client";
import { deliverOwnership, linkSession } from "../../worker/sandbox/bank";
import type { SandboxDeps } from "../../worker/sandbox/deps";
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from "../../worker/sandbox/scenarios";
import { sandboxFetch } from "../../worker/sandbox/transport";
import { createStripe, SANDBOX_SECRET_KEY } from "../../worker/stripe/client";
import { listSessionAccounts, readOwnership, refreshOwnership } from "../../worker/stripe/ownership";
import { verifyStripeEvent } from "../../worker/stripe/webhooks";
import { SAMPLE_CUSTOMER } from "./helpers";

const BANK_ADDRESS = "123 NORTH MAIN STREET APT 4B, SPRINGFIELD, IL 62704";

/** Stands in for the worker's POST /v1/webhooks/stripe: keeps every delivery the sandbox makes. */
function webhookInbox() {
  const deliveries: Array<{ url: string; signature: string | null; body: string; contentType: string | null }> = [];
  const selfFetch = async (request: Request) => {
    deliveries.push({
      url: request.url,
      signature: request.headers.get("Stripe-Signature"),
      body: await request.text(),
      contentType: request.headers.get("Content-Type"),
    });
    return Response.json({ received: true });
  };
  return { deliveries, selfFetch };
}

/** Customer → session (ownership permission, prefetched) → linked at the scenario's institution. */
async function linked(scenario: ScenarioName, accountCount = 1) {
  const inbox = webhookInbox();
  const deps: SandboxDeps = { env, db: createDb(env.DB), selfFetch: inbox.selfFetch };
  const stripe = createStripe(env, inbox.selfFetch);
  const customer = await stripe.customers.create(SAMPLE_CUSTOMER);
  const session = await stripe.financialConnections.sessions.create({
    account_holder: { type: "customer", customer: customer.id },
    permissions: ["ownership"],
    prefetch: ["ownership"],
  });
  const link = await linkSession(deps, session.id, scenario, accountCount);
  const accounts = await listSessionAccounts(stripe, session.id);
  return { stripe, deps, inbox, session, link, accounts, account: accounts[0] as Stripe.FinancialConnections.Account };
}

async function ownersOf(scenario: ScenarioName) {
  const { stripe, account } = await linked(scenario);
  const { ownership } = await readOwnership(stripe, account.id);
  expect(ownership.status).toBe("succeeded");
  return ownership.owners.map(({ name, raw_address, email, phone }) => ({ name, raw_address, email, phone }));
}

describe("the scenario table", () => {
  it("names every scenario once, each with a description and an expected status", () => {
    expect(new Set(SCENARIO_NAMES).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      expect(scenario.description.length).toBeGreaterThan(10);
      expect(["verified", "needs_review", "failed", "pending", "canceled"]).toContain(scenario.expected_status);
    }
    expect(SCENARIO_NAMES).toEqual(
      expect.arrayContaining([
        "exact",
        "nickname",
        "initials",
        "joint",
        "family",
        "different",
        "business",
        "moved",
        "pending",
        "refresh_failed",
        "no_owner_data",
        "cancel",
        "provider_error",
        "rate_limited",
      ]),
    );
  });
});

describe("sandbox scenarios, read through the Stripe SDK", () => {
  it("exact: one owner with the customer's own data, the address printed bank-style", async () => {
    const { stripe, account } = await linked("exact");
    expect(account.id).toMatch(/^fca_[0-9A-Za-z]{24}$/);
    expect(account).toMatchObject({
      object: "financial_connections.account",
      institution_name: "Exact Match Bank",
      category: "cash",
      subcategory: "checking",
      status: "active",
      permissions: ["ownership"],
      livemode: false,
      ownership_refresh: { status: "succeeded" },
    });
    expect(account.last4).toMatch(/^\d{4}$/);
    expect(account.ownership).toMatch(/^fcaowns_[0-9A-Za-z]{24}$/);
    const { ownership } = await readOwnership(stripe, account.id);
    expect(ownership.ownershipId).toBe(account.ownership);
    expect(ownership.refreshedAt).toBeCloseTo(Date.now(), -5);
    expect(ownership.owners).toHaveLength(1);
    expect(ownership.owners[0]?.id).toMatch(/^fcaown_[0-9A-Za-z]{24}$/);
    expect(ownership.owners[0]).toMatchObject({
      name: "Robert James Smith",
      raw_address: BANK_ADDRESS,
      email: "bob.smith@example.com",
      phone: "+12175550142",
    });
  });

  it("nickname: the first name becomes its diminutive", async () => {
    expect(await ownersOf("nickname")).toEqual([
      { name: "Bob James Smith", raw_address: BANK_ADDRESS, email: "bob.smith@example.com", phone: "+12175550142" },
    ]);
  });

  it("initials: surname first, middle initial and suffix, in capitals", async () => {
    expect((await ownersOf("initials"))[0]?.name).toBe("SMITH JR, ROBERT J");
  });

  it("joint: two owners, the applicant second", async () => {
    const owners = await ownersOf("joint");
    expect(owners).toEqual([
      { name: "Jordan Smith", raw_address: BANK_ADDRESS, email: null, phone: null },
      { name: "Robert James Smith", raw_address: BANK_ADDRESS, email: "bob.smith@example.com", phone: "+12175550142" },
    ]);
  });

  it("family: same surname and address, another first name, no contact details", async () => {
    expect(await ownersOf("family")).toEqual([
      { name: "Jordan Smith", raw_address: BANK_ADDRESS, email: null, phone: null },
    ]);
  });

  it("different: another person at another address", async () => {
    const [owner] = await ownersOf("different");
    expect(owner?.name).toBe("Maria Gonzalez");
    expect(owner?.raw_address).toBe("88 HARBOR VIEW RD, TAMPA, FL 33602");
    expect(owner?.email).not.toBe(SAMPLE_CUSTOMER.email);
  });

  it("business: a company named after the surname", async () => {
    const [owner] = await ownersOf("business");
    expect(owner?.name).toBe("SMITH HOLDINGS LLC");
    expect(owner?.raw_address).not.toBe(BANK_ADDRESS);
  });

  it("moved: the same name at an address in another city", async () => {
    expect(await ownersOf("moved")).toEqual([
      { name: "Robert James Smith", raw_address: "2450 LAKEVIEW DR, PORTLAND, OR 97205", email: null, phone: null },
    ]);
  });

  it("no_owner_data: the name only", async () => {
    expect(await ownersOf("no_owner_data")).toEqual([
      { name: "Robert James Smith", raw_address: null, email: null, phone: null },
    ]);
  });

  it("refresh_failed: ownership refresh failed, no ownership and no owners", async () => {
    const { stripe, account } = await linked("refresh_failed");
    expect(account.ownership_refresh?.status).toBe("failed");
    const { ownership } = await readOwnership(stripe, account.id);
    expect(ownership).toEqual({ status: "failed", ownershipId: null, refreshedAt: null, owners: [] });
  });

  it("cancel: the session ends with no accounts", async () => {
    const { accounts, link } = await linked("cancel");
    expect(accounts).toEqual([]);
    expect(link.session.accounts.data).toEqual([]);
  });

  it("provider_error: the account links, but reading its owners is an HTTP 500 api_error every time", async () => {
    const { stripe, account } = await linked("provider_error");
    expect(account.ownership_refresh?.status).toBe("succeeded");
    for (let attempt = 0; attempt < 2; attempt++) {
      const err = await readOwnership(stripe, account.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect((err as Stripe.errors.StripeAPIError).statusCode).toBe(500);
    }
    const owners = await stripe.financialConnections.accounts
      .listOwners(account.id, { ownership: account.ownership as string })
      .catch((e: unknown) => e);
    expect(owners).toBeInstanceOf(Stripe.errors.StripeAPIError);
  });

  it("rate_limited: the first owners read is a 429 that the SDK retries past", async () => {
    const { deps, account } = await linked("rate_limited");
    const statuses: number[] = [];
    const fetchSandbox = sandboxFetch(deps);
    const recording: typeof fetch = async (input, init) => {
      const res = await fetchSandbox(input, init);
      statuses.push(res.status);
      return res;
    };
    const stripe = new Stripe(SANDBOX_SECRET_KEY, {
      maxNetworkRetries: 2,
      httpClient: Stripe.createFetchHttpClient(recording),
    });
    const { ownership } = await readOwnership(stripe, account.id);
    expect(ownership.status).toBe("succeeded");
    expect(ownership.owners.map((o) => o.name)).toEqual(["Robert James Smith"]);
    expect(statuses).toEqual([200, 429, 200]);
  });
});

describe("late ownership and webhooks", () => {
  it("pending: ownership is pending at link time, then delivered with a signed refreshed_ownership webhook", async () => {
    const { stripe, deps, inbox, account, link } = await linked("pending");
    expect(link.pendingAccountIds).toEqual([account.id]);
    expect(account.ownership_refresh).toMatchObject({ status: "pending", next_refresh_available_at: null });
    expect(account.ownership).toBeNull();
    expect((await readOwnership(stripe, account.id)).ownership).toMatchObject({ status: "pending", owners: [] });

    await deliverOwnership(deps, account.id);

    expect(inbox.deliveries).toHaveLength(1);
    const delivery = inbox.deliveries[0] as (typeof inbox.deliveries)[number];
    expect(new URL(delivery.url).pathname).toBe("/v1/webhooks/stripe");
    expect(delivery.contentType).toBe("application/json; charset=utf-8");
    expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = await verifyStripeEvent(
      stripe,
      env.STRIPE_WEBHOOK_SECRET as string,
      delivery.body,
      delivery.signature,
    );
    expect(event.id).toMatch(/^evt_[0-9A-Za-z]{24}$/);
    expect(event).toMatchObject({
      object: "event",
      type: "financial_connections.account.refreshed_ownership",
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: account.id, ownership_refresh: { status: "succeeded" } } },
    });
    const { ownership } = await readOwnership(stripe, account.id);
    expect(ownership.status).toBe("succeeded");
    expect(ownership.owners.map((o) => o.name)).toEqual(["Robert James Smith"]);
    expect((await stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
  });

  it("refuses to deliver ownership that is not pending", async () => {
    const { deps, account } = await linked("exact");
    await expect(deliverOwnership(deps, account.id)).rejects.toMatchObject({
      status: 400,
      code: "ownership_not_pending",
    });
  });

  it("a refresh of a settled account makes a new ownership and sends refreshed_ownership naming the request", async () => {
    const { stripe, inbox, account } = await linked("exact");
    await refreshOwnership(stripe, account.id);
    const after = await readOwnership(stripe, account.id);
    expect(after.ownership.status).toBe("succeeded");
    expect(after.ownership.ownershipId).not.toBe(account.ownership);
    expect(after.ownership.owners).toHaveLength(1);
    expect(inbox.deliveries).toHaveLength(1);
    const event = JSON.parse(inbox.deliveries[0]?.body ?? "{}");
    expect(event.type).toBe("financial_connections.account.refreshed_ownership");
    expect(event.request.id).toMatch(/^req_/);
    expect(event.request.idempotency_key).toMatch(/^stripe-node-retry-/);
  });

  it("a refresh of refresh_failed fails again; of undelivered pending stays pending without a webhook", async () => {
    const failed = await linked("refresh_failed");
    await refreshOwnership(failed.stripe, failed.account.id);
    expect((await readOwnership(failed.stripe, failed.account.id)).ownership.status).toBe("failed");
    expect(failed.inbox.deliveries).toHaveLength(1);

    const pending = await linked("pending");
    await refreshOwnership(pending.stripe, pending.account.id);
    expect((await readOwnership(pending.stripe, pending.account.id)).ownership.status).toBe("pending");
    expect(pending.inbox.deliveries).toHaveLength(0);
  });

  it("refuses to refresh a feature the account was not granted", async () => {
    const { stripe, account } = await linked("exact");
    const err = await stripe.financialConnections.accounts
      .refresh(account.id, { features: ["transactions"] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("features");
  });

  it("disconnect marks the account disconnected, delivers account.disconnected, and closes its data", async () => {
    const { stripe, inbox, account } = await linked("exact");
    const disconnected = await stripe.financialConnections.accounts.disconnect(account.id);
    expect(disconnected.status).toBe("disconnected");
    expect(inbox.deliveries.map((d) => JSON.parse(d.body).type)).toEqual([
      "financial_connections.account.disconnected",
    ]);
    const again = await stripe.financialConnections.accounts.disconnect(account.id);
    expect(again.status).toBe("disconnected");
    expect(inbox.deliveries).toHaveLength(1);
    const err = await stripe.financialConnections.accounts
      .listOwners(account.id, { ownership: account.ownership as string })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe("sandbox accounts and owners", () => {
  it("expands ownership with its owners on request, and returns its id otherwise", async () => {
    const { stripe, account } = await linked("joint");
    const plain = await stripe.financialConnections.accounts.retrieve(account.id);
    expect(plain.ownership).toBe(account.ownership);
    const expanded = await stripe.financialConnections.accounts.retrieve(account.id, { expand: ["ownership"] });
    const ownership = expanded.ownership as Stripe.FinancialConnections.AccountOwnership;
    expect(ownership).toMatchObject({ id: account.ownership, object: "financial_connections.account_ownership" });
    expect(ownership.owners).toMatchObject({ object: "list", has_more: false });
    expect(ownership.owners.data.map((o) => o.name)).toEqual(["Jordan Smith", "Robert James Smith"]);
  });

  it("refuses to expand a property that cannot be expanded", async () => {
    const { stripe, account } = await linked("exact");
    const err = await stripe.financialConnections.accounts
      .retrieve(account.id, { expand: ["balance"] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it("paginates owners with limit and starting_after, in the bank's order", async () => {
    const { stripe, account } = await linked("joint");
    const ownership = account.ownership as string;
    const first = await stripe.financialConnections.accounts.listOwners(account.id, { ownership, limit: 1 });
    expect(first).toMatchObject({
      object: "list",
      has_more: true,
      url: `/v1/financial_connections/accounts/${account.id}/owners`,
    });
    const second = await stripe.financialConnections.accounts.listOwners(account.id, {
      ownership,
      limit: 1,
      starting_after: first.data[0]?.id,
    });
    expect(second.has_more).toBe(false);
    expect([...first.data, ...second.data].map((o) => o.name)).toEqual(["Jordan Smith", "Robert James Smith"]);
  });

  it("answers owners of an unknown ownership with 400 resource_missing on `ownership`", async () => {
    const { stripe, account } = await linked("exact");
    const err = await stripe.financialConnections.accounts
      .listOwners(account.id, { ownership: "fcaowns_nope" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("ownership");
  });

  it("lists a session's accounts newest first, ten in session.accounts, the rest by pagination", async () => {
    const { stripe, session, accounts } = await linked("exact", 12);
    expect(accounts).toHaveLength(12);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(12);
    const retrieved = await stripe.financialConnections.sessions.retrieve(session.id);
    expect(retrieved.accounts.data).toHaveLength(10);
    expect(retrieved.accounts.has_more).toBe(true);
    expect(accounts.slice(0, 10).map((a) => a.id)).toEqual(retrieved.accounts.data.map((a) => a.id));

    const page = await stripe.financialConnections.accounts.list({ session: session.id, limit: 5 });
    expect(page.data.map((a) => a.id)).toEqual(accounts.slice(0, 5).map((a) => a.id));
    const back = await stripe.financialConnections.accounts.list({
      session: session.id,
      limit: 2,
      ending_before: accounts[5]?.id,
    });
    expect(back.data.map((a) => a.id)).toEqual(accounts.slice(3, 5).map((a) => a.id));
    const all = await stripe.financialConnections.accounts.list({ session: session.id, limit: 5 }).autoPagingToArray({
      limit: 100,
    });
    expect(all.map((a) => a.id)).toEqual(accounts.map((a) => a.id));
  });

  it("filters accounts by account_holder[customer]", async () => {
    const { stripe, account } = await linked("exact");
    const customer = account.account_holder?.customer as string;
    const list = await stripe.financialConnections.accounts.list({ account_holder: { customer } });
    expect(list.data.map((a) => a.id)).toEqual([account.id]);
  });

  it("rejects a starting_after that is not in the list with 400 resource_missing", async () => {
    const { stripe, session } = await linked("exact");
    const err = await stripe.financialConnections.accounts
      .list({ session: session.id, starting_after: "fca_nope" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("starting_after");
  });
});
