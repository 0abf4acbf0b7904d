/** Request guards shared by every router: body size limits and JSON-only bodies. */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { ApiError, invalidRequest } from "./errors";

/** Largest JSON body the API accepts; onboarding data is a few hundred bytes. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;
/** Stripe events carry whole objects; Stripe's own payloads stay far below this. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** Rejects bodies over `maxSize` bytes with a Stripe-style 413 before anything reads them. */
export function limitBody(maxSize = MAX_JSON_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, "invalid_request_error", "body_too_large", `Request body exceeds ${maxSize} bytes.`);
    },
  });
}

/** Write endpoints take JSON bodies; anything else is a 415-style 400 that says so. */
export function requireJson(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header("Content-Type") ?? "";
    const hasBody = c.req.header("Content-Length") !== "0" && c.req.raw.body !== null;
    if (hasBody && !/^application\/json\b/i.test(type)) {
      throw invalidRequest(
        "content_type_invalid",
        "Send the request body as JSON with Content-Type: application/json.",
      );
    }
    if (hasBody) {
      const text = await c.req.text();
      if (text.trim() !== "") {
        try {
          JSON.parse(text);
        } catch {
          throw invalidRequest("json_invalid", "The request body is not valid JSON.");
        }
      }
    }
    await next();
  };
}
