/**
 * Queries for the reviewer queue: keyset-paginated lists over verifications (joined to the applicant's summary and
 * the match result), one item's full picture, and the decision write (a conditional UPDATE, the append-only
 * decision row and its audit row in one atomic batch).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import { appendAuditWhen } from "./audit";
import { chunked } from "./chunks";
import type { Database } from "./client";
import type { AuditEntry } from "./conditional";
import {
  accountOwners,
  applicants,
  type Decision,
  fcAccounts,
  matchResults,
  type ReviewStatus,
  reviewDecisions,
  type VerificationState,
  verifications,
} from "./schema";

export const REVIEW_SORTS = ["-created", "created", "-score", "score"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Filters of GET /v1/reviews and its CSV export (times in epoch ms, like the columns). */
export interface ReviewFilters {
  decision?: Decision | undefined;
  reviewStatus?: ReviewStatus | undefined;
  state?: VerificationState | undefined;
  scoreGte?: number | undefined;
  scoreLte?: number | undefined;
  createdGte?: number | undefined;
  createdLte?: number | undefined;
  institution?: string | undefined;
}

/** A keyset position: the sort column's value and the id of the last row seen. */
export interface ReviewKey {
  key: number;
  id: string;
}

const sortColumn = (sort: ReviewSort) => (sort.endsWith("score") ? verifications.score : verifications.createdAt);

/** The sort key of a row, for the next page's cursor. */
export function reviewKeyOf(row: { createdAt: number; score: number | null; id: string }, sort: ReviewSort): ReviewKey {
  return { key: sort.endsWith("score") ? (row.score ?? 0) : row.createdAt, id: row.id };
}

/** WHERE and ORDER BY of a queue page: the filters, plus the keyset position for the sort. */
function pageShape(filters: ReviewFilters, sort: ReviewSort, after: ReviewKey | null) {
  const column = sortColumn(sort);
  const descending = sort.startsWith("-");
  const conditions: SQL[] = [];
  if (filters.decision) conditions.push(eq(verifications.decision, filters.decision));
  if (filters.reviewStatus) conditions.push(eq(verifications.reviewStatus, filters.reviewStatus));
  if (filters.state) conditions.push(eq(verifications.state, filters.state));
  if (filters.institution) conditions.push(eq(verifications.institutionName, filters.institution));
  if (filters.scoreGte !== undefined) conditions.push(gte(verifications.score, filters.scoreGte));
  if (filters.scoreLte !== undefined) conditions.push(lte(verifications.score, filters.scoreLte));
  if (filters.createdGte !== undefined) conditions.push(gte(verifications.createdAt, filters.createdGte));
  if (filters.createdLte !== undefined) conditions.push(lte(verifications.createdAt, filters.createdLte));
  if (column === verifications.score) conditions.push(isNotNull(verifications.score));
  if (after) {
    conditions.push(
      descending
        ? sql`(${column}, ${verifications.id}) < (${after.key}, ${after.id})`
        : sql`(${column}, ${verifications.id}) > (${after.key}, ${after.id})`,
    );
  }
  const order = descending ? [desc(column), desc(verifications.id)] : [asc(column), asc(verifications.id)];
  return { where: and(...conditions), order };
}

const ROW_COLUMNS = {
  id: verifications.id,
  applicantId: verifications.applicantId,
  state: verifications.state,
  decision: verifications.decision,
  score: verifications.score,
  reviewStatus: verifications.reviewStatus,
  institutionName: verifications.institutionName,
  failureCode: verifications.failureCode,
  createdAt: verifications.createdAt,
  updatedAt: verifications.updatedAt,
  applicantName: applicants.name,
  applicantEmail: applicants.email,
  applicantErasedAt: applicants.erasedAt,
  fields: matchResults.fields,
  ownerIndex: matchResults.ownerIndex,
};

/**
 * One page of the queue in `sort` order after `after`. Sorting by score lists only scored verifications (a NULL
 * has no place in a keyset); the (column, id) row-value comparison lets SQLite seek straight into the index.
 * Every filter is an equality or a range on a verifications column, so one index serves the WHERE and the ORDER BY.
 */
export function reviewPageQuery(
  db: Database,
  filters: ReviewFilters,
  sort: ReviewSort,
  after: ReviewKey | null,
  limit: number,
) {
  const { where, order } = pageShape(filters, sort, after);
  return db
    .select(ROW_COLUMNS)
    .from(verifications)
    .leftJoin(applicants, eq(applicants.id, verifications.applicantId))
    .leftJoin(matchResults, eq(matchResults.verificationId, verifications.id))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

/** The same page as reviewPageQuery with only what a search reads (sort keys, name, email): a lighter scan. */
export function reviewSearchQuery(
  db: Database,
  filters: ReviewFilters,
  sort: ReviewSort,
  after: ReviewKey | null,
  limit: number,
) {
  const { where, order } = pageShape(filters, sort, after);
  return db
    .select({
      id: verifications.id,
      createdAt: verifications.createdAt,
      score: verifications.score,
      applicantName: applicants.name,
      applicantEmail: applicants.email,
    })
    .from(verifications)
    .leftJoin(applicants, eq(applicants.id, verifications.applicantId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

export type ReviewSearchRow = Awaited<ReturnType<typeof reviewSearchQuery>>[number];

/** Full queue rows for the given ids, in the order given (one statement per MAX_IDS_PER_STATEMENT ids). */
export async function reviewRowsByIds(db: Database, ids: string[]) {
  const parts = await Promise.all(
    chunked(ids).map((part) =>
      db
        .select(ROW_COLUMNS)
        .from(verifications)
        .leftJoin(applicants, eq(applicants.id, verifications.applicantId))
        .leftJoin(matchResults, eq(matchResults.verificationId, verifications.id))
        .where(inArray(verifications.id, part)),
    ),
  );
  const byId = new Map(parts.flat().map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ReviewListRow = Awaited<ReturnType<typeof reviewPageQuery>>[number];

/**
 * Everything the side-by-side view needs, read in one round trip. One table per statement: a D1 batch returns rows
 * as objects keyed by column name, so a join's two `id` columns would collide (drizzle maps joins only outside one).
 */
export async function loadReviewItem(db: Database, verificationId: string) {
  const applicantOf = db
    .select({ id: verifications.applicantId })
    .from(verifications)
    .where(eq(verifications.id, verificationId));
  const [verification, applicant, result, owners, accounts, decisions] = await db.batch([
    db.select().from(verifications).where(eq(verifications.id, verificationId)),
    db
      .select()
      .from(applicants)
      .where(eq(applicants.id, sql`(${applicantOf})`)),
    db.select().from(matchResults).where(eq(matchResults.verificationId, verificationId)),
    db
      .select()
      .from(accountOwners)
      .where(eq(accountOwners.verificationId, verificationId))
      .orderBy(asc(accountOwners.position)),
    db.select().from(fcAccounts).where(eq(fcAccounts.verificationId, verificationId)),
    db
      .select()
      .from(reviewDecisions)
      .where(eq(reviewDecisions.verificationId, verificationId))
      .orderBy(asc(reviewDecisions.createdAt), asc(reviewDecisions.id)),
  ]);
  const head = verification[0];
  if (!head) return null;
  return {
    verification: head,
    applicant: applicant[0] ?? null,
    result: result[0] ?? null,
    owners,
    accounts,
    decisions,
  };
}

export type ReviewItem = NonNullable<Awaited<ReturnType<typeof loadReviewItem>>>;

/** The columns a decision depends on. */
export async function findReviewTarget(db: Database, verificationId: string) {
  const [row] = await db
    .select({
      id: verifications.id,
      applicantId: verifications.applicantId,
      state: verifications.state,
      decision: verifications.decision,
      score: verifications.score,
      reviewStatus: verifications.reviewStatus,
    })
    .from(verifications)
    .where(eq(verifications.id, verificationId));
  return row ?? null;
}

export type ReviewTarget = NonNullable<Awaited<ReturnType<typeof findReviewTarget>>>;
export type ReviewDecisionRow = typeof reviewDecisions.$inferSelect;

export async function findDecisionByIdempotencyKey(db: Database, actor: string, key: string) {
  const [row] = await db
    .select()
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.actor, actor), eq(reviewDecisions.idempotencyKey, key)));
  return row ?? null;
}

export async function latestDecision(db: Database, verificationId: string) {
  const [row] = await db
    .select()
    .from(reviewDecisions)
    .where(eq(reviewDecisions.verificationId, verificationId))
    .orderBy(desc(reviewDecisions.createdAt), desc(reviewDecisions.id))
    .limit(1);
  return row ?? null;
}

export interface DecisionWrite {
  target: ReviewTarget;
  to: ReviewStatus;
  row: ReviewDecisionRow;
  audit: AuditEntry;
}

/**
 * Moves review_status from what the caller read to `to`, and only then appends the decision row and its audit row.
 * The UPDATE is conditional on the status read (a concurrent decision makes it change nothing); the decision row is
 * inserted only if that UPDATE changed a row (`changes()` is per connection, and a D1 batch runs in order on one);
 * the audit row only if the decision row exists. Returns whether this call made the change.
 */
export async function writeDecision(db: Database, write: DecisionWrite): Promise<boolean> {
  const { target, to, row, audit } = write;
  const from = target.reviewStatus;
  const [updated] = await db.batch([
    db
      .update(verifications)
      .set({ reviewStatus: to, updatedAt: row.createdAt })
      .where(
        and(
          eq(verifications.id, target.id),
          from === null ? isNull(verifications.reviewStatus) : eq(verifications.reviewStatus, from),
        ),
      ),
    // Column order is the table's: id, verification_id, decision, reason_code, note, actor, idempotency_key, created_at.
    db
      .insert(reviewDecisions)
      .select(
        sql`SELECT ${row.id}, ${row.verificationId}, ${row.decision}, ${row.reasonCode}, ${row.note}, ${row.actor}, ${row.idempotencyKey}, ${row.createdAt} WHERE changes() = 1`,
      ),
    appendAuditWhen(db, audit, sql`EXISTS (SELECT 1 FROM review_decisions WHERE id = ${row.id})`),
  ]);
  return updated.meta.changes === 1;
}
