/** Client tokens: short-lived browser credentials bound to one applicant, stored hashed. */
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../db/client";
import { clientTokens } from "../db/schema";
import { randomBase62, sha256Hex } from "../lib/ids";
import { CLIENT_TOKEN_PREFIX } from "./api-keys";

const DEFAULT_TTL_SECONDS = 1800;
const MAX_TTL_SECONDS = 1800;

/** Token lifetime from CLIENT_TOKEN_TTL_SECONDS, capped at 30 minutes (DESIGN §1). */
export function clientTokenTtlMs(env: Env): number {
  const configured = Number(env.CLIENT_TOKEN_TTL_SECONDS);
  const seconds = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TTL_SECONDS;
  return Math.min(seconds, MAX_TTL_SECONDS) * 1000;
}

/** A new token and the row that stores its hash; callers insert the row (alone, or in a batch with the applicant). */
export async function mintClientToken(applicantId: string, ttlMs: number, now = Date.now()) {
  const token = `${CLIENT_TOKEN_PREFIX}${randomBase62(40)}`;
  const expiresAt = now + ttlMs;
  return { token, expiresAt, row: { hash: await sha256Hex(token), applicantId, expiresAt, createdAt: now } };
}

export async function issueClientToken(db: Database, applicantId: string, ttlMs: number, now = Date.now()) {
  const minted = await mintClientToken(applicantId, ttlMs, now);
  await db.insert(clientTokens).values(minted.row);
  return minted;
}

/** The applicant a live token is bound to, or null when unknown or expired. */
export async function resolveClientToken(db: Database, token: string, now = Date.now()): Promise<string | null> {
  const row = await db.query.clientTokens.findFirst({
    where: and(eq(clientTokens.hash, await sha256Hex(token)), gt(clientTokens.expiresAt, now)),
  });
  return row?.applicantId ?? null;
}
