/**
 * The owner name field as banks fill it: often more than one person's name ("ROBERT & MARY SMITH", "SMITH, ROBERT
 * AND MARY", "A SMITH OR B SMITH"), with tenancy designations (JTWROS), a beneficiary who is not an owner
 * ("POD JOHN SMITH") or a trade name ("DBA SMITH BAKERY"). This reads such a field into the personal names it holds,
 * each compared on its own; an ordinary name (nearly all) is recognised by one test and passed through untouched.
 */
import { words } from "./normalize";
import {
  BENEFICIARY_MARKERS,
  HONORIFICS,
  JOINT_CONNECTORS,
  NAME_SUFFIXES,
  SURNAME_PARTICLES,
  TENANCY_DESIGNATIONS,
  TRADE_NAME_MARKERS,
} from "./tables/name-words";

export interface OwnerNameReadings {
  /** The personal names in the field, in written order ("smith, mary" keeps a comma form). */
  names: string[];
  /** Several owners' names share the field. */
  joint: boolean;
  /** A beneficiary named after POD/TOD/ITF was left out. */
  beneficiary: boolean;
  /** The owner does business under a trade name (DBA), left out. */
  trade_name: boolean;
}

// One test for every marker above (and "&", "+", "/"): a name without any of them is read as written.
const MAY_HOLD_SEVERAL =
  /[&+/]|\b(?:and|or|pod|tod|itf|fbo|bene|beneficiary|cust|custodian|dba|jtwros|wros|jt|ten|tenants|ttees?|trustees?|utma|ugma|payable|transfer|trust|doing|trading)\b|\b(?:[a-z]\.\s*){2}[a-z]\b/i;
// Dotted forms of the markers ("P.O.D.", "D.B.A.", "F.B.O."); other dotted initials ("J. R.") are left alone.
const DOTTED_MARKERS =
  /\b([pt])\.\s*o\.\s*d\b\.?|\bd\.\s*b\.\s*a\b\.?|\b([ia])\.\s*t\.\s*f\b\.?|\bf\.\s*b\.\s*o\b\.?/gi;
const CONNECTORS = new Set(JOINT_CONNECTORS);
const HONORIFIC_WORDS = new Set(HONORIFICS.map((h) => h.toLowerCase()));
const SUFFIX_WORDS = new Set(NAME_SUFFIXES.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, "")));
const PARTICLE_WORDS = new Set(SURNAME_PARTICLES.map((h) => h.toLowerCase()));
const NAME_FOLD = { keepHyphen: true, keepComma: true } as const;
// A name field is a few words; more is not a name, and reading it would cost time for nothing.
const MAX_WORDS = 48;
const MAX_PEOPLE = 8;

/** Index of the first occurrence of any of the word sequences from `from` on, or -1. */
function findSequence(
  list: string[],
  sequences: readonly (readonly string[])[],
  from = 0,
): { at: number; length: number } {
  for (let i = from; i < list.length; i++) {
    for (const seq of sequences) {
      let k = 0;
      while (k < seq.length && list[i + k] === seq[k]) k++;
      if (k === seq.length) return { at: i, length: seq.length };
    }
  }
  return { at: -1, length: 0 };
}

/**
 * Where a marker that introduces another party ("POD JOHN SMITH", "DBA SMITH BAKERY") stands, or -1. It counts only
 * after a whole name (two words) and before at least `after` words, so a name that merely contains the word ("John
 * Tod Smith", "Mary Tod") is left alone.
 */
function markerAt(
  list: string[],
  markers: readonly (readonly string[])[],
  after: number,
): { at: number; length: number } {
  for (let found = findSequence(list, markers); found.at >= 0; found = findSequence(list, markers, found.at + 1)) {
    const before = list.slice(0, found.at).filter((w) => w !== ",").length;
    if (before >= 2 && list.length - found.at - found.length >= after) return found;
  }
  return { at: -1, length: 0 };
}

/** The surname a given name alone borrows from the last person named ("ROBERT AND MARY SMITH JR" → Smith). */
function lastSurname(person: string[]): string | null {
  for (let i = person.length - 1; i >= 1; i--) {
    const w = person[i] as string;
    if (!SUFFIX_WORDS.has(w) && w.length > 1) return w;
  }
  return null;
}

/** A given name, maybe with initials, and no surname: "ROBERT", "ROBERT J". */
const givenOnly = (person: string[]): boolean => person.slice(1).every((w) => w.length === 1);

/**
 * The personal names an owner name field holds, or null when it is an ordinary single name (read it as written).
 * `isOrganisation` decides whether the whole field names an organisation ("SMITH & SONS"), which is never split.
 */
export function readOwnerName(raw: string, isOrganisation: (text: string) => boolean): OwnerNameReadings | null {
  if (!MAY_HOLD_SEVERAL.test(raw)) return null;
  // "&", "+" and "and/or" join names; "d/b/a" and "P.O.D." are the plain markers.
  const text = raw
    .replace(/\bd\/b\/a\b/gi, " dba ")
    .replace(DOTTED_MARKERS, (m) => ` ${m.replace(/[^a-z]/gi, "")} `)
    .replace(/\band\s*\/\s*or\b/gi, " and ")
    .replace(/[&+]/g, " and ");
  let list = words(text, NAME_FOLD);
  if (list.length > MAX_WORDS) return null;
  let beneficiary = false;
  let tradeName = false;
  const heir = markerAt(list, BENEFICIARY_MARKERS, 2);
  if (heir.at > 0) {
    list = list.slice(0, heir.at);
    beneficiary = true;
  }
  const trade = markerAt(list, TRADE_NAME_MARKERS, 1);
  if (trade.at > 0) {
    list = list.slice(0, trade.at);
    tradeName = true;
  }
  let designation = false;
  for (
    let found = findSequence(list, TENANCY_DESIGNATIONS);
    found.at >= 0;
    found = findSequence(list, TENANCY_DESIGNATIONS)
  ) {
    // Between two names it joins them ("JOHN Q PUBLIC JT TEN MARY PUBLIC"); after the last one it just goes.
    const joins = found.at >= 2 && list.length - found.at - found.length >= 2;
    list = [...list.slice(0, found.at), ...(joins ? ["and"] : []), ...list.slice(found.at + found.length)];
    designation = true;
  }
  while (list[list.length - 1] === ",") list.pop();
  const whole = list.join(" ").replace(/ ,/g, ",");
  const changed = beneficiary || tradeName || designation;
  if (list.length === 0) return null;
  if (isOrganisation(whole)) return single(whole, changed, beneficiary, tradeName);

  if (!list.some((w) => CONNECTORS.has(w))) return single(whole, changed, beneficiary, tradeName);
  // "SMITH, ROBERT AND JONES, MARY": every name in "LAST, FIRST" form. "SMITH, ROBERT AND MARY": a one-word surname
  // (particles aside) before the comma belongs to every name after it. Otherwise a comma separates people like
  // "and" does ("ROBERT SMITH, MARY SMITH AND ANN LEE").
  const segments: string[][] = [[]];
  for (const w of list) {
    if (CONNECTORS.has(w)) segments.push([]);
    else (segments[segments.length - 1] as string[]).push(w);
  }
  const commaForms = segments.every((seg) => seg.filter((w) => w === ",").length === 1 && seg[0] !== ",");
  const comma = list.indexOf(",");
  const head = comma > 0 ? list.slice(0, comma) : [];
  const sharedSurname = !commaForms && comma > 0 && head.slice(0, -1).every((w) => PARTICLE_WORDS.has(w)) ? head : null;
  const rest = sharedSurname ? list.slice(comma + 1) : list;
  const parts: string[][] = [[]];
  for (const w of rest) {
    if (CONNECTORS.has(w) || (w === "," && !commaForms)) parts.push([]);
    else (parts[parts.length - 1] as string[]).push(w);
  }
  // "MR AND MRS JOHN SMITH", "JOHN SMITH, JR AND …": a part of titles or suffixes only names no one.
  const people = parts.filter((p) => p.length > 0 && !p.every((w) => HONORIFIC_WORDS.has(w) || SUFFIX_WORDS.has(w)));
  if (people.length < 2) {
    // A comma that only set off a suffix or a title is no second person: the field is one name.
    return single(whole, changed, beneficiary, tradeName);
  }
  if (people.length > MAX_PEOPLE) people.length = MAX_PEOPLE;
  const borrowed = lastSurname(people[people.length - 1] as string[]);
  // One-word parts with no surname to share are not people but a name with a connector word in it ("AVI OR COHEN").
  if (!commaForms && !sharedSurname && borrowed === null && people.some((p) => p.length === 1)) {
    return single(whole, changed, beneficiary, tradeName);
  }
  const names = people.map((p, i) => {
    if (commaForms) return p.join(" ").replace(/ ,/g, ",");
    if (sharedSurname) return `${sharedSurname.join(" ")}, ${p.join(" ")}`;
    // "ROBERT AND MARY SMITH", "ROBERT J AND MARY SMITH": a given name alone shares the last person's surname.
    if (i < people.length - 1 && givenOnly(p) && borrowed) return `${p.join(" ")} ${borrowed}`;
    return p.join(" ");
  });
  return { names, joint: true, beneficiary, trade_name: tradeName };
}

/** One name read from the field: null (read the field as written) unless something was taken out of it. */
function single(name: string, changed: boolean, beneficiary: boolean, tradeName: boolean): OwnerNameReadings | null {
  if (!changed) return null;
  return { names: [name], joint: false, beneficiary, trade_name: tradeName };
}
