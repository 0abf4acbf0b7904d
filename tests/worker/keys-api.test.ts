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
