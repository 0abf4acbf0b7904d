/**
 * API keys: random secrets shown once, stored as SHA-256 with a role. Creating and revoking a key write its audit row
 * in the same D1 batch, so a key never changes without its trail entry (nor the entry without the change).
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { appendAuditWhen } from "../db/audit";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Role } from "../env";
import { newId, randomBase62, sha256Hex } from "../lib/ids";

/** The secret's prefix says its role at a glance, like Stripe's sk_/pk_/rk_. */
export const KEY_PREFIXES: Record<Role, string> = { server: "oc_sk_", reviewer: "oc_rk_", admin: "oc_ak_" };
export const CLIENT_TOKEN_PREFIX = "oc_ct_";

/** How many keys a list returns (an installation has a handful; the cap only bounds a runaway). */
export const API_KEY_LIST_LIMIT = 1000;

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Who changes a key, and when: what its audit row records. */
export interface KeyChange {
  actor: string;
  at: number;
}

export function generateKeySecret(role: Role): string {
  return `${KEY_PREFIXES[role]}${randomBase62(40)}`;
}

/** The row to store for a secret; `npm run keys` and the dev seeding build the same row. */
export async function apiKeyRow(secret: string, role: Role, label: string, id = newId("key", 16)) {
  return { id, role, label, hash: await sha256Hex(secret), prefix: secret.slice(0, 10) };
}

/**
 * Creates a key and returns its secret (the only time it exists in clear) with the stored row. With `change`, the
 * `api_key.created` audit row is inserted in the same batch, on the condition that the key row exists.
 */
export async function createApiKey(db: Database, role: Role, label: string, change?: KeyChange) {
  const secret = generateKeySecret(role);
  const row = await apiKeyRow(secret, role, label);
  const insert = db
    .insert(apiKeys)
    .values(change ? { ...row, createdAt: change.at } : row)
    .returning();
  const [stored] = change
    ? (
        await db.batch([
          insert,
          appendAuditWhen(
            db,
            { actor: change.actor, action: "api_key.created", after: { key_id: row.id, role }, createdAt: change.at },
            sql`EXISTS (SELECT 1 FROM ${apiKeys} WHERE ${apiKeys.id} = ${row.id})`,
          ),
        ])
      )[0]
    : await insert;
  if (!stored) throw new Error("api key not stored");
  return { id: row.id, role, label, secret, stored };
}

const LAST_USED_RESOLUTION_MS = 60 * 60_000;

/** The live (not revoked) key behind a secret, or null. */
export async function findApiKey(db: Database, secret: string, now = Date.now()) {
  const hash = await sha256Hex(secret);
  const row = await db.query.apiKeys.findFirst({ where: and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)) });
  if (!row) return null;
  // "Last used" for key hygiene (GET /v1/keys), written at most once an hour per key, not on every request.
  if (row.lastUsedAt === null || row.lastUsedAt < now - LAST_USED_RESOLUTION_MS) {
    try {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
    } catch {
      // Bookkeeping only: a failed write must not fail the request it authenticates.
    }
  }
  return row;
}

/** Every key, newest first (hashes included: callers choose what to show). */
export function listApiKeys(db: Database, limit = API_KEY_LIST_LIMIT) {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit);
}

/**
 * Revokes a live key. The UPDATE, its `api_key.revoked` audit row (only if that UPDATE changed the row: `changes()`
 * is per connection and a batch runs in order on one) and the read-back are one batch, so a key revoked twice, or
 * concurrently, is audited once. Returns the key as it now is, or null when there is no such key.
 */
export async function revokeApiKey(db: Database, id: string, change: KeyChange): Promise<ApiKeyRow | null> {
  const current = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) });
  if (!current) return null;
  const [, , [row]] = await db.batch([
    db
      .update(apiKeys)
      .set({ revokedAt: change.at })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))),
    appendAuditWhen(
      db,
      {
        actor: change.actor,
        action: "api_key.revoked",
        before: { key_id: id, revoked: false },
        after: { key_id: id, role: current.role, revoked: true },
        createdAt: change.at,
      },
      sql`changes() > 0`,
    ),
    db.select().from(apiKeys).where(eq(apiKeys.id, id)),
  ]);
  return row ?? null;
}
