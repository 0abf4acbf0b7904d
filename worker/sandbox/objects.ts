/**
 * Builders for the Stripe objects the emulator serves, typed with the stripe package's own types so that a change in
 * the SDK's shapes fails the type-check here. Keys follow Stripe's order: id, object, then alphabetical.
 */
import Stripe from "stripe";
import { newId, randomBase62 } from "../lib/ids";
import type { OwnerRecord } from "./people";
import type { Scenario } from "./scenarios";
import type { StoredAccount, StoredOwnership, StoredSession } from "./store";

/** Stripe's own id lengths: `cus_` ids are 14 characters, the Financial Connections ones 24. */
export const newCustomerId = () => newId("cus", 14);
export const newSessionId = () => newId("fcsess", 24);
export const newAccountId = () => newId("fca", 24);
export const newOwnershipId = () => newId("fcaowns", 24);
export const newOwnerId = () => newId("fcaown", 24);
export const newEventId = () => newId("evt", 24);
export const newRequestId = () => newId("req", 14);
/**
 * A session's client_secret, `fcsess_…_secret_…`: the session id, then a secret part. (Stripe's own Financial
 * Connections secrets read `fcsess_client_secret_…`; ownercheck's widget and linking page rely on finding the session
 * id in the secret, so the sandbox uses the PaymentIntent-style form. Real-mode code never parses a secret.)
 */
export const sessionClientSecret = (sessionId: string) => `${sessionId}_secret_${randomBase62(24)}`;

/** The session id inside a sandbox client_secret, or null when `value` is not one. */
export function sessionIdOfSecret(value: string): string | null {
  return /^(fcsess_[0-9A-Za-z]+)_secret_[0-9A-Za-z]+$/.exec(value)?.[1] ?? null;
}

/** How soon Stripe lets a finished ownership refresh be repeated (reported only; the sandbox does not enforce it). */
export const OWNERSHIP_REFRESH_INTERVAL_SECONDS = 60;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function listOf<T>(data: T[], hasMore: boolean, url: string): Stripe.ApiList<T> {
  return { object: "list", data, has_more: hasMore, url };
}

export interface CustomerInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  address?: Partial<Record<keyof Stripe.Address, string | null>> | null;
  metadata?: Record<string, string>;
}

export function newCustomer(input: CustomerInput): Stripe.Customer {
  const address: Stripe.Address | null = input.address
    ? {
        city: input.address.city ?? null,
        country: input.address.country ?? null,
        line1: input.address.line1 ?? null,
        line2: input.address.line2 ?? null,
        postal_code: input.address.postal_code ?? null,
        state: input.address.state ?? null,
      }
    : null;
  return {
    id: newCustomerId(),
    object: "customer",
    address,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: randomBase62(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: input.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export interface SessionInput {
  account_holder: Stripe.FinancialConnections.Session.AccountHolder;
  permissions: Stripe.FinancialConnections.Session.Permission[];
  prefetch: Stripe.FinancialConnections.Session.Prefetch[] | null;
  filters?: Stripe.FinancialConnections.Session.Filters | undefined;
  limits?: Stripe.FinancialConnections.Session.Limits | undefined;
  return_url?: string | undefined;
}

export function newSession(input: SessionInput): StoredSession {
  const id = newSessionId();
  const session: StoredSession = {
    id,
    object: "financial_connections.session",
    account_holder: input.account_holder,
    client_secret: sessionClientSecret(id),
    livemode: false,
    permissions: input.permissions,
    prefetch: input.prefetch,
  };
  if (input.filters) session.filters = input.filters;
  if (input.limits) session.limits = input.limits;
  if (input.return_url) session.return_url = input.return_url;
  return session;
}

export function ownershipRefresh(
  status: "pending" | "succeeded" | "failed",
  now: number,
): Stripe.FinancialConnections.Account.OwnershipRefresh {
  return {
    last_attempted_at: now,
    next_refresh_available_at: status === "pending" ? null : now + OWNERSHIP_REFRESH_INTERVAL_SECONDS,
    status,
  };
}

/** A freshly linked checking account at the scenario's institution; ownership is filled in by the caller. */
export function newAccount(session: StoredSession, scenario: Scenario, now: number): StoredAccount {
  const last4 = String(crypto.getRandomValues(new Uint16Array(1))[0] ?? 0)
    .padStart(4, "0")
    .slice(-4);
  return {
    id: newAccountId(),
    object: "financial_connections.account",
    account_holder: session.account_holder,
    account_numbers: null,
    balance: null,
    balance_refresh: null,
    category: "cash",
    created: now,
    display_name: "Everyday Checking",
    institution_name: scenario.institution_name,
    last4,
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: session.permissions,
    status: "active",
    subcategory: "checking",
    subscriptions: [],
    supported_payment_method_types: ["us_bank_account"],
    transaction_refresh: null,
  };
}

export function newOwnership(now: number): StoredOwnership {
  return { id: newOwnershipId(), object: "financial_connections.account_ownership", created: now };
}

export function newOwner(
  record: OwnerRecord,
  ownershipId: string,
  now: number,
): Stripe.FinancialConnections.AccountOwner {
  return {
    id: newOwnerId(),
    object: "financial_connections.account_owner",
    email: record.email,
    name: record.name,
    ownership: ownershipId,
    phone: record.phone,
    raw_address: record.raw_address,
    refreshed_at: now,
  };
}

/** The events the emulator sends (both carry the Financial Connections account as `data.object`). */
export type SandboxEvent =
  | Stripe.FinancialConnectionsAccountRefreshedOwnershipEvent
  | Stripe.FinancialConnectionsAccountDisconnectedEvent;

export function newEvent(
  type: SandboxEvent["type"],
  account: Stripe.FinancialConnections.Account,
  request: Stripe.Event.Request | null,
): SandboxEvent {
  const base = {
    id: newEventId(),
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    data: { object: account },
    livemode: false,
    pending_webhooks: 1,
    request: request ?? { id: null, idempotency_key: null },
  };
  return type === "financial_connections.account.refreshed_ownership" ? { ...base, type } : { ...base, type };
}
