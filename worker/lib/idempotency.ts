/**
 * Idempotency-Key for server API writes, as Stripe does it: the first response to a key is stored and replayed
 * for the same request; the same key with different parameters is an error; a key whose first request is still
 * running gets 409. Only successful responses are kept, so a request that failed can be retried with its key.
 */
import { and, eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { idempotencyKeys } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError, invalidRequest } from "./errors";
import { sha256Hex } from "./ids";

const IDEMPOTENCY_HEADER = "Idempotency-Key";
const MAX_KEY_LENGTH = 255;
/** How long a key replays its first response (Stripe: 24 hours); the cron deletes older rows. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;
/** A claim with no stored response after this long belonged to a request that died; the key may be used again. */
const ABANDONED_CLAIM_MS = 60_000;

export function idempotent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    const principal = c.get("principal");
    if (!key || principal.kind !== "api_key") return next();
    if (key.length > MAX_KEY_LENGTH) {
      throw invalidRequest("idempotency_key_invalid", `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters.`);
    }
    const db = c.get("db");
    const path = new URL(c.req.url).pathname;
    const requestHash = await sha256Hex(`${c.req.method} ${path}\n${await c.req.text()}`);
    const where = and(eq(idempotencyKeys.apiKeyId, principal.keyId), eq(idempotencyKeys.key, key));
    // The claim's time doubles as its owner's mark: finishing or releasing touches only our own claim, never one a
    // later request took over after ours was judged abandoned.
    let claimedAt = 0;
    const claim = async () => {
      claimedAt = Date.now();
      const values = { apiKeyId: principal.keyId, key, method: c.req.method, path, requestHash, createdAt: claimedAt };
      return (await db.insert(idempotencyKeys).values(values).onConflictDoNothing().run()).meta.changes === 1;
    };
    let claimed = await claim();
    if (!claimed) {
      let prior = await db.query.idempotencyKeys.findFirst({ where });
      // The first request released the key meanwhile, or died holding it: claim it again.
      const abandoned = prior && prior.status === null && prior.createdAt < Date.now() - ABANDONED_CLAIM_MS;
      if (abandoned) {
        await db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.createdAt, prior?.createdAt ?? 0)));
      }
      if (!prior || abandoned) {
        claimed = await claim();
        prior = claimed ? undefined : await db.query.idempotencyKeys.findFirst({ where });
      }
      if (!claimed) {
        if (!prior || prior.requestHash !== requestHash) {
          throw new ApiError(
            400,
            "idempotency_error",
            "idempotency_key_reused",
            "Keys for idempotent requests can only be used with the same parameters they were first used with.",
          );
        }
        if (prior.status === null || prior.responseBody === null) {
          throw new ApiError(
            409,
            "idempotency_error",
            "idempotency_key_in_use",
            "A request with this Idempotency-Key is still in progress.",
          );
        }
        return new Response(prior.responseBody, {
          status: prior.status,
          headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
        });
      }
    }
    const ours = and(where, eq(idempotencyKeys.createdAt, claimedAt));
    try {
      await next();
    } catch (err) {
      await db.delete(idempotencyKeys).where(ours);
      throw err;
    }
    if (c.res.status >= 200 && c.res.status < 300) {
      const body = await c.res.clone().text();
      await db.update(idempotencyKeys).set({ status: c.res.status, responseBody: body }).where(ours);
    } else {
      await db.delete(idempotencyKeys).where(ours);
    }
  };
}
