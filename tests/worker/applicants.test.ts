import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKey, call, createApplicant, linkScenario, SAMPLE_APPLICANT, tableCounts } from "./helpers";

let serverKey: string;
beforeAll(async () => {
  serverKey = await apiKey("server");
});

describe("POST /v1/applicants", () => {
  it("creates an applicant and returns a client token that expires within 30 minutes", async () => {
    const before = Date.now() / 1000;
    const res = await call("POST", "/v1/applicants", { token: serverKey, body: SAMPLE_APPLICANT });
    expect(res.status).toBe(200);
    expect(res.body.id).toMatch(/^app_[0-9A-Za-z]{24}$/);
    expect(res.body.client_token).toMatch(/^oc_ct_/);
    expect(res.body.client_token_expires_at).toBeGreaterThan(before);
    expect(res.body.client_token_expires_at).toBeLessThanOrEqual(before + 1800 + 1);
  });

  it("stores client tokens and API keys only as SHA-256 hashes", async () => {
    const created = await createApplicant(serverKey);
    const tokens = await env.DB.prepare("SELECT hash FROM client_tokens").all<{ hash: string }>();
    expect(tokens.results.every((t) => /^[0-9a-f]{64}$/.test(t.hash))).toBe(true);
    expect(JSON.stringify(tokens.results)).not.toContain(created.client_token);
    const keys = await env.DB.prepare("SELECT hash, prefix FROM api_keys").all<{ hash: string; prefix: string }>();
    expect(JSON.stringify(keys.results)).not.toContain(serverKey);
  });

  const invalid: Array<[string, unknown, string, string]> = [
    ["a missing name", { address: SAMPLE_APPLICANT.address }, "parameter_missing", "name"],
    ["an empty name", { name: "   " }, "parameter_invalid", "name"],
    ["a name of the wrong type", { name: 42 }, "parameter_invalid", "name"],
    ["an unknown field", { name: "Ann Lee", ssn: "123" }, "parameter_unknown", "ssn"],
    [
      "an address without a city",
      { name: "Ann Lee", address: { ...SAMPLE_APPLICANT.address, city: undefined } },
      "parameter_missing",
      "address[city]",
    ],
    [
      "a three-letter country",
      { name: "Ann Lee", address: { ...SAMPLE_APPLICANT.address, country: "USA" } },
      "parameter_invalid",
      "address[country]",
    ],
    ["a malformed email", { name: "Ann Lee", email: "not-an-email" }, "parameter_invalid", "email"],
    ["a phone with letters", { name: "Ann Lee", phone: "call me maybe" }, "parameter_invalid", "phone"],
    ["an over-long name", { name: "x".repeat(201) }, "parameter_invalid", "name"],
  ];
  for (const [what, body, code, param] of invalid) {
    it(`rejects ${what} with 400 ${code} and changes nothing`, async () => {
      const before = await tableCounts();
      const res = await call("POST", "/v1/applicants", { token: serverKey, body });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: "invalid_request_error", code, param });
      expect(typeof res.body.error.message).toBe("string");
      expect(await tableCounts()).toEqual(before);
    });
  }

  it("rejects a body that is not JSON with 400 json_invalid", async () => {
    const res = await call("POST", "/v1/applicants", {
      token: serverKey,
      rawBody: "{name:",
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("json_invalid");
  });

  it("rejects form-encoded bodies with 400 content_type_invalid", async () => {
    const res = await call("POST", "/v1/applicants", {
      token: serverKey,
      rawBody: "name=Ann",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("content_type_invalid");
  });

  it("rejects an oversized body with 413 body_too_large and changes nothing", async () => {
    const before = await tableCounts();
    const res = await call("POST", "/v1/applicants", { token: serverKey, body: { name: "A".repeat(20_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "body_too_large" });
    expect(await tableCounts()).toEqual(before);
  });

  it("replays the first response for a repeated Idempotency-Key with the same body", async () => {
    const headers = { "Idempotency-Key": `idem-${crypto.randomUUID()}` };
    const first = await call("POST", "/v1/applicants", { token: serverKey, body: SAMPLE_APPLICANT, headers });
    const before = await tableCounts();
    const second = await call("POST", "/v1/applicants", { token: serverKey, body: SAMPLE_APPLICANT, headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects a reused Idempotency-Key with a different body with 400 idempotency_error", async () => {
    const headers = { "Idempotency-Key": `idem-${crypto.randomUUID()}` };
    await call("POST", "/v1/applicants", { token: serverKey, body: SAMPLE_APPLICANT, headers });
    const before = await tableCounts();
    const res = await call("POST", "/v1/applicants", { token: serverKey, body: { name: "Someone Else" }, headers });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("idempotency_error");
    expect(await tableCounts()).toEqual(before);
  });

  it("lets a key be used again when its first request died without an answer", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const keyRow = await env.DB.prepare("SELECT id FROM api_keys WHERE prefix = ?")
      .bind(serverKey.slice(0, 10))
      .first<{ id: string }>();
    await env.DB.prepare(
      "INSERT INTO idempotency_keys (api_key_id, key, method, path, request_hash, created_at) VALUES (?, ?, 'POST', '/v1/applicants', 'x', ?)",
    )
      .bind(keyRow?.id, key, Date.now() - 120_000)
      .run();
    const res = await call("POST", "/v1/applicants", {
      token: serverKey,
      body: SAMPLE_APPLICANT,
      headers: { "Idempotency-Key": key },
    });
    expect(res.status).toBe(200);
  });

  it("lets a key whose first request failed validation be used again", async () => {
    const headers = { "Idempotency-Key": `idem-${crypto.randomUUID()}` };
    const bad = await call("POST", "/v1/applicants", { token: serverKey, body: { name: "" }, headers });
    expect(bad.status).toBe(400);
    const good = await call("POST", "/v1/applicants", { token: serverKey, body: SAMPLE_APPLICANT, headers });
    expect(good.status).toBe(200);
  });
});

describe("server API authentication", () => {
  it("rejects a request without a key with 401", async () => {
    const res = await call("POST", "/v1/applicants", { body: SAMPLE_APPLICANT });
    expect(res.status).toBe(401);
    expect(res.body.error.type).toBe("authentication_error");
  });

  it("rejects an unknown key with 401", async () => {
    const res = await call("GET", "/v1/applicants/app_x", { token: "oc_sk_notarealkey" });
    expect(res.status).toBe(401);
  });

  it("rejects a client token on the server API with 401", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("GET", `/v1/applicants/${created.id}`, { token: created.client_token });
    expect(res.status).toBe(401);
    expect(res.body.error.type).toBe("authentication_error");
  });

  it("rejects a reviewer key on the server API with 403", async () => {
    const res = await call("POST", "/v1/applicants", { token: await apiKey("reviewer"), body: SAMPLE_APPLICANT });
    expect(res.status).toBe(403);
    expect(res.body.error.type).toBe("permission_error");
  });

  it("rejects a revoked key with 401", async () => {
    const key = await apiKey("server");
    await env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE prefix = ?")
      .bind(Date.now(), key.slice(0, 10))
      .run();
    const res = await call("POST", "/v1/applicants", { token: key, body: SAMPLE_APPLICANT });
    expect(res.status).toBe(401);
  });
});

describe("GET /v1/applicants/:id", () => {
  it("returns what the applicant typed, with no verifications yet", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("GET", `/v1/applicants/${created.id}`, { token: serverKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      object: "applicant",
      name: SAMPLE_APPLICANT.name,
      address: SAMPLE_APPLICANT.address,
      email: SAMPLE_APPLICANT.email,
      verifications: [],
      match_result: null,
      erased: null,
    });
  });

  it("answers 404 resource_missing for an unknown id", async () => {
    const res = await call("GET", "/v1/applicants/app_doesnotexist", { token: serverKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "resource_missing", param: "id" });
  });
});

describe("POST /v1/applicants/:id/client_token", () => {
  it("mints a new working token for a returning applicant", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("POST", `/v1/applicants/${created.id}/client_token`, { token: serverKey });
    expect(res.status).toBe(200);
    expect(res.body.client_token).not.toBe(created.client_token);
    const poll = await call("POST", "/v1/widget/sessions", { token: res.body.client_token });
    expect(poll.status).toBe(200);
  });

  it("answers 404 for an unknown applicant", async () => {
    const res = await call("POST", "/v1/applicants/app_nope/client_token", { token: serverKey });
    expect(res.status).toBe(404);
  });
});

describe("DELETE /v1/applicants/:id", () => {
  it("erases the applicant's PII, revokes its tokens and leaves an audit tombstone; repeating is harmless", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("DELETE", `/v1/applicants/${created.id}`, { token: serverKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: created.id, object: "applicant", deleted: true });
    const after = await call("GET", `/v1/applicants/${created.id}`, { token: serverKey });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ name: null, address: null, email: null, phone: null });
    expect(after.body.erased).toEqual(expect.any(Number));
    const session = await call("POST", "/v1/widget/sessions", { token: created.client_token });
    expect(session.status).toBe(401);
    const again = await call("DELETE", `/v1/applicants/${created.id}`, { token: serverKey });
    expect(again.status).toBe(200);
    const audits = await env.DB.prepare(
      "SELECT action, after FROM audit_events WHERE applicant_id = ? AND action = 'applicant.erased'",
    )
      .bind(created.id)
      .all();
    expect(audits.results).toHaveLength(1);
    expect(JSON.stringify(audits.results)).not.toContain("Smith");
  });

  it("erases the bank owners too, and deletes the applicant's Stripe Customer", async () => {
    const unique = { ...SAMPLE_APPLICANT, name: "Zebulon Quixote", email: "zebulon.quixote@example.com" };
    const ids = await linkScenario(serverKey, "exact", unique);
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    const res = await call("DELETE", `/v1/applicants/${ids.applicantId}`, { token: serverKey });
    expect(res.status).toBe(200);
    const view = await call("GET", `/v1/applicants/${ids.applicantId}`, { token: serverKey });
    expect(view.body.match_result.score).toEqual(expect.any(Number));
    expect(view.body.match_result.reasons).toEqual([]);
    for (const owner of view.body.match_result.owners) {
      expect(owner).toMatchObject({ name: null, raw_address: null, email: null, phone: null, reasons: [] });
    }
    // The account's last four digits go too; the bank's name stays for the statistics.
    const account = view.body.verifications[0].accounts[0];
    expect(account).toMatchObject({ last4: null, institution_name: "Exact Match Bank" });
    // Nothing of the applicant is left at the (emulated) Stripe either.
    for (const [table, column] of [
      ["sandbox_objects", "data"],
      ["sandbox_idempotency", "body"],
    ]) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE '%Quixote%'`).first<{
        n: number;
      }>();
      expect(left?.n, table).toBe(0);
    }
    const again = await call("DELETE", `/v1/applicants/${ids.applicantId}`, { token: serverKey });
    expect(again.status).toBe(200);
  });

  it("answers 404 for an unknown applicant", async () => {
    const res = await call("DELETE", "/v1/applicants/app_nope", { token: serverKey });
    expect(res.status).toBe(404);
  });
});

describe("unknown routes", () => {
  it("answer a Stripe-style 404", async () => {
    const res = await call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "route_not_found" });
  });
});
