/** Builds the flow's dependencies for one request (clients are per request, never module singletons). */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { createStripe } from "../stripe/client";
import type { FlowDeps } from "./flow";

export function flowDeps(c: Context<AppEnv>, actor: string): FlowDeps {
  return { db: c.get("db"), stripe: createStripe(c.env, c.get("selfFetch")), env: c.env, actor };
}
