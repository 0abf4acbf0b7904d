import { describe, expect, it } from "vitest";
import { processLine } from "../../worker/match/jsonl";

const good = {
  id: "p1",
  applicant: { name: "Jane Doe", address: { line1: "1 Main St", city: "Austin", state: "TX", postal_code: "78701" } },
  owners: [{ name: "DOE, JANE", raw_address: "1 MAIN ST AUSTIN TX 78701", email: null, phone: null }],
};

describe("processLine", () => {
  it("answers a valid line with id, score, decision, fields and reasons", () => {
    const answer = processLine(JSON.stringify(good));
    expect(answer).toMatchObject({ id: "p1", decision: "match", score: 100 });
    expect(Object.keys(answer ?? {})).toEqual(["id", "score", "decision", "fields", "reasons"]);
  });

  it("skips blank lines", () => {
    expect(processLine("")).toBeNull();
    expect(processLine("   \t")).toBeNull();
  });

  it("answers invalid JSON with an error and a null id", () => {
    expect(processLine("{not json")).toEqual({ id: null, error: { message: "line is not valid JSON" } });
  });

  it("answers a line with missing fields with an error for that id", () => {
    expect(processLine(JSON.stringify({ id: 7, owners: [] }))).toEqual({
      id: 7,
      error: { message: "applicant is missing" },
    });
    expect(processLine(JSON.stringify({ applicant: good.applicant, owners: [] }))).toEqual({
      id: null,
      error: { message: "id is missing" },
    });
  });

  it("answers wrong types with an error naming the field", () => {
    const bad = { ...good, owners: [{ name: 42, raw_address: null, email: null, phone: null }] };
    expect(processLine(JSON.stringify(bad))).toEqual({
      id: "p1",
      error: { message: "owners[0].name must be a string or null" },
    });
    expect(processLine(JSON.stringify({ ...good, owners: {} }))).toEqual({
      id: "p1",
      error: { message: "owners must be an array" },
    });
    expect(processLine(JSON.stringify([1, 2]))).toEqual({ id: null, error: { message: "line must be a JSON object" } });
  });

  it("reads owners without optional keys as nulls", () => {
    const line = JSON.stringify({ ...good, owners: [{ name: "Jane Doe" }] });
    expect(processLine(line)).toMatchObject({ id: "p1", fields: { address: null, email: null, phone: null } });
  });
});
