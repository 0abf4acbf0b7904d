/** The browser's side of the widget API: every call carries the applicant's client token, nothing else. */
import type { LinkingMode, VerificationStatus } from "./events.js";

export interface WidgetSession {
  verification_id: string;
  client_secret: string;
  publishable_key: string;
  mode: LinkingMode;
}

/** A failed call, with the server's Stripe-style error fields (or `api_connection_error` when nothing answered). */
export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "WidgetApiError";
  }

  /** The client token is unknown or past its ≤ 30 min lifetime; only the host can mint a new one. */
  get tokenExpired(): boolean {
    return this.status === 401;
  }
}

/** The applicant's newest verification with a linked account, if any. */
export interface CurrentVerification {
  id: string;
  status: VerificationStatus;
}

export interface WidgetApi {
  current(): Promise<{ verification: CurrentVerification | null }>;
  createSession(): Promise<WidgetSession>;
  complete(verificationId: string): Promise<{ status: VerificationStatus }>;
  status(verificationId: string, signal?: AbortSignal): Promise<{ status: VerificationStatus }>;
}

export function createWidgetApi(apiBase: string, clientToken: string): WidgetApi {
  async function call<T>(method: "GET" | "POST", path: string, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, apiBase), {
        method,
        headers: { Authorization: `Bearer ${clientToken}` },
        cache: "no-store",
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new WidgetApiError(0, "api_connection_error", "network_error", "Network error.");
    }
    const body = (await response.json().catch(() => null)) as
      | (T & { error?: undefined })
      | { error?: { type?: string; code?: string; message?: string } }
      | null;
    if (!response.ok || !body || body.error) {
      const error = body?.error ?? {};
      throw new WidgetApiError(
        response.status,
        error.type ?? "api_error",
        error.code ?? `http_${response.status}`,
        error.message ?? `HTTP ${response.status}`,
      );
    }
    return body as T;
  }

  const verificationPath = (id: string) => `/v1/widget/verifications/${encodeURIComponent(id)}`;
  return {
    current: () => call("GET", "/v1/widget/verification"),
    createSession: () => call<WidgetSession>("POST", "/v1/widget/sessions"),
    complete: (id) => call("POST", `${verificationPath(id)}/complete`),
    status: (id, signal) => call("GET", verificationPath(id), signal),
  };
}
