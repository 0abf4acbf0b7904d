/**
 * One verification, start to verdict (DESIGN §1), as plain functions over D1 and the Stripe SDK.
 * Every step is safe to repeat and to race: Stripe calls carry idempotency keys derived from our ids, state moves
 * only by conditional UPDATEs, and the verdict is written in one atomic batch that a second writer cannot repeat.
 */
import { and, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import Stripe from "stripe";
import { applicantAddress, findApplicant } from "../db/applicants";
import type { Database } from "../db/client";
import { insertAuditWhen, runBatch } from "../db/conditional";
import {
  accountOwners,
  applicants,
  fcAccounts,
  matchResults,
  type VerificationState,
  verifications,
} from "../db/schema";
import { ApiError, invalidRequest, notFound, upstreamFailure } from "../lib/errors";
import { newId } from "../lib/ids";
import { logEvent } from "../lib/log";
import { type MatchResult, matchOwners, type OwnerInput } from "../match";
import { publishableKey, stripeMode } from "../stripe/client";
import { listSessionAccounts, type OwnershipRead, readOwnership } from "../stripe/ownership";
import { matchPolicy } from "./policy";
import { type VerificationStatus, verificationStatus } from "./status";

export interface FlowDeps {
  db: Database;
  stripe: Stripe;
  env: Env;
  /** Who is acting, for the audit trail: "applicant:app_…", "stripe", "system". */
  actor: string;
  now?: () => number;
}

const FC_PERMISSIONS = ["ownership", "payment_method", "balances", "transactions"] as const;
/** Each session is a Stripe object and a D1 row: an applicant (or a stolen client token) gets a bounded number. */
const MAX_SESSIONS_PER_WINDOW = 10;
const SESSION_WINDOW_MS = 60 * 60_000;
type Permission = (typeof FC_PERMISSIONS)[number];

/** Permissions requested from the account holder: always ownership, plus any configured in FC_PERMISSIONS. */
export function sessionPermissions(env: Env): Permission[] {
  const configured = (env.FC_PERMISSIONS ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = configured.filter((p) => !(FC_PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`FC_PERMISSIONS has unknown permissions: ${unknown.join(", ")}`);
  return [...new Set<Permission>(["ownership", ...(configured as Permission[])])];
}

export async function findVerification(db: Database, id: string) {
  return (await db.query.verifications.findFirst({ where: eq(verifications.id, id) })) ?? null;
}

// States a verification with a linked account can be in: it has (or will have) a verdict worth showing again.
const LINKED_STATES: VerificationState[] = ["awaiting_ownership", "matched", "failed", "expired"];

/**
 * The applicant's newest verification that got as far as a linked account, for a widget reloaded mid-flow or after
 * its verdict; null when there is none. A session never linked (or expired unlinked) is skipped: it holds nothing.
 */
export async function findResumableVerification(db: Database, applicantId: string) {
  const row = await db.query.verifications.findFirst({
    where: and(
      eq(verifications.applicantId, applicantId),
      inArray(verifications.state, LINKED_STATES),
      sql`EXISTS (SELECT 1 FROM fc_accounts WHERE fc_accounts.verification_id = ${verifications.id})`,
    ),
    orderBy: [desc(verifications.createdAt), desc(verifications.id)],
  });
  return row ? { id: row.id, status: verificationStatus(row.state, row.decision) } : null;
}

/** A verification the given applicant owns; anything else is a 404, so ids of others' verifications reveal nothing. */
export async function findOwnVerification(db: Database, id: string, applicantId: string) {
  const row = await findVerification(db, id);
  if (!row || row.applicantId !== applicantId) throw notFound("verification", id);
  return row;
}

function isTransientStripeError(err: unknown): boolean {
  return (
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500)
  );
}

/** Runs a Stripe call; a Stripe failure becomes a 502 that names no Stripe internals (and no PII). */
async function callStripe<T>(code: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) {
      logEvent("stripe_error", { code: err.code ?? err.type, status: err.statusCode ?? null });
      throw upstreamFailure(code, "Stripe could not complete the request; try again.");
    }
    throw err;
  }
}

/**
 * POST /v1/widget/sessions: the applicant's Stripe Customer (once) and a Financial Connections Session for a
 * verification. A verification left at `created` by an earlier failure is reused with the same idempotency keys.
 */
export async function startSession(deps: FlowDeps, applicantId: string) {
  const { db, stripe, env } = deps;
  const now = deps.now?.() ?? Date.now();
  const applicant = await findApplicant(db, applicantId);
  if (!applicant || applicant.erasedAt !== null) throw notFound("applicant", applicantId);
  // Configuration first: a missing key must fail before anything is created at Stripe or in D1.
  const mode = stripeMode(env);
  const publishable = publishableKey(env);
  const permissions = sessionPermissions(env);

  const unfinished = await db.query.verifications.findFirst({
    where: and(eq(verifications.applicantId, applicantId), eq(verifications.state, "created")),
    orderBy: desc(verifications.createdAt),
  });
  const verificationId = unfinished?.id ?? newId("ver");
  if (!unfinished) {
    const [recent] = await db
      .select({ n: count() })
      .from(verifications)
      .where(and(eq(verifications.applicantId, applicantId), gt(verifications.createdAt, now - SESSION_WINDOW_MS)));
    if ((recent?.n ?? 0) >= MAX_SESSIONS_PER_WINDOW) {
      throw new ApiError(
        429,
        "rate_limit_error",
        "too_many_sessions",
        `This applicant started ${MAX_SESSIONS_PER_WINDOW} verifications in the last hour; try again later.`,
      );
    }
    await db.insert(verifications).values({ id: verificationId, applicantId, mode, createdAt: now, updatedAt: now });
  }

  let customerId = applicant.stripeCustomerId;
  if (!customerId) {
    const address = applicantAddress(applicant);
    const customer = await callStripe("stripe_customer_failed", () =>
      stripe.customers.create(
        {
          name: applicant.name ?? undefined,
          email: applicant.email ?? undefined,
          phone: applicant.phone ?? undefined,
          address: address
            ? {
                line1: address.line1 ?? undefined,
                line2: address.line2 ?? undefined,
                city: address.city ?? undefined,
                state: address.state ?? undefined,
                postal_code: address.postal_code ?? undefined,
                country: address.country ?? undefined,
              }
            : undefined,
          metadata: { ownercheck_applicant_id: applicantId },
        },
        { idempotencyKey: `ownercheck-customer-${applicantId}` },
      ),
    );
    customerId = customer.id;
    const stored = await db
      .update(applicants)
      .set({ stripeCustomerId: customerId })
      .where(
        and(eq(applicants.id, applicantId), sql`${applicants.stripeCustomerId} IS NULL`, isNull(applicants.erasedAt)),
      )
      .returning({ id: applicants.id });
    if (stored.length === 0 && (await findApplicant(db, applicantId))?.erasedAt != null) {
      // Erased while we were at Stripe: the Customer we just made must not outlive the erasure.
      await callStripe("stripe_customer_failed", () => stripe.customers.del(customerId as string));
      throw notFound("applicant", applicantId);
    }
  }

  const session = await callStripe("stripe_session_failed", () =>
    stripe.financialConnections.sessions.create(
      {
        account_holder: { type: "customer", customer: customerId },
        permissions,
        prefetch: ["ownership"],
      },
      { idempotencyKey: `ownercheck-session-${verificationId}` },
    ),
  );
  await db.batch([
    db
      .update(verifications)
      .set({ stripeSessionId: session.id, state: "linking", updatedAt: now })
      .where(and(eq(verifications.id, verificationId), eq(verifications.state, "created"))),
    insertAuditWhen(
      db,
      {
        actor: deps.actor,
        action: "verification.session_created",
        verificationId,
        applicantId,
        after: { state: "linking" },
        createdAt: now,
      },
      sql`EXISTS (SELECT 1 FROM verifications WHERE id = ${verificationId} AND stripe_session_id = ${session.id} AND updated_at = ${now})`,
    ),
  ]);
  logEvent("verification_session_created", { verification_id: verificationId, mode });
  return {
    verification_id: verificationId,
    client_secret: session.client_secret ?? "",
    publishable_key: publishable,
    mode,
  };
}

/** Moves a verification from one of `from` to a terminal state, auditing only if this call made the move. */
async function settle(
  deps: FlowDeps,
  verificationId: string,
  from: VerificationState[],
  to: "canceled" | "failed" | "expired",
  failureCode: string | null,
) {
  const now = deps.now?.() ?? Date.now();
  const { db } = deps;
  await db.batch([
    db
      .update(verifications)
      .set({ state: to, failureCode, updatedAt: now, completedAt: now })
      .where(and(eq(verifications.id, verificationId), inArray(verifications.state, from))),
    insertAuditWhen(
      db,
      {
        actor: deps.actor,
        action: `verification.${to}`,
        verificationId,
        after: { state: to, failure_code: failureCode },
        createdAt: now,
      },
      sql`changes() > 0`,
    ),
  ]);
  logEvent("verification_settled", { verification_id: verificationId, state: to, code: failureCode });
}

async function statusOf(db: Database, verificationId: string): Promise<VerificationStatus> {
  const row = await findVerification(db, verificationId);
  return row ? verificationStatus(row.state, row.decision) : "pending";
}

/**
 * The browser's `complete`, the webhook and the scheduled re-poll all land here. It re-reads the session and every
 * account's ownership from Stripe (never trusting the browser), and once ownership is settled it matches and stores
 * exactly one result. Returns the coarse status.
 */
export async function completeVerification(deps: FlowDeps, verificationId: string): Promise<VerificationStatus> {
  const { db, stripe } = deps;
  const now = deps.now?.() ?? Date.now();
  const verification = await findVerification(db, verificationId);
  if (!verification) throw notFound("verification", verificationId);
  if (!["linking", "awaiting_ownership"].includes(verification.state)) {
    if (verification.state === "created") {
      throw invalidRequest("verification_not_started", "This verification has no Financial Connections session yet.");
    }
    return verificationStatus(verification.state, verification.decision);
  }
  const sessionId = verification.stripeSessionId as string;
  const accounts = await callStripe("stripe_session_read_failed", () => listSessionAccounts(stripe, sessionId));
  if (accounts.length === 0) {
    await settle(deps, verificationId, ["linking"], "canceled", "no_accounts_linked");
    return statusOf(db, verificationId);
  }

  const accountIds = new Map<string, string>();
  for (const account of accounts) {
    const existing = await db.query.fcAccounts.findFirst({
      where: and(eq(fcAccounts.verificationId, verificationId), eq(fcAccounts.stripeAccountId, account.id)),
    });
    accountIds.set(account.id, existing?.id ?? newId("acct"));
  }
  await runBatch(db, [
    ...accounts.map((account) =>
      db
        .insert(fcAccounts)
        .values({
          id: accountIds.get(account.id) as string,
          verificationId,
          stripeAccountId: account.id,
          institutionName: account.institution_name,
          last4: account.last4 ?? null,
          category: account.category,
          subcategory: account.subcategory,
          status: account.status,
          createdAt: now,
        })
        .onConflictDoNothing(),
    ),
    db
      .update(verifications)
      .set({ state: "awaiting_ownership", institutionName: accounts[0]?.institution_name ?? null, updatedAt: now })
      .where(and(eq(verifications.id, verificationId), eq(verifications.state, "linking"))),
    // An erasure that ran while Stripe was being read already cleared the accounts it saw; this one is new.
    db
      .update(fcAccounts)
      .set({ last4: null })
      .where(
        and(
          eq(fcAccounts.verificationId, verificationId),
          sql`EXISTS (SELECT 1 FROM applicants WHERE id = ${verification.applicantId} AND erased_at IS NOT NULL)`,
        ),
      ),
  ]);

  const reads: Array<{ accountId: string; ownership: OwnershipRead | null }> = [];
  for (const account of accounts) {
    try {
      const { ownership } = await readOwnership(stripe, account.id);
      reads.push({ accountId: account.id, ownership });
    } catch (err) {
      if (err instanceof Stripe.errors.StripeError && !isTransientStripeError(err)) {
        logEvent("stripe_error", { code: err.code ?? err.type, status: err.statusCode ?? null });
        // Behind the others in the cron's queue until it expires, rather than first in every sweep.
        await db.update(verifications).set({ updatedAt: now }).where(eq(verifications.id, verificationId));
        throw upstreamFailure("stripe_ownership_read_failed", "Stripe could not read the account's owners.");
      }
      if (!isTransientStripeError(err)) throw err;
      // The bank or Stripe failed for now: keep waiting; the webhook or the scheduled re-poll tries again.
      logEvent("ownership_read_deferred", {
        verification_id: verificationId,
        code: (err as Stripe.errors.StripeError).code ?? "transient",
      });
      reads.push({ accountId: account.id, ownership: null });
    }
  }
  await runBatch(
    db,
    reads.map(({ accountId, ownership }) =>
      db
        .update(fcAccounts)
        .set({
          ownershipId: ownership?.ownershipId ?? null,
          ownershipRefreshStatus: ownership?.status ?? "pending",
          ownershipRefreshedAt: ownership?.refreshedAt ?? null,
        })
        .where(and(eq(fcAccounts.verificationId, verificationId), eq(fcAccounts.stripeAccountId, accountId))),
    ),
  );

  if (reads.some((r) => r.ownership === null || r.ownership.status === "pending")) {
    await db.update(verifications).set({ updatedAt: now }).where(eq(verifications.id, verificationId));
    return "pending";
  }
  const owners = reads.flatMap((r) =>
    r.ownership?.status === "succeeded" ? r.ownership.owners.map((o) => ({ ...o, stripeAccountId: r.accountId })) : [],
  );
  if (owners.length === 0) {
    const failed = reads.every((r) => r.ownership?.status === "failed");
    await settle(
      deps,
      verificationId,
      ["awaiting_ownership"],
      "failed",
      failed ? "ownership_refresh_failed" : "no_owners",
    );
    return statusOf(db, verificationId);
  }
  await decide(deps, verificationId, verification.applicantId, owners);
  return statusOf(db, verificationId);
}

type ReadOwner = OwnershipRead["owners"][number] & { stripeAccountId: string };

/** Matches the owners against the applicant and stores owners + result + state + audit in one atomic batch. */
async function decide(deps: FlowDeps, verificationId: string, applicantId: string, owners: ReadOwner[]) {
  const { db, env } = deps;
  const now = deps.now?.() ?? Date.now();
  const applicant = await findApplicant(db, applicantId);
  if (!applicant || applicant.erasedAt !== null || applicant.name === null) {
    await settle(deps, verificationId, ["awaiting_ownership"], "failed", "applicant_erased");
    return;
  }
  const ownerInputs: OwnerInput[] = owners.map((o) => ({
    name: o.name,
    raw_address: o.raw_address,
    email: o.email,
    phone: o.phone,
  }));
  const result: MatchResult = matchOwners(
    { name: applicant.name, address: applicantAddress(applicant), email: applicant.email, phone: applicant.phone },
    ownerInputs,
    matchPolicy(env),
  );
  const accountRows = await db.select().from(fcAccounts).where(eq(fcAccounts.verificationId, verificationId));
  const accountIdOf = new Map(accountRows.map((a) => [a.stripeAccountId, a.id]));
  const resultId = newId("mr");
  // The result lands only while the verification still waits and the applicant still exists: a cron expiry or an
  // erasure that ran since we read them wins, and no owner PII is written after an erasure returned.
  const stillOpen = sql`EXISTS (SELECT 1 FROM verifications WHERE id = ${verificationId} AND state = 'awaiting_ownership')
    AND EXISTS (SELECT 1 FROM applicants WHERE id = ${applicantId} AND erased_at IS NULL)`;
  // Whoever inserted this result id won the race; owners, state and audit follow only the winner's result.
  const won = sql`EXISTS (SELECT 1 FROM match_results WHERE id = ${resultId})`;
  const json = (value: unknown) => JSON.stringify(value);
  await runBatch(db, [
    // Columns in matchResults' declared order (drizzle's insert-select lists every column of the table).
    db
      .insert(matchResults)
      .select(
        sql`SELECT ${resultId}, ${verificationId}, ${result.score}, ${result.decision}, ${result.owner_index},
          ${result.algorithm}, ${json(result.fields)}, ${json(result.reasons)}, ${json(result.owners)}, ${now}
          WHERE ${stillOpen}`,
      )
      .onConflictDoNothing(),
    ...owners.flatMap((o, position) => {
      const accountId = accountIdOf.get(o.stripeAccountId);
      if (!accountId) return []; // every read account was stored above; an owner of an unknown account is dropped
      // Columns in accountOwners' declared order.
      return [
        db.insert(accountOwners).select(
          sql`SELECT ${newId("own")}, ${accountId}, ${verificationId}, ${o.id}, ${position}, ${o.name},
              ${o.raw_address}, ${o.email}, ${o.phone}, ${o.refreshed_at}, ${null}, ${now} WHERE ${won}`,
        ),
      ];
    }),
    db
      .update(verifications)
      .set({
        state: "matched",
        decision: result.decision,
        score: result.score,
        reviewStatus: result.decision === "review" ? "open" : null,
        updatedAt: now,
        completedAt: now,
      })
      .where(and(eq(verifications.id, verificationId), eq(verifications.state, "awaiting_ownership"), won)),
    insertAuditWhen(
      db,
      {
        actor: deps.actor,
        action: "verification.matched",
        verificationId,
        applicantId,
        before: { state: "awaiting_ownership" },
        after: { state: "matched", decision: result.decision, score: result.score, algorithm: result.algorithm },
        createdAt: now,
      },
      won,
    ),
  ]);
  logEvent("verification_matched", { verification_id: verificationId, decision: result.decision, score: result.score });
}
