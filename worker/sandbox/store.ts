/**
 * The emulator's state in D1 `sandbox_objects`: one row per Stripe object, `data` = `{ object, meta }` where `object`
 * is exactly what the API returns (minus lists computed at read time) and `meta` is what the "bank" knows besides.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "../db/client";
import { sandboxIdempotency, sandboxObjects } from "../db/schema";
import { resourceMissing } from "./errors";
import type { OwnerRecord } from "./people";
import type { ScenarioName } from "./scenarios";

/** A session as stored: its `accounts` list is computed from the account rows. */
export type StoredSession = Omit<Stripe.FinancialConnections.Session, "accounts">;
/** An account as stored: `ownership` is always the id (expanded at read time). */
export type StoredAccount = Omit<Stripe.FinancialConnections.Account, "ownership"> & { ownership: string | null };
/** An ownership as stored: its `owners` list is computed from the owner rows. */
export type StoredOwnership = Omit<Stripe.FinancialConnections.AccountOwnership, "owners">;

export interface SessionMeta {
  state: "open" | "linked" | "canceled";
  scenario: ScenarioName | null;
}

export interface AccountMeta {
  scenario: ScenarioName;
  /** The bank's owner records, captured from the Customer at link time; every ownership refresh reports these. */
  owners: OwnerRecord[];
  /** `pending` scenario: whether the late owners have been delivered. */
  delivered: boolean;
  /** `rate_limited` scenario: whether the one 429 has been served. */
  rate_limited: boolean;
}

export interface EventMeta {
  delivery: { status: number | null; attempted_at: number | null; error: string | null };
}

export interface SandboxRecords {
  /** A deleted customer keeps only Stripe's stub `{ id, object, deleted: true }`, as a retrieve answers it. */
  customer: { object: Stripe.Customer | Stripe.DeletedCustomer; meta: null };
  "financial_connections.session": { object: StoredSession; meta: SessionMeta };
  "financial_connections.account": { object: StoredAccount; meta: AccountMeta };
  "financial_connections.account_ownership": { object: StoredOwnership; meta: null };
  "financial_connections.account_owner": { object: Stripe.FinancialConnections.AccountOwner; meta: null };
  event: { object: Stripe.Event; meta: EventMeta };
}

export type SandboxKind = keyof SandboxRecords;

/** Stripe replays an idempotent result for 24 hours, then forgets the key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

let counter = 0;

/** A creation-ordered sort key: milliseconds × 1000 plus a per-isolate counter (ties fall back to the id). */
export function nextSeq(): number {
  counter = (counter + 1) % 1000;
  return Date.now() * 1000 + counter;
}

/** One record by id (and, when given, only if it belongs to `parentId`). */
export async function getRecord<K extends SandboxKind>(
  db: Database,
  kind: K,
  id: string,
  parentId?: string,
): Promise<SandboxRecords[K] | null> {
  const row = await db
    .select({ data: sandboxObjects.data })
    .from(sandboxObjects)
    .where(
      and(
        eq(sandboxObjects.id, id),
        eq(sandboxObjects.kind, kind),
        parentId === undefined ? undefined : eq(sandboxObjects.parentId, parentId),
      ),
    )
    .get();
  return row ? (row.data as SandboxRecords[K]) : null;
}

/** An insert to await or to put in a `db.batch`. */
export function insertRecord<K extends SandboxKind>(
  db: Database,
  kind: K,
  id: string,
  parentId: string | null,
  record: SandboxRecords[K],
) {
  return db.insert(sandboxObjects).values({ id, kind, parentId, data: record, seq: nextSeq() });
}

/** An update to await or batch; `condition` makes it conditional (check `meta.changes` of the result). */
export function updateRecord<K extends SandboxKind>(
  db: Database,
  kind: K,
  id: string,
  record: SandboxRecords[K],
  condition?: SQL,
) {
  return db
    .update(sandboxObjects)
    .set({ data: record })
    .where(and(eq(sandboxObjects.id, id), eq(sandboxObjects.kind, kind), condition));
}

/** `json_extract(data, path) = value`, for conditional updates on a record's meta. */
export function dataEquals(path: string, value: string | number | boolean) {
  return sql`json_extract(${sandboxObjects.data}, ${path}) = ${value}`;
}

export interface ListOptions {
  /** Only children of this parent (`null`: rows without a parent; omitted: all). */
  parentId?: string | null;
  /** Stripe lists newest first (`desc`); owners keep the bank's order (`asc`). */
  order: "asc" | "desc";
  limit: number;
  startingAfter?: string | undefined;
  endingBefore?: string | undefined;
  filter?: SQL | undefined;
}

/** A page in Stripe's cursor semantics (`starting_after` / `ending_before` name an object of the same list). */
export async function listRecords<K extends SandboxKind>(
  db: Database,
  kind: K,
  options: ListOptions,
): Promise<{ records: Array<SandboxRecords[K]>; hasMore: boolean }> {
  const t = sandboxObjects;
  const conditions: Array<SQL | undefined> = [eq(t.kind, kind), options.filter];
  if (options.parentId === null) conditions.push(isNull(t.parentId));
  else if (options.parentId !== undefined) conditions.push(eq(t.parentId, options.parentId));

  const cursorId = options.startingAfter ?? options.endingBefore;
  const backwards = options.startingAfter === undefined && options.endingBefore !== undefined;
  const direction = backwards ? (options.order === "asc" ? "desc" : "asc") : options.order;
  if (cursorId !== undefined) {
    const cursor = await db
      .select({ seq: t.seq, id: t.id })
      .from(t)
      .where(and(eq(t.id, cursorId), eq(t.kind, kind)))
      .get();
    if (!cursor) {
      throw resourceMissing(
        kind,
        cursorId,
        options.startingAfter !== undefined ? "starting_after" : "ending_before",
        400,
      );
    }
    const beyond = direction === "desc" ? lt : gt;
    conditions.push(or(beyond(t.seq, cursor.seq), and(eq(t.seq, cursor.seq), beyond(t.id, cursor.id))));
  }
  const order = direction === "desc" ? [desc(t.seq), desc(t.id)] : [asc(t.seq), asc(t.id)];
  const rows = await db
    .select({ data: t.data })
    .from(t)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit).map((r) => r.data as SandboxRecords[K]);
  if (backwards) page.reverse();
  return { records: page, hasMore: rows.length > options.limit };
}

/**
 * Deletes a customer as Stripe does, erasing what the emulator derived from it, in one atomic batch: the customer
 * row becomes the deleted stub; the ownerships and owners of the accounts it holds (the bank's copy of its name,
 * address, email and phone) are deleted; those accounts stay, disconnected, with no owner records left to report;
 * and idempotent responses that carried the customer (its create response holds all of its data) are forgotten.
 * Subqueries, not id lists, select the rows, so no statement nears D1's bound-parameter limit.
 * Returns whether this call deleted it (false: it was already deleted).
 */
export async function deleteCustomerRecords(db: Database, customerId: string): Promise<boolean> {
  const t = sandboxObjects;
  const stub: Stripe.DeletedCustomer = { id: customerId, object: "customer", deleted: true };
  const heldAccounts = and(
    eq(t.kind, "financial_connections.account"),
    sql`json_extract(${t.data}, '$.object.account_holder.customer') = ${customerId}`,
  );
  const accountIds = db.select({ id: t.id }).from(t).where(heldAccounts);
  const ownershipIds = db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.kind, "financial_connections.account_ownership"), inArray(t.parentId, accountIds)));
  const [deleted] = await db.batch([
    db
      .update(t)
      .set({ data: { object: stub, meta: null } })
      .where(
        and(eq(t.id, customerId), eq(t.kind, "customer"), sql`json_extract(${t.data}, '$.object.deleted') IS NULL`),
      ),
    db.delete(t).where(and(eq(t.kind, "financial_connections.account_owner"), inArray(t.parentId, ownershipIds))),
    db.delete(t).where(and(eq(t.kind, "financial_connections.account_ownership"), inArray(t.parentId, accountIds))),
    db
      .update(t)
      .set({
        data: sql`json_set(${t.data}, '$.object.status', 'disconnected', '$.object.ownership', NULL, '$.meta.owners', json('[]'))`,
      })
      .where(heldAccounts),
    db.delete(sandboxIdempotency).where(sql`instr(${sandboxIdempotency.body}, ${JSON.stringify(customerId)}) > 0`),
  ]);
  return deleted.meta.changes === 1;
}

/**
 * Forgets Idempotency-Key results saved more than `olderThanMs` ago (by default Stripe's 24 hours: replay already
 * ignores them, and their bodies may hold a customer's data). Returns how many rows were deleted.
 */
export async function purgeSandboxIdempotency(
  db: Database,
  olderThanMs = IDEMPOTENCY_TTL_MS,
  now = Date.now(),
): Promise<number> {
  const result = await db.delete(sandboxIdempotency).where(lt(sandboxIdempotency.createdAt, now - olderThanMs));
  return result.meta.changes;
}
