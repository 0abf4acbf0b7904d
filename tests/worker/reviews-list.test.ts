import { beforeAll, describe, expect, it } from "vitest";
import { apiKey, call } from "./helpers";
import { seedMany, seedVerification, uniqueInstitution } from "./reviews-fixtures";

let reviewer: string;
beforeAll(async () => {
  reviewer = await apiKey("reviewer");
});

const list = (query: Record<string, string | number>) =>
  call("GET", `/v1/reviews?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, {
    token: reviewer,
  });

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

describe("GET /v1/reviews rows", () => {
  it("shows the applicant summary, overall and per-field scores, flags, state and age", async () => {
    const createdAt = Date.now() - 90_000;
    const seeded = await seedVerification({ score: 64, createdAt });
    const res = await list({ institution: seeded.institution });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.body).toMatchObject({ object: "list", has_more: false, next_cursor: null });
    expect(res.body.data).toHaveLength(1);
    const row = res.body.data[0];
    expect(row).toMatchObject({
      id: seeded.verificationId,
      object: "review_item",
      applicant: { id: seeded.applicantId, name: "Robert Smith", email: "bob.smith@example.com", erased: false },
      state: "matched",
      decision: "review",
      score: 64,
      review_status: "open",
      institution: seeded.institution,
      created: Math.floor(createdAt / 1000),
    });
    expect(row.fields.name.score).toBe(70);
    expect(row.fields.address.score).toBe(80);
    expect(row.fields.email).toEqual({ score: 100, flags: {} });
    expect(row.fields.phone).toBeNull();
    expect(row.flags).toEqual(["name.nickname", "address.unit:mismatch"]);
    expect(row.age_seconds).toBeGreaterThanOrEqual(89);
    // The queue row never carries the address or phone: the detail view does.
    expect(JSON.stringify(row)).not.toContain("Main Street");
  });

  it("shows an erased applicant as erased, with no name or email", async () => {
    const seeded = await seedVerification({ erased: true });
    const res = await list({ institution: seeded.institution });
    expect(res.status).toBe(200);
    expect(res.body.data[0].applicant).toEqual({ id: seeded.applicantId, name: null, email: null, erased: true });
  });
});

describe("GET /v1/reviews filters", () => {
  it("filters by decision", async () => {
    const institution = uniqueInstitution();
    const review = await seedVerification({ institution, decision: "review" });
    const mismatch = await seedVerification({ institution, decision: "mismatch", score: 20 });
    const match = await seedVerification({ institution, decision: "match", score: 97 });
    expect(ids((await list({ institution, decision: "mismatch" })).body)).toEqual([mismatch.verificationId]);
    expect(ids((await list({ institution, decision: "match" })).body)).toEqual([match.verificationId]);
    expect(ids((await list({ institution, decision: "review" })).body)).toEqual([review.verificationId]);
  });

  it("filters by review_status", async () => {
    const institution = uniqueInstitution();
    const open = await seedVerification({ institution, reviewStatus: "open" });
    const approved = await seedVerification({ institution, reviewStatus: "approved" });
    const rejected = await seedVerification({ institution, reviewStatus: "rejected" });
    const escalated = await seedVerification({ institution, reviewStatus: "escalated" });
    expect(ids((await list({ institution, review_status: "open" })).body)).toEqual([open.verificationId]);
    expect(ids((await list({ institution, review_status: "approved" })).body)).toEqual([approved.verificationId]);
    expect(ids((await list({ institution, review_status: "rejected" })).body)).toEqual([rejected.verificationId]);
    expect(ids((await list({ institution, review_status: "escalated" })).body)).toEqual([escalated.verificationId]);
  });

  it("filters by state", async () => {
    const institution = uniqueInstitution();
    const failed = await seedVerification({ institution, decision: null, state: "failed" });
    await seedVerification({ institution });
    const res = await list({ institution, state: "failed" });
    expect(ids(res.body)).toEqual([failed.verificationId]);
    expect(res.body.data[0]).toMatchObject({ decision: null, score: null, fields: { name: null, address: null } });
  });

  it("filters by score range (inclusive bounds)", async () => {
    const institution = uniqueInstitution();
    const s = {} as Record<number, string>;
    for (const score of [10, 49, 50, 70, 71, 100]) {
      s[score] = (await seedVerification({ institution, score, decision: "review" })).verificationId;
    }
    const res = await list({ institution, score_gte: 50, score_lte: 70, sort: "score" });
    expect(ids(res.body)).toEqual([s[50], s[70]]);
    expect(ids((await list({ institution, score_gte: 71, sort: "score" })).body)).toEqual([s[71], s[100]]);
    expect(ids((await list({ institution, score_lte: 10, sort: "score" })).body)).toEqual([s[10]]);
  });

  it("filters by created range in unix seconds or ISO 8601", async () => {
    const institution = uniqueInstitution();
    const base = Date.UTC(2025, 0, 10, 12, 0, 0);
    const day = 86_400_000;
    const v = [];
    for (let i = 0; i < 4; i++)
      v.push((await seedVerification({ institution, createdAt: base + i * day })).verificationId);
    const bySeconds = await list({
      institution,
      created_gte: (base + day) / 1000,
      created_lte: (base + 2 * day) / 1000,
    });
    expect(bySeconds.status).toBe(200);
    expect(ids(bySeconds.body)).toEqual([v[2], v[1]]);
    const byIso = await list({ institution, created_gte: "2025-01-12T00:00:00Z", sort: "created" });
    expect(ids(byIso.body)).toEqual([v[2], v[3]]);
    const byDate = await list({ institution, created_lte: "2025-01-11", sort: "created" });
    expect(ids(byDate.body)).toEqual([v[0]]);
    const bad = await list({ institution, created_gte: "last tuesday" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "parameter_invalid", param: "created_gte" });
  });

  it("filters by institution exactly", async () => {
    const a = await seedVerification();
    await seedVerification({ institution: `${a.institution} Savings` });
    expect(ids((await list({ institution: a.institution })).body)).toEqual([a.verificationId]);
  });

  it("finds applicants by name or email fuzzily (q), typos included", async () => {
    const institution = uniqueInstitution();
    const margaret = await seedVerification({ institution, name: "Margaret Okafor", email: "m.okafor@example.org" });
    const robert = await seedVerification({ institution, name: "Robert Smith", email: "bob.smith@example.com" });
    const alice = await seedVerification({ institution, name: "Alice Wong", email: "alice.wong@example.net" });
    const erased = await seedVerification({ institution, erased: true });
    expect(ids((await list({ institution, q: "margret okafor" })).body)).toEqual([margaret.verificationId]);
    expect(ids((await list({ institution, q: "Robert Smtih" })).body)).toEqual([robert.verificationId]);
    expect(ids((await list({ institution, q: "alice.wong@example.net" })).body)).toEqual([alice.verificationId]);
    expect(ids((await list({ institution, q: "smith" })).body)).toEqual([robert.verificationId]);
    expect(ids((await list({ institution, q: "Zebulon Quarterman" })).body)).toEqual([]);
    // Operator characters are taken literally, not as Fuse extended-search syntax.
    expect((await list({ institution, q: "!okafor" })).status).toBe(200);
    expect(ids((await list({ institution, q: "wong" })).body)).not.toContain(erased.verificationId);
  });

  it("combines filters", async () => {
    const institution = uniqueInstitution();
    const hit = await seedVerification({
      institution,
      decision: "review",
      reviewStatus: "open",
      score: 60,
      name: "Dana Ruiz",
    });
    await seedVerification({ institution, decision: "review", reviewStatus: "approved", score: 60, name: "Dana Ruiz" });
    await seedVerification({ institution, decision: "review", reviewStatus: "open", score: 30, name: "Dana Ruiz" });
    await seedVerification({ institution, decision: "review", reviewStatus: "open", score: 60, name: "Eve Park" });
    const res = await list({ institution, decision: "review", review_status: "open", score_gte: 50, q: "dana ruiz" });
    expect(ids(res.body)).toEqual([hit.verificationId]);
  });

  it("rejects unknown parameters, a limit over 100 and malformed values with 400", async () => {
    expect((await list({ status: "open" })).body.error).toMatchObject({ code: "parameter_unknown", param: "status" });
    expect((await list({ limit: 101 })).body.error).toMatchObject({ code: "parameter_invalid", param: "limit" });
    expect((await list({ decision: "maybe" })).body.error).toMatchObject({ param: "decision" });
    expect((await list({ score_gte: 101 })).body.error).toMatchObject({ param: "score_gte" });
    expect((await list({ sort: "name" })).body.error).toMatchObject({ param: "sort" });
    expect((await list({ cursor: "not-a-cursor" })).body.error).toMatchObject({ code: "cursor_invalid" });
  });
});

describe("GET /v1/reviews sorting and pagination", () => {
  it("sorts by created (both ways) and by score (both ways, scored items only)", async () => {
    const institution = uniqueInstitution();
    const start = Date.now() - 10_000;
    const a = await seedVerification({ institution, score: 40, createdAt: start });
    const b = await seedVerification({ institution, score: 90, createdAt: start + 1 });
    const c = await seedVerification({ institution, score: 65, createdAt: start + 2 });
    const unscored = await seedVerification({ institution, decision: null, state: "expired", createdAt: start + 3 });
    expect(ids((await list({ institution })).body)).toEqual([
      unscored.verificationId,
      c.verificationId,
      b.verificationId,
      a.verificationId,
    ]);
    expect(ids((await list({ institution, sort: "created" })).body)).toEqual([
      a.verificationId,
      b.verificationId,
      c.verificationId,
      unscored.verificationId,
    ]);
    expect(ids((await list({ institution, sort: "-score" })).body)).toEqual([
      b.verificationId,
      c.verificationId,
      a.verificationId,
    ]);
    expect(ids((await list({ institution, sort: "score" })).body)).toEqual([
      a.verificationId,
      c.verificationId,
      b.verificationId,
    ]);
  });

  it("pages with an opaque cursor that stays stable while new items arrive", async () => {
    const { institution, ids: seeded } = await seedMany(7, { start: Date.now() - 60_000 });
    const expected = [...seeded].reverse();
    const first = await list({ institution, limit: 3 });
    expect(first.status).toBe(200);
    expect(first.body.has_more).toBe(true);
    expect(typeof first.body.next_cursor).toBe("string");
    expect(ids(first.body)).toEqual(expected.slice(0, 3));
    // New verifications land at the head of the queue, before the pages already read.
    await seedVerification({ institution, createdAt: Date.now() - 1 });
    const newer = await seedVerification({ institution });
    const second = await list({ institution, limit: 3, cursor: first.body.next_cursor });
    expect(ids(second.body)).toEqual(expected.slice(3, 6));
    const third = await list({ institution, limit: 3, cursor: second.body.next_cursor });
    expect(ids(third.body)).toEqual(expected.slice(6));
    expect(third.body).toMatchObject({ has_more: false, next_cursor: null });
    // The new item is there for whoever starts from the top again.
    expect(ids((await list({ institution, limit: 1 })).body)).toEqual([newer.verificationId]);
  });

  it("pages by score with ties broken by id, no row repeated or skipped", async () => {
    const institution = uniqueInstitution();
    const seeded: string[] = [];
    for (const score of [50, 50, 50, 60, 60, 70])
      seeded.push((await seedVerification({ institution, score })).verificationId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list({ institution, sort: "-score", limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen)).toEqual(new Set(seeded));
  });

  it("refuses a cursor made for another sort", async () => {
    const { institution } = await seedMany(3);
    const first = await list({ institution, limit: 1 });
    const res = await list({ institution, limit: 1, sort: "score", cursor: first.body.next_cursor });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "cursor_invalid", param: "cursor" });
  });

  it("pages a fuzzy search too", async () => {
    const institution = uniqueInstitution();
    const hits: string[] = [];
    for (let i = 0; i < 5; i++) {
      hits.push(
        (await seedVerification({ institution, name: "Priya Raman", createdAt: Date.now() - 1000 + i })).verificationId,
      );
      await seedVerification({ institution, name: "Tomasz Nowak", createdAt: Date.now() - 1000 + i });
    }
    const first = await list({ institution, q: "priya", limit: 2, sort: "created" });
    expect(ids(first.body)).toEqual(hits.slice(0, 2));
    const second = await list({ institution, q: "priya", limit: 2, sort: "created", cursor: first.body.next_cursor });
    expect(ids(second.body)).toEqual(hits.slice(2, 4));
    const third = await list({ institution, q: "priya", limit: 2, sort: "created", cursor: second.body.next_cursor });
    expect(ids(third.body)).toEqual(hits.slice(4));
    expect(third.body.has_more).toBe(false);
  });
});
