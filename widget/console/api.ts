/**
 * The reviewer API as the console calls it. Credentials: a reviewer key kept in sessionStorage (gone when the tab
 * closes), or none at all behind Cloudflare Access, whose cookie makes the edge add Cf-Access-Jwt-Assertion.
 */
const KEY_STORAGE = "ownercheck.reviewerKey";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const storedKey = () => sessionStorage.getItem(KEY_STORAGE);
export const storeKey = (key: string) => sessionStorage.setItem(KEY_STORAGE, key);
export const forgetKey = () => sessionStorage.removeItem(KEY_STORAGE);

function headers(extra: Record<string, string> = {}): Headers {
  const out = new Headers(extra);
  const key = storedKey();
  if (key) out.set("Authorization", `Bearer ${key}`);
  return out;
}

async function failure(res: Response): Promise<ApiError> {
  let code = "http_error";
  let message = `Request failed (${res.status}).`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {}
  return new ApiError(res.status, code, message);
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: headers(), credentials: "same-origin" });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown, extra: Record<string, string> = {}): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json", ...extra }),
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** Downloads a file the API streams (the CSV export) through a Blob, since a plain link cannot carry the key. */
export async function download(path: string, fallbackName: string) {
  const res = await fetch(path, { headers: headers(), credentials: "same-origin" });
  if (!res.ok) throw await failure(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export interface Principal {
  kind: "api_key" | "access";
  role: string;
  actor: string;
}

export type FieldName = "name" | "address" | "email" | "phone";
export interface FieldView {
  score: number | null;
  flags: Record<string, boolean | string>;
}

export interface ReviewRow {
  id: string;
  applicant: { id: string; name: string | null; email: string | null; erased: boolean };
  state: string;
  decision: "match" | "review" | "mismatch" | null;
  score: number | null;
  review_status: "open" | "approved" | "rejected" | "escalated" | null;
  institution: string | null;
  fields: Record<FieldName, FieldView | null>;
  flags: string[];
  created: number;
  age_seconds: number;
}

export interface ReviewList {
  data: ReviewRow[];
  has_more: boolean;
  next_cursor: string | null;
}

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface Normalized {
  name: { words: string[]; business: boolean } | null;
  address: Record<string, unknown> | null;
  email: string | null;
  phone: string | null;
}

export interface Owner {
  index: number;
  best: boolean;
  account: { id: string; institution: string | null; last4: string | null } | null;
  raw: { name: string | null; address: string | null; email: string | null; phone: string | null };
  normalized: Normalized | null;
  purged: boolean;
  refreshed_at: number | null;
  score: number | null;
  decision: string | null;
  fields: Record<FieldName, FieldView | null> | null;
  flags: string[];
  reasons: string[];
}

export type ReviewAction = "approve" | "reject" | "escalate" | "reopen";

export interface ReviewDetail {
  id: string;
  state: string;
  decision: string | null;
  score: number | null;
  review_status: ReviewRow["review_status"];
  institution: string | null;
  last4: string | null;
  refreshed_at: number | null;
  created: number;
  applicant: {
    id: string;
    erased: boolean;
    typed: { name: string | null; address: Address | null; email: string | null; phone: string | null };
    normalized: Normalized | null;
  } | null;
  owners: Owner[];
  result: {
    score: number;
    decision: string;
    owner_index: number;
    algorithm: string;
    fields: Record<FieldName, FieldView | null> | null;
    flags: string[];
    reasons: string[];
  } | null;
  history: {
    id: string;
    decision: ReviewAction;
    reason_code: string | null;
    reason_label: string | null;
    note: string | null;
    actor: string;
    created: number;
  }[];
  allowed_decisions: ReviewAction[];
}

export interface ReasonCode {
  code: string;
  label: string;
}
