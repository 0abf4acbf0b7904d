/**
 * Errors the way api.stripe.com sends them: `{ "error": { code, doc_url, message, param, request_log_url, type } }`
 * with Stripe's status codes, so the SDK maps them to its own classes (StripeInvalidRequestError, …).
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type Stripe from "stripe";
import { ApiError, type ErrorType } from "../lib/errors";

export interface StripeErrorBody {
  error: Pick<Stripe.StripeRawError, "code" | "doc_url" | "message" | "param" | "request_log_url" | "type">;
}

/** Thrown anywhere in the emulator; the emulator's error handler renders it as Stripe's error body. */
export class SandboxStripeError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: "invalid_request_error" | "api_error" | "idempotency_error",
    message: string,
    readonly code?: string,
    readonly param?: string,
    /** Extra response headers, e.g. Stripe-Should-Retry, which steers the SDK's automatic retries. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SandboxStripeError";
  }

  toBody(requestId: string): StripeErrorBody {
    const body: StripeErrorBody["error"] = {};
    if (this.code) {
      body.code = this.code;
      body.doc_url = `https://docs.stripe.com/error-codes/${this.code.replaceAll("_", "-")}`;
    }
    body.message = this.message;
    if (this.param) body.param = this.param;
    body.request_log_url = `https://dashboard.stripe.com/test/logs/${requestId}?t=${Math.floor(Date.now() / 1000)}`;
    body.type = this.type;
    return { error: body };
  }

  /** The same failure in our own API's error shape (the sandbox HTTP routes answer with it). */
  toApiError(): ApiError {
    const type: ErrorType = this.type;
    return new ApiError(this.status, type, this.code ?? "invalid_request", this.message, this.param ?? null);
  }
}

export const resourceMissing = (object: string, id: string, param = "id", status: ContentfulStatusCode = 404) =>
  new SandboxStripeError(status, "invalid_request_error", `No such ${object}: '${id}'`, "resource_missing", param);

export const parameterMissing = (param: string) =>
  new SandboxStripeError(400, "invalid_request_error", `Missing required param: ${param}.`, "parameter_missing", param);

export const parameterUnknown = (param: string) =>
  new SandboxStripeError(
    400,
    "invalid_request_error",
    `Received unknown parameter: ${param}`,
    "parameter_unknown",
    param,
  );

export const parameterInvalidEmpty = (param: string) =>
  new SandboxStripeError(
    400,
    "invalid_request_error",
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however ` +
      `'${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    "parameter_invalid_empty",
    param,
  );

export const parameterInvalid = (param: string, message: string, code?: string) =>
  new SandboxStripeError(400, "invalid_request_error", message, code, param);

/** A request that is well-formed but not allowed in the object's current state. */
export const invalidRequest = (message: string, code?: string, param?: string) =>
  new SandboxStripeError(400, "invalid_request_error", message, code, param);

export const unrecognizedUrl = (method: string, path: string) =>
  new SandboxStripeError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at ` +
      "https://support.stripe.com/.",
  );

export const apiKeyMissing = () =>
  new SandboxStripeError(
    401,
    "invalid_request_error",
    "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer " +
      "auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://docs.stripe.com/api#authentication for " +
      "details, or we can help at https://support.stripe.com/.",
  );

/** Stripe masks all but the mode prefix and the last four characters of a rejected key. */
export const apiKeyInvalid = (key: string) => {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? "";
  const masked = `${prefix}${"*".repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
  return new SandboxStripeError(401, "invalid_request_error", `Invalid API Key provided: ${masked}`);
};

export const idempotencyParamsMismatch = (key: string) =>
  new SandboxStripeError(
    400,
    "idempotency_error",
    "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a " +
      `key other than '${key}' if you meant to execute a different request.`,
  );

export const idempotencyEndpointMismatch = (key: string, first: string, now: string) =>
  new SandboxStripeError(
    400,
    "idempotency_error",
    `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first}' vs ` +
      `'${now}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  );

/** 429 with `Stripe-Should-Retry: true`: the SDK backs off and retries on its own (maxNetworkRetries). */
export const rateLimited = () =>
  new SandboxStripeError(
    429,
    "invalid_request_error",
    "Request rate limit exceeded. Learn more about rate limits here https://docs.stripe.com/rate-limits.",
    "rate_limit",
    undefined,
    { "Stripe-Should-Retry": "true" },
  );

/** 500 `api_error`; `Stripe-Should-Retry: false` tells the SDK a retry now would fail the same way. */
export const apiError = (message = "An unknown error occurred") =>
  new SandboxStripeError(500, "api_error", message, undefined, undefined, { "Stripe-Should-Retry": "false" });
