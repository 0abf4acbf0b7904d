/** What a Stripe event means for our verifications; every handler is idempotent (events can arrive twice). */
import { and, eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { insertAuditWhen } from "../db/conditional";
import { applicants, fcAccounts, stripeEvents, verifications } from "../db/schema";
import { logEvent } from "../lib/log";
import { listSessionAccounts } from "../stripe/ownership";
import { completeVerification, type FlowDeps } from "./flow";

const WAITING_STATES = ["linking", "awaiting_ownership"] as const;

/** Verifications still waiting on this account: by the account rows we stored, else by the account holder. */
async function waitingVerificationsFor(deps: FlowDeps, account: Stripe.FinancialConnections.Account) {
  const { db } = deps;
  const byAccount = await db
    .select({ id: verifications.id })
    .from(fcAccounts)
    .innerJoin(verifications, eq(verifications.id, fcAccounts.verificationId))
    .where(and(eq(fcAccounts.stripeAccountId, account.id), inArray(verifications.state, WAITING_STATES)));
  if (byAccount.length > 0) return byAccount.map((r) => r.id);
  // The browser may never have called `complete` (tab closed): find the holder's open verifications instead.
  const holder = account.account_holder?.customer;
  const customer = typeof holder === "string" ? holder : holder?.id;
  if (!customer) return [];
  const byCustomer = await db
    .select({ id: verifications.id, sessionId: verifications.stripeSessionId })
    .from(verifications)
    .innerJoin(applicants, eq(applicants.id, verifications.applicantId))
    .where(and(eq(applicants.stripeCustomerId, customer), inArray(verifications.state, WAITING_STATES)));
  // Only the verification whose session holds this account: another one of the same applicant may be mid-linking,
  // and completing it now would read an empty session and cancel it under the applicant's hands.
  const owning: string[] = [];
  for (const candidate of byCustomer) {
    if (!candidate.sessionId) continue;
    const accounts = await listSessionAccounts(deps.stripe, candidate.sessionId);
    if (accounts.some((a) => a.id === account.id)) owning.push(candidate.id);
  }
  return owning;
}

export async function alreadyProcessed(deps: FlowDeps, eventId: string) {
  return (await deps.db.query.stripeEvents.findFirst({ where: eq(stripeEvents.id, eventId) })) !== undefined;
}

/**
 * Applies one verified event, then records its id so a redelivery is skipped. The id is recorded after the work,
 * not before: a crash midway leaves the event unrecorded and Stripe's retry redoes the (idempotent) work.
 */
export async function handleStripeEvent(deps: FlowDeps, event: Stripe.Event) {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  switch (event.type) {
    case "financial_connections.account.refreshed_ownership": {
      const ids = await waitingVerificationsFor(deps, event.data.object);
      for (const id of ids) await completeVerification(deps, id);
      break;
    }
    case "financial_connections.account.disconnected":
    case "financial_connections.account.deactivated": {
      const account = event.data.object;
      const status = event.type.endsWith("disconnected") ? "disconnected" : "inactive";
      await db.batch([
        db
          .update(fcAccounts)
          .set({ status, disconnectedAt: now })
          .where(and(eq(fcAccounts.stripeAccountId, account.id), sql`${fcAccounts.disconnectedAt} IS NULL`)),
        insertAuditWhen(
          db,
          {
            actor: "stripe",
            action: `account.${status}`,
            after: { account_id: account.id, event_id: event.id },
            createdAt: now,
          },
          sql`changes() > 0`,
        ),
      ]);
      break;
    }
    default:
      logEvent("stripe_event_ignored", { event_id: event.id, event_type: event.type });
  }
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, receivedAt: now }).onConflictDoNothing();
}
