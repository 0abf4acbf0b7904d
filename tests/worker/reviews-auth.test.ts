import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../worker/auth/api-keys";
import { issueClientToken } from "../../worker/auth/client-tokens";
import { apiKey, call, db } from "./helpers";
import { seedVerification } from "./reviews-fixtures";

let reviewer: string;
let admin: string;
let server: string;
let revoked: string;
let clientToken: string;
let verificationId: string;

beforeAll(async () => {
  reviewer = await apiKey("reviewer");
  admin = await apiKey("admin");
  server = await apiKey("server");
  const gone = await createApiKey(db(), "reviewer", "revoked reviewer");
  await env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?").bind(Date.now(), gone.id).run();
  revoked = gone.secret;
  const seeded = await seedVerification();
  verificationId = seeded.verificationId;
  clientToken = (await issueClientToken(db(), seeded.applicantId, 60_000)).token;
});

const endpoints = (): [string, string, unknown?][] => [
  ["GET", "/v1/reviews"],
  ["GET", `/v1/reviews/${verificationId}`],
  ["POST", `/v1/reviews/${verificationId}/decision`, { decision: "escalate", reason_code: "other" }],
  ["GET", "/v1/reviews/reason_codes"],
  ["GET", "/v1/reviews/export.csv"],
  ["GET", "/v1/reviews/whoami"],
  ["GET", "/v1/audit"],
];

describe("reviewer API access", () => {
  it("answers a reviewer key and an admin key", async () => {
    for (const token of [reviewer, admin]) {
      for (const [method, path] of endpoints().filter(([m]) => m === "GET")) {
        const res = await call(method, path, { token });
        expect(res.status, `${method} ${path}`).toBe(200);
      }
    }
  });

  it("refuses a server key with 403 permission_error", async () => {
    for (const [method, path, body] of endpoints()) {
      const res = await call(method, path, { token: server, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.type).toBe("permission_error");
    }
  });

  it("refuses a client token with 401", async () => {
    for (const [method, path, body] of endpoints()) {
      const res = await call(method, path, { token: clientToken, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.type).toBe("authentication_error");
    }
  });

  it("refuses a revoked key, an unknown key and no key with 401", async () => {
    for (const token of [revoked, "oc_rk_not_a_real_key", undefined]) {
      for (const [method, path, body] of endpoints()) {
        const res = await call(method, path, { token, body });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
  });

  it("lets no rejected caller change anything", async () => {
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM review_decisions WHERE verification_id = ?")
      .bind(verificationId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("says who the caller is", async () => {
    const res = await call("GET", "/v1/reviews/whoami", { token: reviewer });
    expect(res.body).toMatchObject({ object: "principal", kind: "api_key", role: "reviewer" });
    expect(res.body.actor).toMatch(/^key:key_/);
  });
});

describe("GET /console", () => {
  it("serves the console shell under a strict Content-Security-Policy, without credentials", async () => {
    const res = await call("GET", "/console");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.body).toContain('<script type="module" src="/console.js"></script>');
    expect(res.body).not.toMatch(/<script>|<style|style=|https?:\/\//);
  });

  it("shares one CSP with the API reference: not framable, no plugins, no <base>", async () => {
    const consolePage = await call("GET", "/console");
    const docsPage = await call("GET", "/docs");
    expect(consolePage.status).toBe(200);
    expect(docsPage.status).toBe(200);
    const csp = consolePage.headers.get("Content-Security-Policy") ?? "";
    expect(docsPage.headers.get("Content-Security-Policy")).toBe(csp);
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "script-src 'self'"]) {
      expect(csp).toContain(directive);
    }
  });

  it("serves the console's and the API reference's files as their type, never sniffed", async () => {
    for (const [path, type] of [
      ["/console.js", "text/javascript"],
      ["/docs/reference.js", "text/javascript"],
      ["/docs/reference.css", "text/css"],
    ] as const) {
      const res = await call("GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type"), path).toContain(type);
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
    }
  });
});
