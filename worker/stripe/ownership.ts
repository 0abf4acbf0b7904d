/**
 * Reading what a bank says about who owns a linked account, always from Stripe (never from the browser): the
 * session's accounts, each account's ownership refresh state, and its owners.
 */
import type Stripe from "stripe";

/** Stripe's largest page size: fewest round trips when paginating. */
const PAGE_LIMIT = 100;

/** The accounts linked in a session, re-read from Stripe (session.accounts, then accounts.list when it has more). */
export async function listSessionAccounts(
  stripe: Stripe,
  sessionId: string,
): Promise<Stripe.FinancialConnections.Account[]> {
  const session = await stripe.financialConnections.sessions.retrieve(sessionId);
  const accounts = [...session.accounts.data];
  const last = accounts[accounts.length - 1];
  if (session.accounts.has_more && last) {
    const rest = stripe.financialConnections.accounts.list({
      session: sessionId,
      starting_after: last.id,
      limit: PAGE_LIMIT,
    });
    for await (const account of rest) accounts.push(account);
  }
  return accounts;
}

export interface OwnershipRead {
  /** `pending` also covers "never refreshed" (no ownership_refresh yet) and statuses newer than this code. */
  status: "pending" | "succeeded" | "failed";
  ownershipId: string | null;
  /** When the succeeded refresh was attempted (epoch ms); null unless `succeeded`. */
  refreshedAt: number | null;
  owners: Array<{
    id: string;
    name: string | null;
    raw_address: string | null;
    email: string | null;
    phone: string | null;
    /** Epoch ms. */
    refreshed_at: number | null;
  }>;
}

function refreshStatus(refresh: Stripe.FinancialConnections.Account.OwnershipRefresh | null): OwnershipRead["status"] {
  if (refresh?.status === "succeeded") return "succeeded";
  if (refresh?.status === "failed") return "failed";
  return "pending";
}

/** The account with its ownership expanded; when the refresh succeeded, all its owners (auto-paginated). */
export async function readOwnership(
  stripe: Stripe,
  accountId: string,
): Promise<{ account: Stripe.FinancialConnections.Account; ownership: OwnershipRead }> {
  const account = await stripe.financialConnections.accounts.retrieve(accountId, { expand: ["ownership"] });
  const status = refreshStatus(account.ownership_refresh);
  const ownershipId = typeof account.ownership === "string" ? account.ownership : (account.ownership?.id ?? null);
  const ownership: OwnershipRead = {
    status,
    ownershipId,
    refreshedAt:
      status === "succeeded" && account.ownership_refresh ? account.ownership_refresh.last_attempted_at * 1000 : null,
    owners: [],
  };
  if (status === "succeeded" && ownershipId) {
    const owners = stripe.financialConnections.accounts.listOwners(accountId, {
      ownership: ownershipId,
      limit: PAGE_LIMIT,
    });
    for await (const owner of owners) {
      ownership.owners.push({
        id: owner.id,
        name: owner.name ?? null,
        raw_address: owner.raw_address ?? null,
        email: owner.email ?? null,
        phone: owner.phone ?? null,
        refreshed_at: owner.refreshed_at === null ? null : owner.refreshed_at * 1000,
      });
    }
  }
  return { account, ownership };
}

/** Asks Stripe to refresh the account's ownership; the result arrives as `financial_connections.account.refreshed_ownership`. */
export async function refreshOwnership(stripe: Stripe, accountId: string): Promise<void> {
  await stripe.financialConnections.accounts.refresh(accountId, { features: ["ownership"] });
}
