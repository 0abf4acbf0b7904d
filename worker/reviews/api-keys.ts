/**
 * Managing API keys over HTTP (admin role): create (the secret is shown once), list, revoke; each change audited.
 * The queries would sit best beside createApiKey in worker/auth/api-keys.ts; they live here until moved.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { createApiKey } from "../auth/api-keys";
import { appendAudit } from "../db/audit";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Role } from "../env";
import { notFound } from "../lib/errors";

type ApiKeyRow = typeof apiKeys.$inferSelect;

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

/** A key as lists show it: never the hash, only the first characters of the secret. */
export function apiKeyView(
  row: Pick<ApiKeyRow, "id" | "role" | "label" | "prefix" | "createdAt" | "lastUsedAt" | "revokedAt">,
) {
  return {
    id: row.id,
    object: "api_key" as const,
    role: row.role,
    label: row.label,
    prefix: row.prefix,
    created: seconds(row.createdAt) ?? 0,
    last_used: seconds(row.lastUsedAt),
    revoked: seconds(row.revokedAt),
  };
}

export async function createKey(db: Database, role: Role, label: string, actor: string, now = Date.now()) {
  const key = await createApiKey(db, role, label);
  const row = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, key.id) });
  if (!row) throw new Error("api key not found after insert");
  await appendAudit(db, { actor, action: "api_key.created", after: { key_id: key.id, role }, createdAt: now });
  return { ...apiKeyView(row), secret: key.secret };
}

export async function listKeys(db: Database) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(1000);
  return rows.map(apiKeyView);
}

/** Revokes a key; revoking a revoked key changes nothing and is not an error. */
export async function revokeKey(db: Database, id: string, actor: string, now = Date.now()) {
  const updated = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  const row = updated[0] ?? (await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) }));
  if (!row) throw notFound("api_key", id);
  if (updated[0]) {
    await appendAudit(db, {
      actor,
      action: "api_key.revoked",
      before: { key_id: id, revoked: false },
      after: { key_id: id, role: row.role, revoked: true },
      createdAt: now,
    });
  }
  return apiKeyView(row);
}
