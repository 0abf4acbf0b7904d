/**
 * The emulator's behaviour: what Stripe and the "banks" behind it do for each call, independent of HTTP. Used by the
 * Stripe-shaped API (api.ts) and by the browserless sandbox routes (routes/sandbox.ts).
 */

import { eq, or } from "drizzle-orm";
import type Stripe from "stripe";
import { sandboxObjects } from "../db/schema";
import type { SandboxDeps } from "./deps";
import { apiError, invalidRequest, parameterMissing, rateLimited, resourceMissing } from "./errors";
import { emitEvent } from "./events";
import {
  type CustomerInput,
  listOf,
  newAccount,
  newCustomer,
  newOwner,
  newOwnership,
  newSession,
  nowSeconds,
  ownershipRefresh,
  type SessionInput,
  sessionIdOfSecret,
} from "./objects";
import type { OwnerRecord } from "./people";
import { findScenario, type Scenario, type ScenarioName } from "./scenarios";
import {
  type AccountMeta,
  dataEquals,
  deleteCustomerRecords,
  getRecord,
  insertRecord,
  listRecords,
  type SandboxRecords,
  type StoredAccount,
  updateRecord,
} from "./store";

type AccountRecord = SandboxRecords["financial_connections.account"];
type SessionRecord = SandboxRecords["financial_connections.session"];

/** The first page size of lists embedded in objects (session.accounts, ownership.owners), as Stripe does. */
const EMBEDDED_LIST_LIMIT = 10;
/** The most accounts one sandbox link may create (enough to exercise pagination of session.accounts). */
export const MAX_LINKED_ACCOUNTS = 25;

export interface Page {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

const ACCOUNTS_URL = "/v1/financial_connections/accounts";
const ownersUrl = (accountId: string) => `${ACCOUNTS_URL}/${accountId}/owners`;

function scenarioOf(meta: AccountMeta): Scenario {
  const scenario = findScenario(meta.scenario);
  if (!scenario) throw apiError();
  return scenario;
}

// ── Customers ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function createCustomer(deps: SandboxDeps, input: CustomerInput): Promise<Stripe.Customer> {
  const customer = newCustomer(input);
  await insertRecord(deps.db, "customer", customer.id, null, { object: customer, meta: null });
  return customer;
}

/** A customer, or Stripe's `{ id, object, deleted: true }` stub once it is deleted (as Stripe retrieves it). */
export async function retrieveCustomer(
  deps: SandboxDeps,
  id: string,
): Promise<Stripe.Customer | Stripe.DeletedCustomer> {
  const record = await getRecord(deps.db, "customer", id);
  if (!record) throw resourceMissing("customer", id);
  return record.object;
}

const isDeleted = (customer: Stripe.Customer | Stripe.DeletedCustomer): customer is Stripe.DeletedCustomer =>
  customer.deleted === true;

/** The customer unless it does not exist or was deleted. */
async function liveCustomer(deps: SandboxDeps, id: string): Promise<Stripe.Customer | null> {
  const record = await getRecord(deps.db, "customer", id);
  return record && !isDeleted(record.object) ? record.object : null;
}

/**
 * DELETE /v1/customers/:id: Stripe's deleted stub; an unknown or already deleted customer is a 404. Everything the
 * emulator derived from the customer's data goes with it (deleteCustomerRecords).
 */
export async function deleteCustomer(deps: SandboxDeps, id: string): Promise<Stripe.DeletedCustomer> {
  if (!(await liveCustomer(deps, id)) || !(await deleteCustomerRecords(deps.db, id))) {
    throw resourceMissing("customer", id);
  }
  return { id, object: "customer", deleted: true };
}

// ── Sessions ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function createSession(
  deps: SandboxDeps,
  input: SessionInput,
): Promise<Stripe.FinancialConnections.Session> {
  const holder = input.account_holder;
  if (holder.type === "customer") {
    if (typeof holder.customer !== "string") throw parameterMissing("account_holder[customer]");
    if (!(await liveCustomer(deps, holder.customer))) {
      throw resourceMissing("customer", holder.customer, "account_holder[customer]", 400);
    }
  } else {
    // The sandbox has no connected accounts, so an `account` holder can never exist.
    if (typeof holder.account !== "string") throw parameterMissing("account_holder[account]");
    throw resourceMissing("account", holder.account, "account_holder[account]", 400);
  }
  const missing = (input.prefetch ?? []).filter((feature) => !input.permissions.includes(feature));
  if (missing.length > 0) {
    throw invalidRequest(
      `You must request the ${missing.map((f) => `\`${f}\``).join(", ")} permission to prefetch that data.`,
      undefined,
      "prefetch",
    );
  }
  const record: SessionRecord = { object: newSession(input), meta: { state: "open", scenario: null } };
  await insertRecord(deps.db, "financial_connections.session", record.object.id, null, record);
  return renderSession(deps, record);
}

/** A session by its id, or by its client_secret (which must then be the session's current one). */
export async function findSession(
  deps: SandboxDeps,
  ref: string,
  param = "id",
  status: 400 | 404 = 404,
): Promise<SessionRecord> {
  const id = sessionIdOfSecret(ref) ?? ref;
  const record = await getRecord(deps.db, "financial_connections.session", id);
  if (!record || (id !== ref && record.object.client_secret !== ref)) {
    throw resourceMissing("financial_connections.session", ref, param, status);
  }
  return record;
}

export async function renderSession(
  deps: SandboxDeps,
  record: SessionRecord,
): Promise<Stripe.FinancialConnections.Session> {
  const { records, hasMore } = await listRecords(deps.db, "financial_connections.account", {
    parentId: record.object.id,
    order: "desc",
    limit: EMBEDDED_LIST_LIMIT,
  });
  const accounts = records.map((r) => r.object as Stripe.FinancialConnections.Account);
  return { ...record.object, accounts: listOf(accounts, hasMore, ACCOUNTS_URL) };
}

// ── Linking (the user picks an institution in the sandbox linking page) ──────────────────────────────────────────

/** Where an ownership refresh at the scenario's bank ends (`pending` until the late owners are delivered). */
function refreshOutcome(scenario: Scenario, meta: AccountMeta): "pending" | "succeeded" | "failed" {
  if (scenario.ownership === "pending" && !meta.delivered) return "pending";
  return scenario.ownership === "failed" ? "failed" : "succeeded";
}

/** New ownership + owner rows for `account` (to batch); returns the ownership id. */
function ownershipRows(deps: SandboxDeps, accountId: string, owners: OwnerRecord[], now: number) {
  const ownership = newOwnership(now);
  const rows = [
    insertRecord(deps.db, "financial_connections.account_ownership", ownership.id, accountId, {
      object: ownership,
      meta: null,
    }),
    ...owners.map((o) => {
      const owner = newOwner(o, ownership.id, now);
      return insertRecord(deps.db, "financial_connections.account_owner", owner.id, ownership.id, {
        object: owner,
        meta: null,
      });
    }),
  ] as const;
  return { ownershipId: ownership.id, rows };
}

export interface LinkResult {
  session: Stripe.FinancialConnections.Session;
  /** Accounts whose owners are still to be delivered (the `pending` scenario). */
  pendingAccountIds: string[];
}

/**
 * Completes the session with the scenario's institution: creates the accounts (and, when ownership was prefetched,
 * their ownership and owners). Linking again with the same scenario returns the same result; with another scenario
 * it is a 400 `session_already_completed`.
 */
export async function linkSession(
  deps: SandboxDeps,
  ref: string,
  scenarioName: ScenarioName,
  accountCount = 1,
): Promise<LinkResult> {
  const scenario = findScenario(scenarioName);
  if (!scenario) throw invalidRequest(`Unknown scenario: '${scenarioName}'`, "parameter_invalid", "scenario");
  let record = await findSession(deps, ref, "session");
  const claim = { state: scenario.links_account ? "linked" : "canceled", scenario: scenario.name } as const;
  for (;;) {
    if (record.meta.state !== "open") {
      if (record.meta.scenario !== scenario.name) {
        throw invalidRequest(
          `This session was already completed with the '${record.meta.scenario}' scenario.`,
          "session_already_completed",
        );
      }
      return { session: await renderSession(deps, record), pendingAccountIds: await pendingAccounts(deps, record) };
    }
    const result = await updateRecord(
      deps.db,
      "financial_connections.session",
      record.object.id,
      { object: record.object, meta: claim },
      dataEquals("$.meta.state", "open"),
    );
    if (result.meta.changes === 1) break;
    record = await findSession(deps, record.object.id, "session"); // somebody linked it first: answer as they did
  }

  const pendingAccountIds: string[] = [];
  if (scenario.links_account) {
    const customerId = record.object.account_holder?.customer;
    const customer = typeof customerId === "string" ? await liveCustomer(deps, customerId) : null;
    if (!customer) throw apiError();
    const owners = scenario.owners(customer);
    const canReadOwnership = record.object.permissions.includes("ownership");
    const prefetched = canReadOwnership && (record.object.prefetch ?? []).includes("ownership");
    const now = nowSeconds();
    const rows: Array<ReturnType<typeof insertRecord>> = [];
    for (let i = 0; i < accountCount; i++) {
      const account = newAccount(record.object, scenario, now);
      const meta: AccountMeta = { scenario: scenario.name, owners, delivered: false, rate_limited: false };
      if (prefetched) {
        const outcome = refreshOutcome(scenario, meta);
        account.ownership_refresh = ownershipRefresh(outcome, now);
        if (outcome === "succeeded") {
          const created = ownershipRows(deps, account.id, owners, now);
          account.ownership = created.ownershipId;
          rows.push(...created.rows);
        }
        if (outcome === "pending") pendingAccountIds.push(account.id);
      }
      rows.unshift(
        insertRecord(deps.db, "financial_connections.account", account.id, record.object.id, { object: account, meta }),
      );
    }
    const [first, ...rest] = rows;
    if (first) await deps.db.batch([first, ...rest]);
  }
  const linked = { object: record.object, meta: claim };
  return { session: await renderSession(deps, linked), pendingAccountIds };
}

/** Ids of the session's accounts whose ownership refresh is pending. */
export async function pendingAccounts(deps: SandboxDeps, record: SessionRecord): Promise<string[]> {
  const { records } = await listRecords(deps.db, "financial_connections.account", {
    parentId: record.object.id,
    order: "asc",
    limit: MAX_LINKED_ACCOUNTS,
    filter: dataEquals("$.object.ownership_refresh.status", "pending"),
  });
  return records.map((r) => r.object.id);
}

/**
 * The `pending` scenario's late data: ownership succeeds, owners appear, `refreshed_ownership` is delivered (and
 * awaited). `sendWebhook: false` records the event without delivering it: a lost webhook.
 */
export async function deliverOwnership(
  deps: SandboxDeps,
  accountId: string,
  options: { sendWebhook?: boolean } = {},
): Promise<Stripe.FinancialConnections.Account> {
  const record = await getAccountRecord(deps, accountId);
  const status = record.object.ownership_refresh?.status;
  if (status !== "pending") {
    throw invalidRequest(
      `Ownership of account '${accountId}' is not pending (ownership_refresh.status: ${status ?? "null"}).`,
      "ownership_not_pending",
    );
  }
  const now = nowSeconds();
  const created = ownershipRows(deps, accountId, record.meta.owners, now);
  const updated: AccountRecord = {
    object: { ...record.object, ownership: created.ownershipId, ownership_refresh: ownershipRefresh("succeeded", now) },
    meta: { ...record.meta, delivered: true },
  };
  await deps.db.batch(created.rows);
  const result = await updateRecord(
    deps.db,
    "financial_connections.account",
    accountId,
    updated,
    dataEquals("$.object.ownership_refresh.status", "pending"),
  );
  if (result.meta.changes !== 1) {
    // Delivered concurrently by someone else: drop the rows this attempt made.
    const orphan = created.ownershipId;
    await deps.db.delete(sandboxObjects).where(or(eq(sandboxObjects.id, orphan), eq(sandboxObjects.parentId, orphan)));
    throw invalidRequest(`Ownership of account '${accountId}' is not pending.`, "ownership_not_pending");
  }
  const account = updated.object as Stripe.FinancialConnections.Account;
  const mode = options.sendWebhook === false ? "lost" : "await";
  await emitEvent(deps, "financial_connections.account.refreshed_ownership", account, null, mode);
  return account;
}

// ── Accounts ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function getAccountRecord(deps: SandboxDeps, id: string): Promise<AccountRecord> {
  const record = await getRecord(deps.db, "financial_connections.account", id);
  if (!record) throw resourceMissing("financial_connections.account", id);
  return record;
}

/** The account as the API returns it; `expandOwnership` embeds the ownership and its first owners. */
export async function renderAccount(
  deps: SandboxDeps,
  record: AccountRecord,
  expandOwnership: boolean,
): Promise<Stripe.FinancialConnections.Account> {
  const account = record.object as Stripe.FinancialConnections.Account;
  const ownershipId = record.object.ownership;
  if (!expandOwnership || !ownershipId) return account;
  if (scenarioOf(record.meta).owners_read === "api_error") throw apiError();
  const ownership = await getRecord(deps.db, "financial_connections.account_ownership", ownershipId);
  if (!ownership) throw apiError();
  const owners = await listRecords(deps.db, "financial_connections.account_owner", {
    parentId: ownershipId,
    order: "asc",
    limit: EMBEDDED_LIST_LIMIT,
  });
  const data = owners.records.map((r) => r.object);
  return {
    ...account,
    ownership: { ...ownership.object, owners: listOf(data, owners.hasMore, ownersUrl(record.object.id)) },
  };
}

export interface AccountFilter {
  session?: string | undefined;
  customer?: string | undefined;
}

export async function listAccounts(
  deps: SandboxDeps,
  filter: AccountFilter,
  page: Page,
  expandOwnership: boolean,
): Promise<Stripe.ApiList<Stripe.FinancialConnections.Account>> {
  if (filter.session !== undefined) await findSession(deps, filter.session, "session", 400);
  const { records, hasMore } = await listRecords(deps.db, "financial_connections.account", {
    parentId: filter.session,
    order: "desc",
    limit: page.limit ?? 10,
    startingAfter: page.starting_after,
    endingBefore: page.ending_before,
    filter: filter.customer === undefined ? undefined : dataEquals("$.object.account_holder.customer", filter.customer),
  });
  const data = await Promise.all(records.map((r) => renderAccount(deps, r, expandOwnership)));
  return listOf(data, hasMore, ACCOUNTS_URL);
}

function assertConnected(record: AccountRecord) {
  if (record.object.status === "disconnected") {
    throw invalidRequest(
      `The account '${record.object.id}' has been disconnected; its data can no longer be accessed or refreshed.`,
      "account_disconnected",
    );
  }
}

export async function listOwners(
  deps: SandboxDeps,
  accountId: string,
  ownershipId: string,
  page: Page,
): Promise<Stripe.ApiList<Stripe.FinancialConnections.AccountOwner>> {
  const record = await getAccountRecord(deps, accountId);
  assertConnected(record);
  const scenario = scenarioOf(record.meta);
  if (scenario.owners_read === "api_error") throw apiError();
  if (scenario.owners_read === "rate_limited_once" && !record.meta.rate_limited) {
    const served = await updateRecord(
      deps.db,
      "financial_connections.account",
      accountId,
      { object: record.object, meta: { ...record.meta, rate_limited: true } },
      dataEquals("$.meta.rate_limited", false),
    );
    if (served.meta.changes === 1) throw rateLimited();
  }
  if (!(await getRecord(deps.db, "financial_connections.account_ownership", ownershipId, accountId))) {
    throw resourceMissing("financial_connections.account_ownership", ownershipId, "ownership", 400);
  }
  const { records, hasMore } = await listRecords(deps.db, "financial_connections.account_owner", {
    parentId: ownershipId,
    order: "asc",
    limit: page.limit ?? 10,
    startingAfter: page.starting_after,
    endingBefore: page.ending_before,
  });
  return listOf(
    records.map((r) => r.object),
    hasMore,
    ownersUrl(accountId),
  );
}

type RefreshFeature = "balance" | "ownership" | "transactions";
const FEATURE_PERMISSION: Record<RefreshFeature, string> = {
  balance: "balances",
  ownership: "ownership",
  transactions: "transactions",
};

/**
 * POST …/refresh. The sandbox settles a refresh at once (Stripe answers `pending` and finishes later); the
 * `refreshed_ownership` webhook follows either way, except while the `pending` scenario's owners are undelivered.
 */
export async function refreshAccount(
  deps: SandboxDeps,
  accountId: string,
  features: RefreshFeature[],
  request: Stripe.Event.Request,
): Promise<Stripe.FinancialConnections.Account> {
  const record = await getAccountRecord(deps, accountId);
  assertConnected(record);
  for (const feature of features) {
    const permission = FEATURE_PERMISSION[feature];
    if (!(record.object.permissions ?? []).includes(permission)) {
      throw invalidRequest(
        `You must have the \`${permission}\` permission on this account to refresh ${feature}.`,
        undefined,
        "features",
      );
    }
    if (feature !== "ownership") {
      throw invalidRequest(`The ownercheck sandbox can only refresh \`ownership\`.`, undefined, "features");
    }
  }
  const scenario = scenarioOf(record.meta);
  const outcome = refreshOutcome(scenario, record.meta);
  if (outcome === "pending" && record.object.ownership_refresh?.status === "pending") {
    return record.object as Stripe.FinancialConnections.Account; // already in progress
  }
  const now = nowSeconds();
  const object: StoredAccount = { ...record.object, ownership_refresh: ownershipRefresh(outcome, now) };
  if (outcome === "succeeded") {
    const created = ownershipRows(deps, accountId, record.meta.owners, now);
    object.ownership = created.ownershipId;
    await deps.db.batch(created.rows);
  }
  await updateRecord(deps.db, "financial_connections.account", accountId, { object, meta: record.meta });
  const account = object as Stripe.FinancialConnections.Account;
  if (outcome !== "pending") {
    await emitEvent(deps, "financial_connections.account.refreshed_ownership", account, request, "background");
  }
  return account;
}

/** POST …/disconnect: the account stops sharing data; `financial_connections.account.disconnected` is delivered. */
export async function disconnectAccount(
  deps: SandboxDeps,
  accountId: string,
  request: Stripe.Event.Request,
): Promise<Stripe.FinancialConnections.Account> {
  const record = await getAccountRecord(deps, accountId);
  if (record.object.status === "disconnected") return record.object as Stripe.FinancialConnections.Account;
  const object: StoredAccount = { ...record.object, status: "disconnected" };
  const result = await updateRecord(
    deps.db,
    "financial_connections.account",
    accountId,
    { object, meta: record.meta },
    dataEquals("$.object.status", record.object.status),
  );
  const account = object as Stripe.FinancialConnections.Account;
  if (result.meta.changes === 1) {
    await emitEvent(deps, "financial_connections.account.disconnected", account, request, "background");
  }
  return account;
}

// ── Events ───────────────────────────────────────────────────────────────────────────────────────────────────────

export async function retrieveEvent(deps: SandboxDeps, id: string): Promise<Stripe.Event> {
  const record = await getRecord(deps.db, "event", id);
  if (!record) throw resourceMissing("event", id);
  return record.object;
}

export async function listEvents(
  deps: SandboxDeps,
  filter: { type?: string | undefined; account?: string | undefined },
  page: Page,
): Promise<{ list: Stripe.ApiList<Stripe.Event>; records: Array<SandboxRecords["event"]> }> {
  const { records, hasMore } = await listRecords(deps.db, "event", {
    parentId: filter.account,
    order: "desc",
    limit: page.limit ?? 10,
    startingAfter: page.starting_after,
    endingBefore: page.ending_before,
    filter: filter.type === undefined ? undefined : dataEquals("$.object.type", filter.type),
  });
  return {
    list: listOf(
      records.map((r) => r.object),
      hasMore,
      "/v1/events",
    ),
    records,
  };
}
