/**
 * Stripe-style errors: every failure a client sees is `{ "error": { "type", "code", "message", "param" } }`.
 * Domain code throws ApiError; the app's single onError turns it (and anything else) into that body.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "idempotency_error"
  | "rate_limit_error"
  | "api_error";

export interface ErrorBody {
  error: { type: ErrorType; code: string; message: string; param: string | null };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param } };
  }
}

export const invalidRequest = (code: string, message: string, param: string | null = null) =>
  new ApiError(400, "invalid_request_error", code, message, param);

export const notFound = (what: string, id: string, param: string | null = "id") =>
  new ApiError(404, "invalid_request_error", "resource_missing", `No such ${what}: '${id}'`, param);

export const unauthenticated = (message = "No valid API key or client token provided.") =>
  new ApiError(401, "authentication_error", "invalid_api_key", message);

export const forbidden = (message: string) => new ApiError(403, "permission_error", "forbidden", message);

export const conflict = (code: string, message: string) => new ApiError(409, "invalid_request_error", code, message);

/** A dependency (Stripe, D1) failed; the message never carries the dependency's own text. */
export const upstreamFailure = (code: string, message: string) => new ApiError(502, "api_error", code, message);
