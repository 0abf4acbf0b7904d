/**
 * Personal names: parse a written name into given name, middle names and surname (titles, suffixes and
 * organisation words set aside), then compare two names role by role — given with given, surname with surname —
 * under both written orders, so "SMITH, ROBERT J", "Robert Smith" and "Smith Robert" all line up. Each comparison
 * returns the score together with the flags and reasons that explain it.
 */
import { fold, words } from "./normalize";
import { bagDistance, damerauLevenshtein, jaroWinkler, oneEditApart, phoneticKey, withinOneEdit } from "./similarity";
import { GIVEN_NAMES } from "./tables/given-names";
import {
  ACCOUNT_WORDS,
  BENEFICIARY_MARKERS,
  BUSINESS_ENTITY_FORMS,
  BUSINESS_ENTITY_FORMS_AT_END,
  BUSINESS_TRADE_WORDS,
  FAMILY_NAMES_WRITTEN_FIRST,
  FIDUCIARY_WORDS_IN_CONTEXT,
  GIVEN_LIKE_PARTICLES,
  HONORIFICS,
  MORE_OWNERS_DESIGNATIONS,
  NAME_SUFFIXES,
  PROFESSIONAL_SUFFIXES,
  SOLE_TRADER_WORDS,
  SURNAME_PARTICLES,
  TRADE_NAME_MARKERS,
} from "./tables/name-words";
import { NICKNAME_FAMILIES } from "./tables/nicknames";

const HONORIFIC_SET = new Set(HONORIFICS.map((w) => fold(w)));
const SUFFIX_SET = new Set(NAME_SUFFIXES.map((w) => fold(w)));
const PROFESSIONAL_SET = new Set(PROFESSIONAL_SUFFIXES.map((w) => fold(w)));
const PARTICLE_SET = new Set(SURNAME_PARTICLES.map((w) => fold(w)));
const GIVEN_LIKE_PARTICLE_SET = new Set(GIVEN_LIKE_PARTICLES.map((w) => fold(w)));
const ENTITY_FORMS = BUSINESS_ENTITY_FORMS.map((w) => fold(w));
const ENTITY_SINGLE = new Set(ENTITY_FORMS.filter((w) => !w.includes(" ")));
const ENTITY_MULTI = ENTITY_FORMS.filter((w) => w.includes(" "));
const ENTITY_ENDING_ONLY = new Set(BUSINESS_ENTITY_FORMS_AT_END.map((w) => fold(w)));
const TRADE_SET = new Set(BUSINESS_TRADE_WORDS.map((w) => fold(w)));
const KEEP_HYPHEN = { keepHyphen: true } as const;

// Nickname families: word → the families it belongs to; heads are the formal names (first of a row).
const FAMILIES_BY_NAME = new Map<string, number[]>();
const FORMAL_NAMES = new Set<string>();
NICKNAME_FAMILIES.forEach((row, index) => {
  FORMAL_NAMES.add(row[0] as string);
  for (const name of new Set(row)) {
    const list = FAMILIES_BY_NAME.get(name);
    if (list) list.push(index);
    else FAMILIES_BY_NAME.set(name, [index]);
  }
});

/** What the tables know of a given name; one lookup per name word serves every question asked of it. */
interface KnownGivenName {
  /** The nickname families the name belongs to (null: none). */
  families: readonly number[] | null;
  /** The names it is a nickname of or for (four letters or more), by length (null: none); built on first use. */
  relatives?: Relatives | null;
  /**
   * letterMask of all its relatives together, built with them: kept on the entry, which the caller has just read,
   * so that most words are ruled out without reaching for the relatives' lists (0: no relatives, or not built yet).
   */
  relativeLetters: number;
}

/** A known given name's relatives of each length, with the letters each length's names use between them. */
interface Relatives {
  /** Every length up to the longest has a list (maybe empty). */
  byLength: string[][];
  /** letterMask of all the names of that length together. */
  letters: number[];
}

// Every given name we know as a real name: nickname families plus the common-names table.
const KNOWN_GIVEN = new Map<string, KnownGivenName>();
for (const name of [...FAMILIES_BY_NAME.keys(), ...GIVEN_NAMES]) {
  if (KNOWN_GIVEN.has(name)) continue;
  // Made with the lazily built relatives field too, so every entry keeps one shape.
  KNOWN_GIVEN.set(name, { families: FAMILIES_BY_NAME.get(name) ?? null, relatives: undefined, relativeLetters: 0 });
}

/** One name word as compared: its letters, and the parts of a compound surname ("garcia-lopez", "de la cruz"). */
export interface NameWord {
  /** Letters only, compound parts joined: "garcialopez", "delacruz". */
  key: string;
  /** The meaningful parts: ["garcia", "lopez"], ["cruz"]. */
  parts: string[];
  /** As written after folding: "garcia-lopez", "de la cruz". */
  text: string;
  /** Several parts or a particle: compared part by part too. */
  compound: boolean;
  /** Phonetic key of `key`, computed on first use. */
  phonetic?: string;
  /** Made by joining two written words (a name split by a stray space). */
  joined?: boolean;
  /** What the tables know of `key` as a given name (null: not a known given name), looked up on first use. */
  given?: KnownGivenName | null;
}

/** A parsed personal or business name. */
export interface ParsedName {
  /** Name words in given-first order (a "LAST, FIRST" name is reordered). */
  words: NameWord[];
  honorifics: string[];
  suffixes: string[];
  /** Written "LAST, FIRST": the order is known, not guessed. */
  comma_form: boolean;
  business: boolean;
}

/** Flags on a name comparison (see DESIGN.md §4). */
export interface NameFlags {
  /** Same words after normalization (case, accents, punctuation, titles and suffixes aside). */
  exact: boolean;
  /** A given name matched through the nickname table (Bob → Robert). */
  nickname: boolean;
  /** A given or middle name matched only by its initial (J → James). */
  initials: boolean;
  /** The owner's name is written surname first without a comma ("Smith Robert"). */
  order_swapped: boolean;
  /** Only the given name or only the surname matches: typically a relative or a namesake. */
  first_or_last_only: boolean;
  /** One side names an organisation (LLC, Inc, Trust…), not a person. */
  business_name: boolean;
  /** Both names have middle names and they disagree. */
  middle_name_mismatch: boolean;
  /** A name word matched despite a spelling, OCR or phonetic error. */
  typo: boolean;
  /** Both names carry generational suffixes and they differ (Jr vs Sr): possibly parent and child. */
  suffix_mismatch: boolean;
  /** The given name matched a middle name on the other side (goes by the middle name). */
  middle_as_given: boolean;
}

export interface NameComparison {
  score: number;
  flags: NameFlags;
  reasons: string[];
  /** For a partial match: which role matched, and how close the other role came (0..1). */
  /** Why this name, however well it matches, needs a person's look (a fiduciary account); decided by the scorer. */
  needs_review?: string;
  partial?: {
    matched: "given" | "surname";
    other_similarity: number;
    missing_word: boolean;
    /**
     * Shaped like a changed surname: the applicant's given name (a whole word, not an initial) is the owner's given
     * name, in its place, and no other owner word repeats one of the applicant's surnames (a parent who passed one on).
     */
    surname_change: boolean;
  };
}

/** Where the first comma (ASCII or full width) stands, or -1. */
function commaIndex(raw: string): number {
  const ascii = raw.indexOf(",");
  return ascii >= 0 ? ascii : raw.indexOf("\uff0c");
}

/** Splits off a leading "LAST," part; returns null when the comma only precedes suffixes ("Smith, Jr."). */
function splitCommaForm(raw: string, comma: number): { last: string[]; first: string[] } | null {
  if (comma < 0) return null;
  const last = words(raw.slice(0, comma), KEEP_HYPHEN);
  const first = words(raw.slice(comma + 1), KEEP_HYPHEN);
  if (last.length === 0 || first.length === 0) return null;
  if (first.every((w) => SUFFIX_SET.has(w) || PROFESSIONAL_SET.has(w) || HONORIFIC_SET.has(w))) return null;
  return { last, first };
}

function isBusiness(words: string[]): boolean {
  if (words.length === 0) return false;
  // Spaced-out forms ("L L C") only when the name has one-letter words.
  if (words.some((w) => w.length === 1)) {
    const joined = ` ${words.join(" ")} `;
    for (const multi of ENTITY_MULTI) if (joined.includes(` ${multi} `)) return true;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!ENTITY_SINGLE.has(w)) continue;
    if (!ENTITY_ENDING_ONLY.has(w)) return true;
    // "Johnson Consulting Co" is a company; "Maria Na" is a person with a two-letter surname.
    if (i === words.length - 1 && words.length >= 3) return true;
  }
  // A trade word closing a name of two or more words ("Sanchez Plumbing").
  const last = words[words.length - 1] as string;
  return words.length >= 2 && TRADE_SET.has(last);
}

// Every word is made with all its fields, the lazily filled ones included, so all share one shape.
function makeWord(text: string): NameWord {
  if (!text.includes(" ") && !text.includes("-")) {
    return { key: text, parts: [text], text, compound: false, given: undefined, phonetic: undefined, joined: false };
  }
  const pieces = text.split(/[\s-]+/).filter((p) => p.length > 0);
  const parts = pieces.filter((p) => !PARTICLE_SET.has(p));
  return {
    key: pieces.join(""),
    parts: parts.length > 0 ? parts : pieces,
    text,
    compound: pieces.length > 1,
    given: undefined,
    phonetic: undefined,
    joined: false,
  };
}

function phoneticOf(word: NameWord): string {
  word.phonetic ??= phoneticKey(word.key);
  return word.phonetic;
}

/** Appends a written word (empty ones dropped) to the name words. */
function pushWord(out: NameWord[], text: string): void {
  if (text.length > 0) out.push(makeWord(text));
}

/**
 * Appends the name words, grouping surname particles with the word after them from `fromIndex` on:
 * ["maria", "de", "la", "cruz"] → maria, "de la cruz".
 */
function pushGrouped(out: NameWord[], words: string[], fromIndex: number): void {
  const head = Math.min(fromIndex, words.length);
  for (let i = 0; i < head; i++) pushWord(out, words[i] as string);
  let pending = "";
  let pendingCount = 0;
  for (let i = fromIndex; i < words.length; i++) {
    const w = words[i] as string;
    if (i < words.length - 1 && PARTICLE_SET.has(w)) {
      pending = pendingCount > 0 ? `${pending} ${w}` : w;
      pendingCount++;
      continue;
    }
    pushWord(out, pendingCount > 0 ? `${pending} ${w}` : w);
    pending = "";
    pendingCount = 0;
  }
}

function stripLeadingHonorifics(words: string[], keep: number, honorifics: string[]): string[] {
  let i = 0;
  while (i < words.length - keep && HONORIFIC_SET.has(words[i] as string)) honorifics.push(words[i++] as string);
  return i > 0 ? words.slice(i) : words;
}

function stripTrailingSuffixes(words: string[], keep: number, suffixes: string[], professional: boolean): string[] {
  let end = words.length;
  while (end > keep) {
    const w = words[end - 1] as string;
    if (SUFFIX_SET.has(w) || (professional && PROFESSIONAL_SET.has(w))) {
      suffixes.unshift(w);
      end--;
    } else break;
  }
  return end < words.length ? words.slice(0, end) : words;
}

const MAX_NAME_WORDS = 16;

/** Parses a written name. Returns null for a missing or empty name. */
export function parseName(raw: string | null | undefined): ParsedName | null {
  if (raw == null) return null;
  const honorifics: string[] = [];
  const suffixes: string[] = [];
  const commaAt = commaIndex(raw);
  const comma = splitCommaForm(raw, commaAt);
  const nameWords: NameWord[] = [];
  let business: boolean;
  if (comma) {
    business = isBusiness([...comma.last, ...comma.first]);
    const last = stripTrailingSuffixes(stripLeadingHonorifics(comma.last, 1, honorifics), 1, suffixes, true);
    const first = stripTrailingSuffixes(stripLeadingHonorifics(comma.first, 1, honorifics), 1, suffixes, true);
    // The whole part before the comma is the surname, however many words it has.
    pushGrouped(nameWords, first, 1);
    pushWord(nameWords, last.join(" "));
  } else {
    // Text after a comma that only holds suffixes ("John Smith, Jr., MD") is suffixes, professional ones included.
    const head = commaAt >= 0 ? raw.slice(0, commaAt) : raw;
    const tail = commaAt >= 0 ? words(raw.slice(commaAt + 1)) : [];
    let written = words(head, KEEP_HYPHEN);
    if (written.length === 0 && tail.length > 0) written = tail.splice(0);
    business = isBusiness(tail.length > 0 ? [...written, ...tail] : written);
    // "SR" after a comma is the generation, not Señor or Sister ("JOHN DOE, SR").
    for (const w of tail) if (GENERATIONAL.has(w) || !HONORIFIC_SET.has(w)) suffixes.push(w);
    written = stripLeadingHonorifics(written, 2, honorifics);
    written = stripTrailingSuffixes(written, 2, suffixes, false);
    // A generation written inside the name ("JOHN JR SMITH") is still the generation, not a middle name.
    if (written.length >= 3 && written.some((w, i) => i > 0 && i < written.length - 1 && GENERATIONAL.has(w))) {
      written = written.filter((w, i) => {
        const inside = i > 0 && i < written.length - 1 && GENERATIONAL.has(w);
        if (inside) suffixes.push(w);
        return !inside;
      });
    }
    // A name that opens with a particle is written surname first ("De La Cruz Nicholas").
    const leadingParticle =
      written.length >= 3 &&
      PARTICLE_SET.has(written[0] as string) &&
      !GIVEN_LIKE_PARTICLE_SET.has(written[0] as string);
    pushGrouped(nameWords, written, leadingParticle ? 0 : 1);
  }
  if (nameWords.length === 0 && honorifics.length === 0 && suffixes.length === 0) return null;
  // No personal name has this many words; comparing every pair of thousands would only burn time.
  if (nameWords.length > MAX_NAME_WORDS) nameWords.length = MAX_NAME_WORDS;
  return { words: nameWords, honorifics, suffixes, comma_form: comma !== null, business };
}

/** Whether two given names belong to one nickname family (Bob/Robert, Peggy/Margaret, Bob/Bobby). */
export function areNicknames(a: string, b: string): boolean {
  if (a === b) return false;
  return nicknameFamiliesMeet(a, b, FAMILIES_BY_NAME.get(a), FAMILIES_BY_NAME.get(b));
}

function knownGiven(word: NameWord): KnownGivenName | null {
  if (word.given === undefined) word.given = KNOWN_GIVEN.get(word.key) ?? null;
  return word.given;
}

function familiesOf(word: NameWord): readonly number[] | null {
  return knownGiven(word)?.families ?? null;
}

function isKnownGiven(word: NameWord): boolean {
  return knownGiven(word) !== null;
}

/** areNicknames for two name words, with each word's families looked up once. */
function areNicknameWords(a: NameWord, b: NameWord): boolean {
  if (a.key === b.key) return false;
  const fa = familiesOf(a);
  if (!fa) return false;
  return nicknameFamiliesMeet(a.key, b.key, fa, familiesOf(b));
}

function nicknameFamiliesMeet(
  a: string,
  b: string,
  fa: readonly number[] | null | undefined,
  fb: readonly number[] | null | undefined,
): boolean {
  if (!fa || !fb) return false;
  for (const family of fa) {
    if (!fb.includes(family)) continue;
    const head = (NICKNAME_FAMILIES[family] as readonly string[])[0];
    // Two formal names never match through a shared diminutive (Cassandra and Alexandra both give "Sandy").
    if (a === head || b === head || !(FORMAL_NAMES.has(a) && FORMAL_NAMES.has(b))) return true;
  }
  return false;
}

type WordMatchKind = "exact" | "nickname" | "initial" | "compound" | "typo" | "phonetic" | "distinct" | "weak";

// Never modified once made, so the fixed outcomes below are shared rather than built for every comparison.
interface WordMatch {
  readonly score: number;
  readonly kind: WordMatchKind;
}

const NO_MATCH: WordMatch = { score: 0, kind: "weak" };
const EXACT: WordMatch = { score: 1, kind: "exact" };
const PHONETIC: WordMatch = { score: 0.85, kind: "phonetic" };

/** Similarity of two spellings in [0, 1] with the kind of error that explains it. */
export function spellingSimilarity(a: string, b: string, wordA?: NameWord, wordB?: NameWord): WordMatch {
  if (a === b) return EXACT;
  const shorter = Math.min(a.length, b.length);
  if (shorter === 0) return NO_MATCH;
  const jw = jaroWinkler(a, b);
  // Below this Jaro-Winkler no one- or two-edit typo and no sound-alike spelling of a name is possible in practice;
  // most pairs of different names stop here (their likeness, counted from 0.72, is nil).
  if (jw < 0.6) return NO_MATCH;
  let score = Math.max(0, (jw - 0.72) / 0.28) * 0.7;
  let kind: WordMatchKind = "weak";
  if (shorter >= 3 && Math.abs(a.length - b.length) <= 2) {
    const typo = typoScore(a, b, shorter);
    if (typo > score) {
      score = typo;
      kind = "typo";
    }
  }
  if (score < 0.85 && shorter >= 3) {
    const key = wordA ? phoneticOf(wordA) : phoneticKey(a);
    if (key.length >= 3 && key === (wordB ? phoneticOf(wordB) : phoneticKey(b))) return PHONETIC;
  }
  if (kind === "weak" && score >= 0.6) kind = "typo";
  return { score, kind };
}

/** The likeness of a typo: 0.9 for one keying error, 0.8 for two in words of six letters or more, else 0. */
function typoScore(a: string, b: string, shorter: number): number {
  // Short words can only score for one error, found in one pass (one error leaves the letter bags one letter apart).
  if (shorter < 6) return oneEditApart(a, b) ? 0.9 : 0;
  if (bagDistance(a, b) > 2) return 0;
  if (oneEditApart(a, b)) return 0.9;
  return damerauLevenshtein(a, b) === 2 ? 0.8 : 0;
}

// Two different real given names that merely look or sound alike (Denise/Dennis, Steven/Stephanie) are different
// people far more often than a typo: a spelling match between two names both known to the table is held down.
const DISTINCT_NAMES_CAP = 0.3;
// A given name written as its initial only ("J Smith"): consistent, but a relative shares the initial as easily, so
// alone it lands in review; a matching email or phone lifts it to a match.
const INITIAL_GIVEN = 0.55;
const GIVEN_INITIAL: WordMatch = { score: INITIAL_GIVEN, kind: "initial" };
const NICKNAME: WordMatch = { score: 0.93, kind: "nickname" };
const MISSPELLED_NICKNAME: WordMatch = { score: 0.82, kind: "nickname" };

/** Compares two given names; `spelled` is their spellingSimilarity when the caller already has it. */
function compareGiven(a: NameWord, b: NameWord, spelled?: WordMatch): WordMatch {
  if (a.key === b.key) return EXACT;
  if (a.key.length === 1 || b.key.length === 1) return a.key[0] === b.key[0] ? GIVEN_INITIAL : NO_MATCH;
  if (areNicknameWords(a, b)) return NICKNAME;
  const knownA = isKnownGiven(a);
  const knownB = isKnownGiven(b);
  const spelling = spelled ?? spellingSimilarity(a.key, b.key, a, b);
  if (knownA && knownB) return { score: Math.min(spelling.score, DISTINCT_NAMES_CAP), kind: "distinct" };
  // Two short names the tables do not know, one letter apart in place (Wei/Mei, Jun/Yun, Jie/Jin): another name far
  // more often than a slip (a known name beside a non-name, Amy/Amh, is a slip).
  if (!knownA && !knownB && spelling.kind === "typo" && shortSubstitution(a.key, b.key)) {
    return { score: Math.min(spelling.score, DISTINCT_NAMES_CAP), kind: "distinct" };
  }
  if (spelling.score >= 0.8) return spelling;
  // A misspelled nickname ("Bobbby" for Robert): one edit away from a name in the other name's families.
  if (a.joined || b.joined) return spelling;
  if (knownB && !knownA && misspelledNickname(a.key, b)) return MISSPELLED_NICKNAME;
  if (knownA && !knownB && misspelledNickname(b.key, a)) return MISSPELLED_NICKNAME;
  return spelling;
}

/** Whether two names of three letters or fewer differ in exactly one letter, in the same place. */
function shortSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length || a.length > 3) return false;
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) differ++;
  return differ === 1;
}

/**
 * Whether an unknown word is one keying error away from a nickname-family relative of a known name. Searching only
 * the known name's own families (tens of names) is both faster and safer than correcting the word against the whole
 * table first.
 */
function misspelledNickname(unknown: string, known: NameWord): boolean {
  if (unknown.length < 5 || unknown.length > 12) return false;
  const entry = knownGiven(known);
  if (entry === null) return false;
  if (entry.relatives === undefined) {
    entry.relatives = relativesIndex(known.key, entry.families);
    if (entry.relatives) for (const mask of entry.relatives.letters) entry.relativeLetters |= mask;
  }
  const relatives = entry.relatives;
  if (relatives === null) return false;
  // A word one edit away from a name has at most one letter the name lacks: a word lacking two of the letters all
  // the relatives use between them is near none of them (most, for a word from another name).
  const letters = letterMask(unknown);
  if (hasTwoBits(letters & ~entry.relativeLetters)) return false;
  // The relatives never include the known name itself, so any relative within one edit is a hit; only relatives
  // one letter shorter, as long or one letter longer can be.
  const length = unknown.length;
  const last = Math.min(length + 1, relatives.byLength.length - 1);
  for (let l = length - 1; l <= last; l++) {
    // The same test for the names of one length.
    if (hasTwoBits(letters & ~(relatives.letters[l] as number))) continue;
    for (const relative of relatives.byLength[l] as string[]) if (withinOneEdit(unknown, relative)) return true;
  }
  return false;
}

/** Whether a mask has two bits set or more. */
const hasTwoBits = (mask: number): boolean => (mask & (mask - 1)) !== 0;

/**
 * The letters a word has, one bit each. Characters past the alphabet share bits with letters, which only ever makes
 * a test of missing letters let more through.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/** The names a known given name is a nickname of or for (four letters or more), by length; null when none. */
function relativesIndex(known: string, families: readonly number[] | null): Relatives | null {
  if (!families) return null;
  const relatives = new Set<string>();
  for (const family of families) {
    for (const relative of NICKNAME_FAMILIES[family] as readonly string[]) {
      if (relative !== known && relative.length >= 4 && areNicknames(relative, known)) relatives.add(relative);
    }
  }
  if (relatives.size === 0) return null;
  let longest = 0;
  for (const relative of relatives) longest = Math.max(longest, relative.length);
  const byLength: string[][] = Array.from({ length: longest + 1 }, () => []);
  const letters: number[] = new Array(longest + 1).fill(0);
  for (const relative of relatives) {
    (byLength[relative.length] as string[]).push(relative);
    letters[relative.length] = (letters[relative.length] as number) | letterMask(relative);
  }
  return { byLength, letters };
}

const SURNAME_INITIAL: WordMatch = { score: 0.6, kind: "initial" };

/** Compares two surnames; `spelled` is their spellingSimilarity when the caller already has it. */
function compareSurname(a: NameWord, b: NameWord, spelled?: WordMatch): WordMatch {
  if (a.key === b.key) return EXACT;
  if (a.key.length === 1 || b.key.length === 1) return a.key[0] === b.key[0] ? SURNAME_INITIAL : NO_MATCH;
  let best = spelled ?? spellingSimilarity(a.key, b.key, a, b);
  // One part of a compound surname ("Garcia" in "Garcia-Lopez", "Cruz" in "de la Cruz").
  if (a.compound || b.compound) {
    for (const pa of a.parts) {
      for (const pb of b.parts) {
        const s = pa === pb ? 0.9 : spellingSimilarity(pa, pb).score * 0.85;
        if (s > best.score) best = { score: s, kind: "compound" };
      }
    }
  }
  return best;
}

/** A word matched as one part of a compound surname: as strong as the compound-part match in compareSurname. */
function compoundPart(m: WordMatch): WordMatch {
  return m.score === 0 ? NO_MATCH : { score: m.score === 1 ? PATERNAL_BEST : m.score * 0.85, kind: "compound" };
}

const PATERNAL_BEST = 0.9;

const NO_MIDDLE_CONFLICT = { mismatch: false, initial: false };

function middlesCompatible(a: readonly NameWord[], b: readonly NameWord[]): { mismatch: boolean; initial: boolean } {
  if (a.length === 0 || b.length === 0) return { mismatch: false, initial: false };
  let mismatch = false;
  let initial = false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (const m of short) {
    let ok = false;
    for (const n of long) {
      if (m.key === n.key) ok = true;
      else if ((m.key.length === 1 || n.key.length === 1) && m.key[0] === n.key[0]) {
        ok = true;
        initial = true;
      } else if (compareGiven(m, n).score >= 0.8) ok = true;
      if (ok) break;
    }
    if (!ok) mismatch = true;
  }
  return { mismatch, initial };
}

/**
 * spellingSimilarity of two name words where compareGiven and compareSurname would both spell them (different words,
 * neither an initial), else undefined.
 */
function wordSpelling(a: NameWord, b: NameWord): WordMatch | undefined {
  if (a.key === b.key || a.key.length === 1 || b.key.length === 1) return undefined;
  return spellingSimilarity(a.key, b.key, a, b);
}

// Role weights: the surname carries a little more evidence than the given name (it is rarer and less often
// shortened); the geometric form means both must agree — one strong role cannot hide a wrong other role.
const GIVEN_WEIGHT = 0.45;
const SURNAME_WEIGHT = 0.55;
const MIDDLE_MISMATCH_FACTOR = 0.85;
// Owner words in unexpected roles (a middle word taken as the given name, a surname that is not the last word).
const UNEXPECTED_ROLE_FACTOR = 0.93;
// Going by the middle name when the other side's given name is a different full name: plausible (Ashley Douglas
// Hall goes by Douglas) but also how a parent named like a child looks, so never above the review band.
const MIDDLE_AS_GIVEN_CAP = 0.78;

/** Weighted geometric mean of the given-name and surname similarities. */
function roleScore(given: WordMatch, surname: WordMatch): number {
  // Exact roles (the common case) skip the power, and so do roles that do not match at all (the floor's power is a
  // constant).
  const gs = given.score;
  const ss = surname.score;
  const g = gs === 1 ? 1 : gs <= 0.01 ? GIVEN_FLOOR : gs ** GIVEN_WEIGHT;
  const s = ss === 1 ? 1 : ss <= 0.01 ? SURNAME_FLOOR : ss ** SURNAME_WEIGHT;
  return g * s;
}

const GIVEN_FLOOR = 0.01 ** GIVEN_WEIGHT;
const SURNAME_FLOOR = 0.01 ** SURNAME_WEIGHT;

interface Scored {
  score: number;
  given: WordMatch;
  surname: WordMatch;
  givenIndex: number;
  surnameIndex: number;
  middleMismatch: boolean;
  middleInitial: boolean;
  swapped: boolean;
  middleAsGiven: boolean;
}

// A two-word name (most) has no middle words to compare: shared empty lists, never modified.
const NO_WORDS: readonly NameWord[] = [];
const NO_ROWS: (WordMatch | undefined)[][] = [];

/**
 * Best assignment of the owner's words to the roles of the applicant's name. The written order (or its surname-
 * first reversal when there is no comma) is expected; any other assignment pays a small penalty.
 */
function bestAssignment(applicant: ParsedName, owner: ParsedName): Scored | null {
  const a = applicant.words;
  const w = owner.words;
  if (a.length < 2 || w.length < 2) return null;
  const aGiven = a[0] as NameWord;
  const aSurname = a[a.length - 1] as NameWord;
  const aMiddles = a.length > 2 ? a.slice(1, -1) : NO_WORDS;
  const n = w.length;
  // Two two-word names are also read crossed over (below), where the given name meets the owner's second word and the
  // surname the first once more, in the other role; both readings spell each of these pairs, so it is done once here.
  const crossed = n === 2 && a.length === 2;
  const givenSecond = crossed ? wordSpelling(aGiven, w[1] as NameWord) : undefined;
  const surnameFirst = crossed ? wordSpelling(aSurname, w[0] as NameWord) : undefined;
  // Each owner word compared in each role on first use: a natural reading that scores 1 ends the search, sparing the
  // comparisons only other readings need (the owner's middle word as given name or surname).
  const givenMatches: (WordMatch | undefined)[] = new Array(n);
  const surnameMatches: (WordMatch | undefined)[] = new Array(n);
  // The applicant may go by a middle name: compare applicant middles with each owner word too.
  const middleMatches: (WordMatch | undefined)[][] = aMiddles.length === 0 ? NO_ROWS : aMiddles.map(() => new Array(n));
  // Two surnames written without a hyphen ("José García López", paternal then maternal): banks often keep only the
  // first, so the word before the applicant's surname may stand for the whole surname, as one part of a compound.
  // Only a word no one would take for a given name ("García", not "James" or "Scott") reads as a first surname.
  const paternal = a.length >= 3 ? (a[a.length - 2] as NameWord) : null;
  // Compared on demand: only a surname role scoring under a compound part's best (0.9) can gain from it.
  const paternalMatches: (WordMatch | undefined)[] | null =
    paternal && paternal.key.length > 1 && !isKnownGiven(paternal) ? new Array(w.length) : null;
  // The best assignment so far, kept in locals (one object is built at the end).
  let found = false;
  let bestScore = 0;
  let bestGiven = NO_MATCH;
  let bestSurname = NO_MATCH;
  let bestGivenIndex = 0;
  let bestSurnameIndex = 0;
  let bestMiddleMismatch = false;
  let bestMiddleInitial = false;
  let bestSwapped = false;
  let bestMiddleAsGiven = false;
  search: for (let gi = 0; gi < n; gi++) {
    for (let si = 0; si < n; si++) {
      if (gi === si) continue;
      const natural = gi === 0 && si === n - 1;
      // Also for "LAST, FIRST" names: some banks put the given name before the comma.
      const swapped = si === 0 && gi === 1;
      let factor = natural || swapped ? 1 : UNEXPECTED_ROLE_FACTOR;
      const owned = w[gi] as NameWord;
      let given = givenMatches[gi];
      if (given === undefined) {
        given = compareGiven(aGiven, owned, gi === 1 ? givenSecond : undefined);
        givenMatches[gi] = given;
      }
      let middleAsGiven = false;
      // Owner goes by a middle word: the owner's first word is passed over.
      if (gi > 0 && !swapped) {
        const passed = w[swapped ? 1 : 0] as NameWord;
        middleAsGiven = passed.key.length > 1;
        if (passed.key.length === 1) factor = 1;
      }
      for (let r = 0; r < middleMatches.length; r++) {
        const middle = aMiddles[r] as NameWord;
        const row = middleMatches[r] as (WordMatch | undefined)[];
        let alt = row[gi];
        if (alt === undefined) {
          alt = middle.key.length > 1 ? compareGiven(middle, owned) : NO_MATCH;
          row[gi] = alt;
        }
        if (alt.score > given.score) {
          given = alt;
          middleAsGiven = true;
        }
      }
      let surname = surnameMatches[si];
      if (surname === undefined) {
        surname = compareSurname(aSurname, w[si] as NameWord, si === 0 ? surnameFirst : undefined);
        surnameMatches[si] = surname;
      }
      let paternalUsed = false;
      // Only in the owner's natural surname position (the last word; "GARCIA, JOSE" is reordered), only as a match.
      if (paternalMatches && surname.score < PATERNAL_BEST && si === n - 1) {
        let alt = paternalMatches[si];
        if (alt === undefined) {
          alt = compoundPart(compareSurname(paternal as NameWord, w[si] as NameWord));
          paternalMatches[si] = alt;
        }
        if (alt.score >= ROLE_MATCH && alt.score > surname.score) {
          surname = alt;
          paternalUsed = true;
        }
      }
      // Two two-word names crossed over: which crossed pair holds the given names is itself unknown, so both readings
      // are tried (this also keeps the comparison symmetric).
      let roles = roleScore(given, surname);
      if (swapped && crossed) {
        const altGiven = compareGiven(aSurname, w[0] as NameWord, surnameFirst);
        const altSurname = compareSurname(aGiven, w[1] as NameWord, givenSecond);
        const altRoles = roleScore(altGiven, altSurname);
        if (altRoles > roles) {
          given = altGiven;
          surname = altSurname;
          roles = altRoles;
        }
      }
      const middles =
        middleAsGiven || aMiddles.length === 0
          ? NO_MIDDLE_CONFLICT
          : middlesCompatible(
              paternalUsed ? aMiddles.slice(0, -1) : aMiddles,
              w.filter((_, k) => k !== gi && k !== si && !(gi > 0 && !swapped && k === 0)),
            );
      let score = roles * factor;
      if (middles.mismatch) score *= MIDDLE_MISMATCH_FACTOR;
      if (middleAsGiven) score = Math.min(score, MIDDLE_AS_GIVEN_CAP);
      // The applicant's first surname alone ("José García López" / "JOSE GARCIA") is how banks shorten a double
      // surname, but also how a parent or grandparent the applicant is named after looks: never above review.
      if (paternalUsed) score = Math.min(score, MIDDLE_AS_GIVEN_CAP);
      const better = !found || score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && natural);
      if (better) {
        found = true;
        bestScore = score;
        bestGiven = given;
        bestSurname = surname;
        bestGivenIndex = gi;
        bestSurnameIndex = si;
        bestMiddleMismatch = middles.mismatch;
        bestMiddleInitial = middles.initial;
        bestSwapped = swapped && !natural;
        bestMiddleAsGiven = middleAsGiven;
      }
      // Nothing scores above 1, and only the natural reading wins a tie.
      if (natural && score === 1) break search;
    }
  }
  if (!found) return null;
  return {
    score: bestScore,
    given: bestGiven,
    surname: bestSurname,
    givenIndex: bestGivenIndex,
    surnameIndex: bestSurnameIndex,
    middleMismatch: bestMiddleMismatch,
    middleInitial: bestMiddleInitial,
    swapped: bestSwapped,
    middleAsGiven: bestMiddleAsGiven,
  };
}

/**
 * How many keying errors the whole-name reading forgives when one word is the same on both sides and one word each
 * differs: the difference lies inside those two, and two errors only when both are long enough to survive them
 * ("LI HUANG" / "MEI HUANG", "NGUYEN LAN" / "NGUYEN LINH" are two people; "BLAKE" / "BLAW" a typo). Read from the
 * words alone, whichever side is which, so the comparison stays symmetric.
 */
function editsInsideOneWord(a: NameWord[], b: NameWord[]): number {
  const mine = a.filter((w) => !b.some((x) => x.key === w.key));
  const theirs = b.filter((x) => !a.some((w) => w.key === x.key));
  if (mine.length !== 1 || theirs.length !== 1 || mine.length === a.length) return 2;
  return Math.min((mine[0] as NameWord).key.length, (theirs[0] as NameWord).key.length) >= 4 ? 2 : 1;
}

/** The words' keys run together from a starting word round to the one before it (matthe ws erin, 1: wserinmatthe). */
function rotation(words: NameWord[], start: number): string {
  let key = "";
  for (let i = start; i < words.length; i++) key += (words[i] as NameWord).key;
  for (let i = 0; i < start; i++) key += (words[i] as NameWord).key;
  return key;
}

/** Every rotation of the words' keys, from each starting word in turn. */
function rotations(words: NameWord[]): string[] {
  const out: string[] = [];
  for (let r = 0; r < words.length; r++) out.push(rotation(words, r));
  return out;
}

/**
 * Whole-name spelling, for names run together or split differently ("Larryinunez", "MATTHE WS ERIN"): the best
 * likeness of any rotation of one side's words to any rotation of the other's (0: none).
 */
function wholeNameLikeness(a: NameWord[], b: NameWord[]): number {
  // Every rotation of one side has the same length and the same letters, so the length tests and the letter-bag
  // bound come out the same for every pair of rotations: decided once on the written order, they usually rule the
  // rotations out before any is built.
  let lengthA = 0;
  for (const w of a) lengthA += w.key.length;
  let lengthB = 0;
  for (const w of b) lengthB += w.key.length;
  const typoLengths = Math.min(lengthA, lengthB) >= 7 && Math.abs(lengthA - lengthB) <= 2;
  if (!typoLengths && lengthA !== lengthB) return 0;
  const bag = bagDistance(rotation(a, 0), rotation(b, 0));
  const typoPossible = typoLengths && bag <= 2;
  // Without a typo only the same letters can line up.
  if (!typoPossible && (lengthA !== lengthB || bag !== 0)) return 0;
  const maxEdits = a.length === b.length ? editsInsideOneWord(a, b) : 2;
  const keysA = rotations(a);
  let whole = 0;
  for (const kb of rotations(b)) {
    for (const ka of keysA) {
      if (ka === kb) return 0.97;
      // Past one keying error, only the same letters in the same order score higher.
      if (typoPossible && whole < 0.9) {
        const d = damerauLevenshtein(ka, kb);
        if (d <= maxEdits) whole = Math.max(whole, d === 1 ? 0.9 : 0.82);
      }
    }
  }
  return whole;
}

function emptyFlags(): NameFlags {
  return {
    exact: false,
    nickname: false,
    initials: false,
    order_swapped: false,
    first_or_last_only: false,
    business_name: false,
    middle_name_mismatch: false,
    typo: false,
    suffix_mismatch: false,
    middle_as_given: false,
  };
}

const GENERATIONAL = new Map<string, string>([
  ["jr", "jr"],
  ["jnr", "jr"],
  ["junior", "jr"],
  ["sr", "sr"],
  ["snr", "sr"],
  ["senior", "sr"],
  ["ii", "ii"],
  ["2nd", "ii"],
  ["iii", "iii"],
  ["3rd", "iii"],
  ["iv", "iv"],
  ["4th", "iv"],
]);

function generation(name: ParsedName): string | null {
  for (const s of name.suffixes) {
    const g = GENERATIONAL.get(s);
    if (g) return g;
  }
  return null;
}

const display = (w: NameWord): string => {
  const text = w.text;
  // Folded ASCII text (nearly all): capitalize a letter at the start or after a space or hyphen in one pass.
  let out = "";
  let at = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return text.replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
    if (at && c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
    else out += text[i];
    at = c === 32 || c === 45 || (c >= 9 && c <= 13);
  }
  return out;
};

// A role counts as matching from this similarity, and as clearly not matching below the other.
const ROLE_MATCH = 0.85;
const ROLE_MISMATCH = 0.5;
const SINGLE_WORD_MATCH = 0.8;
// Similarity credited to a role that one name leaves out (a bank record with the surname only): the missing word may
// be the applicant's own or a relative's, so it sits between another given name (about 0) and an agreeing initial
// (INITIAL_GIVEN).
const MISSING_ROLE = 0.4;

// Words a two-word name keeps in the surname's place that are no surname ("ROBERT SR", "MARY MD"), and words that
// close an owner name as a trade, an account or a role ("ANNA PHOTOGRAPHY", "MARY SAVINGS", "MARY MINOR"): after the
// applicant's given name they are a sole trader's or a role's account, never a changed surname.
const NOT_A_SURNAME = new Set([...SUFFIX_SET, ...PROFESSIONAL_SET, ...HONORIFIC_SET]);
const NOT_A_CHANGED_SURNAME = new Set([
  ...NOT_A_SURNAME,
  ...TRADE_SET,
  ...SOLE_TRADER_WORDS.map((w) => fold(w)),
  // Markers of another party or more owners left closing the field ("MARY JONES FBO", "… ET AL", "… DBA").
  ...BENEFICIARY_MARKERS.flat(),
  ...MORE_OWNERS_DESIGNATIONS.flat(),
  ...TRADE_NAME_MARKERS.flat(),
  ...FIDUCIARY_WORDS_IN_CONTEXT,
  ...ACCOUNT_WORDS,
]);
// A first word that is a common family name of a family-name-first tradition ("NGUYEN VAN MINH", "KIM MINSOO"): a
// shared first word may be the shared family name, not the given name. Kim and Lee are Western given names too
// ("Kim Johnson" / "KIM SMITH" goes to review): nothing in the two words tells the orders apart.
const FAMILY_NAME_FIRST = new Set(FAMILY_NAMES_WRITTEN_FIRST);
// Titles of men, who rarely take a spouse's surname: a changed surname is then not the likely reading.
const MALE_TITLES = new Set(["mr", "sir", "master"]);

/**
 * Whether an owner word other than its given name (or a part of one: "GARCIA-PEREZ") is the applicant's surname or
 * the word before it.
 */
function sharesSurname(applicant: NameWord[], owner: NameWord[], givenIndex: number): boolean {
  const surname = (applicant[applicant.length - 1] as NameWord).key;
  const paternal = applicant.length >= 3 ? (applicant[applicant.length - 2] as NameWord).key : null;
  const isApplicantSurname = (key: string) => key === surname || key === paternal;
  return owner.some((w, i) => i !== givenIndex && (isApplicantSurname(w.key) || w.parts.some(isApplicantSurname)));
}

/** Whether two names have the same words in the same order. */
function sameKeys(a: readonly NameWord[], b: readonly NameWord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] as NameWord).key !== (b[i] as NameWord).key) return false;
  return true;
}

/** Compares the applicant's name with an owner's name. */
export function compareNames(applicant: ParsedName, owner: ParsedName): NameComparison {
  const flags = emptyFlags();
  const reasons: string[] = [];
  if (owner.business || applicant.business) {
    flags.business_name = true;
    reasons.push(owner.business ? "Owner is an organisation, not a person" : "Applicant name reads as an organisation");
  }
  const a = applicant.words;
  const b = owner.words;
  if (a.length === 0 || b.length === 0) {
    reasons.push("Name has no comparable words");
    return { score: 0, flags, reasons };
  }
  const ga = generation(applicant);
  const go = generation(owner);
  const generationsDiffer = ga !== null && go !== null && ga !== go;
  if (sameKeys(a, b)) {
    flags.exact = true;
    if (generationsDiffer) {
      flags.suffix_mismatch = true;
      reasons.push(`Same name but a different generation (${ga.toUpperCase()} vs ${go.toUpperCase()})`);
      return { score: 80, flags, reasons };
    }
    reasons.push("Name matches exactly");
    return { score: 100, flags, reasons };
  }

  let best = bestAssignment(applicant, owner);
  // A name split by a stray space ("COF FEY"): with more words than the applicant, also try each adjacent pair of
  // the owner's words joined into one.
  if (b.length > a.length && b.length >= 3 && (!best || best.score < ROLE_MATCH)) {
    for (let i = 0; i + 1 < b.length; i++) {
      const left = b[i] as NameWord;
      const right = b[i + 1] as NameWord;
      if (left.key.length < 2 || right.key.length < 2) continue;
      // Joined words match by spelling only, never through a guessed nickname.
      const joined: NameWord = { ...makeWord(left.key + right.key), joined: true };
      const words = [...b.slice(0, i), joined, ...b.slice(i + 2)];
      const alt = bestAssignment(applicant, { ...owner, words });
      if (alt && (!best || alt.score > best.score)) best = alt;
    }
  }
  // Only worth it when the words did not line up well, and never when two different real given names were found
  // (Denise Miller/Dennis Miller).
  const rolesWeak = !best || best.given.score < ROLE_MATCH || best.surname.score < ROLE_MATCH;
  const tryWhole =
    (!best || best.score < 0.97) && (a.length !== b.length || rolesWeak) && best?.given.kind !== "distinct";
  const whole = tryWhole ? wholeNameLikeness(a, b) : 0;
  if (whole > 0 && (!best || whole > best.score)) {
    flags.typo = whole < 0.97;
    reasons.push(
      flags.typo ? "Name matches once spacing is ignored, with a typo" : "Name matches once spacing is ignored",
    );
    return { score: Math.round(100 * whole), flags, reasons };
  }

  if (!best) {
    // One side has a single word: a given name or a surname alone.
    const single = a.length === 1 ? (a[0] as NameWord) : (b[0] as NameWord);
    const other = a.length === 1 ? b : a;
    let top: WordMatch = NO_MATCH;
    let role = "";
    other.forEach((w, i) => {
      const m = i === other.length - 1 ? compareSurname(single, w) : compareGiven(single, w);
      if (m.score > top.score) {
        top = m;
        role = i === other.length - 1 ? "surname" : "given name";
      }
    });
    // Nothing else to go on, so a typo-level likeness of the one word counts.
    if (top.score >= SINGLE_WORD_MATCH) {
      flags.first_or_last_only = true;
      flags.typo = top.kind === "typo" || top.kind === "phonetic";
      reasons.push(`Only one name is given and it matches the ${role} (${display(single)})`);
      const matched = role === "surname" ? "surname" : "given";
      // The absent role is unknown, not a disagreement: scored at MISSING_ROLE, a lone surname that matches ranks
      // above another given name with that surname and below an agreeing given initial ("J Smith").
      const missing: WordMatch = { score: MISSING_ROLE, kind: "weak" };
      const score = Math.round(100 * (matched === "surname" ? roleScore(missing, top) : roleScore(top, missing)));
      return {
        score,
        flags,
        reasons,
        partial: { matched, other_similarity: 0, missing_word: true, surname_change: false },
      };
    }
    reasons.push("Names do not match");
    return { score: Math.round(100 * top.score * 0.5), flags, reasons };
  }

  const { given, surname } = best;
  flags.order_swapped = best.swapped;
  flags.middle_name_mismatch = best.middleMismatch;
  flags.middle_as_given = best.middleAsGiven;
  flags.nickname = given.kind === "nickname";
  flags.initials = given.kind === "initial" || best.middleInitial || surname.kind === "initial";
  flags.typo =
    given.kind === "typo" || given.kind === "phonetic" || surname.kind === "typo" || surname.kind === "phonetic";
  flags.first_or_last_only =
    (given.score >= ROLE_MATCH && surname.score < ROLE_MISMATCH) ||
    (surname.score >= ROLE_MATCH && given.score < ROLE_MISMATCH);
  let score = Math.round(100 * best.score);

  if (flags.first_or_last_only) {
    reasons.push(
      surname.score >= ROLE_MATCH
        ? "Only the surname matches: possibly a relative"
        : "Only the given name matches: possibly a namesake or a changed surname",
    );
  } else if (given.score >= ROLE_MATCH && surname.score >= ROLE_MATCH) reasons.push("Given name and surname match");
  else if (score >= 50) reasons.push("Name is similar");
  else reasons.push("Names do not match");
  if (flags.nickname) {
    const ownerGiven = b[best.givenIndex] as NameWord;
    reasons.push(`Name matches by nickname (${display(ownerGiven)} → ${display(a[0] as NameWord)})`);
  }
  if (flags.middle_as_given) reasons.push("Matches through a middle name used as the given name");
  if (flags.initials) reasons.push("Matches by initial");
  if (flags.typo) reasons.push("Name spelling differs slightly (typo or phonetic variant)");
  if (flags.order_swapped) reasons.push("Owner's name is written surname first");
  if (surname.kind === "compound") reasons.push("Surname matches one part of a compound surname");
  if (flags.middle_name_mismatch) reasons.push("Middle names differ");
  if (generationsDiffer) {
    flags.suffix_mismatch = true;
    score = Math.min(score, 80);
    reasons.push(`Different generation suffixes (${ga.toUpperCase()} vs ${go.toUpperCase()})`);
  }
  if (whole > 0 && Math.round(100 * whole) > score) score = Math.round(100 * whole);
  if (flags.first_or_last_only) {
    const matched = surname.score >= ROLE_MATCH ? "surname" : "given";
    const other = matched === "surname" ? given.score : surname.score;
    const ownerSurname = b[b.length - 1] as NameWord;
    const surnameChange =
      matched === "given" &&
      given.kind === "exact" &&
      (a[0] as NameWord).key.length > 1 &&
      best.givenIndex === 0 &&
      best.surnameIndex === b.length - 1 &&
      ownerSurname.key.length > 1 &&
      !NOT_A_CHANGED_SURNAME.has(ownerSurname.key) &&
      !FAMILY_NAME_FIRST.has((a[0] as NameWord).key) &&
      !ownerSurname.parts.some((part) => NOT_A_CHANGED_SURNAME.has(part)) &&
      !applicant.honorifics.some((t) => MALE_TITLES.has(t)) &&
      !owner.honorifics.some((t) => MALE_TITLES.has(t)) &&
      go === null &&
      ga === null &&
      !best.swapped &&
      !best.middleAsGiven &&
      !sharesSurname(a, b, best.givenIndex);
    return {
      score,
      flags,
      reasons,
      partial: { matched, other_similarity: other, missing_word: false, surname_change: surnameChange },
    };
  }
  return { score, flags, reasons };
}
