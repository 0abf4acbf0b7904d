import { createExecutionContext, env } from "cloudflare:test";
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessIssuer, accessRole, setAccessKeySource, verifyAccessIdentity } from "../../worker/auth/access";
import worker from "../../worker/index";
import { apiKey, BASE } from "./helpers";
import { seedVerification } from "./reviews-fixtures";

const TEAM = "ownercheck-test.cloudflareaccess.com";
const AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD } as Env;

let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let jwks: { keys: JWK[] };

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signingKey = pair.privateKey as CryptoKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey as CryptoKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "test-kid", alg: "RS256", use: "sig" }] };
  // The seam: signing keys come from a local JWKS instead of https://<team>/cdn-cgi/access/certs.
  setAccessKeySource(() => createLocalJWKSet(jwks));
});
afterAll(() => setAccessKeySource(null));

interface TokenOptions {
  key?: CryptoKey;
  aud?: string;
  iss?: string;
  exp?: number | string;
  claims?: Record<string, unknown>;
  alg?: string;
}

function accessToken(options: TokenOptions = {}) {
  return new SignJWT({ email: "rev@example.com", type: "app", ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? "RS256", kid: "test-kid" })
    .setIssuer(options.iss ?? `https://${TEAM}`)
    .setAudience(options.aud ?? AUD)
    .setSubject("8f2c3b1e-0000-4000-8000-000000000001")
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "5m")
    .sign(options.key ?? signingKey);
}

/** A request through the worker's own fetch, with Access configured. */
async function viaAccess(path: string, assertion?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (assertion) headers.set("Cf-Access-Jwt-Assertion", assertion);
  const res = await worker.fetch(
    new Request(`${BASE}${path}`, { ...init, headers }),
    accessEnv,
    createExecutionContext(),
  );
  return { status: res.status, body: (await res.json()) as any };
}

describe("verifyAccessIdentity", () => {
  it("accepts a token signed by the team for this application", async () => {
    expect(await verifyAccessIdentity(accessEnv, await accessToken())).toEqual({
      subject: "rev@example.com",
      role: "reviewer",
    });
  });

  it("names a service token by its common name when there is no email", async () => {
    const token = await accessToken({ claims: { email: undefined, common_name: "ci.ownercheck" } });
    expect((await verifyAccessIdentity(accessEnv, token))?.subject).toBe("ci.ownercheck");
  });

  const rejected: [string, () => Promise<string>][] = [
    ["another application's audience", () => accessToken({ aud: "someone-else" })],
    ["another team's issuer", () => accessToken({ iss: "https://evil.cloudflareaccess.com" })],
    ["an expired token", () => accessToken({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ["a token signed by an unknown key", () => accessToken({ key: strangerKey })],
    ["a token that is not a JWT", async () => "not.a.jwt"],
    [
      "an HS256 token",
      async () => {
        const secret = new TextEncoder().encode("x".repeat(32));
        return new SignJWT({ email: "rev@example.com" })
          .setProtectedHeader({ alg: "HS256" })
          .setIssuer(`https://${TEAM}`)
          .setAudience(AUD)
          .setIssuedAt()
          .setExpirationTime("5m")
          .sign(secret);
      },
    ],
  ];
  for (const [what, make] of rejected) {
    it(`rejects ${what}`, async () => {
      expect(await verifyAccessIdentity(accessEnv, await make())).toBeNull();
    });
  }

  it("accepts nothing while Access is not configured", async () => {
    expect(
      await verifyAccessIdentity({ ...env, ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" } as Env, await accessToken()),
    ).toBeNull();
  });

  it("takes the role from configuration: reviewer by default, admin for listed emails, never server", () => {
    expect(accessRole({}, "a@example.com")).toBe("reviewer");
    expect(accessRole({ ACCESS_ROLE: "admin" }, "a@example.com")).toBe("admin");
    expect(accessRole({ ACCESS_ROLE: "server" }, "a@example.com")).toBe("reviewer");
    expect(accessRole({ ACCESS_ADMIN_EMAILS: "boss@example.com, A@Example.com" }, "a@example.com")).toBe("admin");
    expect(accessIssuer("https://team.cloudflareaccess.com/")).toBe("https://team.cloudflareaccess.com");
  });
});

describe("reviewer API through Cloudflare Access", () => {
  it("serves a valid assertion and audits the decision under the Access identity", async () => {
    const seeded = await seedVerification();
    const token = await accessToken();
    const whoami = await viaAccess("/v1/reviews/whoami", token);
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ kind: "access", role: "reviewer", actor: "access:rev@example.com" });
    const list = await viaAccess(`/v1/reviews?institution=${encodeURIComponent(seeded.institution)}`, token);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const decided = await viaAccess(`/v1/reviews/${seeded.verificationId}/decision`, token, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ decision: "approve", reason_code: "joint_account" }),
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decision.actor).toBe("access:rev@example.com");
    const audit = await env.DB.prepare(
      "SELECT actor FROM audit_events WHERE verification_id = ? AND action = 'review.approved'",
    )
      .bind(seeded.verificationId)
      .first<{ actor: string }>();
    expect(audit?.actor).toBe("access:rev@example.com");
  });

  it("refuses a change from another site with 403 cross_site_request and writes nothing", async () => {
    const seeded = await seedVerification();
    const token = await accessToken();
    const attempts: Record<string, string>[] = [
      {},
      { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "same-site", Origin: "https://console.ownercheck.test" },
      { Origin: "https://evil.example" },
      { Origin: "null" },
    ];
    for (const headers of attempts) {
      const res = await viaAccess(`/v1/reviews/${seeded.verificationId}/decision`, token, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ decision: "approve", reason_code: "joint_account" }),
      });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ type: "permission_error", code: "cross_site_request" });
    }
    const decisions = await env.DB.prepare("SELECT count(*) AS n FROM review_decisions WHERE verification_id = ?")
      .bind(seeded.verificationId)
      .first<{ n: number }>();
    expect(decisions?.n).toBe(0);
  });

  it("accepts a change whose Origin is this site's own, even without Fetch Metadata", async () => {
    const seeded = await seedVerification();
    const res = await viaAccess(`/v1/reviews/${seeded.verificationId}/decision`, await accessToken(), {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: BASE },
      body: JSON.stringify({ decision: "escalate", reason_code: "other" }),
    });
    expect(res.status).toBe(200);
    expect(res.body.review_status).toBe("escalated");
  });

  it("keeps reads and API-key changes free of the same-origin check", async () => {
    const token = await accessToken();
    const read = await viaAccess("/v1/reviews/whoami", token, { headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(read.status).toBe(200);
    const seeded = await seedVerification();
    const reviewer = await apiKey("reviewer");
    const res = await worker.fetch(
      new Request(`${BASE}/v1/reviews/${seeded.verificationId}/decision`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${reviewer}`,
          "Content-Type": "application/json",
          "Sec-Fetch-Site": "cross-site",
        },
        body: JSON.stringify({ decision: "escalate", reason_code: "other" }),
      }),
      accessEnv,
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
  });

  it("answers 401 for a bad assertion or none", async () => {
    expect((await viaAccess("/v1/reviews", await accessToken({ aud: "other" }))).status).toBe(401);
    expect((await viaAccess("/v1/reviews", await accessToken({ key: strangerKey }))).status).toBe(401);
    expect((await viaAccess("/v1/reviews")).status).toBe(401);
  });

  it("keeps admin-only routes for admins", async () => {
    const reviewerToken = await accessToken();
    expect((await viaAccess("/v1/keys", reviewerToken)).status).toBe(403);
    const adminEnv = { ...accessEnv, ACCESS_ADMIN_EMAILS: "rev@example.com" } as Env;
    const res = await worker.fetch(
      new Request(`${BASE}/v1/keys`, { headers: { "Cf-Access-Jwt-Assertion": reviewerToken } }),
      adminEnv,
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
  });
});
