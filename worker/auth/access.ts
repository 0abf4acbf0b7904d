/**
 * Cloudflare Access identities for reviewers. Access puts a signed JWT in `Cf-Access-Jwt-Assertion` on every request
 * it lets through; we verify it against the team's signing keys (https://<ACCESS_TEAM_DOMAIN>/cdn-cgi/access/certs),
 * the application's audience tag (ACCESS_AUD) and the team issuer, as Cloudflare documents. Where the keys come
 * from is a seam: production fetches (and caches) the team's JWKS, tests inject a local key set.
 */
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { Role } from "../env";
import { logEvent } from "../lib/log";

export interface AccessIdentity {
  /** The user's email, or the service token's common name, or the subject id: what audit rows call the actor. */
  subject: string;
  role: Role;
}

/** Where the signing keys of a team come from. */
export type AccessKeySource = (teamDomain: string) => JWTVerifyGetKey;

/** `myteam.cloudflareaccess.com` or `https://myteam.cloudflareaccess.com/` → `https://myteam.cloudflareaccess.com`. */
export function accessIssuer(teamDomain: string): string {
  const host = teamDomain
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "");
  return `https://${host}`;
}

// jose's remote key set caches keys and refetches on an unknown `kid`; one per team per isolate is the point.
const remoteKeySets = new Map<string, JWTVerifyGetKey>();

/** The team's published certs, fetched over the network and cached. */
export const remoteAccessKeys: AccessKeySource = (teamDomain) => {
  const url = `${accessIssuer(teamDomain)}/cdn-cgi/access/certs`;
  let keys = remoteKeySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url));
    remoteKeySets.set(url, keys);
  }
  return keys;
};

let keySource: AccessKeySource = remoteAccessKeys;

/** Swaps where signing keys come from (tests pass `() => createLocalJWKSet(jwks)`); null restores the team's certs. */
export function setAccessKeySource(source: AccessKeySource | null) {
  keySource = source ?? remoteAccessKeys;
}

const ADMIN_ROLE: Role = "admin";
const DEFAULT_ROLE: Role = "reviewer";

/** The role Access grants: admin for listed emails, else ACCESS_ROLE (reviewer or admin, never server). */
export function accessRole(env: Partial<Pick<Env, "ACCESS_ROLE" | "ACCESS_ADMIN_EMAILS">>, subject: string): Role {
  const admins = (env.ACCESS_ADMIN_EMAILS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (admins.includes(subject.toLowerCase())) return ADMIN_ROLE;
  return env.ACCESS_ROLE?.trim() === ADMIN_ROLE ? ADMIN_ROLE : DEFAULT_ROLE;
}

function subjectOf(payload: JWTPayload): string | null {
  for (const claim of ["email", "common_name", "sub"] as const) {
    const value = payload[claim];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}

/** Null when Access is not configured (ACCESS_TEAM_DOMAIN/ACCESS_AUD unset) or the assertion does not verify. */
export async function verifyAccessIdentity(
  env: Env,
  assertion: string,
  keys: AccessKeySource = keySource,
): Promise<AccessIdentity | null> {
  if (!env.ACCESS_TEAM_DOMAIN || !env.ACCESS_AUD) return null;
  try {
    const { payload } = await jwtVerify(assertion, keys(env.ACCESS_TEAM_DOMAIN), {
      issuer: accessIssuer(env.ACCESS_TEAM_DOMAIN),
      audience: env.ACCESS_AUD,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat"],
    });
    const subject = subjectOf(payload);
    if (!subject) return null;
    return { subject, role: accessRole(env, subject) };
  } catch (err) {
    // A bad or expired token is an ordinary 401; anything else (certs unreachable) is worth a log line.
    if (!(err instanceof errors.JOSEError) || err instanceof errors.JWKSTimeout) {
      logEvent("access_verify_failed", { error_name: err instanceof Error ? err.name : "unknown" });
    }
    return null;
  }
}
