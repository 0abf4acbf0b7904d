/**
 * The owner name field as banks fill it: often more than one person's name ("ROBERT & MARY SMITH", "SMITH, ROBERT
 * AND MARY", "A SMITH OR B SMITH"), with tenancy designations (JTWROS), a beneficiary who is not an owner
 * ("POD JOHN SMITH") or a trade name ("DBA SMITH BAKERY"). This reads such a field into the personal names it holds,
 * each compared on its own; an ordinary name (nearly all) is recognised by one test and passed through untouched.
 */
import { words } from "./normalize";
import {
  BENEFICIARY_MARKERS,
  FIDUCIARY_AFTER,
  FIDUCIARY_AT_END,
  FIDUCIARY_BEFORE,
  FIDUCIARY_WORDS,
  FIDUCIARY_WORDS_IN_CONTEXT,
  HONORIFICS,
  JOINT_CONNECTORS,
  MORE_OWNERS_DESIGNATIONS,
  NAME_SUFFIXES,
  PROFESSIONAL_SUFFIXES,
  SURNAME_PARTICLES,
  TENANCY_DESIGNATIONS,
  TRADE_NAME_MARKERS,
} from "./tables/name-words";

export interface OwnerNameReadings {
  /** The personal names in the field, in written order ("smith, mary" keeps a comma form). */
  names: string[];
  /** Several owners' names share the field. */
  joint: boolean;
  /** Someone named after the holder who does not hold the account (a beneficiary, a minor) was left out. */
  beneficiary: boolean;
  /** A fiduciary, custodial or estate account (guardian, custodian, agent, trustee, decedent): read as written. */
  fiduciary?: boolean;
  /** A firm named after a family ("SMITH & SONS"). */
  organisation?: boolean;
  /** The holder trades under a business name (DBA), left out. */
  trade_name?: boolean;
}

// "JOHN SMITH AND SONS", "SMITH & DAUGHTERS", "SMITH & BROS": a family firm. "& SON" alone may be a given name (Sơn).
const FAMILY_FIRM = /(?:&|\uff06|\band)\s*(?:sons|daughters|bros|brothers)\.?\s*$/i;

// One test for every marker (and "&", "+", "/" in ASCII or full width): a name without any is read as written.
// Every word of the marker tables must be here (a test checks it).
export const MAY_HOLD_SEVERAL =
  /[&+/\uff06\uff0b]|\b(?:and|or|pod|tod|itf|fbo|bene|beneficiary|cust|custodian|dba|jtwros|wros|jt|ten|tenants|husband|ttees?|trustees?|atf|trs?|uad?|dtd|utma|ugma|gdn|grdn|guardian|guardianship|conservator|conservatorship|conservatee|receiver|receivership|heirs|debtor|succession|dec|late|poa|minor|payee|agent|atty|attorney|exec|exr|executor|executrix|admin|admr|administrator|administratrix|rep|representative|pr|estate|est|escrow|dec'?d|decsd|dcd|exrx|admx|deceased|decedent|et|etal|payable|transfer|trust|doing|trading)\b|\b(?:[a-z]\.\s*){2}[a-z]\b|\bp\.\s*r\.?\s*$/i;
// Dotted forms of the markers ("P.O.D.", "D.B.A.", "F.B.O."); other dotted initials ("J. R.") are left alone.
// "P.R." only closing the field: inside a name two dotted letters are initials ("JOHN P.R. SMITH").
const DOTTED_MARKERS =
  /\b([pt])\.\s*o\.\s*d\b\.?|\bd\.\s*b\.\s*a\b\.?|\bi\.\s*t\.\s*f\b\.?|\bf\.\s*b\.\s*o\b\.?|\ba\.\s*t\.\s*f\b\.?|\bp\.\s*r\.?\s*$/gi;
const CONNECTORS = new Set(JOINT_CONNECTORS);
const fold = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, "")));
const HONORIFIC_WORDS = fold(HONORIFICS);
const SUFFIX_WORDS = fold(NAME_SUFFIXES);
const NOT_NAME_WORDS = new Set([...SUFFIX_WORDS, ...fold(PROFESSIONAL_SUFFIXES), "etal"]);
const FIDUCIARY = new Set(FIDUCIARY_WORDS);
const FIDUCIARY_IN_CONTEXT = new Set(FIDUCIARY_WORDS_IN_CONTEXT);
const BEFORE_FIDUCIARY = new Set(FIDUCIARY_BEFORE);
const AFTER_FIDUCIARY = new Set(FIDUCIARY_AFTER);
const FIDUCIARY_LAST = new Set(FIDUCIARY_AT_END);
const PARTICLE_WORDS = fold(SURNAME_PARTICLES);
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

const nameWordCount = (list: readonly string[]) => list.filter((w) => w !== "," && !CONNECTORS.has(w)).length;

/** A marker right after a surname particle is that surname ("DEL BENE", "VAN TOD"). */
const afterParticle = (list: readonly string[], at: number): boolean => PARTICLE_WORDS.has(list[at - 1] ?? "");

/**
 * Where a marker that introduces another party ("POD JOHN SMITH", "DBA SMITH BAKERY") stands, or -1. It counts only
 * after a whole name (two words) and before a name (two words after a one-word marker, which may be a name itself:
 * "John Tod Smith", "Mary Tod"; one after a phrase such as "IN TRUST FOR").
 */
function markerAt(
  list: string[],
  markers: readonly (readonly string[])[],
  after: number,
): { at: number; length: number } {
  for (let found = findSequence(list, markers); found.at >= 0; found = findSequence(list, markers, found.at + 1)) {
    const needed = found.length > 1 ? 1 : after;
    if (
      wordsSince(list, found.at) >= 2 &&
      !afterParticle(list, found.at) &&
      nameWordCount(list.slice(found.at + found.length)) >= needed
    ) {
      return found;
    }
  }
  return { at: -1, length: 0 };
}

/** Whether the word at `i` joins two names (a connector that neither opens nor closes the field). */
function joinsAt(list: readonly string[], i: number): boolean {
  return CONNECTORS.has(list[i] as string) && i > 0 && i < list.length - 1;
}

/** Whole words (not initials) before `at`, back to the last connector or comma: the name standing right before. */
function wordsSince(list: readonly string[], at: number): number {
  let count = 0;
  for (let i = at - 1; i >= 0; i--) {
    const w = list[i] as string;
    if (w === "," || joinsAt(list, i)) break;
    if (w.length > 1) count++;
  }
  return count;
}

/** Whole words (not initials) before `at`, back to the last connector ("SMITH, JOHN" counts two). */
function wordsBefore(list: readonly string[], at: number): number {
  let count = 0;
  for (let i = at - 1; i >= 0; i--) {
    const w = list[i] as string;
    if (CONNECTORS.has(w) && i > 0) break;
    if (w.length > 1 && w !== ",") count++;
  }
  return count;
}

/** Whether the nearest separator before `at` is a comma (the word is among the given names of "LAST, FIRST"). */
function afterComma(list: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (list[i] === ",") return true;
    if (joinsAt(list, i)) return false;
  }
  return false;
}

/**
 * Whether the field reads as a fiduciary, custodial or estate account: a fiduciary word after a name word, or a
 * fiduciary word that is also a surname in a fiduciary phrase ("AS AGENT", "GUARDIAN OF", "TR UA", "A MINOR",
 * "REP-PAYEE"), opening the field ("ESTATE OF …"), between two names ("MARY SMITH POA JOHN SMITH") or closing the given
 * names of a "LAST, FIRST" form ("SMITH, JOHN MINOR").
 */
function fiduciaryAt(list: readonly string[]): boolean {
  const joint = list.some((_, j) => joinsAt(list, j));
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    // A hyphenated word is read part by part, its parts standing in for the words around them.
    const parts = word.includes("-") ? word.split("-") : [word];
    for (let k = 0; k < parts.length; k++) {
      const w = parts[k] as string;
      const after = k < parts.length - 1 ? parts[k + 1] : list[i + 1];
      // Never a name: after a name word, or opening the field before one ("SUCCESSION JEAN TREMBLAY", "… OF …").
      if (FIDUCIARY.has(w) && (wordsBefore(list, i) + k >= 1 || after === "of" || after === "for")) return true;
      if (FIDUCIARY.has(w) && i === 0 && k === parts.length - 1 && nameWordCount(list.slice(1)) >= 2) return true;
      if (!FIDUCIARY_IN_CONTEXT.has(w)) continue;
      const before = k > 0 ? parts[k - 1] : list[i - 1];
      const namesBefore = wordsBefore(list, i) - (k === 0 && before !== undefined ? 1 : 0);
      if (before !== undefined && BEFORE_FIDUCIARY.has(before) && namesBefore >= 1) return true;
      if (after !== undefined && AFTER_FIDUCIARY.has(after) && wordsBefore(list, i) >= 1) return true;
      // A phrase opening the field: "ESTATE OF JOHN SMITH", "GUARDIAN OF …", "AGENT FOR …".
      if (i === 0 && k === 0 && (after === "of" || after === "for")) return true;
      // Or after an article opening it: "THE LATE JOHN SMITH", "THE ESTATE OF …".
      if (i === 1 && k === 0 && BEFORE_FIDUCIARY.has(list[0] as string) && nameWordCount(list.slice(2)) >= 2)
        return true;
      const last = i === list.length - 1 && k === parts.length - 1;
      if (last && FIDUCIARY_LAST.has(w) && wordsBefore(list, i) >= 2) return true;
      // Closing the given names of a "LAST, FIRST" form, where no surname can stand ("SMITH, JOHN MINOR"), or a joint
      // field, where a trailing MINOR or EST more likely describes the account than names a second Minor (a person
      // then decides: "ROBERT & MARY ANN MINOR" goes to review).
      if (last && afterComma(list, i) && wordsBefore(list, i) >= 2) return true;
      if (last && joint && wordsSince(list, i) >= 2) return true;
      // Between a whole name and another name: "MARY SMITH POA JOHN SMITH".
      if (!last && k === parts.length - 1 && wordsSince(list, i) >= 2 && nameWordCount(list.slice(i + 1)) >= 1) {
        return true;
      }
    }
  }
  return false;
}

/** Drops what a removed designation or marker leaves hanging at the end: "… SMITH AS", "… SMITH,". */
function trimTail(list: string[]): string[] {
  let end = list.length;
  while (end > 0 && (list[end - 1] === "," || list[end - 1] === "as")) end--;
  return end < list.length ? list.slice(0, end) : list;
}

/** Removes every occurrence of the designations; between two names a joint one becomes "and". */
function removeDesignations(
  list: string[],
  designations: readonly (readonly string[])[],
  joins: boolean,
): { list: string[]; removed: boolean } {
  let removed = false;
  for (let found = findSequence(list, designations); found.at >= 0; found = findSequence(list, designations)) {
    let from = found.at;
    if (list[from - 1] === "as") from--;
    const between =
      joins && nameWordCount(list.slice(0, from)) >= 2 && nameWordCount(list.slice(found.at + found.length)) >= 2;
    list = [...list.slice(0, from), ...(between ? ["and"] : []), ...list.slice(found.at + found.length)];
    removed = true;
  }
  return { list, removed };
}

/** The surname a given name alone borrows from the last person named: its words after the given name. */
function borrowedSurname(person: string[]): string[] {
  return person.slice(1).filter((w) => w.length > 1 && !NOT_NAME_WORDS.has(w));
}

/** The generation suffix closing a person's words (JR, SR, III), if any. */
function generationOf(person: string[]): string | null {
  const last = person[person.length - 1] as string;
  return person.length > 1 && SUFFIX_WORDS.has(last) ? last : null;
}

/** A given name, maybe with initials, and no surname: "ROBERT", "ROBERT J". */
const givenOnly = (person: string[]): boolean => person.slice(1).every((w) => w.length === 1);

/**
 * The personal names an owner name field holds, or null when it is an ordinary single name (read it as written).
 * `isOrganisation` decides whether the whole field names an organisation ("SMITH & SONS"), which is never split.
 */
export function readOwnerName(raw: string, isOrganisation: (text: string) => boolean): OwnerNameReadings | null {
  if (!MAY_HOLD_SEVERAL.test(raw)) return null;
  if (FAMILY_FIRM.test(raw)) return { names: [raw], joint: false, beneficiary: false, organisation: true };
  // "P.O.D." is the plain marker, "T/A" (British and Australian titles) is trading as; a field written so is read in
  // its plain form even when it names one person ("JANE DOE P.R." is "JANE DOE PR").
  const plain = raw
    .replace(/\bd\/b\/a\b/gi, " dba ")
    .replace(/\bt\s*\/\s*a\b/gi, " trading as ")
    .replace(DOTTED_MARKERS, (m) => ` ${m.replace(/[^a-z]/gi, "")} `);
  const rewritten = plain !== raw;
  // "&", "+" and "and/or" join names.
  const text = plain.replace(/\band\s*\/\s*or\b/gi, " and ").replace(/[&+\uff06\uff0b]/g, " and ");
  let list = words(text, NAME_FOLD);
  if (list.length > MAX_WORDS) return null;
  // A trade name (a sole trader's business account) or a fiduciary, custodial or estate account: not a plain list
  // of owners; the holder's name is read, and a person decides.
  const trade = markerAt(list, TRADE_NAME_MARKERS, 1);
  if (trade.at > 0) {
    return { names: [trimTail(list.slice(0, trade.at)).join(" ")], joint: false, beneficiary: false, trade_name: true };
  }
  if (fiduciaryAt(list)) return { names: [raw], joint: false, beneficiary: false, fiduciary: true };
  let beneficiary = false;
  const heir = markerAt(list, BENEFICIARY_MARKERS, 2);
  if (heir.at > 0) {
    list = trimTail(list.slice(0, heir.at));
    beneficiary = true;
  }
  // A marker left where it could not be read counts after a whole name (two words since the last connector or
  // comma): "MARY SMITH POD JOHN", "MARY SMITH, EMMA SMITH POD". A name of one person that merely ends in such a
  // word keeps it ("ALEXANDER JAMES TOD", "GIOVANNI DEL BENE"), and so do "SMITH, TOD" and "TOD & ANN SMITH".
  const onePerson = !list.some((w, i) => w === "," || joinsAt(list, i));
  for (let found = findSequence(list, BENEFICIARY_MARKERS); found.at >= 0; ) {
    const onePersonSurname = onePerson && found.at + found.length === list.length;
    if (wordsSince(list, found.at) >= 2 && !onePersonSurname && !afterParticle(list, found.at)) {
      return { names: [raw], joint: false, beneficiary: false, fiduciary: true };
    }
    found = findSequence(list, BENEFICIARY_MARKERS, found.at + 1);
  }
  const tenancy = removeDesignations(list, TENANCY_DESIGNATIONS, true);
  const more = removeDesignations(tenancy.list, MORE_OWNERS_DESIGNATIONS, false);
  list = trimTail(more.list);
  const changed = rewritten || beneficiary || tenancy.removed || more.removed;
  if (nameWordCount(list) === 0) return null;
  const whole = list.join(" ").replace(/ ,/g, ",");
  if (isOrganisation(whole)) return single(whole, changed, beneficiary);
  // A connector opening or closing the field is a name word ("OR KA WAI", "KIM OR"), not a join.
  if (!list.some((_, i) => joinsAt(list, i))) return single(whole, changed, beneficiary);

  // "SMITH, ROBERT AND JONES, MARY": every name in "LAST, FIRST" form. "SMITH, ROBERT AND MARY": a one-word surname
  // (particles aside) before the comma belongs to every given name after it. Otherwise a comma separates people
  // like "and" does ("ROBERT SMITH, MARY SMITH AND ANN LEE").
  const segments: string[][] = [[]];
  list.forEach((w, i) => {
    if (joinsAt(list, i)) segments.push([]);
    else (segments[segments.length - 1] as string[]).push(w);
  });
  const commaForms = segments.every((seg) => seg.filter((w) => w === ",").length === 1 && seg[0] !== ",");
  const comma = list.indexOf(",");
  const head = comma > 0 ? list.slice(0, comma) : [];
  const sharedSurname = !commaForms && comma > 0 && head.slice(0, -1).every((w) => PARTICLE_WORDS.has(w)) ? head : null;
  const from = sharedSurname ? comma + 1 : 0;
  const parts: string[][] = [[]];
  for (let i = from; i < list.length; i++) {
    const w = list[i] as string;
    if (joinsAt(list, i) || (w === "," && !commaForms)) parts.push([]);
    else (parts[parts.length - 1] as string[]).push(w);
  }
  // A part of suffixes only ("JOHN SMITH, JR AND …", "…, SR AND …") belongs to the person before it; a part of
  // titles only ("MR AND MRS JOHN SMITH") names no one.
  const people: string[][] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    const previous = people[people.length - 1];
    if (p.every((w) => SUFFIX_WORDS.has(w))) {
      if (previous) previous.push(...p);
      continue;
    }
    if (p.every((w) => HONORIFIC_WORDS.has(w))) continue;
    people.push(p);
  }
  if (people.length === 0) return null;
  if (people.length === 1) {
    const one = people[0] as string[];
    const name = sharedSurname ? `${sharedSurname.join(" ")}, ${one.join(" ")}` : one.join(" ");
    return { names: [name], joint: false, beneficiary };
  }
  if (people.length > MAX_PEOPLE) people.length = MAX_PEOPLE;
  const lastPerson = people[people.length - 1] as string[];
  const borrowed = borrowedSurname(lastPerson);
  // One-word parts with no surname to share are not people but a name with a connector word in it ("AVI OR COHEN").
  if (!commaForms && !sharedSurname && borrowed.length === 0 && people.some((p) => p.length === 1)) {
    return single(whole, changed, beneficiary);
  }
  // "JOHN AND MARY SMITH JR": the generation goes with the surname to everyone who borrows it.
  const generation = generationOf(lastPerson);
  const names = people.map((p, i) => {
    if (commaForms) return p.join(" ").replace(/ ,/g, ",");
    // "SMITH, ROBERT AND MARY", "SMITH, JOHN DAVID AND MARY": the given names right after the comma and a given name
    // alone take the shared surname ("LEE, MARY AND JOHN SMITH": the second person is John Smith).
    if (sharedSurname) return i === 0 || givenOnly(p) ? `${sharedSurname.join(" ")}, ${p.join(" ")}` : p.join(" ");
    // "ROBERT AND MARY SMITH", "ROBERT J AND MARY SMITH": a given name alone shares the last person's surname. With a
    // second word it is not known to ("JOHN DAVID & MARY SMITH" may be John David; "JOSE MARTIN & MARIA LOPEZ" are the
    // parents of Jose Martin Lopez): such a name is read as written, and an applicant named like both goes to a person.
    if (i < people.length - 1 && givenOnly(p) && borrowed.length > 0) {
      return [...p, ...borrowed, ...(generation ? [generation] : [])].join(" ");
    }
    return p.join(" ");
  });
  return { names, joint: true, beneficiary };
}

/** One name read from the field: null (read the field as written) unless something was taken out of it. */
function single(name: string, changed: boolean, beneficiary: boolean): OwnerNameReadings | null {
  if (!changed) return null;
  return { names: [name], joint: false, beneficiary };
}
