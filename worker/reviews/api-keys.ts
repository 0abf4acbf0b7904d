/** Managing API keys over HTTP (admin role): create (the secret is shown once), list, revoke; each change audited. */
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys";
import type { Database } from "../db/client";
import type { Role } from "../env";
import { notFound } from "../lib/errors";
import { toSeconds } from "../lib/time";

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
    created: toSeconds(row.createdAt),
    last_used: toSeconds(row.lastUsedAt),
    revoked: toSeconds(row.revokedAt),
  };
}

export async function createKey(db: Database, role: Role, label: string, actor: string, now = Date.now()) {
  const key = await createApiKey(db, role, label, { actor, at: now });
  return { ...apiKeyView(key.stored), secret: key.secret };
}

export async function listKeys(db: Database) {
  return (await listApiKeys(db)).map(apiKeyView);
}

/** Revokes a key; revoking a revoked key changes nothing and is not an error. */
export async function revokeKey(db: Database, id: string, actor: string, now = Date.now()) {
  const row = await revokeApiKey(db, id, { actor, at: now });
  if (!row) throw notFound("api_key", id);
  return apiKeyView(row);
}
