/**
 * CSV export of the reviewer queue: the same filters as the list, streamed page by page from D1 so a large export
 * never sits in memory, capped at EXPORT_ROW_CAP rows (said in a response header, and in a trailer line when hit).
 * A read that fails mid-stream ends the file with an `# error: export interrupted` line instead of a silent cut.
 * Cells are written so a spreadsheet never runs them: text starting with = + - @ tab or CR gets a leading `'`
 * (OWASP's CSV-injection advice), and any cell with a quote, comma or line break is quoted (RFC 4180).
 */
import type { Database } from "../db/client";
import type { ReviewKey } from "../db/reviews";
import { logEvent } from "../lib/log";
import { listReviews, type ReviewListRequest, type ReviewPage, reviewRowView } from "./list";

export const EXPORT_ROW_CAP = 10_000;
/** Rows per D1 page while exporting. */
const EXPORT_PAGE = 500;
/** Pages one export may read; bounds a fuzzy search over a long history (each page scans ≤ SEARCH_SCAN_BUDGET rows). */
const EXPORT_MAX_PAGES = 40;

export const ROW_CAP_HEADER = "X-Ownercheck-Row-Cap";
/** The last line of an export that failed after its 200 was sent (a partial file must not pass for a whole one). */
export const EXPORT_INTERRUPTED = "# error: export interrupted";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell, injection-safe and quoted when needed; null and undefined are empty. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(",")}\r\n`;

export const CSV_COLUMNS = [
  "verification_id",
  "created_at",
  "state",
  "decision",
  "review_status",
  "score",
  "name_score",
  "address_score",
  "email_score",
  "phone_score",
  "flags",
  "institution",
  "applicant_id",
  "applicant_name",
  "applicant_email",
  "failure_code",
] as const;

function csvRow(view: ReturnType<typeof reviewRowView>) {
  return csvLine([
    view.id,
    new Date(view.created * 1000).toISOString(),
    view.state,
    view.decision,
    view.review_status,
    view.score,
    view.fields.name?.score,
    view.fields.address?.score,
    view.fields.email?.score,
    view.fields.phone?.score,
    view.flags.join(" "),
    view.institution,
    view.applicant.id,
    view.applicant.name,
    view.applicant.email,
    view.failure_code,
  ]);
}

/** The export as a byte stream that reads D1 one page at a time, as the client consumes it. */
export function reviewsCsvStream(
  db: Database,
  request: Omit<ReviewListRequest, "limit" | "after">,
  cap = EXPORT_ROW_CAP,
  now = Date.now(),
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: ReviewKey | null = null;
  let written = 0;
  let pages = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(CSV_COLUMNS)));
        return;
      }
      const limit = Math.min(EXPORT_PAGE, cap - written);
      let page: ReviewPage;
      try {
        page = await listReviews(db, { ...request, after, limit });
      } catch (err) {
        // The 200 and the header row are already sent: say so in the file rather than end it as if complete.
        logEvent("review_export_failed", { error_name: err instanceof Error ? err.name : "unknown", count: written });
        controller.enqueue(encoder.encode(csvLine([EXPORT_INTERRUPTED])));
        return controller.close();
      }
      pages += 1;
      const chunk = page.rows.map((row) => csvRow(reviewRowView(row, now))).join("");
      written += page.rows.length;
      after = page.next;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (!page.hasMore) return controller.close();
      if (written >= cap || pages >= EXPORT_MAX_PAGES) {
        const why =
          written >= cap
            ? `truncated at ${cap} rows: more rows match these filters; narrow them (e.g. created_gte) and export again`
            : `truncated after ${written} rows: the search examined as many rows as one export may; narrow the filters`;
        controller.enqueue(encoder.encode(csvLine([`# ${why}`])));
        return controller.close();
      }
    },
  });
}
