/** Builds the flow's dependencies for one request (clients are per request, never module singletons). */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { createStripe } from "../stripe/client";
import type { FlowDeps } from "./flow";

export function flowDeps(c: Context<AppEnv>, actor: string): FlowDeps {
  // waitUntil lets the sandbox deliver its webhooks after the response, in the order Stripe would.
  const stripe = createStripe(c.env, c.get("selfFetch"), { waitUntil: (p) => c.executionCtx.waitUntil(p) });
  return { db: c.get("db"), stripe, env: c.env, actor };
}
