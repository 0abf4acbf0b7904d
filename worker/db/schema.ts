/**
 * The D1 schema: the only schema source. drizzle-kit generates migrations/ from this file.
 * Times are unix epoch milliseconds (integer). JSON columns hold arrays/objects we never query into.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** API keys: only the SHA-256 of the secret is stored; the secret is shown once. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text().primaryKey(), // key_…
    role: text({ enum: ["server", "reviewer", "admin"] }).notNull(),
    label: text().notNull(),
    hash: text().notNull(),
    prefix: text().notNull(), // first characters of the secret, for recognising a key in lists
    createdAt: integer().notNull().default(now),
    lastUsedAt: integer(),
    revokedAt: integer(),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.hash)],
);

/** Onboarding data typed by the applicant (PII, erasable). */
export const applicants = sqliteTable(
  "applicants",
  {
    id: text().primaryKey(), // app_…
    externalId: text(),
    name: text(),
    addressLine1: text(),
    addressLine2: text(),
    addressCity: text(),
    addressState: text(),
    addressPostalCode: text(),
    addressCountry: text(),
    email: text(),
    phone: text(),
    stripeCustomerId: text(),
    createdBy: text().notNull(), // api key id
    createdAt: integer().notNull().default(now),
    erasedAt: integer(),
  },
  (t) => [index("applicants_external_id_idx").on(t.externalId), index("applicants_created_at_idx").on(t.createdAt)],
);

/** Short-lived browser credentials, bound to one applicant; stored hashed. */
export const clientTokens = sqliteTable(
  "client_tokens",
  {
    hash: text().primaryKey(),
    applicantId: text().notNull(),
    expiresAt: integer().notNull(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [index("client_tokens_applicant_idx").on(t.applicantId)],
);

/** Replay store for Idempotency-Key on server API writes. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    apiKeyId: text().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    requestHash: text().notNull(),
    status: integer(),
    responseBody: text(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);

export const VERIFICATION_STATES = [
  "created",
  "linking",
  "awaiting_ownership",
  "matched",
  "canceled",
  "failed",
  "expired",
] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export const DECISIONS = ["match", "review", "mismatch"] as const;
export type Decision = (typeof DECISIONS)[number];
export const REVIEW_STATUSES = ["open", "approved", "rejected", "escalated"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One linking attempt: the state machine of DESIGN §1. Decision and score are copied here for reviewer queries. */
export const verifications = sqliteTable(
  "verifications",
  {
    id: text().primaryKey(), // ver_…
    applicantId: text().notNull(),
    state: text({ enum: VERIFICATION_STATES }).notNull().default("created"),
    mode: text({ enum: ["stripe", "sandbox"] }).notNull(),
    stripeSessionId: text(),
    decision: text({ enum: DECISIONS }),
    score: integer(),
    reviewStatus: text({ enum: REVIEW_STATUSES }),
    failureCode: text(),
    institutionName: text(),
    createdAt: integer().notNull().default(now),
    updatedAt: integer().notNull().default(now),
    completedAt: integer(),
  },
  (t) => [
    index("verifications_applicant_idx").on(t.applicantId, t.createdAt),
    uniqueIndex("verifications_session_idx").on(t.stripeSessionId),
    index("verifications_state_idx").on(t.state, t.updatedAt),
    index("verifications_review_idx").on(t.reviewStatus, t.createdAt, t.id),
    index("verifications_decision_idx").on(t.decision, t.createdAt, t.id),
    index("verifications_created_idx").on(t.createdAt, t.id),
    // Reviewer lists sorted or filtered by score, and filtered by bank (measured by `npm run bench:reviews`).
    index("verifications_review_score_idx").on(t.reviewStatus, t.score, t.id),
    index("verifications_score_idx").on(t.score, t.id),
    index("verifications_institution_idx").on(t.institutionName, t.createdAt, t.id),
  ],
);

/** Financial Connections accounts linked in a verification. */
export const fcAccounts = sqliteTable(
  "fc_accounts",
  {
    id: text().primaryKey(), // acct_… (ours: the same Stripe account may be linked again in a later verification)
    verificationId: text().notNull(),
    stripeAccountId: text().notNull(), // fca_…
    institutionName: text(),
    last4: text(),
    category: text(),
    subcategory: text(),
    status: text(),
    ownershipId: text(), // fcaowns_…
    ownershipRefreshStatus: text(), // pending | succeeded | failed
    ownershipRefreshedAt: integer(),
    disconnectedAt: integer(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [
    uniqueIndex("fc_accounts_verification_stripe_idx").on(t.verificationId, t.stripeAccountId),
    index("fc_accounts_stripe_account_idx").on(t.stripeAccountId),
  ],
);

/** Owners as the bank reports them (PII, purged after the retention period or on erasure). */
export const accountOwners = sqliteTable(
  "account_owners",
  {
    id: text().primaryKey(), // own_…
    accountId: text().notNull(), // fc_accounts.id
    verificationId: text().notNull(),
    stripeOwnerId: text().notNull(), // fcaown_…
    position: integer().notNull(), // order across the verification's accounts, = owner_index in the match result
    name: text(),
    rawAddress: text(),
    email: text(),
    phone: text(),
    refreshedAt: integer(),
    purgedAt: integer(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [
    uniqueIndex("account_owners_verification_position_idx").on(t.verificationId, t.position),
    index("account_owners_purge_idx").on(t.purgedAt, t.createdAt),
  ],
);

/** The matcher's verdict; exactly one per verification (the unique index makes a racing second insert a no-op). */
export const matchResults = sqliteTable(
  "match_results",
  {
    id: text().primaryKey(), // mr_…
    verificationId: text().notNull(),
    score: integer().notNull(),
    decision: text({ enum: DECISIONS }).notNull(),
    ownerIndex: integer().notNull(),
    algorithm: text().notNull(),
    fields: text({ mode: "json" }).notNull(),
    reasons: text({ mode: "json" }).notNull().$type<string[]>(),
    owners: text({ mode: "json" }).notNull(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [uniqueIndex("match_results_verification_idx").on(t.verificationId)],
);

/** Reviewer decisions, append-only. */
export const reviewDecisions = sqliteTable(
  "review_decisions",
  {
    id: text().primaryKey(), // rd_…
    verificationId: text().notNull(),
    decision: text({ enum: ["approve", "reject", "escalate", "reopen"] }).notNull(),
    reasonCode: text(),
    note: text(),
    actor: text().notNull(),
    idempotencyKey: text(),
    createdAt: integer().notNull().default(now),
  },
  (t) => [
    index("review_decisions_verification_idx").on(t.verificationId, t.createdAt),
    uniqueIndex("review_decisions_idem_idx").on(t.actor, t.idempotencyKey),
  ],
);

/** The audit trail, append-only; never raw PII (ids, codes, states and scores only). */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text().primaryKey(), // aud_…
    actor: text().notNull(), // "key:key_…", "access:<sub>", "system", "stripe"
    action: text().notNull(),
    verificationId: text(),
    applicantId: text(),
    before: text({ mode: "json" }),
    after: text({ mode: "json" }),
    createdAt: integer().notNull().default(now),
  },
  (t) => [
    index("audit_events_verification_idx").on(t.verificationId, t.createdAt),
    index("audit_events_actor_idx").on(t.actor, t.createdAt),
    index("audit_events_created_idx").on(t.createdAt, t.id),
  ],
);

/** Stripe event ids already processed, so a redelivered webhook is processed once. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text().primaryKey(), // evt_…
  type: text().notNull(),
  receivedAt: integer().notNull().default(now),
});

/**
 * The offline Stripe emulator's state: Stripe-shaped objects stored as JSON, keyed by their Stripe id.
 * `parentId` links owners to accounts, accounts to sessions; `kind` is the Stripe `object` name.
 */
export const sandboxObjects = sqliteTable(
  "sandbox_objects",
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    parentId: text(),
    data: text({ mode: "json" }).notNull(),
    createdAt: integer().notNull().default(now),
    seq: real().notNull().default(0),
  },
  (t) => [index("sandbox_objects_parent_idx").on(t.kind, t.parentId, t.seq)],
);

/** Idempotency-Key replay store of the Stripe emulator (Stripe replays the first response for 24 h). */
export const sandboxIdempotency = sqliteTable("sandbox_idempotency", {
  key: text().primaryKey(),
  requestHash: text().notNull(),
  status: integer().notNull(),
  body: text().notNull(),
  createdAt: integer().notNull().default(now),
});
