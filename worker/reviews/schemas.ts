/** zod schemas of the reviewer API: they validate requests and document the responses in /openapi.json. */
import { z } from "@hono/zod-openapi";
import { REVIEW_SORTS } from "../db/reviews";
import { DECISIONS, REVIEW_STATUSES, VERIFICATION_STATES } from "../db/schema";
import { StoredAddressSchema } from "../lib/schemas";
import { REVIEW_ACTIONS } from "./decide";
import { MAX_PAGE_SIZE } from "./list";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Unix seconds or an ISO 8601 date/time → epoch milliseconds (the unit of the columns). */
const timestampParam = (name: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const ms = /^\d{1,11}$/.test(value)
        ? Number(value) * 1000
        : ISO_DATE.test(value)
          ? Date.parse(value)
          : Number.NaN;
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: "custom", message: "must be unix seconds or an ISO 8601 date" });
        return z.NEVER;
      }
      return ms;
    })
    .optional()
    .openapi({ param: { name, in: "query" }, example: "2026-01-31T00:00:00Z", type: "string" });

const scoreParam = (name: string) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .openapi({ param: { name, in: "query" }, example: 70 });

/** The filters shared by the list and the CSV export. */
export const ReviewFiltersQuery = z.object({
  decision: z
    .enum(DECISIONS)
    .optional()
    .openapi({ param: { name: "decision", in: "query" } }),
  review_status: z
    .enum(REVIEW_STATUSES)
    .optional()
    .openapi({ param: { name: "review_status", in: "query" } }),
  state: z
    .enum(VERIFICATION_STATES)
    .optional()
    .openapi({ param: { name: "state", in: "query" } }),
  score_gte: scoreParam("score_gte"),
  score_lte: scoreParam("score_lte"),
  created_gte: timestampParam("created_gte"),
  created_lte: timestampParam("created_lte"),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: "q", in: "query" }, description: "Applicant name or email, matched fuzzily." }),
  institution: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: "institution", in: "query" }, description: "Institution name, exactly." }),
  sort: z
    .enum(REVIEW_SORTS)
    .default("-created")
    .openapi({ param: { name: "sort", in: "query" }, description: "Sorting by score lists scored items only." }),
});

export const ReviewListQuery = ReviewFiltersQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(25)
    .openapi({ param: { name: "limit", in: "query" } }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "next_cursor of the previous page." }),
}).strict();

export const AuditQuery = z
  .object({
    verification_id: z
      .string()
      .max(64)
      .optional()
      .openapi({ param: { name: "verification_id", in: "query" } }),
    actor: z
      .string()
      .max(200)
      .optional()
      .openapi({ param: { name: "actor", in: "query" }, example: "key:key_…" }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(50)
      .openapi({ param: { name: "limit", in: "query" } }),
    cursor: z
      .string()
      .max(512)
      .optional()
      .openapi({ param: { name: "cursor", in: "query" } }),
  })
  .strict();

export const VerificationIdParam = z.object({
  verification_id: z
    .string()
    .max(64)
    .openapi({ param: { name: "verification_id", in: "path" }, example: "ver_4f9QzXb2Lk8Rt1Vw6Yh3Nc0D" }),
});

export const DecisionBody = z
  .object({
    decision: z.enum(REVIEW_ACTIONS),
    reason_code: z.string().trim().min(1).max(40).nullish(),
    note: z.string().trim().max(2000).nullish(),
  })
  .strict()
  .openapi("ReviewDecisionInput");

const FieldSchema = z
  .object({ score: z.number().nullable(), flags: z.record(z.string(), z.union([z.boolean(), z.string()])) })
  .nullable();
const FieldsSchema = z.object({ name: FieldSchema, address: FieldSchema, email: FieldSchema, phone: FieldSchema });

export const ReviewRowSchema = z
  .object({
    id: z.string(),
    object: z.literal("review_item"),
    applicant: z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      erased: z.boolean(),
    }),
    state: z.enum(VERIFICATION_STATES),
    decision: z.enum(DECISIONS).nullable(),
    score: z.number().int().nullable(),
    review_status: z.enum(REVIEW_STATUSES).nullable(),
    institution: z.string().nullable(),
    failure_code: z.string().nullable(),
    fields: FieldsSchema,
    flags: z.array(z.string()).openapi({ example: ["name.nickname", "address.unit:mismatch"] }),
    created: z.number().int(),
    updated: z.number().int(),
    age_seconds: z.number().int(),
  })
  .openapi("ReviewItem");

export const ReviewListSchema = z
  .object({
    object: z.literal("list"),
    data: z.array(ReviewRowSchema),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .openapi("ReviewList");

const DecisionRowSchema = z.object({
  id: z.string(),
  decision: z.enum(REVIEW_ACTIONS),
  reason_code: z.string().nullable(),
  reason_label: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string(),
  created: z.number().int(),
});

const Normalized = z.any().openapi({ description: "The matcher's reading of the data (NormalizedParty)." });

export const ReviewDetailSchema = z
  .object({
    id: z.string(),
    object: z.literal("review"),
    state: z.enum(VERIFICATION_STATES),
    decision: z.enum(DECISIONS).nullable(),
    score: z.number().int().nullable(),
    review_status: z.enum(REVIEW_STATUSES).nullable(),
    failure_code: z.string().nullable(),
    mode: z.string(),
    institution: z.string().nullable(),
    last4: z.string().nullable(),
    accounts: z.array(
      z.object({
        id: z.string(),
        institution: z.string().nullable(),
        last4: z.string().nullable(),
        category: z.string().nullable(),
        status: z.string().nullable(),
        ownership_status: z.string().nullable(),
      }),
    ),
    refreshed_at: z.number().int().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    completed: z.number().int().nullable(),
    applicant: z
      .object({
        id: z.string(),
        erased: z.boolean(),
        typed: z.object({
          name: z.string().nullable(),
          address: StoredAddressSchema.nullable(),
          email: z.string().nullable(),
          phone: z.string().nullable(),
        }),
        normalized: Normalized.nullable(),
      })
      .nullable(),
    owners: z.array(
      z.object({
        index: z.number().int(),
        best: z.boolean(),
        account: z
          .object({ id: z.string(), institution: z.string().nullable(), last4: z.string().nullable() })
          .nullable(),
        raw: z.object({
          name: z.string().nullable(),
          address: z.string().nullable(),
          email: z.string().nullable(),
          phone: z.string().nullable(),
        }),
        normalized: Normalized.nullable(),
        purged: z.boolean(),
        refreshed_at: z.number().int().nullable(),
        score: z.number().nullable(),
        decision: z.string().nullable(),
        fields: FieldsSchema.nullable(),
        flags: z.array(z.string()),
        reasons: z.array(z.string()),
      }),
    ),
    result: z
      .object({
        score: z.number().int(),
        decision: z.enum(DECISIONS),
        owner_index: z.number().int(),
        algorithm: z.string(),
        fields: FieldsSchema.nullable(),
        flags: z.array(z.string()),
        reasons: z.array(z.string()),
        created: z.number().int(),
      })
      .nullable(),
    history: z.array(DecisionRowSchema),
    allowed_decisions: z.array(z.enum(REVIEW_ACTIONS)),
  })
  .openapi("Review");

export const DecisionResultSchema = z
  .object({
    object: z.literal("review_decision_result"),
    verification_id: z.string(),
    review_status: z.enum(REVIEW_STATUSES).nullable(),
    changed: z
      .boolean()
      .openapi({ description: "False when the request repeated an earlier one: nothing was written." }),
    decision: DecisionRowSchema.nullable(),
  })
  .openapi("ReviewDecisionResult");

export const ReasonCodesSchema = z
  .object({ object: z.literal("list"), data: z.array(z.object({ code: z.string(), label: z.string() })) })
  .openapi("ReviewReasonCodes");

export const AuditEventSchema = z
  .object({
    id: z.string(),
    object: z.literal("audit_event"),
    actor: z.string(),
    action: z.string(),
    verification_id: z.string().nullable(),
    applicant_id: z.string().nullable(),
    before: z.record(z.string(), z.any()).nullable(),
    after: z.record(z.string(), z.any()).nullable(),
    created: z.number().int(),
  })
  .openapi("AuditEvent");

export const AuditListSchema = z
  .object({
    object: z.literal("list"),
    data: z.array(AuditEventSchema),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .openapi("AuditList");

export const WhoamiSchema = z
  .object({
    object: z.literal("principal"),
    kind: z.enum(["api_key", "access"]),
    role: z.enum(["server", "reviewer", "admin"]),
    actor: z.string(),
  })
  .openapi("ReviewerPrincipal");

export const ApiKeySchema = z
  .object({
    id: z.string(),
    object: z.literal("api_key"),
    role: z.enum(["server", "reviewer", "admin"]),
    label: z.string(),
    prefix: z.string(),
    created: z.number().int(),
    last_used: z.number().int().nullable(),
    revoked: z.number().int().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  secret: z.string().openapi({ description: "Shown once; only its SHA-256 is stored." }),
}).openapi("CreatedApiKey");

export const CreateApiKeyBody = z
  .object({
    role: z.enum(["server", "reviewer", "admin"]),
    label: z.string().trim().min(1).max(200),
  })
  .strict()
  .openapi("CreateApiKeyInput");

export const KeyIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "key_4f9QzXb2Lk8Rt1Vw" }),
});
