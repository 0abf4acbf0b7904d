import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { parseReasonCodes } from "../../worker/reviews/reason-codes";
import { apiKey, call } from "./helpers";
import { seedVerification } from "./reviews-fixtures";

let reviewer: string;
let secondReviewer: string;
beforeAll(async () => {
  reviewer = await apiKey("reviewer");
  secondReviewer = await apiKey("reviewer");
});

const decide = (id: string, body: unknown, options: { token?: string; key?: string } = {}) =>
  call("POST", `/v1/reviews/${id}/decision`, {
    token: options.token ?? reviewer,
    body,
    headers: options.key ? { "Idempotency-Key": options.key } : {},
  });

const detail = (id: string) => call("GET", `/v1/reviews/${id}`, { token: reviewer });

async function count(sql: string, ...params: unknown[]) {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
const decisionRows = (id: string) => count("SELECT count(*) AS n FROM review_decisions WHERE verification_id = ?", id);
const decisionAudits = (id: string) =>
  count(
    "SELECT count(*) AS n FROM audit_events WHERE verification_id = ? AND action LIKE 'review.%' AND action != 'review.viewed'",
    id,
  );

describe("GET /v1/reviews/reason_codes", () => {
  it("lists the built-in codes when REVIEW_REASON_CODES is empty", async () => {
    const res = await call("GET", "/v1/reviews/reason_codes", { token: reviewer });
    expect(res.status).toBe(200);
    expect(res.body.object).toBe("list");
    expect(res.body.data).toContainEqual({ code: "family_member", label: "Account belongs to a family member" });
    expect(res.body.data.every((r: { code: string; label: string }) => r.code && r.label)).toBe(true);
  });

  it("parses REVIEW_REASON_CODES as JSON or as code:Label pairs, and refuses malformed settings", () => {
    expect(parseReasonCodes('[{"code":"kyc_ok","label":"KYC passed"},"other"]')).toEqual([
      { code: "kyc_ok", label: "KYC passed" },
      { code: "other", label: "Other" },
    ]);
    expect(parseReasonCodes('{"a_b":"A and B"}')).toEqual([{ code: "a_b", label: "A and B" }]);
    expect(parseReasonCodes("kyc_ok:KYC passed, fraud:Fraud, other")).toEqual([
      { code: "kyc_ok", label: "KYC passed" },
      { code: "fraud", label: "Fraud" },
      { code: "other", label: "Other" },
    ]);
    expect(() => parseReasonCodes("a:One,a:Again")).toThrow(/duplicate/);
    expect(() => parseReasonCodes("Bad Code:x")).toThrow(/invalid code/);
    expect(() => parseReasonCodes("[1,2]")).toThrow();
  });
});

describe("GET /v1/reviews/:verification_id", () => {
  it("shows the applicant's input beside every owner the bank returned, raw and normalized, with scores and reasons", async () => {
    const seeded = await seedVerification({
      owners: [
        {
          name: "SMITH ROBERT J",
          address: "123 N Main St Apt 4B, Springfield, IL 62704",
          email: "BOB.SMITH@example.com",
        },
        { name: "Jane Smith", address: "123 N Main St, Springfield, IL 62704", phone: "217-555-0199" },
      ],
      last4: "4242",
    });
    const res = await detail(seeded.verificationId);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      id: seeded.verificationId,
      object: "review",
      state: "matched",
      decision: "review",
      review_status: "open",
      institution: seeded.institution,
      last4: "4242",
      allowed_decisions: ["approve", "reject", "escalate"],
      history: [],
    });
    expect(typeof body.refreshed_at).toBe("number");
    expect(body.applicant.typed).toMatchObject({
      name: "Robert Smith",
      email: "bob.smith@example.com",
      address: { line1: "123 North Main Street", city: "Springfield", postal_code: "62704" },
    });
    expect(body.applicant.normalized.name.words).toEqual(["robert", "smith"]);
    expect(body.owners).toHaveLength(2);
    expect(body.owners[0]).toMatchObject({
      index: 0,
      best: true,
      raw: { name: "SMITH ROBERT J", email: "BOB.SMITH@example.com" },
      purged: false,
      account: { last4: "4242", institution: seeded.institution },
      reasons: ["Owner 1 reason"],
    });
    expect(body.owners[0].normalized.email).toBe("bob.smith@example.com");
    expect(body.owners[0].normalized.address.postal_code).toBe("62704");
    expect(body.owners[1]).toMatchObject({ index: 1, best: false, raw: { name: "Jane Smith", phone: "217-555-0199" } });
    expect(body.result).toMatchObject({
      score: 62,
      decision: "review",
      owner_index: 0,
      reasons: ["Name matches by nickname (Bob → Robert)", "Postal code and street number match"],
      flags: ["name.nickname", "address.unit:mismatch"],
    });
    expect(body.result.fields.name).toMatchObject({ score: 70, flags: { nickname: true } });
  });

  it("shows purged owners and an erased applicant without their PII", async () => {
    const seeded = await seedVerification({ erased: true });
    const res = await detail(seeded.verificationId);
    expect(res.status).toBe(200);
    expect(res.body.applicant).toMatchObject({ erased: true, normalized: null, typed: { name: null, email: null } });
    expect(res.body.owners[0]).toMatchObject({ purged: true, normalized: null, reasons: [], raw: { name: null } });
  });

  it("is a 404 for an unknown verification", async () => {
    const res = await detail("ver_doesnotexist");
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "resource_missing", param: "verification_id" });
  });
});

describe("POST /v1/reviews/:verification_id/decision", () => {
  it("approves an open item, records the decision with its note, and audits before → after without the note", async () => {
    const seeded = await seedVerification({ score: 58 });
    const res = await decide(seeded.verificationId, {
      decision: "approve",
      reason_code: "name_variation",
      note: "Called Robert Smith at 217-555-0142; confirmed",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: "review_decision_result",
      verification_id: seeded.verificationId,
      review_status: "approved",
      changed: true,
      decision: {
        decision: "approve",
        reason_code: "name_variation",
        note: "Called Robert Smith at 217-555-0142; confirmed",
      },
    });
    expect(res.body.decision.actor).toMatch(/^key:key_/);
    expect(res.body.decision.reason_label).toMatch(/name variation/);

    const view = await detail(seeded.verificationId);
    expect(view.body.review_status).toBe("approved");
    expect(view.body.history).toHaveLength(1);
    expect(view.body.history[0]).toMatchObject({ decision: "approve", reason_code: "name_variation" });
    expect(view.body.allowed_decisions).toEqual(["reopen"]);

    const audit = await env.DB.prepare(
      "SELECT * FROM audit_events WHERE verification_id = ? AND action = 'review.approved'",
    )
      .bind(seeded.verificationId)
      .all<Record<string, string>>();
    expect(audit.results).toHaveLength(1);
    const row = audit.results[0] as Record<string, string>;
    expect(row.actor).toBe(res.body.decision.actor);
    expect(row.applicant_id).toBe(seeded.applicantId);
    expect(JSON.parse(row.before as string)).toEqual({ review_status: "open", decision: "review", score: 58 });
    expect(JSON.parse(row.after as string)).toEqual({
      review_status: "approved",
      reason_code: "name_variation",
      review_decision_id: res.body.decision.id,
    });
    const everything = JSON.stringify(row);
    for (const pii of ["Robert", "Smith", "217", "confirmed", "Main"]) expect(everything).not.toContain(pii);
  });

  it("rejects and escalates open items", async () => {
    const a = await seedVerification();
    const b = await seedVerification();
    expect(
      (await decide(a.verificationId, { decision: "reject", reason_code: "different_person" })).body.review_status,
    ).toBe("rejected");
    const escalated = await decide(b.verificationId, { decision: "escalate", reason_code: "needs_second_opinion" });
    expect(escalated.body.review_status).toBe("escalated");
    // An escalated item can then be decided.
    const approved = await decide(
      b.verificationId,
      { decision: "approve", reason_code: "documents_verified" },
      { token: secondReviewer },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.review_status).toBe("approved");
  });

  it("takes the same decision twice as one: no second row, no second audit entry", async () => {
    const seeded = await seedVerification();
    const first = await decide(seeded.verificationId, { decision: "reject", reason_code: "family_member" });
    const second = await decide(seeded.verificationId, { decision: "reject", reason_code: "family_member" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      review_status: "rejected",
      changed: false,
      decision: { id: first.body.decision.id },
    });
    expect(await decisionRows(seeded.verificationId)).toBe(1);
    expect(await decisionAudits(seeded.verificationId)).toBe(1);
  });

  it("replays a repeated Idempotency-Key and refuses the key with other parameters", async () => {
    const seeded = await seedVerification();
    const body = { decision: "escalate", reason_code: "suspected_fraud", note: "odd" };
    const first = await decide(seeded.verificationId, body, { key: "idem-1" });
    expect(first.body.changed).toBe(true);
    const again = await decide(seeded.verificationId, body, { key: "idem-1" });
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toMatchObject({ changed: false, decision: { id: first.body.decision.id } });
    const other = await decide(seeded.verificationId, { ...body, note: "different" }, { key: "idem-1" });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    expect(await decisionRows(seeded.verificationId)).toBe(1);
  });

  it("makes exactly one change when two reviewers decide the same item at once", async () => {
    const seeded = await seedVerification();
    const results = await Promise.all([
      decide(seeded.verificationId, { decision: "approve", reason_code: "name_variation" }),
      decide(seeded.verificationId, { decision: "reject", reason_code: "different_person" }, { token: secondReviewer }),
    ]);
    const changed = results.filter((r) => r.status === 200 && r.body.changed);
    expect(changed).toHaveLength(1);
    const loser = results.find((r) => r !== changed[0]);
    expect(loser?.status).toBe(409);
    expect(await decisionRows(seeded.verificationId)).toBe(1);
    expect(await decisionAudits(seeded.verificationId)).toBe(1);
  });

  it("reopens a decided item into the queue, after which it can be decided again", async () => {
    const seeded = await seedVerification();
    await decide(seeded.verificationId, { decision: "reject", reason_code: "different_person" });
    const wrongWay = await decide(seeded.verificationId, { decision: "approve", reason_code: "name_variation" });
    expect(wrongWay.status).toBe(409);
    expect(wrongWay.body.error.code).toBe("review_transition_invalid");
    const reopened = await decide(seeded.verificationId, { decision: "reopen", note: "new documents arrived" });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      review_status: "open",
      changed: true,
      decision: { decision: "reopen", reason_code: null },
    });
    const open = await call(
      "GET",
      `/v1/reviews?institution=${encodeURIComponent(seeded.institution)}&review_status=open`,
      {
        token: reviewer,
      },
    );
    expect(open.body.data.map((r: { id: string }) => r.id)).toEqual([seeded.verificationId]);
    const approved = await decide(seeded.verificationId, { decision: "approve", reason_code: "documents_verified" });
    expect(approved.body.review_status).toBe("approved");
    const history = (await detail(seeded.verificationId)).body.history.map((h: { decision: string }) => h.decision);
    expect(history).toEqual(["reject", "reopen", "approve"]);
    const actions = await env.DB.prepare(
      "SELECT action FROM audit_events WHERE verification_id = ? AND action LIKE 'review.%ed' AND action != 'review.viewed' ORDER BY created_at, rowid",
    )
      .bind(seeded.verificationId)
      .all<{ action: string }>();
    expect(actions.results.map((a) => a.action)).toEqual(["review.rejected", "review.reopened", "review.approved"]);
  });

  it("lets a reviewer override an automatic mismatch, or send it to the queue", async () => {
    const mismatch = await seedVerification({ decision: "mismatch", score: 22 });
    expect((await detail(mismatch.verificationId)).body).toMatchObject({
      review_status: null,
      allowed_decisions: ["approve", "reject", "escalate", "reopen"],
    });
    const queued = await decide(mismatch.verificationId, { decision: "reopen" });
    expect(queued.body.review_status).toBe("open");
  });

  it("refuses verifications without a verdict, unknown reason codes, a missing reason and unknown fields", async () => {
    const pending = await seedVerification({ decision: null, state: "awaiting_ownership" });
    const notReady = await decide(pending.verificationId, { decision: "approve", reason_code: "other" });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe("review_not_available");
    const seeded = await seedVerification();
    const unknownCode = await decide(seeded.verificationId, { decision: "approve", reason_code: "because" });
    expect(unknownCode.status).toBe(400);
    expect(unknownCode.body.error).toMatchObject({ code: "reason_code_invalid", param: "reason_code" });
    const missing = await decide(seeded.verificationId, { decision: "reject" });
    expect(missing.body.error).toMatchObject({ code: "parameter_missing", param: "reason_code" });
    const badDecision = await decide(seeded.verificationId, { decision: "maybe", reason_code: "other" });
    expect(badDecision.body.error).toMatchObject({ param: "decision" });
    const extra = await decide(seeded.verificationId, { decision: "approve", reason_code: "other", score: 100 });
    expect(extra.body.error).toMatchObject({ code: "parameter_unknown", param: "score" });
    expect((await decide("ver_nope", { decision: "approve", reason_code: "other" })).status).toBe(404);
    expect(await decisionRows(seeded.verificationId)).toBe(0);
  });
});
