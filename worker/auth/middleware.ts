/** Authentication middleware: API keys with roles for servers and reviewers, client tokens for the browser. */
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Role } from "../env";
import { ApiError, forbidden, unauthenticated } from "../lib/errors";
import { verifyAccessIdentity } from "./access";
import { CLIENT_TOKEN_PREFIX, findApiKey } from "./api-keys";
import { resolveClientToken } from "./client-tokens";

const BEARER_PATTERN = /^Bearer\s+(\S+)\s*$/i;
const ACCESS_JWT_HEADER = "Cf-Access-Jwt-Assertion";
/** Methods that change nothing, so a cross-site request with the Access cookie can do no harm through them. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(header: string | undefined): string | null {
  const match = header ? BEARER_PATTERN.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Whether a request comes from our own pages. Access authenticates by a cookie the browser attaches to any request to
 * our origin, cross-site ones included, so a change made under it must prove it was sent by our page: the browser's
 * `Sec-Fetch-Site: same-origin`, or an `Origin` equal to ours (browsers without Fetch Metadata still send Origin).
 */
function sentByOwnPage(request: Request): boolean {
  if (request.headers.get("Sec-Fetch-Site") === "same-origin") return true;
  const origin = request.headers.get("Origin");
  return origin !== null && origin === new URL(request.url).origin;
}

export interface RequireApiKeyOptions {
  /** Roles allowed through; a valid key of another role gets 403. */
  roles: readonly Role[];
  /** Accept a Cloudflare Access identity (reviewer surfaces only). */
  allowAccess?: boolean;
}

/**
 * Secret API keys (`Authorization: Bearer oc_…`): 401 when missing, unknown, revoked or a client token; 403 for a wrong
 * role. With `allowAccess`, a Cloudflare Access identity also passes, and its unsafe methods must come from our pages.
 */
export function requireApiKey(options: RequireApiKeyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("Authorization"));
    if (!token && options.allowAccess) {
      const assertion = c.req.header(ACCESS_JWT_HEADER);
      const identity = assertion ? await verifyAccessIdentity(c.env, assertion) : null;
      if (identity) {
        if (!SAFE_METHODS.has(c.req.method) && !sentByOwnPage(c.req.raw)) {
          throw new ApiError(
            403,
            "permission_error",
            "cross_site_request",
            "Cloudflare Access sessions may change data only from this site's own pages.",
          );
        }
        if (!options.roles.includes(identity.role))
          throw forbidden(`This endpoint requires one of: ${options.roles.join(", ")}.`);
        c.set("principal", { kind: "access", role: identity.role, actor: `access:${identity.subject}` });
        return next();
      }
    }
    if (!token) throw unauthenticated("You did not provide an API key. Use `Authorization: Bearer <key>`.");
    if (token.startsWith(CLIENT_TOKEN_PREFIX))
      throw unauthenticated("Client tokens cannot call this endpoint; use a secret API key.");
    const key = await findApiKey(c.get("db"), token);
    if (!key) throw unauthenticated("Invalid API key provided.");
    if (!options.roles.includes(key.role))
      throw forbidden(`This endpoint requires one of: ${options.roles.join(", ")}.`);
    c.set("principal", { kind: "api_key", keyId: key.id, role: key.role, actor: `key:${key.id}` });
    await next();
  };
}

/** Client tokens (`Authorization: Bearer oc_ct_…`) bound to one applicant; 401 when missing, unknown or expired. */
export function requireClientToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("Authorization"));
    if (!token?.startsWith(CLIENT_TOKEN_PREFIX)) {
      throw unauthenticated("Provide the applicant's client token: `Authorization: Bearer oc_ct_…`.");
    }
    const applicantId = await resolveClientToken(c.get("db"), token);
    if (!applicantId) throw unauthenticated("The client token is invalid or has expired.");
    c.set("principal", { kind: "client_token", applicantId, actor: `applicant:${applicantId}` });
    await next();
  };
}
