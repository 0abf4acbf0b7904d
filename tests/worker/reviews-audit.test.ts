import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPayload } from "../../worker/db/audit";
import { apiKey, type CallResult, call } from "./helpers";
import { seedVerification } from "./reviews-fixtures";

let reviewer: string;
let other: string;
beforeAll(async () => {
  reviewer = await apiKey("reviewer");
  other = await apiKey("reviewer");
});

const decide = (token: string, id: string, decision: string, reason_code?: string) =>
  call("POST", `/v1/reviews/${id}/decision`, { token, body: { decision, reason_code, note: "Spoke to Robert Smith" } });

describe("GET /v1/audit", () => {
  it("lists a verification's trail newest first: who, when, before → after, and no PII", async () => {
    const seeded = await seedVerification({ score: 61 });
    await decide(reviewer, seeded.verificationId, "escalate", "needs_second_opinion");
    await decide(other, seeded.verificationId, "approve", "documents_verified");
    const res = await call("GET", `/v1/audit?verification_id=${seeded.verificationId}`, { token: reviewer });
    expect(res.status).toBe(200);
    expect(res.body.object).toBe("list");
    const decisions = res.body.data.filter((e: { action: string }) => e.action !== "review.viewed");
    expect(decisions.map((e: { action: string }) => e.action)).toEqual(["review.approved", "review.escalated"]);
    expect(decisions[0]).toMatchObject({
      object: "audit_event",
      verification_id: seeded.verificationId,
      applicant_id: seeded.applicantId,
      before: { review_status: "escalated", decision: "review", score: 61 },
      after: { review_status: "approved", reason_code: "documents_verified" },
    });
    expect(decisions[0].actor).not.toBe(decisions[1].actor);
    expect(typeof decisions[0].created).toBe("number");
    expect(JSON.stringify(res.body)).not.toMatch(/Robert|Smith|Spoke|bob\.smith/);
  });

  it("filters by actor and pages with a cursor", async () => {
    const actorKey = await apiKey("reviewer");
    const whoami = await call("GET", "/v1/reviews/whoami", { token: actorKey });
    const actor = whoami.body.actor as string;
    const seeded = [];
    for (let i = 0; i < 5; i++) {
      const s = await seedVerification();
      seeded.push(s.verificationId);
      await decide(actorKey, s.verificationId, "reject", "different_person");
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({ actor, limit: "2", ...(cursor ? { cursor } : {}) });
      const res: CallResult = await call("GET", `/v1/audit?${query}`, { token: reviewer });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      for (const e of res.body.data) {
        expect(e.actor).toBe(actor);
        seen.push(e.verification_id);
      }
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...seeded].reverse());
  });

  it("records who read an item and who exported what, never the search text", async () => {
    const seeded = await seedVerification();
    await call("GET", `/v1/reviews/${seeded.verificationId}`, { token: reviewer });
    const viewed = await call("GET", `/v1/audit?verification_id=${seeded.verificationId}`, { token: reviewer });
    expect(viewed.body.data[0]).toMatchObject({ action: "review.viewed", after: { review_status: "open" } });

    const exportKey = await apiKey("reviewer");
    const actor = (await call("GET", "/v1/reviews/whoami", { token: exportKey })).body.actor;
    const q = encodeURIComponent("Robert Smith");
    await call("GET", `/v1/reviews/export.csv?q=${q}&decision=review&score_gte=40`, { token: exportKey });
    const exported = await call("GET", `/v1/audit?actor=${encodeURIComponent(actor)}`, { token: reviewer });
    expect(exported.body.data[0]).toMatchObject({
      action: "review.exported",
      after: { filters: { decision: "review", score_gte: 40, search: true }, sort: "-created", row_cap: 10000 },
    });
    expect(JSON.stringify(exported.body)).not.toContain("Robert");
  });

  it("keeps only allowed keys in before/after, whatever a caller passes", () => {
    expect(
      auditPayload({
        review_status: "open",
        name: "Robert Smith",
        note: "x",
        filters: { q: "bob", decision: "review" },
      }),
    ).toEqual({ review_status: "open", filters: { decision: "review" } });
    expect(auditPayload({ note: "only pii" })).toBeNull();
  });

  it("is append-only from the API's side: there is no route that edits or deletes it", async () => {
    for (const method of ["DELETE", "PUT", "PATCH"]) {
      const res = await call(method, "/v1/audit", { token: reviewer });
      expect(res.status).toBe(404);
    }
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM audit_events").first<{ n: number }>();
    expect(rows?.n).toBeGreaterThan(0);
  });
});
