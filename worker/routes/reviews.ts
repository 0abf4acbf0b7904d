/**
 * Reviewer API (role reviewer or admin, by API key or Cloudflare Access): the queue, one item side by side,
 * decisions, CSV export and the audit trail; key management for admins; and the console page that uses them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireApiKey } from "../auth/middleware";
import { appendAudit, listAuditEvents } from "../db/audit";
import type { ReviewFilters } from "../db/reviews";
import type { AppEnv } from "../env";
import { createRouter } from "../lib/create-router";
import { notFound } from "../lib/errors";
import { limitBody, requireJson } from "../lib/middleware";
import { ERROR_RESPONSES, jsonBody, jsonResponse } from "../lib/schemas";
import { toSeconds } from "../lib/time";
import { createKey, listKeys, revokeKey } from "../reviews/api-keys";
import { CONSOLE_HEADERS, CONSOLE_HTML, CONSOLE_ICON_SVG, CONSOLE_SCRIPT_HEADERS } from "../reviews/console-page";
import { EXPORT_ROW_CAP, ROW_CAP_HEADER, reviewsCsvStream } from "../reviews/csv";
import { decodeCursor, encodeCursor } from "../reviews/cursor";
import { decideReview } from "../reviews/decide";
import { reviewDetail } from "../reviews/detail";
import { listReviews, reviewRowView } from "../reviews/list";
import { reasonCodes } from "../reviews/reason-codes";
import {
  ApiKeySchema,
  AuditListSchema,
  AuditQuery,
  CreateApiKeyBody,
  CreatedApiKeySchema,
  DecisionBody,
  DecisionResultSchema,
  KeyIdParam,
  ReasonCodesSchema,
  ReviewDetailSchema,
  ReviewFiltersQuery,
  ReviewListQuery,
  ReviewListSchema,
  VerificationIdParam,
  WhoamiSchema,
} from "../reviews/schemas";
import { serveAsset } from "./pages";

const reviewerAuth = requireApiKey({ roles: ["reviewer", "admin"], allowAccess: true });
const adminAuth = requireApiKey({ roles: ["admin"], allowAccess: true });
const AUDIT_CURSOR_SORT = "audit";
const IDEMPOTENCY_HEADER = "Idempotency-Key";

type FilterQuery = z.infer<typeof ReviewFiltersQuery>;

function filtersOf(query: FilterQuery): ReviewFilters {
  return {
    decision: query.decision,
    reviewStatus: query.review_status,
    state: query.state,
    scoreGte: query.score_gte,
    scoreLte: query.score_lte,
    createdGte: query.created_gte,
    createdLte: query.created_lte,
    institution: query.institution,
  };
}

/** What an export audit row records of the filters: never `q` itself (a name or an email), only that there was one. */
function auditedFilters(query: FilterQuery) {
  const { q, sort, ...filters } = query;
  return { filters: { ...filters, search: q !== undefined }, sort };
}

/** Reviewer responses carry PII: no cache may keep them. */
const noStore = (c: Context<AppEnv>) => c.header("Cache-Control", "no-store");

export const reviewsRouter = createRouter();

reviewsRouter.get("/console", (c) => c.html(CONSOLE_HTML, 200, CONSOLE_HEADERS));
reviewsRouter.get("/console/", (c) => c.redirect("/console", 301));
reviewsRouter.get("/console/icon.svg", (c) =>
  c.body(CONSOLE_ICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }),
);
reviewsRouter.get("/console.js", (c) => serveAsset(c, "/console.js", CONSOLE_SCRIPT_HEADERS));

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/reviews/whoami",
    tags: ["Reviews"],
    summary: "Who the credentials belong to (the console's sign-in check)",
    middleware: [reviewerAuth] as const,
    responses: { 200: jsonResponse(WhoamiSchema, "The caller"), ...ERROR_RESPONSES },
  }),
  (c) => {
    const principal = c.get("principal");
    if (principal.kind === "client_token") throw notFound("principal", "client_token", null);
    noStore(c);
    return c.json(
      { object: "principal" as const, kind: principal.kind, role: principal.role, actor: principal.actor },
      200,
    );
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/reviews/reason_codes",
    tags: ["Reviews"],
    summary: "The reason codes a decision may give (REVIEW_REASON_CODES)",
    middleware: [reviewerAuth] as const,
    responses: { 200: jsonResponse(ReasonCodesSchema, "The configured reason codes"), ...ERROR_RESPONSES },
  }),
  (c) => c.json({ object: "list" as const, data: reasonCodes(c.env).map(({ code, label }) => ({ code, label })) }, 200),
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/reviews/export.csv",
    tags: ["Reviews"],
    summary: `The queue as CSV (same filters as the list; at most ${EXPORT_ROW_CAP} rows, streamed)`,
    middleware: [reviewerAuth] as const,
    request: { query: ReviewFiltersQuery.strict() },
    responses: {
      200: {
        description:
          "text/csv; a final `# truncated …` line says when the cap was hit, `# error: export interrupted` when a read failed mid-stream",
      },
      ...ERROR_RESPONSES,
    },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const now = Date.now();
    await appendAudit(c.get("db"), {
      actor: c.get("principal").actor,
      action: "review.exported",
      after: { ...auditedFilters(query), row_cap: EXPORT_ROW_CAP },
      createdAt: now,
    });
    const stream = reviewsCsvStream(
      c.get("db"),
      { filters: filtersOf(query), sort: query.sort, q: query.q },
      EXPORT_ROW_CAP,
      now,
    );
    const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    return c.body(stream, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ownercheck-reviews-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      [ROW_CAP_HEADER]: String(EXPORT_ROW_CAP),
    });
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/reviews",
    tags: ["Reviews"],
    summary: "List verifications for review: filter, search, sort, paginate",
    middleware: [reviewerAuth] as const,
    request: { query: ReviewListQuery },
    responses: { 200: jsonResponse(ReviewListSchema, "A page of review items"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const after = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
    const page = await listReviews(c.get("db"), {
      filters: filtersOf(query),
      sort: query.sort,
      after: after ? { key: after.key, id: after.id } : null,
      limit: query.limit,
      q: query.q,
    });
    const now = Date.now();
    noStore(c);
    return c.json(
      {
        object: "list" as const,
        data: page.rows.map((row) => reviewRowView(row, now)),
        has_more: page.hasMore,
        next_cursor: page.hasMore && page.next ? encodeCursor({ sort: query.sort, ...page.next }) : null,
      },
      200,
    );
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/reviews/{verification_id}",
    tags: ["Reviews"],
    summary: "One item side by side: applicant vs every owner, scores, flags, reasons, history",
    middleware: [reviewerAuth] as const,
    request: { params: VerificationIdParam },
    responses: { 200: jsonResponse(ReviewDetailSchema, "The review item"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const { verification_id: id } = c.req.valid("param");
    const db = c.get("db");
    const detail = await reviewDetail(db, id, reasonCodes(c.env));
    if (!detail) throw notFound("verification", id, "verification_id");
    // Reading an applicant's and the bank's PII is itself worth a trail entry.
    await appendAudit(db, {
      actor: c.get("principal").actor,
      action: "review.viewed",
      verificationId: id,
      applicantId: detail.applicant?.id ?? null,
      after: { review_status: detail.review_status },
      createdAt: Date.now(),
    });
    noStore(c);
    return c.json(detail, 200);
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/reviews/{verification_id}/decision",
    tags: ["Reviews"],
    summary: "Approve, reject, escalate or reopen (idempotent; audited)",
    middleware: [reviewerAuth, limitBody(), requireJson()] as const,
    request: {
      params: VerificationIdParam,
      headers: z.object({ "idempotency-key": z.string().min(1).max(255).optional() }),
      body: jsonBody(DecisionBody),
    },
    responses: {
      200: jsonResponse(DecisionResultSchema, "The item's review status after the request"),
      ...ERROR_RESPONSES,
    },
  }),
  async (c) => {
    const { verification_id: id } = c.req.valid("param");
    const body = c.req.valid("json");
    const codes = reasonCodes(c.env);
    const outcome = await decideReview(
      c.get("db"),
      {
        verificationId: id,
        action: body.decision,
        reasonCode: body.reason_code ?? null,
        note: body.note ? body.note : null,
        actor: c.get("principal").actor,
        idempotencyKey: c.req.header(IDEMPOTENCY_HEADER) ?? null,
      },
      codes,
    );
    const d = outcome.decision;
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    noStore(c);
    return c.json(
      {
        object: "review_decision_result" as const,
        verification_id: outcome.verificationId,
        review_status: outcome.reviewStatus,
        changed: outcome.changed,
        decision: d
          ? {
              id: d.id,
              decision: d.decision,
              reason_code: d.reasonCode,
              reason_label: d.reasonCode ? (codes.find((r) => r.code === d.reasonCode)?.label ?? d.reasonCode) : null,
              note: d.note,
              actor: d.actor,
              created: toSeconds(d.createdAt),
            }
          : null,
      },
      200,
    );
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/audit",
    tags: ["Reviews"],
    summary: "The audit trail, newest first; filter by verification or actor",
    middleware: [reviewerAuth] as const,
    request: { query: AuditQuery },
    responses: { 200: jsonResponse(AuditListSchema, "A page of audit events"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const after = query.cursor ? decodeCursor(query.cursor, AUDIT_CURSOR_SORT) : null;
    const rows = await listAuditEvents(c.get("db"), {
      verificationId: query.verification_id,
      actor: query.actor,
      before: after ? { createdAt: after.key, id: after.id } : null,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const hasMore = rows.length > query.limit;
    noStore(c);
    return c.json(
      {
        object: "list" as const,
        data: page.map((e) => ({
          id: e.id,
          object: "audit_event" as const,
          actor: e.actor,
          action: e.action,
          verification_id: e.verificationId,
          applicant_id: e.applicantId,
          before: (e.before ?? null) as Record<string, unknown> | null,
          after: (e.after ?? null) as Record<string, unknown> | null,
          created: toSeconds(e.createdAt),
        })),
        has_more: hasMore,
        next_cursor:
          hasMore && last ? encodeCursor({ sort: AUDIT_CURSOR_SORT, key: last.createdAt, id: last.id }) : null,
      },
      200,
    );
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/keys",
    tags: ["Keys"],
    summary: "Create an API key (admin); the secret is in this response only",
    middleware: [adminAuth, limitBody(), requireJson()] as const,
    request: { body: jsonBody(CreateApiKeyBody) },
    responses: { 200: jsonResponse(CreatedApiKeySchema, "The new key and its secret"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const { role, label } = c.req.valid("json");
    noStore(c);
    return c.json(await createKey(c.get("db"), role, label, c.get("principal").actor), 200);
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "get",
    path: "/v1/keys",
    tags: ["Keys"],
    summary: "List API keys (admin), newest first, without secrets",
    middleware: [adminAuth] as const,
    responses: {
      200: jsonResponse(
        z.object({ object: z.literal("list"), data: z.array(ApiKeySchema), has_more: z.boolean() }),
        "The keys",
      ),
      ...ERROR_RESPONSES,
    },
  }),
  async (c) => {
    const data = await listKeys(c.get("db"));
    return c.json({ object: "list" as const, data, has_more: false }, 200);
  },
);

reviewsRouter.openapi(
  createRoute({
    method: "post",
    path: "/v1/keys/{id}/revoke",
    tags: ["Keys"],
    summary: "Revoke an API key (admin); repeating it is harmless",
    middleware: [adminAuth] as const,
    request: { params: KeyIdParam },
    responses: { 200: jsonResponse(ApiKeySchema, "The revoked key"), ...ERROR_RESPONSES },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await revokeKey(c.get("db"), id, c.get("principal").actor), 200);
  },
);
