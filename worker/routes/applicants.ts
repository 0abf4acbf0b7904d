/** Server API (secret key, role `server`): create, read, re-token and erase applicants. */
import { createRoute, z } from "@hono/zod-openapi";
import { clientTokenTtlMs, issueClientToken } from "../auth/client-tokens";
import { requireApiKey } from "../auth/middleware";
import { createApplicant, findApplicant } from "../db/applicants";
import { createRouter } from "../lib/create-router";
import { notFound } from "../lib/errors";
import { idempotent } from "../lib/idempotency";
import { limitBody, requireJson } from "../lib/middleware";
import { ERROR_RESPONSES, idParam, jsonBody, jsonResponse } from "../lib/schemas";
import { toSeconds } from "../lib/time";
import { ApplicantSchema, applicantView } from "../verification/applicant-view";
import { flowDeps } from "../verification/deps";
import { eraseApplicantEverywhere } from "../verification/erasure";

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const AddressInputSchema = z
  .object({
    line1: trimmed(200),
    line2: z.string().trim().max(200).nullish(),
    city: trimmed(100),
    state: z.string().trim().max(100),
    postal_code: trimmed(20),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166-1 country code")
      .transform((s) => s.toUpperCase()),
  })
  .strict()
  .openapi("AddressInput");

export const CreateApplicantSchema = z
  .object({
    name: trimmed(200).openapi({ example: "Robert J. Smith" }),
    address: AddressInputSchema.optional(),
    email: z.email().max(254).optional().openapi({ example: "bob@example.com" }),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+()\d\s.\-x#ext]*\d[+()\d\s.\-x#ext]*$/i, "must be a phone number")
      .optional()
      .openapi({ example: "+1 (415) 555-0100" }),
    external_id: trimmed(200).optional().openapi({ description: "Your own id for this applicant." }),
  })
  .strict()
  .openapi("CreateApplicant");

const ClientTokenSchema = z
  .object({
    id: z.string().openapi({ example: "app_4f9QzXb2Lk8Rt1Vw6Yh3Nc0D" }),
    client_token: z.string().openapi({ description: "Hand to <ownercheck-verify client-token>; valid ≤ 30 min." }),
    client_token_expires_at: z.number().int().openapi({ description: "Unix seconds." }),
  })
  .openapi("ApplicantClientToken");

const clientTokenBody = (id: string, token: { token: string; expiresAt: number }) => ({
  id,
  client_token: token.token,
  client_token_expires_at: toSeconds(token.expiresAt),
});

const serverAuth = requireApiKey({ roles: ["server", "admin"] });
const applicantIdParam = idParam("app");

export const applicantsRouter = createRouter();
applicantsRouter.use("/v1/applicants", limitBody(), serverAuth);
applicantsRouter.use("/v1/applicants/*", limitBody(), serverAuth);

applicantsRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/applicants",
    tags: ["Applicants"],
    summary: "Create an applicant from onboarding data and mint a client token",
    middleware: [requireJson(), idempotent()] as const,
    request: {
      body: jsonBody(CreateApplicantSchema),
      headers: z.object({ "idempotency-key": z.string().max(255).optional() }),
    },
    responses: { 200: jsonResponse(ClientTokenSchema, "The applicant and a client token"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const ttl = clientTokenTtlMs(c.env);
    const { applicant, token } = await createApplicant(c.get("db"), c.req.valid("json"), c.get("principal").actor, ttl);
    return c.json(clientTokenBody(applicant.id, token), 200);
  },
);

applicantsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/applicants/{id}",
    tags: ["Applicants"],
    summary: "Read an applicant, its verifications and the latest full match result",
    request: { params: applicantIdParam },
    responses: { 200: jsonResponse(ApplicantSchema, "The applicant"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const view = await applicantView(c.get("db"), id);
    if (!view) throw notFound("applicant", id);
    return c.json(view, 200);
  },
);

applicantsRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/applicants/{id}/client_token",
    tags: ["Applicants"],
    summary: "Mint a fresh client token for a returning applicant",
    request: { params: applicantIdParam },
    responses: { 200: jsonResponse(ClientTokenSchema, "A new client token"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const applicant = await findApplicant(db, id);
    if (!applicant) throw notFound("applicant", id);
    if (applicant.erasedAt !== null) throw notFound("applicant", id);
    const token = await issueClientToken(db, id, clientTokenTtlMs(c.env));
    return c.json(clientTokenBody(id, token), 200);
  },
);

applicantsRouter.openapi(
  createRoute({
    method: "delete",
    path: "/v1/applicants/{id}",
    tags: ["Applicants"],
    summary: "Erase the applicant's and the bank owners' PII; scores and an audit tombstone remain",
    request: { params: applicantIdParam },
    responses: {
      200: jsonResponse(
        z.object({ id: z.string(), object: z.literal("applicant"), deleted: z.literal(true) }),
        "Erased (repeating the call is harmless)",
      ),
      ...ERROR_RESPONSES,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    await eraseApplicantEverywhere(flowDeps(c, c.get("principal").actor), id);
    return c.json({ id, object: "applicant" as const, deleted: true as const }, 200);
  },
);
