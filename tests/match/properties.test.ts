import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareAddresses, parseAddressFields, parseAddressLine } from "../../worker/match/addresses";
import { canonicalEmail, compareEmails, comparePhones, toE164 } from "../../worker/match/contact";
import { type ApplicantInput, matchOwners, type OwnerInput } from "../../worker/match/index";
import { processLine } from "../../worker/match/jsonl";
import { compareNames, parseName } from "../../worker/match/names";
import { words } from "../../worker/match/normalize";
import { damerauLevenshtein, jaroWinkler } from "../../worker/match/similarity";

// Any Unicode, lone surrogates and control characters included.
const anyText = fc.string({ unit: "binary", maxLength: 60 });
const nullableText = fc.option(anyText, { nil: null });

const syllable = fc.constantFrom(
  "ro",
  "bert",
  "ma",
  "ri",
  "an",
  "el",
  "li",
  "za",
  "jo",
  "se",
  "ka",
  "tre",
  "lo",
  "pez",
  "mc",
  "do",
);
const word = fc.array(syllable, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
const personName = fc.array(word, { minLength: 2, maxLength: 4 }).map((words) => words.join(" "));

const anyApplicant: fc.Arbitrary<ApplicantInput> = fc.record({
  name: anyText,
  address: fc.option(
    fc.record({
      line1: nullableText,
      line2: nullableText,
      city: nullableText,
      state: nullableText,
      postal_code: nullableText,
      country: nullableText,
    }),
    { nil: null },
  ),
  email: nullableText,
  phone: nullableText,
});
const anyOwner: fc.Arbitrary<OwnerInput> = fc.record({
  name: nullableText,
  raw_address: nullableText,
  email: nullableText,
  phone: nullableText,
});

const inRange = (s: number) => Number.isInteger(s) && s >= 0 && s <= 100;

describe("properties of matchOwners", () => {
  it("never throws on any Unicode input and keeps every score an integer in 0..100", () => {
    fc.assert(
      fc.property(anyApplicant, fc.array(anyOwner, { maxLength: 3 }), (applicant, owners) => {
        const r = matchOwners(applicant, owners);
        expect(inRange(r.score)).toBe(true);
        expect(r.owners).toHaveLength(owners.length);
        for (const o of r.owners) {
          expect(inRange(o.score)).toBe(true);
          for (const f of [o.fields.name, o.fields.address, o.fields.email, o.fields.phone]) {
            if (f) expect(inRange(f.score)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on address-shaped text with stray commas and empty parts", () => {
    // Random Unicode rarely forms ", , st" or a leading comma; these pieces do, the way banks' one-line addresses do.
    const piece = fc.constantFrom(
      ",",
      ", ",
      " ",
      "st",
      "Apt",
      "#",
      "12",
      "4B",
      "N",
      "Main",
      "NY",
      "90210",
      "-",
      "PO Box",
    );
    const addressLike = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(anyApplicant, addressLike, (applicant, raw) => {
        const r = matchOwners(applicant, [{ name: "Ann Lee", raw_address: raw, email: null, phone: null }]);
        expect(inRange(r.score)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on owner fields and addresses built from the words banks use, and decides them the same twice", () => {
    // Connectors, beneficiary and fiduciary markers, suffixes, titles, particles and punctuation in any order.
    const titleWord = fc.constantFrom(
      ...["and", "or", "&", "+", ",", "pod", "tod", "itf", "fbo", "p.o.d.", "d/b/a", "dba", "as", "of", "for"],
      ...["ttee", "trustee", "utma", "minor", "agent", "a", "tr", "ua", "est", "et", "al", "jtwros", "jt", "ten"],
      ...["husband", "wife", "son", "sons", "rep", "payee", "jr", "sr", "iii", "mr", "mrs", "dr", "de", "la"],
      ...["van", "-", "\uff06", "j", "k", "john", "mary", "smith", "garcia", "lopez", "o'brien", "smith-jones"],
    );
    const field = fc.array(titleWord, { maxLength: 14 }).map((ws) => ws.join(" "));
    const addressWord = fc.constantFrom(
      ...["1600", "12", "4", "#4", "1/23", "pennsylvania", "main", "ave", "st", "nw", "se", "apt", "unit", "flat"],
      ...["washington", "dc", "springfield", "il", "62704", "20500-0003", "vic", "3065", ",", "po", "box"],
    );
    const address = fc.array(addressWord, { maxLength: 12 }).map((ws) => ws.join(" "));
    fc.assert(
      fc.property(field, field, address, (applicantName, ownerName, rawAddress) => {
        const applicant = { name: applicantName, address: { line1: rawAddress, city: "Washington", state: "DC" } };
        const owners = [{ name: ownerName, raw_address: rawAddress, email: null, phone: null }];
        const r = matchOwners(applicant, owners);
        expect(inRange(r.score)).toBe(true);
        expect(matchOwners(applicant, owners)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(anyApplicant, fc.array(anyOwner, { maxLength: 2 }), (applicant, owners) => {
        expect(matchOwners(applicant, owners)).toEqual(matchOwners(applicant, owners));
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on case, extra whitespace or the Unicode normalization form", () => {
    const variants = (s: string) => [
      s.toUpperCase(),
      s.toLowerCase(),
      `  ${s.replace(/ /g, "   ")}\t`,
      s.normalize("NFD"),
      s.normalize("NFKC"),
    ];
    const latin = fc.constantFrom(
      "José",
      "Zoë",
      "Ångström",
      "Müller",
      "Núñez",
      "Ørsted",
      "François",
      "Łukasz",
      "smith",
    );
    const name = fc.tuple(latin, latin, word).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(name, name, (applicantName, ownerName) => {
        const base = matchOwners({ name: applicantName }, [
          { name: ownerName, raw_address: null, email: null, phone: null },
        ]);
        for (const v of variants(ownerName)) {
          const r = matchOwners({ name: applicantName }, [{ name: v, raw_address: null, email: null, phone: null }]);
          expect(r.score).toBe(base.score);
          expect(r.decision).toBe(base.decision);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("scores an address the same whatever its case or spacing", () => {
    const street = fc.tuple(
      fc.integer({ min: 1, max: 9999 }),
      word,
      fc.constantFrom("St", "Street", "Ave", "Blvd", "Court"),
    );
    fc.assert(
      fc.property(street, ([number, name, type]) => {
        const raw = `${number} ${name} ${type}, Springfield, IL 62704`;
        const a = parseAddressFields({
          line1: `${number} ${name} ${type}`,
          city: "Springfield",
          state: "IL",
          postal_code: "62704",
        });
        const x = parseAddressLine(raw);
        const y = parseAddressLine(`  ${raw.toUpperCase().replace(/ /g, "  ")} `);
        if (!a || !x || !y) throw new Error("must parse");
        expect(compareAddresses(a, y)).toEqual(compareAddresses(a, x));
      }),
      { numRuns: 200 },
    );
  });
});

describe("properties of the field comparisons", () => {
  it("string metrics are symmetric and bounded", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const jw = jaroWinkler(a, b);
        expect(jw).toBeGreaterThanOrEqual(0);
        expect(jw).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(jw, 12);
        expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
      }),
    );
  });

  it("edit distance is a metric: zero only for equal strings, and the triangle inequality holds", () => {
    const shortWord = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(shortWord, shortWord, shortWord, (a, b, c) => {
        expect(damerauLevenshtein(a, b) === 0).toBe(a === b);
        expect(damerauLevenshtein(a, c)).toBeLessThanOrEqual(damerauLevenshtein(a, b) + damerauLevenshtein(b, c));
      }),
    );
  });

  it("email and phone comparisons are symmetric", () => {
    const email = fc
      .tuple(fc.constantFrom("ann", "a.nn", "Ann+x", "bob"), fc.constantFrom("gmail.com", "GMAIL.com", "yahoo.com"))
      .map(([l, d]) => `${l}@${d}`);
    fc.assert(
      fc.property(email, email, (a, b) => {
        const ca = canonicalEmail(a);
        const cb = canonicalEmail(b);
        if (!ca || !cb) throw new Error("must parse");
        expect(compareEmails(ca, cb).score).toBe(compareEmails(cb, ca).score);
      }),
    );
    const phone = fc.stringMatching(/^\+?1?[ (]?\d{3}[) .-]?\d{3}[ .-]?\d{4}$/);
    fc.assert(
      fc.property(phone, phone, (a, b) => {
        const pa = toE164(a);
        const pb = toE164(b);
        if (!pa || !pb) return;
        expect(comparePhones(pa, pb).score).toBe(comparePhones(pb, pa).score);
      }),
    );
  });

  it("two-word name comparison is symmetric", () => {
    const twoWords = fc.tuple(word, word).map(([a, b]) => `${a} ${b}`);
    fc.assert(
      fc.property(twoWords, twoWords, (x, y) => {
        const a = parseName(x);
        const b = parseName(y);
        if (!a || !b) throw new Error("must parse");
        expect(compareNames(a, b).score).toBe(compareNames(b, a).score);
      }),
      { numRuns: 300 },
    );
  });

  it("a name always matches itself exactly", () => {
    fc.assert(
      fc.property(personName, (name) => {
        const a = parseName(name);
        if (!a) throw new Error("must parse");
        expect(compareNames(a, a).score).toBe(100);
      }),
    );
  });
});

describe("properties of folding", () => {
  it("folds plain ASCII the same way on the fast path as on the Unicode path", () => {
    const ascii = fc.string({ unit: "binary-ascii", maxLength: 40 });
    const options = fc.record({ keepHyphen: fc.boolean(), keepAddressMarks: fc.boolean(), keepComma: fc.boolean() });
    fc.assert(
      fc.property(ascii, options, (text, opts) => {
        // A trailing non-ASCII letter sends the same text through the Unicode path.
        const viaUnicode = words(`${text} \u00e9`, opts).filter((w) => w !== "");
        const viaAscii = words(text, opts).filter((w) => w !== "");
        expect(viaUnicode).toEqual([...viaAscii, "e"]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("folding examples", () => {
  it("drops an apostrophe next to a hyphen on the ASCII path as on the Unicode path", () => {
    expect(words("Smith-'Jones", { keepHyphen: true })).toEqual(["smith-jones"]);
    expect(words("Smith-'Jonés", { keepHyphen: true })).toEqual(["smith-jones"]);
  });

  it("keeps each comma as a word of its own and never yields empty words", () => {
    const options = { keepHyphen: true, keepAddressMarks: true, keepComma: true };
    expect(words("12 Main St,, Apt #4 ,Springfield", options)).toEqual([
      "12",
      "main",
      "st",
      ",",
      ",",
      "apt",
      "#4",
      ",",
      "springfield",
    ]);
  });
});

describe("properties of processLine", () => {
  it("answers any line with null, an answer or an error object, never a throw", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.json()), (line) => {
        const r = processLine(line);
        if (r !== null) expect("error" in r || "score" in r).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
