/** Test helpers: every call goes through the worker's own fetch (the whole app, inside workerd, on local D1). */
import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import type Stripe from "stripe";
import { createApiKey } from "../../worker/auth/api-keys";
import { createDb } from "../../worker/db/client";
import type { Role } from "../../worker/env";

export const BASE = "http://ownercheck.test";
export const ALLOWED_ORIGIN = "https://shop.example";

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP request to the worker; JSON in, JSON (or text) out. */
export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  const res = await exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body }));
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers };
}

export const db = () => createDb(env.DB);

/** A fresh API key of a role; returns its secret. */
export async function apiKey(role: Role = "server"): Promise<string> {
  return (await createApiKey(db(), role, `test ${role}`)).secret;
}

export const SAMPLE_APPLICANT = {
  name: "Robert James Smith",
  address: {
    line1: "123 North Main Street",
    line2: "Apt 4B",
    city: "Springfield",
    state: "IL",
    postal_code: "62704",
    country: "US",
  },
  email: "bob.smith@example.com",
  phone: "+1 (217) 555-0142",
};

/** The same person as a Stripe Customer (what startSession creates: E.164 phone, address as Stripe takes it). */
export const SAMPLE_CUSTOMER = {
  name: SAMPLE_APPLICANT.name,
  email: SAMPLE_APPLICANT.email,
  phone: "+12175550142",
  address: { ...SAMPLE_APPLICANT.address },
} satisfies Stripe.CustomerCreateParams;

/** Creates an applicant through the server API and returns `{ id, client_token }`. */
export async function createApplicant(serverKey: string, body: unknown = SAMPLE_APPLICANT) {
  const res = await call("POST", "/v1/applicants", { token: serverKey, body });
  if (res.status !== 200) throw new Error(`create applicant failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; client_token: string; client_token_expires_at: number };
}

/** The Financial Connections session id inside a client_secret (`fcsess_…_secret_…`). */
export const sessionIdOf = (clientSecret: string) => clientSecret.split("_secret_")[0] as string;

/** Applicant → session → sandbox link with a scenario; returns the ids the rest of a test needs. */
export async function linkScenario(serverKey: string, scenario: string, applicant: unknown = SAMPLE_APPLICANT) {
  const created = await createApplicant(serverKey, applicant);
  const session = await call("POST", "/v1/widget/sessions", { token: created.client_token });
  if (session.status !== 200) throw new Error(`session failed: ${session.status} ${JSON.stringify(session.body)}`);
  const sessionId = sessionIdOf(session.body.client_secret);
  const linked = await call("POST", `/sandbox/v1/sessions/${sessionId}/link`, { body: { scenario } });
  if (linked.status !== 200) throw new Error(`link failed: ${linked.status} ${JSON.stringify(linked.body)}`);
  return {
    applicantId: created.id,
    clientToken: created.client_token,
    verificationId: session.body.verification_id as string,
    sessionId,
    linked: linked.body,
  };
}

/** Row counts of the tables a request could write, to prove a rejected request changed nothing. */
export async function tableCounts() {
  const tables = [
    "applicants",
    "client_tokens",
    "verifications",
    "fc_accounts",
    "account_owners",
    "match_results",
    "audit_events",
    "stripe_events",
    "idempotency_keys",
    "api_keys",
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>();
    counts[t] = row?.n ?? 0;
  }
  return counts;
}
