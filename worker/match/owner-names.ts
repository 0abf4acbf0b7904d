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
  /[&+/]|\b(?:and|or|pod|tod|itf|atf|dba|d\/b\/a|jtwros|wros|jt|ten|tenants|payable|transfer|trust|doing|trading)\b/i;
const CONNECTORS = new Set(JOINT_CONNECTORS);
const HONORIFIC_WORDS = new Set(HONORIFICS.map((h) => h.toLowerCase()));
const NAME_FOLD = { keepHyphen: true, keepComma: true } as const;

/** Index of the first occurrence of any of the word sequences, or -1. */
function findSequence(list: string[], sequences: readonly (readonly string[])[]): { at: number; length: number } {
  for (let i = 0; i < list.length; i++) {
    for (const seq of sequences) {
      let k = 0;
      while (k < seq.length && list[i + k] === seq[k]) k++;
      if (k === seq.length) return { at: i, length: seq.length };
    }
  }
  return { at: -1, length: 0 };
}

/**
 * The personal names an owner name field holds, or null when it is an ordinary single name (read it as written).
 * `isOrganisation` decides whether the whole field names an organisation ("SMITH & SONS"), which is never split.
 */
export function readOwnerName(raw: string, isOrganisation: (text: string) => boolean): OwnerNameReadings | null {
  if (!MAY_HOLD_SEVERAL.test(raw)) return null;
  // "&", "+" and "and/or" join names; "d/b/a" is "dba".
  const text = raw
    .replace(/\bd\/b\/a\b/gi, " dba ")
    .replace(/\band\s*\/\s*or\b/gi, " and ")
    .replace(/[&+]/g, " and ");
  let list = words(text, NAME_FOLD);
  let beneficiary = false;
  let tradeName = false;
  const heir = findSequence(list, BENEFICIARY_MARKERS);
  if (heir.at > 0) {
    list = list.slice(0, heir.at);
    beneficiary = true;
  }
  const trade = findSequence(list, TRADE_NAME_MARKERS);
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
    list = [...list.slice(0, found.at), ...list.slice(found.at + found.length)];
    designation = true;
  }
  while (list[list.length - 1] === ",") list.pop();
  const whole = list.join(" ").replace(/ ,/g, ",");
  const changed = beneficiary || tradeName || designation;
  if (list.length === 0) return null;
  if (isOrganisation(whole)) return single(whole, changed, beneficiary, tradeName);

  // "SMITH, ROBERT AND MARY": the surname before the comma belongs to every name after it.
  const comma = list.indexOf(",");
  const firstConnector = list.findIndex((w) => CONNECTORS.has(w));
  const surname = comma > 0 && (firstConnector < 0 || comma < firstConnector) ? list.slice(0, comma) : null;
  const rest = surname ? list.slice(comma + 1) : list;
  const parts: string[][] = [[]];
  for (const w of rest) {
    if (CONNECTORS.has(w)) parts.push([]);
    else if (w !== ",") (parts[parts.length - 1] as string[]).push(w);
  }
  // "MR AND MRS JOHN SMITH": a part that is only a title names no one.
  const people = parts.filter((p) => p.length > 0 && !p.every((w) => HONORIFIC_WORDS.has(w)));
  if (people.length < 2) return single(whole, changed, beneficiary, tradeName);
  const names = people.map((p, i) => {
    if (surname) return `${surname.join(" ")}, ${p.join(" ")}`;
    // "ROBERT AND MARY SMITH": a given name alone before the last name shares its surname.
    const last = people[people.length - 1] as string[];
    if (p.length === 1 && i < people.length - 1 && last.length >= 2) return `${p[0]} ${last[last.length - 1]}`;
    return p.join(" ");
  });
  return { names, joint: true, beneficiary, trade_name: tradeName };
}

/** One name read from the field: null (read the field as written) unless something was taken out of it. */
function single(name: string, changed: boolean, beneficiary: boolean, tradeName: boolean): OwnerNameReadings | null {
  if (!changed) return null;
  return { names: [name], joint: false, beneficiary, trade_name: tradeName };
}
