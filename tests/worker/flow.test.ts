import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { SCENARIO_NAMES } from "../../worker/sandbox/scenarios";
import { apiKey, call, createApplicant, linkScenario, sessionIdOf, tableCounts } from "./helpers";

let serverKey: string;
let scenarios: Array<{ name: string; description: string; expected_status: string }>;
beforeAll(async () => {
  serverKey = await apiKey("server");
  const res = await call("GET", "/sandbox/v1/scenarios");
  scenarios = res.body.data;
});

/** Runs complete (and, for webhook scenarios, the sandbox's delivery) and returns the final coarse status. */
async function finish(ids: { clientToken: string; verificationId: string; sessionId: string }) {
  const complete = await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, {
    token: ids.clientToken,
  });
  expect(complete.status).toBe(200);
  return complete.body.status as string;
}

describe("the whole flow over HTTP, for every sandbox scenario", () => {
  it("runs over exactly the scenarios the sandbox table defines", () => {
    // Which scenarios exist is tested with the table (sandbox-scenarios.test.ts); here: the HTTP list is that table.
    expect(scenarios.map((s) => s.name)).toEqual([...SCENARIO_NAMES]);
  });

  it("covers each scenario: applicant → session → link → complete (→ webhook) → the expected decision", async () => {
    for (const scenario of scenarios) {
      const ids = await linkScenario(serverKey, scenario.name);
      let status = await finish(ids);
      if (scenario.name === "pending") {
        expect(status, "pending before the webhook").toBe("pending");
        const delivered = await call("POST", `/sandbox/v1/sessions/${ids.sessionId}/deliver_ownership`);
        expect(delivered.status).toBe(200);
        status = (await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken })).body
          .status;
      }
      expect(status, `scenario ${scenario.name}`).toBe(scenario.expected_status);
      const applicant = await call("GET", `/v1/applicants/${ids.applicantId}`, { token: serverKey });
      expect(applicant.status).toBe(200);
      const verification = applicant.body.verifications[0];
      expect(verification.id).toBe(ids.verificationId);
      expect(verification.status, `scenario ${scenario.name}`).toBe(scenario.expected_status);
      const decided =
        ["verified", "needs_review", "failed"].includes(scenario.expected_status) && verification.state === "matched";
      if (decided) {
        const result = applicant.body.match_result;
        expect(result.verification_id).toBe(ids.verificationId);
        expect({ verified: "match", needs_review: "review", failed: "mismatch" }[scenario.expected_status]).toBe(
          result.decision,
        );
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(result.owners.length).toBeGreaterThan(0);
        expect(result.owners[result.owner_index].name).toEqual(expect.any(String));
        expect(result.fields.name.score).toEqual(expect.any(Number));
      }
    }
  });

  it("matches the applicant as the second owner of a joint account and keeps both owners", async () => {
    const ids = await linkScenario(serverKey, "joint");
    expect(await finish(ids)).toBe("verified");
    const applicant = await call("GET", `/v1/applicants/${ids.applicantId}`, { token: serverKey });
    expect(applicant.body.match_result.owners).toHaveLength(2);
    expect(applicant.body.match_result.owner_index).toBe(1);
  });

  it("reports needs_review for a family member and puts it in the open review queue", async () => {
    const ids = await linkScenario(serverKey, "family");
    expect(await finish(ids)).toBe("needs_review");
    const row = await env.DB.prepare("SELECT review_status, decision FROM verifications WHERE id = ?")
      .bind(ids.verificationId)
      .first();
    expect(row).toEqual({ review_status: "open", decision: "review" });
  });

  it("keeps a provider error pending without losing the linked account", async () => {
    const ids = await linkScenario(serverKey, "provider_error");
    expect(await finish(ids)).toBe("pending");
    const accounts = await env.DB.prepare("SELECT stripe_account_id FROM fc_accounts WHERE verification_id = ?")
      .bind(ids.verificationId)
      .all();
    expect(accounts.results).toHaveLength(1);
  });
});

describe("POST /v1/widget/sessions", () => {
  it("returns the session's own client_secret, the publishable key and sandbox mode", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("POST", "/v1/widget/sessions", { token: created.client_token });
    expect(res.status).toBe(200);
    expect(res.body.verification_id).toMatch(/^ver_/);
    expect(res.body.client_secret).toMatch(/^fcsess_[0-9A-Za-z]+_secret_[0-9A-Za-z]+$/);
    expect(res.body.publishable_key).toMatch(/^pk_test_/);
    expect(res.body.mode).toBe("sandbox");
  });

  it("creates the Stripe customer once per applicant across sessions", async () => {
    const created = await createApplicant(serverKey);
    await call("POST", "/v1/widget/sessions", { token: created.client_token });
    await call("POST", "/v1/widget/sessions", { token: created.client_token });
    const customers = await env.DB.prepare(
      "SELECT count(*) AS n FROM sandbox_objects WHERE kind = 'customer' AND json_extract(data, '$.object.metadata.ownercheck_applicant_id') = ?",
    )
      .bind(created.id)
      .first<{ n: number }>();
    expect(customers?.n).toBe(1);
  });

  it("answers a CORS preflight only for allowed origins", async () => {
    const ok = await call("OPTIONS", "/v1/widget/sessions", {
      headers: {
        Origin: "https://shop.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe("https://shop.example");
    const evil = await call("OPTIONS", "/v1/widget/sessions", {
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(evil.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("rejects a missing, unknown or server-key credential with 401", async () => {
    expect((await call("POST", "/v1/widget/sessions")).status).toBe(401);
    expect((await call("POST", "/v1/widget/sessions", { token: "oc_ct_forged" })).status).toBe(401);
    expect((await call("POST", "/v1/widget/sessions", { token: serverKey })).status).toBe(401);
  });

  it("rejects an oversized body with 413 before reading it", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("POST", "/v1/widget/sessions", {
      token: created.client_token,
      body: { pad: "x".repeat(20_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
    const webhook = await call("POST", "/v1/webhooks/stripe", {
      rawBody: "x".repeat(300_000),
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" },
    });
    expect(webhook.status).toBe(413);
  });

  it("rejects an expired client token with 401", async () => {
    const created = await createApplicant(serverKey);
    await env.DB.prepare("UPDATE client_tokens SET expires_at = 0 WHERE applicant_id = ?").bind(created.id).run();
    const res = await call("POST", "/v1/widget/sessions", { token: created.client_token });
    expect(res.status).toBe(401);
    expect(res.body.error.type).toBe("authentication_error");
  });
});

describe("limits and erasure", () => {
  it("caps the sessions one applicant can start in an hour with 429 too_many_sessions", async () => {
    const created = await createApplicant(serverKey);
    for (let i = 0; i < 10; i++) {
      const ok = await call("POST", "/v1/widget/sessions", { token: created.client_token });
      expect(ok.status).toBe(200);
      // Move it past `created`, so the next call starts a new verification instead of resuming this one.
      await call("POST", `/sandbox/v1/sessions/${sessionIdOf(ok.body.client_secret)}/link`, {
        body: { scenario: "cancel" },
      });
    }
    const before = await tableCounts();
    const res = await call("POST", "/v1/widget/sessions", { token: created.client_token });
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ type: "rate_limit_error", code: "too_many_sessions" });
    expect(await tableCounts()).toEqual(before);
  });

  it("stores no bank owners for an applicant erased before ownership arrived", async () => {
    const ids = await linkScenario(serverKey, "pending");
    await finish(ids);
    expect((await call("DELETE", `/v1/applicants/${ids.applicantId}`, { token: serverKey })).status).toBe(200);
    const delivered = await call("POST", `/sandbox/v1/sessions/${ids.sessionId}/deliver_ownership`);
    expect(delivered.status).toBe(200);
    const owners = await env.DB.prepare("SELECT count(*) AS n FROM account_owners WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ n: number }>();
    expect(owners?.n).toBe(0);
    const results = await env.DB.prepare("SELECT count(*) AS n FROM match_results WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ n: number }>();
    expect(results?.n).toBe(0);
  });
});

describe("POST /v1/widget/verifications/:id/complete", () => {
  it("answers 404 for another applicant's verification and changes nothing", async () => {
    const mine = await linkScenario(serverKey, "exact");
    const other = await createApplicant(serverKey);
    const before = await tableCounts();
    const res = await call("POST", `/v1/widget/verifications/${mine.verificationId}/complete`, {
      token: other.client_token,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("resource_missing");
    expect(await tableCounts()).toEqual(before);
    const poll = await call("GET", `/v1/widget/verifications/${mine.verificationId}`, { token: other.client_token });
    expect(poll.status).toBe(404);
  });

  it("answers 404 for an unknown verification", async () => {
    const created = await createApplicant(serverKey);
    const res = await call("POST", "/v1/widget/verifications/ver_unknown/complete", { token: created.client_token });
    expect(res.status).toBe(404);
  });

  it("is idempotent: completing twice stores one result", async () => {
    const ids = await linkScenario(serverKey, "exact");
    expect(await finish(ids)).toBe("verified");
    expect(await finish(ids)).toBe("verified");
    const results = await env.DB.prepare("SELECT count(*) AS n FROM match_results WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ n: number }>();
    expect(results?.n).toBe(1);
  });

  it("reports canceled when the applicant linked no account", async () => {
    const ids = await linkScenario(serverKey, "cancel");
    expect(await finish(ids)).toBe("canceled");
    expect(sessionIdOf(`${ids.sessionId}_secret_x`)).toBe(ids.sessionId);
  });
});

describe("GET /v1/widget/verification", () => {
  const current = async (token: string) => {
    const res = await call("GET", "/v1/widget/verification", { token });
    expect(res.status).toBe(200);
    return res.body.verification;
  };

  it("is null until an account is linked, then the newest linked verification with its status", async () => {
    const created = await createApplicant(serverKey);
    expect(await current(created.client_token)).toBeNull();
    const session = await call("POST", "/v1/widget/sessions", { token: created.client_token });
    expect(session.status).toBe(200);
    // A session that never linked an account has nothing to pick up again.
    expect(await current(created.client_token)).toBeNull();

    const ids = await linkScenario(serverKey, "pending");
    await finish(ids);
    expect(await current(ids.clientToken)).toEqual({ id: ids.verificationId, status: "pending" });
    await call("POST", `/sandbox/v1/sessions/${ids.sessionId}/deliver_ownership`, { body: {} });
    expect(await current(ids.clientToken)).toEqual({ id: ids.verificationId, status: "verified" });

    // A newer session that is still linking does not hide the verdict.
    const again = await call("POST", "/v1/widget/sessions", { token: ids.clientToken });
    expect(again.status).toBe(200);
    expect(await current(ids.clientToken)).toEqual({ id: ids.verificationId, status: "verified" });
  });

  it("skips a newer attempt that expired without a linked account", async () => {
    const ids = await linkScenario(serverKey, "exact");
    await finish(ids);
    // A second attempt that never linked (its Stripe session never completed) expires a day later.
    const again = await call("POST", "/v1/widget/sessions", { token: ids.clientToken });
    expect(again.status).toBe(200);
    await env.DB.prepare("UPDATE verifications SET state = 'expired', failure_code = 'timed_out' WHERE id = ?")
      .bind(again.body.verification_id)
      .run();
    expect(await current(ids.clientToken)).toEqual({ id: ids.verificationId, status: "verified" });
  });

  it("shows only the token's own applicant's verifications", async () => {
    await finish(await linkScenario(serverKey, "exact"));
    const other = await createApplicant(serverKey);
    expect(await current(other.client_token)).toBeNull();
    expect((await call("GET", "/v1/widget/verification", { token: serverKey })).status).toBe(401);
  });
});
