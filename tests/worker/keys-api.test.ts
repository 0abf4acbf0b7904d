import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKey, call } from "./helpers";

let admin: string;
let reviewer: string;
let server: string;
beforeAll(async () => {
  admin = await apiKey("admin");
  reviewer = await apiKey("reviewer");
  server = await apiKey("server");
});

const FAILING_AUDIT_TRIGGER = "keys_api_test_failing_audit";

/**
 * A fresh admin key whose audit rows of `action` fail to insert (a trigger aborts them), so a test can prove the
 * key change rolls back with its audit row. The trigger names that key's actor only: other tests are untouched.
 */
async function failingAuditFor(action: string): Promise<[actor: string, token: string]> {
  const token = await apiKey("admin");
  const whoami = await call("GET", "/v1/reviews/whoami", { token });
  const actor = whoami.body.actor as string;
  await env.DB.exec(
    `CREATE TRIGGER ${FAILING_AUDIT_TRIGGER} BEFORE INSERT ON audit_events WHEN NEW.actor = '${actor}' AND NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
  );
  return [actor, token];
}

const dropFailingAudit = () => env.DB.exec(`DROP TRIGGER IF EXISTS ${FAILING_AUDIT_TRIGGER}`);

async function auditCount(actor: string) {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE actor = ?").bind(actor).first();
  return row?.n;
}

describe("API keys over HTTP (admin)", () => {
  it("creates a reviewer key whose secret is shown once and works at once", async () => {
    const created = await call("POST", "/v1/keys", {
      token: admin,
      body: { role: "reviewer", label: "Dana (risk team)" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: "api_key",
      role: "reviewer",
      label: "Dana (risk team)",
      revoked: null,
    });
    expect(created.body.secret).toMatch(/^oc_rk_[0-9A-Za-z]{40}$/);
    expect(created.body.prefix).toBe(created.body.secret.slice(0, 10));
    const stored = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.body.id).first();
    expect(JSON.stringify(stored)).not.toContain(created.body.secret);
    expect((await call("GET", "/v1/reviews/whoami", { token: created.body.secret })).status).toBe(200);

    const listed = await call("GET", "/v1/keys", { token: admin });
    expect(listed.status).toBe(200);
    const row = listed.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(row).toMatchObject({ role: "reviewer", label: "Dana (risk team)" });
    // The key was used once (whoami above), so the list says when.
    expect(row.last_used).toEqual(expect.any(Number));
    expect(row.secret).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toMatch(/"hash"/);
  });

  it("revokes a key: it gets 401 from then on, and revoking again is harmless", async () => {
    const created = await call("POST", "/v1/keys", { token: admin, body: { role: "reviewer", label: "temp" } });
    const revoked = await call("POST", `/v1/keys/${created.body.id}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(typeof revoked.body.revoked).toBe("number");
    expect((await call("GET", "/v1/reviews", { token: created.body.secret })).status).toBe(401);
    const again = await call("POST", `/v1/keys/${created.body.id}/revoke`, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.revoked).toBe(revoked.body.revoked);
    expect((await call("POST", "/v1/keys/key_nope/revoke", { token: admin })).status).toBe(404);
    const audit = await env.DB.prepare("SELECT action, after FROM audit_events WHERE after LIKE ? ORDER BY created_at")
      .bind(`%${created.body.id}%`)
      .all<{ action: string; after: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["api_key.created", "api_key.revoked"]);
    expect(audit.results.map((a) => a.after).join()).not.toContain(created.body.secret);
  });

  it("creates no key when its audit row cannot be written (one atomic batch)", async () => {
    const [actor, token] = await failingAuditFor("api_key.created");
    try {
      const res = await call("POST", "/v1/keys", { token, body: { role: "reviewer", label: "never stored" } });
      expect(res.status).toBe(500);
      const keys = await env.DB.prepare("SELECT count(*) AS n FROM api_keys WHERE label = 'never stored'").first();
      expect(keys?.n).toBe(0);
      expect(await auditCount(actor)).toBe(0);
    } finally {
      await dropFailingAudit();
    }
  });

  it("leaves a key live when its revocation cannot be audited (one atomic batch)", async () => {
    const created = await call("POST", "/v1/keys", { token: admin, body: { role: "reviewer", label: "keeps" } });
    expect(created.status).toBe(200);
    const [actor, token] = await failingAuditFor("api_key.revoked");
    try {
      const res = await call("POST", `/v1/keys/${created.body.id}/revoke`, { token });
      expect(res.status).toBe(500);
      expect((await call("GET", "/v1/reviews/whoami", { token: created.body.secret })).status).toBe(200);
      expect(await auditCount(actor)).toBe(0);
    } finally {
      await dropFailingAudit();
    }
  });

  it("audits a key revoked by two concurrent requests once", async () => {
    const created = await call("POST", "/v1/keys", { token: admin, body: { role: "reviewer", label: "raced" } });
    const both = await Promise.all([
      call("POST", `/v1/keys/${created.body.id}/revoke`, { token: admin }),
      call("POST", `/v1/keys/${created.body.id}/revoke`, { token: admin }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0]?.body.revoked).toBe(both[1]?.body.revoked);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE action = ? AND after LIKE ?")
      .bind("api_key.revoked", `%${created.body.id}%`)
      .first();
    expect(audit?.n).toBe(1);
  });

  it("is for admins only: reviewer and server keys get 403", async () => {
    for (const token of [reviewer, server]) {
      expect((await call("GET", "/v1/keys", { token })).status).toBe(403);
      expect(
        (await call("POST", "/v1/keys", { token, body: { role: "admin", label: "escalate myself" } })).status,
      ).toBe(403);
    }
  });

  it("validates the role and label", async () => {
    const bad = await call("POST", "/v1/keys", { token: admin, body: { role: "root", label: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe("role");
    expect(
      (await call("POST", "/v1/keys", { token: admin, body: { role: "reviewer", label: " " } })).body.error.param,
    ).toBe("label");
  });
});
