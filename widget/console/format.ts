/** Words for what the API returns as codes: flags, statuses, ages. */
const FLAG_WORDS: Record<string, string> = {
  "name.exact": "Name matches exactly",
  "name.nickname": "Name matches by nickname",
  "name.initials": "Name matches by initials",
  "name.order_swapped": "Name written surname first",
  "name.first_or_last_only": "Only the first or the last name matches (relative or namesake?)",
  "name.business_name": "One side is a business name",
  "name.middle_name_mismatch": "Middle names differ",
  "name.typo": "Name matches despite a spelling error",
  "name.suffix_mismatch": "Generational suffixes differ (Jr / Sr)",
};

const COMPONENT_WORDS: Record<string, string> = {
  postal_code: "postal code",
  street_number: "street number",
  street_name: "street name",
  unit: "unit",
  city: "city",
  state: "state",
};

/** `name.nickname` → "Name matches by nickname"; `address.unit:mismatch` → "Address: unit differs". */
export function flagWords(flag: string): string {
  const known = FLAG_WORDS[flag];
  if (known) return known;
  const [path = "", value] = flag.split(":");
  const [field = "", name = ""] = path.split(".");
  const what = COMPONENT_WORDS[name] ?? name.replace(/_/g, " ");
  const fieldWord = field.charAt(0).toUpperCase() + field.slice(1);
  if (value === "mismatch") return `${fieldWord}: ${what} differs`;
  if (value === "partial") return `${fieldWord}: ${what} is close, not equal`;
  return `${fieldWord}: ${what}${value ? ` (${value})` : ""}`;
}

/** Flags that argue against the match get the warning style. */
export const isWarningFlag = (flag: string) => /mismatch|first_or_last_only|business_name|:partial/.test(flag);

export const STATUS_WORDS: Record<string, string> = {
  open: "Open",
  approved: "Approved",
  rejected: "Rejected",
  escalated: "Escalated",
};

export const ACTION_WORDS: Record<string, string> = {
  approve: "Approve",
  reject: "Reject",
  escalate: "Escalate",
  reopen: "Reopen",
};

export function age(seconds: number): string {
  if (seconds < 90) return `${Math.max(0, Math.round(seconds))}s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)}m`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

export const dateTime = (unixSeconds: number | null) =>
  unixSeconds === null ? "—" : new Date(unixSeconds * 1000).toLocaleString();

/** The score bands the design uses: ≥70 likely the same, <50 unlikely. */
export const band = (score: number | null) =>
  score === null ? "none" : score >= 70 ? "good" : score >= 50 ? "warn" : "bad";
