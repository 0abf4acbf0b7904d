/** zod schemas shared by several routers: they validate requests and generate /openapi.json. */
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.object({
      type: z.string().openapi({ example: "invalid_request_error" }),
      code: z.string().openapi({ example: "parameter_missing" }),
      message: z.string(),
      param: z.string().nullable().openapi({ example: "name" }),
    }),
  })
  .openapi("Error");

/** The error responses every authenticated JSON route can give, for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: { description: "Invalid request", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "Missing or invalid credentials", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "Credentials lack the role", content: { "application/json": { schema: ErrorSchema } } },
  404: { description: "No such object", content: { "application/json": { schema: ErrorSchema } } },
  409: { description: "Idempotency key in use", content: { "application/json": { schema: ErrorSchema } } },
  413: { description: "Body too large", content: { "application/json": { schema: ErrorSchema } } },
  429: { description: "Too many requests", content: { "application/json": { schema: ErrorSchema } } },
  502: { description: "Stripe failed; safe to retry", content: { "application/json": { schema: ErrorSchema } } },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The `{id}` path parameter of an object whose ids start with `prefix`; an unknown or malformed id is a 404. */
export const idParam = (prefix: string) =>
  z.object({
    id: z
      .string()
      .max(64)
      .openapi({ param: { name: "id", in: "path" }, example: `${prefix}_4f9QzXb2Lk8Rt1Vw6Yh3Nc0D` }),
  });

export const VerificationStatusSchema = z
  .enum(["pending", "verified", "needs_review", "failed", "canceled"])
  .openapi("VerificationStatus");

/** An address as stored and shown back (every part may be null, e.g. after erasure). */
export const StoredAddressSchema = z
  .object({
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    postal_code: z.string().nullable(),
    country: z.string().nullable(),
  })
  .openapi("Address");
