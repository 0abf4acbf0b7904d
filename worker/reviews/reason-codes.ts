/**
 * Reason codes a reviewer picks when deciding. Configured in REVIEW_REASON_CODES as JSON (`[{"code","label"}]`,
 * `{"code":"Label"}` or `["code"]`) or as `code:Label,code2:Label 2`; empty means the built-in list below.
 * A malformed setting fails loudly: reviewers must never decide with codes the operator did not intend.
 */
export interface ReasonCode {
  code: string;
  label: string;
}

/** The built-in list: the situations the sandbox scenarios and real queues produce most. */
export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  { code: "name_variation", label: "Same person: name variation (nickname, initials, suffix, order)" },
  { code: "joint_account", label: "Same person: one of the owners of a joint account" },
  { code: "moved_address", label: "Same person: address at the bank is outdated (moved)" },
  { code: "business_account", label: "Applicant's own business account" },
  { code: "documents_verified", label: "Verified with supporting documents" },
  { code: "family_member", label: "Account belongs to a family member" },
  { code: "different_person", label: "Account owner is a different person" },
  { code: "insufficient_data", label: "The bank returned too little owner data to decide" },
  { code: "suspected_fraud", label: "Suspected fraud" },
  { code: "needs_second_opinion", label: "Needs a second opinion" },
  { code: "other", label: "Other (see note)" },
];

const CODE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,39}$/;
const cache = new Map<string, readonly ReasonCode[]>();

function humanize(code: string) {
  const words = code.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fromJson(value: unknown): ReasonCode[] {
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item === "string") return { code: item, label: humanize(item) };
      if (item && typeof item === "object" && typeof item.code === "string") {
        return { code: item.code, label: typeof item.label === "string" ? item.label : humanize(item.code) };
      }
      throw new Error("REVIEW_REASON_CODES: each entry must be a code or { code, label }");
    });
  }
  if (value && typeof value === "object") {
    return Object.entries(value).map(([code, label]) => ({
      code,
      label: typeof label === "string" ? label : humanize(code),
    }));
  }
  throw new Error("REVIEW_REASON_CODES: JSON must be an array or an object");
}

/** Parses a REVIEW_REASON_CODES value; throws on malformed input, duplicate or invalid codes. */
export function parseReasonCodes(raw: string | undefined | null): readonly ReasonCode[] {
  const text = raw?.trim() ?? "";
  if (text === "") return DEFAULT_REASON_CODES;
  const list =
    text.startsWith("[") || text.startsWith("{")
      ? fromJson(JSON.parse(text))
      : text
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const colon = part.indexOf(":");
            const code = (colon === -1 ? part : part.slice(0, colon)).trim();
            const label = colon === -1 ? "" : part.slice(colon + 1).trim();
            return { code, label: label || humanize(code) };
          });
  const seen = new Set<string>();
  for (const { code } of list) {
    if (!CODE_PATTERN.test(code)) throw new Error(`REVIEW_REASON_CODES: invalid code '${code}'`);
    if (seen.has(code)) throw new Error(`REVIEW_REASON_CODES: duplicate code '${code}'`);
    seen.add(code);
  }
  if (list.length === 0) throw new Error("REVIEW_REASON_CODES: no codes");
  return list;
}

/** The configured reason codes (parsed once per distinct setting). */
export function reasonCodes(env: Pick<Env, "REVIEW_REASON_CODES">): readonly ReasonCode[] {
  const raw = env.REVIEW_REASON_CODES ?? "";
  let list = cache.get(raw);
  if (!list) {
    list = parseReasonCodes(raw);
    cache.set(raw, list);
  }
  return list;
}
