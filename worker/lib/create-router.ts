/**
 * One router factory for every audience: an OpenAPIHono whose validation failures become Stripe-style 400s,
 * so every route's schema both validates and documents (GET /openapi.json).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env";
import { invalidRequest } from "./errors";

/** The first zod issue, said the way Stripe says it, with `param` in Stripe's bracket form (`address[city]`). */
export function zodToApiError(error: ZodError) {
  const issue = error.issues[0];
  if (!issue) return invalidRequest("parameter_invalid", "Invalid request.");
  const [head, ...rest] = issue.path.map(String);
  const param = head === undefined ? null : head + rest.map((p) => `[${p}]`).join("");
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
    return invalidRequest("parameter_missing", `Missing required param: ${param}.`, param);
  }
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const full = param ? `${param}[${key}]` : key;
    return invalidRequest("parameter_unknown", `Received unknown parameter: ${full}`, full);
  }
  return invalidRequest("parameter_invalid", `Invalid ${param ?? "request"}: ${issue.message}`, param);
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodToApiError(result.error as ZodError);
    },
  });
}
