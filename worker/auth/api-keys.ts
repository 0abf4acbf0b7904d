/** API keys: random secrets shown once, stored as SHA-256 with a role. */
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Role } from "../env";
import { newId, randomBase62, sha256Hex } from "../lib/ids";

/** The secret's prefix says its role at a glance, like Stripe's sk_/pk_/rk_. */
export const KEY_PREFIXES: Record<Role, string> = { server: "oc_sk_", reviewer: "oc_rk_", admin: "oc_ak_" };
export const CLIENT_TOKEN_PREFIX = "oc_ct_";

export function generateKeySecret(role: Role): string {
  return `${KEY_PREFIXES[role]}${randomBase62(40)}`;
}

/** The row to store for a secret; `npm run keys` and the dev seeding build the same row. */
export async function apiKeyRow(secret: string, role: Role, label: string, id = newId("key", 16)) {
  return { id, role, label, hash: await sha256Hex(secret), prefix: secret.slice(0, 10) };
}

/** Creates a key and returns its secret (the only time it exists in clear). */
export async function createApiKey(db: Database, role: Role, label: string) {
  const secret = generateKeySecret(role);
  const row = await apiKeyRow(secret, role, label);
  await db.insert(apiKeys).values(row);
  return { id: row.id, role, label, secret };
}

/** The live (not revoked) key behind a secret, or null. */
export async function findApiKey(db: Database, secret: string) {
  const hash = await sha256Hex(secret);
  const row = await db.query.apiKeys.findFirst({ where: and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)) });
  return row ?? null;
}
