/** The reviewer queue: filtered, sorted, keyset-paginated rows, with an optional fuzzy search on the applicant. */
import Fuse from "fuse.js";
import type { Database } from "../db/client";
import {
  type ReviewFilters,
  type ReviewKey,
  type ReviewListRow,
  type ReviewSearchRow,
  type ReviewSort,
  reviewKeyOf,
  reviewPageQuery,
  reviewRowsByIds,
  reviewSearchQuery,
} from "../db/reviews";
import { toSeconds } from "../lib/time";

export const MAX_PAGE_SIZE = 100;
/** Rows read from D1 per round trip while searching. */
const SEARCH_BATCH = 500;
/** Rows one search request may examine before it returns what it found and a cursor to go on from. */
export const SEARCH_SCAN_BUDGET = 1_000;

export const MATCH_FIELDS = ["name", "address", "email", "phone"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export interface FieldView {
  score: number | null;
  /** As the matcher wrote them: name flags are booleans, address flags are component results ("match", "partial", …). */
  flags: Record<string, boolean | string>;
}

function flagObject(flags: unknown): Record<string, boolean | string> {
  const out: Record<string, boolean | string> = {};
  if (flags && typeof flags === "object" && !Array.isArray(flags)) {
    for (const [k, v] of Object.entries(flags)) if (typeof v === "boolean" || typeof v === "string") out[k] = v;
  }
  return out;
}

/** Per-field `{ score, flags }` (null when the field was missing on either side), from match_results.fields. */
export function fieldViews(fields: unknown): Record<MatchField, FieldView | null> {
  const source = (fields && typeof fields === "object" ? fields : {}) as Record<string, unknown>;
  const out = {} as Record<MatchField, FieldView | null>;
  for (const name of MATCH_FIELDS) {
    const f = source[name] as { score?: unknown; flags?: unknown } | null | undefined;
    out[name] =
      f && typeof f === "object"
        ? { score: typeof f.score === "number" ? f.score : null, flags: flagObject(f.flags) }
        : null;
  }
  return out;
}

/**
 * The flags worth a reviewer's eye, flat: boolean flags that hold (`name.nickname`) and components that did not
 * simply match (`address.street_number:mismatch`); "match" and "missing" components say nothing new.
 */
export function flagList(fields: Record<MatchField, FieldView | null>): string[] {
  return MATCH_FIELDS.flatMap((field) =>
    Object.entries(fields[field]?.flags ?? {}).flatMap(([flag, value]) => {
      if (value === true) return [`${field}.${flag}`];
      if (typeof value === "string" && value !== "match" && value !== "missing") return [`${field}.${flag}:${value}`];
      return [];
    }),
  );
}

/** One queue row as the API shows it: no address, no phone; name and email only to recognise the applicant. */
export function reviewRowView(row: ReviewListRow, now = Date.now()) {
  const fields = fieldViews(row.fields);
  return {
    id: row.id,
    object: "review_item" as const,
    applicant: {
      id: row.applicantId,
      name: row.applicantName,
      email: row.applicantEmail,
      erased: row.applicantErasedAt !== null,
    },
    state: row.state,
    decision: row.decision,
    score: row.score,
    review_status: row.reviewStatus,
    institution: row.institutionName,
    failure_code: row.failureCode,
    fields,
    flags: flagList(fields),
    created: toSeconds(row.createdAt),
    updated: toSeconds(row.updatedAt),
    age_seconds: Math.max(0, Math.floor((now - row.createdAt) / 1000)),
  };
}

export type ReviewRowView = ReturnType<typeof reviewRowView>;

export interface ReviewListRequest {
  filters: ReviewFilters;
  sort: ReviewSort;
  after: ReviewKey | null;
  limit: number;
  /** Applicant name or email, matched fuzzily. */
  q?: string | undefined;
}

export interface ReviewPage {
  rows: ReviewListRow[];
  hasMore: boolean;
  /** Where the next page starts (the last row returned, or the last row examined by a search that ran out of budget). */
  next: ReviewKey | null;
}

/**
 * Fuse extended search: space-separated words must all match (each fuzzily, diacritics and case ignored).
 * Operator characters the user did not mean as operators (`'`, `!`, `^`, `=`, `|`, a trailing `$`) are dropped.
 */
export function searchPattern(q: string): string {
  return q
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[|]/g, "")
        .replace(/^[!'^=]+/, "")
        .replace(/\$+$/, ""),
    )
    .filter(Boolean)
    .join(" ");
}

/** Lower case without diacritics (José → jose), done once per row: Fuse's own `ignoreDiacritics` costs ~5× more. */
const fold = (text: string | null) =>
  text === null
    ? ""
    : text
        .normalize("NFD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase();

/**
 * The rows of `rows` whose applicant name or email matches `pattern`. 0.4 lets a transposition in a five-letter
 * word through ("Smtih" → Smith) and still keeps unrelated names out. No ranking: the queue order is kept.
 */
export function fuzzyFilter<Row extends Pick<ReviewSearchRow, "applicantName" | "applicantEmail">>(
  rows: Row[],
  pattern: string,
): Set<Row> {
  const docs = rows.map((row) => ({ row, name: fold(row.applicantName), email: fold(row.applicantEmail) }));
  const fuse = new Fuse(docs, {
    keys: ["name", "email"],
    threshold: 0.4,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    shouldSort: false,
    useExtendedSearch: true,
  });
  return new Set(fuse.search(fold(pattern)).map((r) => r.item.row));
}

/**
 * A page of the queue. Without `q` it is one indexed query for limit + 1 rows.
 * With `q`, why fuzzy matching in the isolate rather than in SQL: SQLite has no typo-tolerant index (LIKE and
 * FTS5 find substrings and tokens, not "Jon Smiht"), and an FTS table would copy applicant PII into a second place
 * that erasure must also scrub. So the other filters narrow the candidates through their index, and fuse.js scores
 * those in batches, in queue order, until the page is full or SEARCH_SCAN_BUDGET rows were examined; the cursor
 * then resumes after the last row examined, so a search over a long history is paged, never truncated silently.
 */
export async function listReviews(db: Database, request: ReviewListRequest): Promise<ReviewPage> {
  const { filters, sort, limit } = request;
  const pattern = request.q ? searchPattern(request.q) : "";
  if (!pattern) {
    const rows = await reviewPageQuery(db, filters, sort, request.after, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, hasMore, next: hasMore && last ? reviewKeyOf(last, sort) : null };
  }

  // Scan light rows (sort keys, name, email), then read the full rows of the matches only.
  const found: ReviewSearchRow[] = [];
  const finish = async (hasMore: boolean, next: ReviewKey | null): Promise<ReviewPage> => ({
    rows: await reviewRowsByIds(
      db,
      found.map((r) => r.id),
    ),
    hasMore,
    next,
  });
  let after = request.after;
  let scanned = 0;
  while (scanned < SEARCH_SCAN_BUDGET) {
    const batchSize = Math.min(SEARCH_BATCH, SEARCH_SCAN_BUDGET - scanned);
    const batch = await reviewSearchQuery(db, filters, sort, after, batchSize);
    const matches = fuzzyFilter(batch, pattern);
    for (const row of batch) {
      scanned += 1;
      if (matches.has(row)) {
        if (found.length === limit) {
          // A further match exists: the page is full, resume right after its last row.
          const last = found.at(-1);
          return finish(true, last ? reviewKeyOf(last, sort) : null);
        }
        found.push(row);
      }
      after = reviewKeyOf(row, sort);
    }
    if (batch.length < batchSize) return finish(false, null);
  }
  return finish(true, after);
}
