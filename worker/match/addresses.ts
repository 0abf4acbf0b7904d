/**
 * Postal addresses: parse the bank's one-line `raw_address` and the applicant's form fields into the same
 * components (number, directionals, street name and type, unit, localities, city, state, postal code), normalized
 * with USPS Publication 28 tables, then compare component by component. US first; Australian and other
 * comma-separated forms parse by the same rules.
 */

import { FuzzyTable, SpellingIndex } from "./fuzzy-lookup";
import { commaSegments, commaSegmentsUpper, fold, foldUpper, isAscii, rowsToLookup, wordsUpper } from "./normalize";
import { bagDistance, damerauLevenshtein, jaroWinkler, oneEditApart } from "./similarity";
import { DIRECTIONALS } from "./tables/directionals";
import { CITY_ABBREVIATIONS, HIGHWAY_WORDS, ORDINAL_WORDS } from "./tables/place-words";
import { COUNTRY_NAMES, DC_ZIP_PREFIXES, REGIONS, SPELLED_CITIES } from "./tables/regions";
import { STREET_SUFFIXES } from "./tables/street-suffixes";
import { UNIT_DESIGNATORS } from "./tables/units";

// The parsers fold text to upper-case words, the form the parsed components are shown and compared in, so no
// component is case-converted again; every lookup below is keyed and valued in upper case. Comparison keys
// (cityKey, streetNameKey, streetKey) are lower case.
function upperCased(lookup: ReadonlyMap<string, string>): Map<string, string> {
  const upper = new Map<string, string>();
  for (const [spelling, standard] of lookup) upper.set(spelling.toUpperCase(), standard.toUpperCase());
  return upper;
}

// Street types in lower case spell streetKey's comparison keys.
const LOWER_SUFFIX = rowsToLookup(STREET_SUFFIXES);
const SUFFIX = upperCased(LOWER_SUFFIX);
const UNIT = upperCased(rowsToLookup(UNIT_DESIGNATORS));
const UNIT_SHAPES = keyShapes(UNIT.keys());
const DIRECTION = upperCased(rowsToLookup(DIRECTIONALS.map((row) => row.filter((w) => !w.includes(" ")))));
const COUNTRY = new Map<string, string>();
for (const [code, names] of Object.entries(COUNTRY_NAMES)) for (const n of names) COUNTRY.set(foldUpper(n), code);
const MAX_COUNTRY_WORDS = Math.max(...[...COUNTRY.keys()].map((k) => k.split(" ").length));

interface RegionHit {
  code: string;
  country: string;
}
const REGION = new Map<string, RegionHit[]>();
const DC_ZIP = new Set(DC_ZIP_PREFIXES);
for (const row of REGIONS) {
  for (const spelling of [row.code, ...row.names]) {
    const key = foldUpper(spelling);
    const list = REGION.get(key) ?? [];
    list.push({ code: row.code, country: row.country });
    REGION.set(key, list);
  }
}
const LONGEST_REGION_CODE = Math.max(...REGIONS.map((row) => row.code.length));
const MAX_REGION_WORDS = Math.max(...[...REGION.keys()].map((k) => k.split(" ").length));
// Last words of every region and country spelling: most addresses are told apart by one Set lookup.
const REGION_LAST_WORDS = new Set([...REGION.keys()].map((k) => k.slice(k.lastIndexOf(" ") + 1)));
// Every run of last words of a region spelling ("WALES", "SOUTH WALES", "NEW SOUTH WALES"): a longer spelling is only
// looked for while the words read so far can still end one.
const REGION_ENDINGS = new Set(
  [...REGION.keys()].flatMap((k) => {
    const parts = k.split(" ");
    return parts.map((_, i) => parts.slice(i).join(" "));
  }),
);
const COUNTRY_LAST_WORDS = new Set([...COUNTRY.keys()].map((k) => k.slice(k.lastIndexOf(" ") + 1)));
// Street types that also name places (Station, Lodge, Village, Park…) say less about a segment being the street.
const PLACE_LIKE_TYPES = new Set([
  "PLN",
  "PLNS",
  "CRK",
  "VL",
  "VIS",
  "PT",
  "PTS",
  "HBR",
  "FRST",
  "RDG",
  "MNR",
  "FLS",
  "SPG",
  "CYN",
  "ISLE",
  "KNL",
  "LNDG",
  "MDW",
  "ORCH",
  "SHR",
  "SHRS",
  "SMT",
  "STA",
  "LDG",
  "VLG",
  "EST",
  "ESTS",
  "PARK",
  "GDNS",
  "GDN",
  "HTS",
  "HL",
  "HLS",
  "CTR",
  "MALL",
  "PLZ",
  "FRM",
  "FARM",
  "CLB",
  "CRST",
  "VW",
  "VLY",
  "MDWS",
  "GRN",
  "SPGS",
  "IS",
  "LK",
  "LKS",
  "BCH",
  "MTN",
  "CP",
  "CH",
  "GRA",
]);

// Full street-type words that get glued to the street name by OCR ("BANGALAYCRESCENT", "YSTREET").
// Only types that cannot also name a place: "HAWKSVIEW" is a place, "BANGALAYCRESCENT" a street.
const GLUED_SUFFIX_WORDS = [...SUFFIX.keys()]
  .filter((k) => k.length >= 4 && SUFFIX.get(k) !== k && !PLACE_LIKE_TYPES.has(SUFFIX.get(k) as string))
  .sort((a, b) => b.length - a.length);
// Indexed by their last three letters, longest first, so a word is checked against a handful of candidates.
const GLUED_BY_ENDING = new Map<string, string[]>();
for (const full of GLUED_SUFFIX_WORDS) {
  const list = GLUED_BY_ENDING.get(full.slice(-3)) ?? [];
  list.push(full);
  GLUED_BY_ENDING.set(full.slice(-3), list);
}
const SUFFIX_TABLE = new SpellingIndex([...SUFFIX.keys()].filter((k) => k.length >= 4));
const REGION_NAME_TABLE = new FuzzyTable(
  [...REGION.keys()].filter((k) => k.length >= 5),
  0.3,
);

// Lower case: these spell out comparison keys.
const CITY_WORDS = new Map(
  [...CITY_ABBREVIATIONS, ...ORDINAL_WORDS].map(([short, full]) => [fold(short), fold(full)] as const),
);

/** Address components after parsing; `null` means the component is absent. Words are upper case. */
export interface ParsedAddress {
  number: string | null;
  pre_direction: string | null;
  street_name: string | null;
  street_type: string | null;
  post_direction: string | null;
  unit_type: string | null;
  unit: string | null;
  /** Named places between the street and the city (Australian localities, building or estate names). */
  localities: string[];
  city: string | null;
  state: string | null;
  postal_code: string | null;
  /** ZIP+4 add-on, when given. */
  postal_code_ext: string | null;
  country: string | null;
}

/** The applicant's address as typed into the onboarding form. */
export interface AddressFields {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

function emptyAddress(): ParsedAddress {
  return {
    number: null,
    pre_direction: null,
    street_name: null,
    street_type: null,
    post_direction: null,
    unit_type: null,
    unit: null,
    localities: [],
    city: null,
    state: null,
    postal_code: null,
    postal_code_ext: null,
    country: null,
  };
}

const ADDRESS_FOLD = { keepHyphen: true, keepAddressMarks: true, keepComma: true } as const;
const KEEP_HYPHEN = { keepHyphen: true } as const;

/** Upper-case words of an address line, with each comma a "," word of its own. */
function addressWords(text: string): string[] {
  return wordsUpper(text, ADDRESS_FOLD);
}

/** words.slice(from).join(" ") without the copy; for one or two words, concatenation beats the join builtin. */
function joinWords(words: string[], from = 0): string {
  let text = from < words.length ? (words[from] as string) : "";
  for (let i = from + 1; i < words.length; i++) text += ` ${words[i] as string}`;
  return text;
}

function isNumberWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const UK_OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const UK_INWARD = /^\d[A-Z]{2}$/;
const UK_WHOLE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

/** Postal code shapes: US ZIP / ZIP+4, Australian (and other) 4-digit codes, Canadian A1A 1A1, UK SW1A 2AA. */
function readPostal(
  words: string[],
): { code: string; ext: string | null; country: string | null; used: number } | null {
  const last = words[words.length - 1];
  if (last === undefined) return null;
  // US ZIP, ZIP+4 ("62704-1234", "627041234") or a ZIP with a dangling hyphen; else a four-digit code.
  if (last.length >= 5 && isDigits(last, 0, 5)) {
    const rest = last.length - 5;
    if (rest === 0 || (rest === 1 && last.charCodeAt(5) === 45)) {
      return { code: last.slice(0, 5), ext: null, country: "US", used: 1 };
    }
    if ((rest === 4 && isDigits(last, 5, 9)) || (rest === 5 && last.charCodeAt(5) === 45 && isDigits(last, 6, 10))) {
      return { code: last.slice(0, 5), ext: last.slice(-4), country: "US", used: 1 };
    }
  }
  if (last.length === 4 && isDigits(last, 0, 4)) return { code: last, ext: null, country: null, used: 1 };
  const prev = words[words.length - 2];
  if (prev && /^[A-Z]\d[A-Z]$/.test(prev) && /^\d[A-Z]\d$/.test(last)) {
    return { code: `${prev}${last}`, ext: null, country: "CA", used: 2 };
  }
  if (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(last)) return { code: last, ext: null, country: "CA", used: 1 };
  // UK postcodes: an outward code (area letters, district) and an inward code (sector digit, unit letters),
  // "SW1A 2AA", "M1 1AE", also written without the space.
  if (prev && UK_OUTWARD.test(prev) && UK_INWARD.test(last)) {
    return { code: `${prev}${last}`, ext: null, country: "GB", used: 2 };
  }
  if (UK_WHOLE.test(last)) return { code: last, ext: null, country: "GB", used: 1 };
  return null;
}

/** A region read from the end of a segment: its code, its country and how many words it took. */
interface RegionRead {
  code: string;
  country: string;
  used: number;
}

function readRegion(words: string[], countryHint: string | null): RegionRead | null {
  const lastWord = words[words.length - 1];
  if (lastWord === undefined) return null;
  if (!REGION_LAST_WORDS.has(lastWord)) return lastWord.length >= 5 ? guessRegion(lastWord, countryHint) : null;
  // Grow the key word by word from the end and keep the longest spelling found ("WEST VIRGINIA" over "VIRGINIA").
  let key = lastWord;
  let found: RegionHit[] | undefined;
  let used = 0;
  for (let n = 1; n <= Math.min(MAX_REGION_WORDS, words.length); n++) {
    if (n > 1) {
      key = `${words[words.length - n]} ${key}`;
      if (!REGION_ENDINGS.has(key)) break;
    }
    const hits = REGION.get(key);
    if (hits) {
      found = hits;
      used = n;
    }
  }
  return found ? regionRead(found, countryHint, used) : null;
}

/** The hit in that country (WA: Washington in the US, Western Australia in AU), else the spelling's first hit. */
function regionIn(hits: RegionHit[], country: string | null): RegionHit {
  if (country) for (const h of hits) if (h.country === country) return h;
  return hits[0] as RegionHit;
}

function regionRead(hits: RegionHit[], countryHint: string | null, used: number): RegionRead {
  const hit = regionIn(hits, countryHint);
  return { code: hit.code, country: hit.country, used };
}

/**
 * A state code spelled letter by letter as a segment of its own ("ADELAIDE, S.A. 5000" folds to "s a"): read only
 * when the letters are the whole segment, where they cannot be a unit letter or a directional.
 */
function spelledRegion(words: string[], countryHint: string | null, postal: string | null): RegionRead | null {
  const code = spelledCode(words);
  const hits = code === null || spelledCity(code, postal) !== undefined ? undefined : REGION.get(code);
  return hits ? regionRead(hits, countryHint, words.length) : null;
}

/** The city spelled letters name ("L A": Los Angeles), unless the ZIP Code is another place's. */
function spelledCity(code: string, postal: string | null): string | undefined {
  const spelled = Object.hasOwn(SPELLED_CITIES, code) ? SPELLED_CITIES[code] : undefined;
  if (spelled === undefined) return undefined;
  const prefix = postal !== null && postal.length >= 5 && isDigits(postal, 0, 3) ? Number(postal.slice(0, 3)) : -1;
  return postal === null || (prefix >= spelled.zip[0] && prefix <= spelled.zip[1]) ? spelled.city : undefined;
}

/**
 * "1234 SUNSET BLVD, L.A., CA 90028": a city written as spelled letters, as the last segment after the street (else the
 * letters would read as a unit).
 */
function takeSpelledCity(segs: string[][], out: ParsedAddress): void {
  const seg = lastSegment(segs);
  const code = seg && segs.length > 1 ? spelledCode(seg) : null;
  const city = code === null ? undefined : spelledCity(code, out.postal_code);
  if (city === undefined) return;
  out.city = city;
  segs.pop();
  lastSegment(segs);
}

/**
 * "Washington" names a state and the District's city: written as the state with a District ZIP Code, it is the
 * District ("22 PROSPECT ST, WASHINGTON 20001").
 */
function districtOr(code: string, written: string, postal: string | null): string {
  return (written === "WASHINGTON" || written === "WASH") && postal !== null && DC_ZIP.has(postal.slice(0, 3))
    ? "DC"
    : code;
}

/**
 * A city written as a spelled city's letters ("L.A.", "LA" in a city field, "LA CA" in a bank line): that city, unless
 * the country, state or ZIP Code is another place's.
 */
function typedCity(a: ParsedAddress, city: string): string {
  if (a.country !== null && a.country !== "US") return city;
  const words = city.split(" ");
  const code = words.length === 1 ? city : spelledCode(words);
  const spelled = code !== null && Object.hasOwn(SPELLED_CITIES, code) ? SPELLED_CITIES[code] : undefined;
  if (spelled === undefined || (a.state !== null && a.state !== spelled.state)) return city;
  return spelledCity(code as string, a.postal_code) ?? city;
}

/** Two or three single letters ("S A", "N S W") as one code, else null. */
function spelledCode(words: string[]): string | null {
  if (words.length < 2 || words.length > 3) return null;
  let code = "";
  for (const w of words) {
    if (w.length !== 1) return null;
    code += w;
  }
  return code;
}

/** A misspelled one-word state name ("CALIFRONIA"), through the fuzzy region table. */
function guessRegion(word: string, countryHint: string | null): RegionRead | null {
  const guess = REGION_NAME_TABLE.find(word);
  const hits = guess ? REGION.get(guess) : undefined;
  return hits ? regionRead(hits, countryHint, 1) : null;
}

function readCountry(words: string[]): { code: string; used: number } | null {
  if (!COUNTRY_LAST_WORDS.has(words[words.length - 1] as string)) return null;
  for (let n = Math.min(MAX_COUNTRY_WORDS, words.length); n >= 1; n--) {
    const code = COUNTRY.get(joinWords(words, words.length - n));
    if (code) return { code, used: n };
  }
  return null;
}

/**
 * The first characters and lengths of a lookup's keys: under each ASCII first character, one bit per key length
 * (lengths from 31 up share the last bit). unitAt asks about every word of a street line, and nearly all of them
 * (house numbers aside, street and place names) have a shape no unit designator has: this answers for them without
 * hashing the word for the Map.
 */
function keyShapes(keys: Iterable<string>): Uint32Array {
  const shapes = new Uint32Array(128);
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c < 128) shapes[c] = (shapes[c] as number) | lengthBit(key.length);
  }
  return shapes;
}

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** Whether a word may be a key of the lookup keyShapes described; words opening outside ASCII always may. */
function mayBeKey(shapes: Uint32Array, word: string): boolean {
  const c = word.charCodeAt(0);
  return !(c < 128) || ((shapes[c] as number) & lengthBit(word.length)) !== 0;
}

const STANDALONE_UNITS = new Set(["REAR", "FRNT", "BSMT", "LBBY", "LOWR", "UPPR", "SIDE", "OFC", "PH"]);

/** A unit designator word and, when glued to it, the unit id ("#4", "apt5"). */
function unitAt(words: string[], i: number): { type: string; id: string | null; used: number } | null {
  const w = words[i] as string;
  if (w.startsWith("#")) {
    if (w.length > 1) return { type: "#", id: w.slice(1), used: 1 };
    const next = words[i + 1];
    return next && next !== "," ? { type: "#", id: next.replace(/^#/, ""), used: 2 } : null;
  }
  // No designator starts with a digit: house numbers and postal codes skip the lookup.
  if (isNumberWord(w)) return null;
  const type = mayBeKey(UNIT_SHAPES, w) ? UNIT.get(w) : undefined;
  if (type === undefined) return null;
  const next = words[i + 1];
  // Right after the house number and before a street type, a designator word is the street's name: "45 FRONT ST",
  // "12 CONDO RD", "7 KEY ST" (later in the line, "… REAR PARK RIDGE" is a unit before a city).
  if (i === 1 && next !== undefined && SUFFIX.has(next) && isNumberWord(words[0] as string)) return null;
  // The id: a number ("4", "12B"), a letter or two ("B"), a "#" form, or letters and digits ("A101", "B-12").
  if (
    next !== undefined &&
    next !== "," &&
    (isNumberWord(next) || next.length <= 2 || next.startsWith("#") || hasDigit(next))
  ) {
    return { type, id: next.replace(/^#/, ""), used: 2 };
  }
  // Designators that need no number (Rear, Front, Basement…) stand alone; others without an id are not units.
  if (STANDALONE_UNITS.has(type)) {
    return { type, id: type, used: 1 };
  }
  return null;
}

/** Splits a street type glued to the end of the name ("BANGALAYCRESCENT" → BANGALAY + CRES). */
function splitGluedSuffix(word: string): { name: string; type: string } | null {
  const candidates = GLUED_BY_ENDING.get(word.slice(-3));
  if (!candidates) return null;
  for (const full of candidates) {
    if (word.length > full.length + 1 && word.endsWith(full)) {
      return { name: word.slice(0, word.length - full.length), type: SUFFIX.get(full) as string };
    }
  }
  return null;
}

// The street name every post office box is given; its number is the box number.
const PO_BOX = "PO BOX";

// Rural routes and highway contract routes, as USPS Publication 28 (sections 24–25) writes them: "RR 2 BOX 15",
// "HC 72 BOX 19", and the older spellings it replaces (Rural Route, RFD, Star Route). The box stands at the home.
const ROUTES = new Map([
  ["RR", "RR"],
  ["R R", "RR"],
  ["RURAL ROUTE", "RR"],
  ["RURAL RTE", "RR"],
  ["RFD", "RR"],
  ["R F D", "RR"],
  ["HC", "HC"],
  ["HCR", "HC"],
  ["HIGHWAY CONTRACT", "HC"],
  ["HWY CONTRACT", "HC"],
  ["STAR ROUTE", "HC"],
  ["STAR RTE", "HC"],
]);
// "ROUTE 2 BOX 15" is a rural route only with its box: "ROUTE 9" alone may be a state route.
const BOXED_ROUTES = new Map([
  ["ROUTE", "RR"],
  ["RTE", "RR"],
  ["RT", "RR"],
]);
const BOX_WORDS = new Set(["BOX", "BX"]);
const GLUED_ROUTE = /^(RR|RFD|HC|HCR)(\d+)$/;

/**
 * "RR 2 BOX 15" (also "RR2 BOX 15", "BOX 15 RR 2", "RR 2" alone): the route (RR 2) is read as the street and the box
 * (15) as its number; false for anything else.
 */
function ruralRoute(rest: string[], into: ParsedAddress): boolean {
  // Most street lines open with the house number: no route.
  if (rest.length === 0 || isNumberWord(rest[0] as string)) return false;
  let words = rest;
  const glued = GLUED_ROUTE.exec(words[0] ?? "");
  if (glued) words = [glued[1] as string, glued[2] as string, ...words.slice(1)];
  if (words.length >= 4 && BOX_WORDS.has(words[0] as string)) words = [...words.slice(2), ...words.slice(0, 2)];
  // "BOX 15 A" is box 15A.
  const n = words.length;
  if (n >= 5 && BOX_WORDS.has(words[n - 3] as string) && /^[A-Z]$/.test(words[n - 1] as string)) {
    words = [...words.slice(0, n - 2), (words[n - 2] as string) + (words[n - 1] as string)];
  }
  const boxed = words.length >= 4 && BOX_WORDS.has(words[words.length - 2] as string);
  const routeEnd = boxed ? words.length - 2 : words.length;
  // "RR #2" is route 2.
  const routeWord = words[routeEnd - 1] as string;
  const route = routeWord.charCodeAt(0) === 35 ? routeWord.slice(1) : routeWord;
  if (routeEnd < 2 || routeEnd > 4 || route.length === 0 || !isDigits(route, 0, route.length)) return false;
  const written = joinWords(words.slice(0, routeEnd - 1));
  const kind = ROUTES.get(written) ?? (boxed ? BOXED_ROUTES.get(written) : undefined);
  if (kind === undefined) return false;
  into.street_name = `${kind} ${route}`;
  if (boxed) into.number = words[words.length - 1] as string;
  return true;
}

/** A route whose box comes as a segment of its own ("R.R. 2, BOX 15", "ROUTE 9, BOX 15"): read together. */
function boxOfRoute(a: ParsedAddress, seg: string[]): boolean {
  if (a.number !== null || a.street_name === null || a.street_type !== null || !BOX_WORDS.has(seg[0] as string)) {
    return false;
  }
  return seg.length === 2 && ruralRoute([...a.street_name.split(" "), ...seg], a);
}

/** Parses street-line words (no commas): number, directionals, name, type, and a unit anywhere in the line. */
function parseStreetWords(words: string[], into: ParsedAddress): void {
  // Before units: "RR #2 BOX 15" is route 2, not unit 2.
  if (ruralRoute(words, into)) return;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const unit = i > 0 || words.length > 2 ? unitAt(words, i) : null;
    if (unit && into.unit === null && (i > 0 || words.length - unit.used >= 2)) {
      into.unit_type = unit.type;
      into.unit = unit.id;
      i += unit.used - 1;
      continue;
    }
    rest.push(words[i] as string);
  }
  // Post office boxes: "PO BOX 123", "P O BOX 123", "POST OFFICE BOX 123".
  const box = rest.indexOf("BOX");
  if (box >= 0 && box <= 3 && box < rest.length - 1 && /^(PO|P O|POST OFFICE)$/.test(rest.slice(0, box).join(" "))) {
    into.street_name = PO_BOX;
    into.number = rest[box + 1] as string;
    return;
  }
  if (ruralRoute(rest, into)) return;
  // "Unit 5/23": the unit and the house number written together.
  if (into.unit?.includes("/") && (rest.length === 0 || !isNumberWord(rest[0] as string))) {
    const [unit, number] = into.unit.split("/");
    into.unit = unit || null;
    if (number) rest.unshift(number);
  }
  let start = 0;
  const first = rest[0];
  if (first !== undefined && isNumberWord(first)) {
    // Australian "1/23" is unit 1 at number 23.
    const slash = first.indexOf("/");
    if (slash > 0 && into.unit === null) {
      into.unit = first.slice(0, slash);
      into.number = first.slice(slash + 1);
    } else into.number = first;
    start = 1;
  }
  let end = rest.length;
  if (end - start >= 3 || (end - start >= 2 && SUFFIX.has(rest[end - 2] as string))) {
    const post = DIRECTION.get(rest[end - 1] as string);
    if (post !== undefined) {
      into.post_direction = post;
      end--;
    }
  }
  if (end - start >= 2) {
    const type = SUFFIX.get(rest[end - 1] as string);
    if (type !== undefined) {
      into.street_type = type;
      end--;
    } else {
      const lastWord = rest[end - 1] as string;
      const glued = splitGluedSuffix(lastWord);
      if (glued) {
        into.street_type = glued.type;
        rest[end - 1] = glued.name;
      } else if (lastWord.length >= 4 && !isNumberWord(lastWord)) {
        const guess = SUFFIX_TABLE.find(lastWord);
        if (guess) {
          into.street_type = SUFFIX.get(guess) as string;
          end--;
        }
      }
    }
  } else if (end - start === 1) {
    const glued = splitGluedSuffix(rest[start] as string);
    if (glued) {
      into.street_type = glued.type;
      rest[start] = glued.name;
    }
  }
  if (end - start >= 2) {
    const pre = DIRECTION.get(rest[start] as string);
    if (pre !== undefined) {
      into.pre_direction = pre;
      start++;
    }
  }
  let name = start < end ? (rest[start] as string) : "";
  for (let i = start + 1; i < end; i++) name += ` ${rest[i] as string}`;
  into.street_name = name.length > 0 ? name : null;
}

/**
 * Where the city starts in a comma-less line, read with the applicant's city as a hint (its cityKey): the tail that
 * spells it best, or -1. The line's words are given in lower case, as city keys spell them.
 */
function cityStartByHint(words: string[], cityHint: string): number {
  let bestAt = -1;
  let bestScore = 0.86;
  let tail = "";
  for (let n = 1; n <= Math.min(4, words.length - 2); n++) {
    const w = words[words.length - n] as string;
    tail = (CITY_WORDS.get(w) ?? w) + tail;
    if (tail === cityHint) return words.length - n;
    if (Math.abs(tail.length - cityHint.length) > 3) continue;
    const s = jaroWinkler(tail, cityHint);
    if (s > bestScore) {
      bestScore = s;
      bestAt = words.length - n;
    }
  }
  return bestAt;
}

/**
 * A line's words in lower case. Upper-case ASCII words go back exactly; other words do not always come back as they
 * were folded (a word-final sigma), so a line with any is folded again from the raw text: the segment at `index`
 * among its non-empty comma segments, cut to the line's length.
 */
function lowerCaseLine(line: string[], raw: string, index: number): string[] {
  const lower: string[] = [];
  for (const w of line) {
    if (!isAscii(w)) return (commaSegments(raw, ADDRESS_FOLD)[index] as string[]).slice(0, line.length);
    lower.push(w.toLowerCase());
  }
  return lower;
}

/** Index just past the street type (and any unit/post-direction after it) in a comma-less line, or -1. */
function streetEnd(words: string[]): number {
  const numberFirst = words[0] !== undefined && isNumberWord(words[0]);
  for (let i = numberFirst ? 2 : 1; i < words.length - 1; i++) {
    if (!SUFFIX.has(words[i] as string)) continue;
    let j = i + 1;
    // A directional after the type is the street's ("AVE NW"), also when nothing follows: no city is called "NW"
    // (the state may have taken the city's words: "WASHINGTON DC").
    if (DIRECTION.has(words[j] as string)) j++;
    const unit = j < words.length ? unitAt(words, j) : null;
    if (unit) j += unit.used;
    return j;
  }
  return -1;
}

/** Drops a segment's last words. Popping them is several times faster than assigning a shorter length (Node 22). */
function dropLast(seg: string[], count: number): void {
  for (let i = 0; i < count; i++) seg.pop();
}

/** The last non-empty comma segment (dropping emptied ones), or null. */
function lastSegment(segs: string[][]): string[] | null {
  while (segs.length > 0 && (segs[segs.length - 1] as string[]).length === 0) segs.pop();
  return segs.length > 0 ? (segs[segs.length - 1] as string[]) : null;
}

// The tail never takes the only words left: something must remain for the street.
function takeCountry(segs: string[][], out: ParsedAddress): void {
  const seg = lastSegment(segs);
  const country = seg ? readCountry(seg) : null;
  if (seg && country && (seg.length > country.used || segs.length > 1)) {
    out.country = country.code;
    dropLast(seg, country.used);
  }
}

function takePostal(segs: string[][], out: ParsedAddress): boolean {
  const seg = lastSegment(segs);
  const postal = seg ? readPostal(seg) : null;
  if (!seg || !postal || !(seg.length > postal.used || segs.length > 1)) return false;
  out.postal_code = postal.code;
  out.postal_code_ext = postal.ext;
  out.country ??= postal.country;
  dropLast(seg, postal.used);
  return true;
}

/** Parses a one-line address such as "123 N Main St Apt 4, Springfield, IL 62704-1234". */
export function parseAddressLine(raw: string | null | undefined, cityHint: string | null = null): ParsedAddress | null {
  if (raw == null) return null;
  // The tail (country, postal code, state) is read from the end, never across a comma.
  const segs = commaSegmentsUpper(raw, ADDRESS_FOLD);
  if (segs.length === 0) return null;
  const out = emptyAddress();
  takeCountry(segs, out);
  const postalFirst = takePostal(segs, out);
  const seg = lastSegment(segs);
  // A four-digit postal code reads the state as Australian (WA, NT are also US/Canadian codes).
  const hint = out.country ?? (out.postal_code && out.postal_code.length === 4 ? "AU" : null);
  const region = seg ? (readRegion(seg, hint) ?? spelledRegion(seg, hint, out.postal_code)) : null;
  if (seg && region && (seg.length > region.used || segs.length > 1)) {
    const named = region.used === 1 ? (seg[seg.length - 1] as string) : "";
    out.state = districtOr(region.code, named, out.postal_code);
    out.country ??= region.country;
    dropLast(seg, region.used);
  }
  if (!postalFirst) takePostal(segs, out);
  if (!out.country) takeCountry(segs, out);
  takeSpelledCity(segs, out);

  if (segs.length === 0) return finish(out);

  // "UNIT 4, 23 SMITH ST FITZROY": a unit on its own before one comma-less street-and-city line.
  let lineIndex = 0;
  if (segs.length === 2) {
    const unit = unitAt(segs[0] as string[], 0);
    const rest = segs[1] as string[];
    if (unit && unit.used === (segs[0] as string[]).length && isNumberWord(rest[0] as string)) {
      out.unit_type = unit.type;
      out.unit = unit.id;
      segs.shift();
      lineIndex = 1;
    }
  }

  if (segs.length === 1) {
    const line = segs[0] as string[];
    // With the applicant's city as a hint, the city is the tail that spells it best.
    const byHint = cityHint ? cityStartByHint(lowerCaseLine(line, raw, lineIndex), cityKey(cityHint)) : -1;
    const end = byHint > 0 ? byHint : streetEnd(line);
    if (end > 0 && end < line.length) {
      parseStreetWords(line.slice(0, end), out);
      out.city = joinWords(line, end);
    } else parseStreetWords(line, out);
    return finish(out);
  }

  // Several segments: the first holds the street (or only its number), the last is the city, units and named
  // places sit in between.
  const last = segs[segs.length - 1] as string[];
  const lastIsUnit = unitAt(last, 0) !== null;
  const middle = segs.slice(1, lastIsUnit ? segs.length : segs.length - 1);
  if (!lastIsUnit) out.city = joinWords(last);
  let firstSeg = segs[0] as string[];
  // A unit written on a line of its own before the street ("Unit 4, 23 Smith St", "Flat 2, 10 Downing Street").
  const leadingUnit = unitAt(firstSeg, 0);
  const next = middle[0];
  if (leadingUnit && leadingUnit.used === firstSeg.length && next !== undefined && isNumberWord(next[0] as string)) {
    out.unit_type = leadingUnit.type;
    out.unit = leadingUnit.id;
    firstSeg = middle.shift() as string[];
  }
  const onlyNumber = firstSeg.length === 1 && isNumberWord(firstSeg[0] as string);
  const firstStrength = streetStrength(firstSeg);
  // Street and place lines sometimes come swapped ("5 Namarva Station, Chandler Street"): a later segment that
  // reads as a street more clearly than the first one takes the street's place.
  const swapAt = onlyNumber || firstStrength < 2 ? strongerStreetAt(middle, firstStrength) : -1;
  if (swapAt >= 0) {
    const streetSeg = middle.splice(swapAt, 1)[0] as string[];
    const numbered = isNumberWord(firstSeg[0] as string);
    parseStreetWords(numbered ? [firstSeg[0] as string, ...streetSeg] : streetSeg, out);
    const place = numbered ? firstSeg.slice(1) : firstSeg;
    if (place.length > 0) out.localities.push(joinWords(place));
  } else parseStreetWords(firstSeg, out);
  for (const seg of middle) {
    const unit = unitAt(seg, 0);
    if (unit && out.unit === null && unit.used === seg.length) {
      out.unit_type = unit.type;
      out.unit = unit.id;
    } else if (out.street_name === null && isNumberWord(seg[0] as string)) {
      parseStreetWords(seg, out);
    } else if (!boxOfRoute(out, seg)) out.localities.push(joinWords(seg));
  }
  return finish(out);
}

/** The first of these segments that does not open with a number and reads more clearly as a street, or -1. */
function strongerStreetAt(segs: string[][], strength: number): number {
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string[];
    if (!isNumberWord(seg[0] as string) && streetStrength(seg) > strength) return i;
  }
  return -1;
}

/** 2: ends in a street type that only names streets; 1: in one that also names places; 0: no street type. */
function streetStrength(seg: string[]): number {
  const last = seg[seg.length - 1] as string;
  const glued = SUFFIX.has(last) ? null : splitGluedSuffix(last);
  if (seg.length < 2 && glued === null) return 0;
  let type = SUFFIX.get(last) ?? glued?.type;
  if (type === undefined && seg.length >= 2 && last.length >= 4 && !isNumberWord(last)) {
    const guess = SUFFIX_TABLE.find(last);
    if (guess) type = SUFFIX.get(guess);
  }
  if (type === undefined) return 0;
  return PLACE_LIKE_TYPES.has(type) ? 1 : 2;
}

/** A street written as words ("CHANDLER STREET") as one comparable key: name letters plus the standard type. */
function streetKey(text: string): string {
  const lower = text.toLowerCase();
  const space = lower.lastIndexOf(" ");
  if (space < 0) return lower;
  const last = lower.slice(space + 1);
  return withoutSpaces(lower.slice(0, space)) + (LOWER_SUFFIX.get(last) ?? last);
}

/** "4-B" and "4B", "B-12" and "B12" are one unit; "12-3" and "1-23" are not, so only a hyphen between a letter and a digit goes. */
function unitKey(unit: string): string {
  return unit.replace(/(?<=\d)-(?=[a-z])|(?<=[a-z])-(?=\d)/gi, "");
}

/** Puts the last touches on parsed components in place: a ZIP code's lost zero, a unit's hyphen. */
function finish(a: ParsedAddress): ParsedAddress {
  // A US ZIP code that lost its leading zero to a spreadsheet ("7024" for 07024, New Jersey).
  if (a.country === "US" && a.postal_code !== null && a.postal_code.length === 4 && isDigits(a.postal_code, 0, 4)) {
    a.postal_code = `0${a.postal_code}`;
  }
  if (a.unit?.includes("-")) a.unit = unitKey(a.unit);
  if (a.city !== null && a.city.length <= 3) a.city = typedCity(a, a.city);
  return a;
}

function isEmptyAddress(a: ParsedAddress): boolean {
  return (
    a.number === null &&
    a.pre_direction === null &&
    a.street_name === null &&
    a.street_type === null &&
    a.post_direction === null &&
    a.unit_type === null &&
    a.unit === null &&
    a.localities.length === 0 &&
    a.city === null &&
    a.state === null &&
    a.postal_code === null &&
    a.postal_code_ext === null &&
    a.country === null
  );
}

/**
 * A second form line that is only a unit id, with no designator: "4", "4B", "A101", "B-12", or a number and a
 * letter apart ("4 B").
 */
function bareUnit(line: string[]): string | null {
  const first = line[0] as string;
  // Not an ordinal ("2nd": a floor).
  if (line.length === 1)
    return hasDigit(first) && /^[A-Z0-9-]+$/.test(first) && !/^-|\d(ST|ND|RD|TH)$/.test(first) ? first : null;
  const second = line[1] as string;
  return line.length === 2 && isDigits(first, 0, first.length) && /^[A-Z]$/.test(second) ? first + second : null;
}

function withoutCommas(words: string[]): string[] {
  return words.includes(",") ? words.filter((w) => w !== ",") : words;
}

/** Parses the applicant's form fields into the same components as a one-line address. */
export function parseAddressFields(fields: AddressFields | null | undefined): ParsedAddress | null {
  if (!fields) return null;
  const out = emptyAddress();
  let line1 = withoutCommas(addressWords(fields.line1 ?? ""));
  let line2 = withoutCommas(addressWords(fields.line2 ?? ""));
  // The unit typed on the first line and the street on the second ("Unit 4" / "23 Smith Street").
  const leadingUnit = line1.length > 0 ? unitAt(line1, 0) : null;
  if (leadingUnit && leadingUnit.used === line1.length && line2.length > 0 && isNumberWord(line2[0] as string)) {
    out.unit_type = leadingUnit.type;
    out.unit = leadingUnit.id;
    line1 = line2;
    line2 = [];
  }
  // A rural route and its box on two lines ("RR 2" / "Box 15", or the box first); a first line opening with a house
  // number is no route, and is not copied to find out.
  const routeFirst = line1.length === 0 || !isNumberWord(line1[0] as string);
  if (routeFirst && line2.length > 0 && ruralRoute([...line1, ...line2], out)) {
    line1 = [];
    line2 = [];
  }
  if (line1.length > 0) parseStreetWords(line1, out);
  if (line2.length > 0) {
    const unit = unitAt(line2, 0);
    const bare = out.unit === null ? bareUnit(line2) : null;
    if (unit && unit.used === line2.length) {
      out.unit_type = unit.type;
      out.unit = unit.id;
    } else if (bare !== null) {
      out.unit = bare;
    } else if (out.street_name === null && isNumberWord(line2[0] as string)) {
      parseStreetWords(line2, out);
    } else out.localities.push(joinWords(line2));
  }
  const city = foldUpper(fields.city ?? "");
  out.city = city.length > 0 ? city : null;
  const country = foldUpper(fields.country ?? "");
  out.country = country.length > 0 ? (COUNTRY.get(country) ?? country) : null;
  const state = foldUpper(fields.state ?? "");
  if (state.length > 0) {
    const hits = REGION.get(state);
    const hit = hits ? regionIn(hits, out.country) : undefined;
    // A state field that also holds the city ("Washington DC", "Sydney NSW") names the region at its end.
    const found = hit ?? (state.includes(" ") ? readRegion(state.split(" "), out.country) : null);
    out.state = found ? found.code : state;
    if (!out.country && found) out.country = found.country;
  }
  // A city field that also holds the state's code ("Washington DC", "Washington, D.C.", "Sydney NSW"): the city is
  // what comes before it. Only the code: a state's name or abbreviation ends real city names (Port Washington, West
  // New York, Mount Penn). Most cities end in a word longer than any code and are not read for one.
  const lastSpace = city.lastIndexOf(" ");
  if (lastSpace >= 0 && city.length - lastSpace - 1 <= LONGEST_REGION_CODE) {
    const cityWords = city.split(" ");
    const region = readRegion(cityWords, out.country);
    const spelling = region ? cityWords.slice(cityWords.length - region.used).join("") : "";
    if (
      region &&
      region.used < cityWords.length &&
      spelling === region.code &&
      (out.state === null || out.state === region.code)
    ) {
      out.city = cityWords.slice(0, cityWords.length - region.used).join(" ");
      out.state ??= region.code;
      out.country ??= region.country;
    }
  }
  const postal = postalText(fields.postal_code ?? "");
  if (postal.length > 0) {
    const read = readPostal([postal]);
    out.postal_code = read ? read.code : postal;
    out.postal_code_ext = read ? read.ext : null;
    if (!out.country && read?.country) out.country = read.country;
  }
  if (out.state !== null) out.state = districtOr(out.state, state, out.postal_code);
  const parsed = finish(out);
  return isEmptyAddress(parsed) ? null : parsed;
}

/**
 * A typed postal code as one folded word, its spaces gone ("k1a 0b1" → "K1A0B1"). Most are typed as letters and
 * digits only, which fold to themselves in upper case: they skip the tokenizer and its word list.
 */
function postalText(typed: string): string {
  let lower = false;
  for (let i = 0; i < typed.length; i++) {
    const c = typed.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return wordsUpper(typed, KEEP_HYPHEN).join("");
  }
  // toUpperCase calls into the runtime even when nothing changes, and most codes are digits or upper case already.
  return lower ? typed.toUpperCase() : typed;
}

/** "match" | "partial" (close: one typo, a neighbouring number) | "mismatch" | "missing" (absent on either side). */
export type ComponentResult = "match" | "partial" | "mismatch" | "missing";

/** Flags on an address comparison, one per component. */
export interface AddressFlags {
  postal_code: ComponentResult;
  street_number: ComponentResult;
  street_name: ComponentResult;
  unit: ComponentResult;
  city: ComponentResult;
  state: ComponentResult;
}

export interface AddressComparison {
  score: number;
  flags: AddressFlags;
  /**
   * The same dwelling: the same house number, street (type and direction where both give one), postal code (one
   * keyed digit off in the same city counts) or, without one, city, no other state, and the same unit or none.
   */
  same_home: boolean;
  /** Shared between comparisons with the same flags: read-only. */
  reasons: readonly string[];
}

/** A city or place name as one comparable key: lower case, abbreviations spelled out, spaces gone. */
function cityKey(city: string): string {
  return keyOf(city, CITY_WORDS);
}

/**
 * A street name as one comparable key, like cityKey but without the one-letter compass words and "IS": inside a
 * street name those are more often letters split off by keying errors ("MACK S TREET", "MORR IS"); real
 * directionals are parsed apart.
 */
function streetNameKey(name: string): string {
  return keyOf(name, STREET_WORDS);
}

const STREET_WORDS = new Map([
  ...[...CITY_WORDS].filter(([short]) => short.length > 1 && short !== "is"),
  // Keys run the words together: "SR 9" and "STATE ROUTE 9" are both "stateroute9".
  ...HIGHWAY_WORDS.map(([short, full]) => [fold(short), fold(full).replaceAll(" ", "")] as const),
]);

function keyOf(text: string, words: ReadonlyMap<string, string>): string {
  const lower = text.toLowerCase();
  let space = lower.indexOf(" ");
  if (space < 0) return words.get(lower) ?? lower;
  // Word by word between the spaces, without a list of the words.
  let key = "";
  let from = 0;
  for (;;) {
    const w = space < 0 ? lower.slice(from) : lower.slice(from, space);
    key += words.get(w) ?? w;
    if (space < 0) return key;
    from = space + 1;
    space = lower.indexOf(" ", from);
  }
}

const withoutSpaces = (s: string): string => (s.includes(" ") ? s.split(" ").join("") : s);

/** withoutSpaces(a) === withoutSpaces(b), compared in place without building either string. */
function equalIgnoringSpaces(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a.charCodeAt(i) === 32) i++;
    while (j < b.length && b.charCodeAt(j) === 32) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

// Component results as numbers while comparing (they also key the reasons); the flags carry their names.
const RESULTS: readonly ComponentResult[] = ["match", "partial", "mismatch", "missing"];
const MISSING = 3;

/** The result for a number or postal code's similarity (-1: absent): close only by one keyed digit. */
function exactResult(similarity: number): number {
  return similarity < 0 ? MISSING : similarity >= 0.9 ? 0 : similarity > 0 ? 1 : 2;
}

/** The result for a text component's similarity (-1: absent). */
function textResult(similarity: number): number {
  return similarity < 0 ? MISSING : similarity >= 0.85 ? 0 : similarity >= 0.5 ? 1 : 2;
}

const resultName = (result: number): ComponentResult => RESULTS[result] as ComponentResult;

function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter === 0) return 0;
  if (Math.abs(a.length - b.length) > 2) {
    const far = jaroWinkler(a, b);
    return far >= 0.8 ? far * 0.9 : Math.max(0, (far - 0.6) / 0.2) * 0.5;
  }
  // The full distance only when it can be one or two edits.
  const d = bagDistance(a, b) <= 2 ? damerauLevenshtein(a, b) : 3;
  if (d === 1 && shorter >= 3) return 0.92;
  if (d === 2 && shorter >= 6) return 0.85;
  const jw = jaroWinkler(a, b);
  return jw >= 0.8 ? jw * 0.9 : Math.max(0, (jw - 0.6) / 0.2) * 0.5;
}

const postalKey = (code: string): string => (code.length > 5 && isDigits(code, 0, 5) ? code.slice(0, 5) : code);

/** A text's digits ("12A" → "12", "5th" → "5"); most house numbers are digits only and are their own. */
function digitsOf(text: string): string {
  return isDigits(text, 0, text.length) ? text : text.replace(/\D/g, "");
}

function numberSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const da = digitsOf(a);
  const db = digitsOf(b);
  if (da.length > 0 && da === db) return 0.9; // 12A vs 12
  // One keyed digit wrong, dropped or swapped ("106" vs "16", "562" vs "526").
  if (da.length > 0 && db.length > 0 && oneEditApart(da, db)) return 0.5;
  return 0;
}

// Component weights: the postal code, house number and street name each pin an address down; city and state are
// implied by the postal code, a unit only refines. Missing components drop out of the average.
const WEIGHTS = { postal_code: 0.25, street_number: 0.25, street_name: 0.25, city: 0.15, state: 0.05, unit: 0.05 };

const NUMBER_NAME = /^\d+(?:st|nd|rd|th)?$/;

/**
 * A street named by a number ("5TH", "FIFTH", "HWY 61", "I-95", "RR 2"): its first number, and its words (standard
 * spellings) with "#" for every number; null when the first word holding digits is not a number or an ordinal.
 */
function numberedStreet(key: readonly string[]): { number: string; rest: string } | null {
  let number: string | null = null;
  let rest = "";
  for (const w of key) {
    if (!hasDigit(w)) rest += `${w} `;
    else {
      if (number === null && !NUMBER_NAME.test(w)) return null;
      number ??= digitsOf(w);
      rest += "# ";
    }
  }
  return number === null ? null : { number, rest };
}

/** A street name's words in lower case and standard spelling ("FIFTH AVE 4B" → fifth→5th), hyphens as spaces. */
function streetWordsKey(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[ -]/)
    .map((w) => STREET_WORDS.get(w) ?? w);
}

/**
 * Two streets named by different numbers, otherwise alike: 5TH and SIXTH avenues, HWY 61 and HWY 16, I-95 and I-90,
 * routes RR 2 and RR 3 are two roads, however alike they are spelled; also with the same unit left in both names
 * ("5TH AVE 4B" / "6TH AVE 4B"). A unit on one side only leaves the words unequal: compared by spelling.
 */
function otherNumberedStreet(a: string, b: string): boolean {
  if (!hasDigit(a) && !hasDigit(b)) return false;
  const na = numberedStreet(streetWordsKey(a));
  const nb = na === null ? null : numberedStreet(streetWordsKey(b));
  return na !== null && nb !== null && na.number !== nb.number && na.rest === nb.rest;
}

/** Compares the applicant's address with an owner's. */
export function compareAddresses(applicant: ParsedAddress, owner: ParsedAddress): AddressComparison {
  // Similarity per component; -1 = not comparable.
  let postal = -1;
  let number = -1;
  let street = -1;
  let unit = -1;
  let city = -1;
  let state = -1;
  if (applicant.postal_code && owner.postal_code) {
    // ZIP codes compare on their five digits; other countries' codes whole.
    const a = postalKey(applicant.postal_code);
    const b = postalKey(owner.postal_code);
    postal = a === b ? 1 : a.length === b.length && oneEditApart(a, b) ? 0.4 : 0;
  }
  if (applicant.number && owner.number) number = numberSimilarity(applicant.number, owner.number);
  if (applicant.street_name && owner.street_name) {
    let s = 1;
    if (!equalIgnoringSpaces(applicant.street_name, owner.street_name)) {
      // Abbreviated and ordinal words read alike ("MT VERNON" and "MOUNT VERNON", "FIFTH" and "5TH").
      const a = streetNameKey(applicant.street_name);
      const b = streetNameKey(owner.street_name);
      s = otherNumberedStreet(applicant.street_name, owner.street_name) ? 0 : textSimilarity(a, b);
      // The street type sometimes ends up inside the name on one side only ("ENDERBY ST" vs "ENDERBYST").
      if (s < 1 && applicant.street_type && owner.street_type === null) {
        s = Math.max(s, textSimilarity(a + applicant.street_type.toLowerCase(), b));
      }
    }
    if (applicant.street_type && owner.street_type && applicant.street_type !== owner.street_type) s *= 0.85;
    if (applicant.pre_direction && owner.pre_direction && applicant.pre_direction !== owner.pre_direction) s *= 0.85;
    // "12 KING ST E" and "12 KING ST W" are two streets.
    if (applicant.post_direction && owner.post_direction && applicant.post_direction !== owner.post_direction) {
      s *= 0.85;
    }
    street = s;
  }
  // The street may sit among the owner's place lines when the bank swapped them.
  if ((street < 0 ? 0 : street) < 0.85 && applicant.street_name && owner.localities.length > 0) {
    const key = streetKey(`${applicant.street_name} ${applicant.street_type ?? ""}`.trim());
    const places = owner.localities;
    const n = owner.city ? places.length + 1 : places.length;
    for (let i = 0; i < n; i++) {
      const place = i < places.length ? (places[i] as string) : (owner.city as string);
      const s = textSimilarity(key, streetKey(place)) * 0.95;
      if (s > (street < 0 ? 0 : street)) street = s;
    }
  }
  if (applicant.unit && owner.unit) unit = applicant.unit === owner.unit ? 1 : 0;
  if (applicant.city && owner.city) {
    // The same city spelled the same way (most pairs) has the same key: no key to look up.
    let s = 1;
    if (applicant.city !== owner.city) {
      const a = cityKey(applicant.city);
      s = textSimilarity(a, cityKey(owner.city));
      // Australian addresses often give the locality where a US one has the city.
      if (s < 1) for (const place of owner.localities) s = Math.max(s, textSimilarity(a, cityKey(place)) * 0.9);
    }
    city = s;
  }
  if (applicant.state && owner.state) state = applicant.state === owner.state ? 1 : 0;

  // Accumulated in WEIGHTS order (postal code, number, street, city, state, unit), as floating point demands.
  let total = 0;
  let weight = 0;
  if (postal >= 0) {
    total += WEIGHTS.postal_code * postal;
    weight += WEIGHTS.postal_code;
  }
  if (number >= 0) {
    total += WEIGHTS.street_number * number;
    weight += WEIGHTS.street_number;
  }
  if (street >= 0) {
    total += WEIGHTS.street_name * street;
    weight += WEIGHTS.street_name;
  }
  if (city >= 0) {
    total += WEIGHTS.city * city;
    weight += WEIGHTS.city;
  }
  if (state >= 0) {
    total += WEIGHTS.state * state;
    weight += WEIGHTS.state;
  }
  if (unit >= 0) {
    total += WEIGHTS.unit * unit;
    weight += WEIGHTS.unit;
  }
  const postalResult = exactResult(postal);
  const numberResult = exactResult(number);
  const streetResult = textResult(street);
  const unitResult = textResult(unit);
  const cityResult = textResult(city);
  const stateResult = textResult(state);
  const flags: AddressFlags = {
    postal_code: resultName(postalResult),
    street_number: resultName(numberResult),
    street_name: resultName(streetResult),
    unit: resultName(unitResult),
    city: resultName(cityResult),
    state: resultName(stateResult),
  };
  // The results as one number, base 4, in COMPONENTS order.
  const outcome =
    ((((postalResult * 4 + numberResult) * 4 + streetResult) * 4 + unitResult) * 4 + cityResult) * 4 + stateResult;
  // Little to compare (only a state, say) is weak evidence either way: pull the score towards the middle.
  let score = weight > 0 ? total / weight : 0.5;
  if (weight < 0.5) score = 0.5 + (score - 0.5) * (weight / 0.5);
  const rounded = Math.round(100 * score);
  return { score: rounded, flags, same_home: sameHome(applicant, owner), reasons: addressReasons(outcome, flags) };
}

/** Either side silent, or both the same. */
const agrees = (a: string | null, b: string | null): boolean => a === null || b === null || a === b;

function sameHome(applicant: ParsedAddress, owner: ParsedAddress): boolean {
  if (applicant.number === null || applicant.number !== owner.number) return false;
  if (applicant.street_name === null || owner.street_name === null) return false;
  // A post office box is a mailbox, often a whole family's, not a dwelling.
  if (applicant.street_name === PO_BOX || owner.street_name === PO_BOX) return false;
  if (
    applicant.street_name !== owner.street_name &&
    streetNameKey(applicant.street_name) !== streetNameKey(owner.street_name)
  ) {
    return false;
  }
  if (!agrees(applicant.street_type, owner.street_type) || !agrees(applicant.pre_direction, owner.pre_direction)) {
    return false;
  }
  if (!agrees(applicant.post_direction, owner.post_direction) || !agrees(applicant.state, owner.state)) return false;
  if (applicant.unit !== owner.unit) return false;
  // A unit in a spelling no table knows stays among the places ("APTO 7", "SP 14"): numbered places must agree, on one
  // side only too (floors, boxes and rural routes aside: a line the other side may leave out).
  if (numberedPlaces(applicant) !== numberedPlaces(owner)) return false;
  if (applicant.postal_code && owner.postal_code) {
    const a = postalKey(applicant.postal_code);
    const b = postalKey(owner.postal_code);
    // One keyed digit off ("4053" for 4035) in the same city is the same code.
    return a === b || (a.length === b.length && oneEditApart(a, b) && sameCity(applicant, owner));
  }
  return sameCity(applicant, owner);
}

// Numbered lines that say where in a building or on a route, not which dwelling: floors ("2ND FLOOR", "4TH"), boxes,
// rural routes.
const NOT_A_DWELLING_MARK = /^\d+(ST|ND|RD|TH)$|\b(FLOOR|FLR|FL|BOX|PO|PMB|RR|RMB|RURAL|ROUTE)\b/;

function numberedPlaces(a: ParsedAddress): string {
  let out = "";
  // Spacing aside: "VILLA 74 VILLAGE GLEN" is "VILLA74 VILLAGE GLEN".
  for (const place of a.localities) {
    if (hasDigit(place) && !NOT_A_DWELLING_MARK.test(place)) out += `${withoutSpaces(place)}|`;
  }
  return out;
}

function sameCity(applicant: ParsedAddress, owner: ParsedAddress): boolean {
  if (applicant.city === null || owner.city === null) return false;
  return applicant.city === owner.city || cityKey(applicant.city) === cityKey(owner.city);
}

const LABELS: Record<keyof AddressFlags, string> = {
  postal_code: "Postal code",
  street_number: "street number",
  street_name: "street name",
  unit: "unit",
  city: "city",
  state: "state",
};

const COMPONENTS = Object.keys(LABELS) as (keyof AddressFlags)[];

// The sentences for each combination of component results (4^6 of them), built on first use.
// Shared and frozen: callers only read them.
const REASONS_BY_FLAGS = new Array<readonly string[] | undefined>(4 ** 6).fill(undefined);

/**
 * "Postal code, street number and city match" — one sentence per outcome, components in a fixed order. `outcome`
 * is the flags' results as one number (compareAddresses).
 */
function addressReasons(outcome: number, flags: AddressFlags): readonly string[] {
  let reasons = REASONS_BY_FLAGS[outcome];
  if (reasons === undefined) {
    reasons = Object.freeze(reasonSentences(flags));
    REASONS_BY_FLAGS[outcome] = reasons;
  }
  return reasons;
}

function reasonSentences(flags: AddressFlags): string[] {
  const reasons: string[] = [];
  for (const [result, one, many] of OUTCOME_WORDS) {
    let count = 0;
    let text = "";
    let last = "";
    for (const key of COMPONENTS) {
      if (flags[key] !== result) continue;
      const label = count === 0 ? capitalize(LABELS[key]) : LABELS[key];
      if (count === 1) text = last;
      else if (count > 1) text += `, ${last}`;
      last = label;
      count++;
    }
    if (count === 1) reasons.push(`${last} ${one}`);
    else if (count > 1) reasons.push(`${text} and ${last} ${many}`);
  }
  if (reasons.length === 0) reasons.push("Address has no comparable parts");
  return reasons;
}

const OUTCOME_WORDS: readonly (readonly [ComponentResult, string, string])[] = [
  ["match", "matches", "match"],
  ["partial", "is close but not equal", "are close but not equal"],
  ["mismatch", "differs", "differ"],
];

function capitalize(s: string): string {
  return s.length === 0 ? s : (s[0] as string).toUpperCase() + s.slice(1);
}
