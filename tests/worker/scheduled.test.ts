import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { REPOLL_AFTER_MS, runScheduled } from "../../worker/verification/scheduled";
import { apiKey, call, linkScenario } from "./helpers";

let serverKey: string;
beforeAll(async () => {
  serverKey = await apiKey("server");
});
const selfFetch = async (request: Request) => exports.default.fetch(request);

describe("the scheduled sweep", () => {
  it("finishes a verification whose browser never called complete (tab closed after linking)", async () => {
    const ids = await linkScenario(serverKey, "exact");
    await env.DB.prepare("UPDATE verifications SET updated_at = 0 WHERE id = ?").bind(ids.verificationId).run();
    await runScheduled(env, selfFetch, Date.now());
    const poll = await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken });
    expect(poll.body.status).toBe("verified");
  });

  it("re-polls a verification stuck awaiting ownership, so a lost webhook loses nothing", async () => {
    const ids = await linkScenario(serverKey, "pending");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    // Ownership arrives at the bank, but the webhook is lost: mark it succeeded in the sandbox without delivery.
    const delivered = await call("POST", `/sandbox/v1/sessions/${ids.sessionId}/deliver_ownership`, {
      body: { send_webhook: false },
    });
    expect(delivered.status).toBe(200);
    expect(
      (await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken })).body.status,
    ).toBe("pending");
    await runScheduled(env, selfFetch, Date.now() + REPOLL_AFTER_MS + 1000);
    const poll = await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken });
    expect(poll.body.status).toBe("verified");
  });

  it("expires a verification whose ownership never arrives within a day", async () => {
    const ids = await linkScenario(serverKey, "pending");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    await runScheduled(env, selfFetch, Date.now() + 25 * 3600_000);
    const poll = await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken });
    expect(poll.body.status).toBe("failed");
    const row = await env.DB.prepare("SELECT state, failure_code FROM verifications WHERE id = ?")
      .bind(ids.verificationId)
      .first();
    expect(row).toEqual({ state: "expired", failure_code: "timed_out" });
    const audit = await env.DB.prepare(
      "SELECT actor, after FROM audit_events WHERE verification_id = ? AND action = 'verification.expired'",
    )
      .bind(ids.verificationId)
      .all<{ actor: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]?.actor).toBe("system");
    expect(JSON.parse(audit.results[0]?.after ?? "{}")).toEqual({ state: "expired", failure_code: "timed_out" });
  });

  it("forgets idempotency keys after 24 hours", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    await call("POST", "/v1/applicants", {
      token: serverKey,
      body: { name: "Ann Lee" },
      headers: { "Idempotency-Key": key },
    });
    await runScheduled(env, selfFetch, Date.now() + 25 * 3600_000);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?")
      .bind(key)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });

  it("purges bank-owner PII past the retention period but keeps the scores", async () => {
    const ids = await linkScenario(serverKey, "exact");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    await runScheduled(env, selfFetch, Date.now() + 91 * 24 * 3600_000);
    const owner = await env.DB.prepare(
      "SELECT name, raw_address, email, phone, purged_at FROM account_owners WHERE verification_id = ?",
    )
      .bind(ids.verificationId)
      .first<Record<string, unknown>>();
    expect(owner).toMatchObject({ name: null, raw_address: null, email: null, phone: null });
    expect(owner?.purged_at).toEqual(expect.any(Number));
    const result = await env.DB.prepare("SELECT score, owners FROM match_results WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ score: number; owners: string }>();
    expect(result?.score).toEqual(expect.any(Number));
    expect(result?.owners).not.toContain("reasons");
    const reasons = await env.DB.prepare("SELECT reasons FROM match_results WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ reasons: string }>();
    expect(JSON.parse(reasons?.reasons ?? "null")).toEqual([]);
  });

  it("never brings an erased applicant's account digits back when a pending link is read again", async () => {
    const ids = await linkScenario(serverKey, "exact");
    expect((await call("DELETE", `/v1/applicants/${ids.applicantId}`, { token: serverKey })).status).toBe(200);
    // The browser never called complete: the sweep reads the linked session after the erasure.
    await runScheduled(env, selfFetch, Date.now() + 36 * 60_000);
    const accounts = await env.DB.prepare("SELECT last4 FROM fc_accounts WHERE verification_id = ?")
      .bind(ids.verificationId)
      .all<{ last4: string | null }>();
    expect(accounts.results.length).toBeGreaterThan(0);
    expect(accounts.results.every((a) => a.last4 === null)).toBe(true);
  });

  it("also clears a note written after the owners were purged", async () => {
    const reviewerKey = await apiKey("reviewer");
    const ids = await linkScenario(serverKey, "family");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    await runScheduled(env, selfFetch, Date.now() + 91 * 24 * 3600_000);
    const late = await call("POST", `/v1/reviews/${ids.verificationId}/decision`, {
      token: reviewerKey,
      body: { decision: "reject", reason_code: "family_member", note: "It is Mary Smith's account" },
    });
    expect(late.status).toBe(200);
    await runScheduled(env, selfFetch, Date.now() + 92 * 24 * 3600_000);
    const notes = await env.DB.prepare("SELECT note FROM review_decisions WHERE verification_id = ?")
      .bind(ids.verificationId)
      .all<{ note: string | null }>();
    expect(notes.results).toEqual([{ note: null }]);
  });

  it("clears reviewer notes with the owners they may quote, keeping the decisions", async () => {
    const reviewerKey = await apiKey("reviewer");
    const ids = await linkScenario(serverKey, "family");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    const decided = await call("POST", `/v1/reviews/${ids.verificationId}/decision`, {
      token: reviewerKey,
      body: {
        decision: "reject",
        reason_code: "different_person",
        note: "Owner is Mary Smith, the applicant's mother",
      },
    });
    expect(decided.status).toBe(200);
    const history = async () =>
      (await call("GET", `/v1/reviews/${ids.verificationId}`, { token: reviewerKey })).body.history;
    expect((await history())[0].note).toContain("Mary Smith");
    await runScheduled(env, selfFetch, Date.now() + 91 * 24 * 3600_000);
    expect((await history())[0]).toMatchObject({ decision: "reject", reason_code: "different_person", note: null });
  });
});
