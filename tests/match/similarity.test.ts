import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "../../worker/match/similarity";

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(damerauLevenshtein("smith", "smyth")).toBe(1);
    expect(damerauLevenshtein("micheal", "michael")).toBe(1);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("", "ab")).toBe(2);
  });

  it("counts a swap next to an insertion or deletion as two edits, not three", () => {
    expect(damerauLevenshtein("ca", "abc")).toBe(2);
    expect(damerauLevenshtein("chelsea", "cheela")).toBe(2);
    expect(damerauLevenshtein("braithwaite", "braitahite")).toBe(2);
  });
});
