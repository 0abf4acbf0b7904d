/**
 * Structured logs with an allow-list: only ids, codes, counts and states are ever written, never PII
 * (names, addresses, emails, phones) or secrets. Callers pass fields; anything not allowed is dropped.
 */
const ALLOWED_FIELDS = new Set([
  "request_id",
  "error_name",
  "verification_id",
  "applicant_id",
  "account_id",
  "event_id",
  "event_type",
  "state",
  "status",
  "decision",
  "score",
  "code",
  "count",
  "attempt",
  "mode",
]);

export function logEvent(event: string, fields: Record<string, string | number | boolean | null | undefined> = {}) {
  const safe: Record<string, unknown> = { event };
  for (const [key, value] of Object.entries(fields)) {
    if (ALLOWED_FIELDS.has(key) && value !== undefined) safe[key] = value;
  }
  console.log(JSON.stringify(safe));
}
