/**
 * Email addresses and phone numbers: reduce each to the form that identifies a mailbox or a line (canonical email,
 * E.164 phone), then compare. A match is strong evidence; a difference is weak (people have several of each).
 */
import { isAscii, withoutFormatCharacters } from "./normalize";
import { CALLING_CODES } from "./tables/regions";

// Providers that ignore dots in the local part (Gmail documents this); "+tag" sub-addressing is stripped everywhere
// because every large provider delivers "name+tag@" to "name@".
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);
const DOMAIN_ALIASES = new Map([["googlemail.com", "gmail.com"]]);

const WHITESPACE = /\s/;

// Compatibility forms (full-width digits and letters) read as their plain forms, and format characters (a
// zero-width space pasted along with an address) are dropped; ASCII text has neither.
const nfkc = (text: string): string => (isAscii(text) ? text : withoutFormatCharacters(text.normalize("NFKC")));

/** The mailbox an email address delivers to: lower case, without +tags, without Gmail dots. Null when unusable. */
export function canonicalEmail(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Printable ASCII without spaces (nearly every address) has nothing to normalize, trim or reject for whitespace.
  const printable = isPrintableAscii(raw);
  let trimmed = printable ? raw.toLowerCase() : nfkc(raw).trim().toLowerCase();
  if (trimmed.startsWith("mailto:")) trimmed = trimmed.slice(7);
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return null;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (domain.endsWith(".")) domain = domain.replace(/\.+$/, "");
  domain = DOMAIN_ALIASES.get(domain) ?? domain;
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) local = local.replace(/\./g, "");
  if (local.length === 0 || domain.length === 0) return null;
  if (!printable && (WHITESPACE.test(local) || WHITESPACE.test(domain))) return null;
  // Both parts only ever shrink above: at full length they are unchanged (most addresses), and the text itself is
  // the answer, not a copy glued back together.
  return local.length + domain.length + 1 === trimmed.length ? trimmed : `${local}@${domain}`;
}

/** Whether every character is printable ASCII other than the space ("!" to "~"). */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

export interface ContactComparison {
  score: number;
  /** Shared between comparisons: read-only. */
  reasons: readonly string[];
}

const EMAIL_MATCHES: ContactComparison = Object.freeze({ score: 100, reasons: Object.freeze(["Email matches"]) });
const EMAIL_USER_MATCHES: ContactComparison = Object.freeze({
  score: 60,
  reasons: Object.freeze(["Email user name matches at another provider"]),
});
const EMAIL_DIFFERS: ContactComparison = Object.freeze({ score: 0, reasons: Object.freeze(["Email differs"]) });
const PHONE_MATCHES: ContactComparison = Object.freeze({ score: 100, reasons: Object.freeze(["Phone matches"]) });
const PHONE_COUNTRY_DIFFERS: ContactComparison = Object.freeze({
  score: 70,
  reasons: Object.freeze(["Phone matches apart from the country code"]),
});
const PHONE_DIFFERS: ContactComparison = Object.freeze({ score: 0, reasons: Object.freeze(["Phone differs"]) });

/** The text before the first "@" (all of it without one). */
function localPart(email: string): string {
  const at = email.indexOf("@");
  return at < 0 ? email : email.slice(0, at);
}

/** Compares two email addresses: 100 same mailbox, 60 same local part at another provider, else 0. */
export function compareEmails(a: string, b: string): ContactComparison {
  if (a === b) return EMAIL_MATCHES;
  const la = localPart(a);
  if (la.length >= 4 && la === localPart(b)) return EMAIL_USER_MATCHES;
  return EMAIL_DIFFERS;
}

const TRUNK_ZERO = /^\s*(\+|00)\s*(\d{1,3})[\s.-]*\(\s*0\s*\)/;
const KEEPS_TRUNK_ZERO = new Set(["39", "378", "379"]);

/** A phone number in E.164 ("+14155550123"), reading national formats with the default country. */
export function toE164(raw: string | null | undefined, defaultCountry = "US"): string | null {
  if (raw == null) return null;
  // Most numbers are digits, spaces and separators only: nothing to normalize and no extension to strip.
  let digits = separatedDigits(raw);
  let text = raw;
  let international: boolean;
  if (digits !== null) international = opensWithPlus(raw);
  else {
    text = nfkc(raw).trim().toLowerCase();
    // A tel: link (RFC 3966, "tel:+1-217-555-0123") is the number as written.
    if (text.startsWith("tel:")) text = text.slice(4).trimStart();
    // Extensions: "x123", "ext. 123", "extension 123", ";ext=123", "#123" after the number.
    text = text.replace(/\s*(?:;?ext\.?=?|extension|x|#)\s*\d+\s*$/, "");
    digits = text.replace(/\D/g, "");
    international = text.startsWith("+");
  }
  // "+44 (0)20 7946 0000": the national trunk 0 in brackets after the country code is not dialled from abroad, except
  // in Italian numbering (Italy, San Marino, the Vatican), where the 0 is part of the number.
  const trunk = text.includes("(") ? TRUNK_ZERO.exec(text) : null;
  if (trunk && !KEEPS_TRUNK_ZERO.has(trunk[2] as string)) {
    digits = (trunk[1] + (trunk[2] as string) + text.slice(trunk[0].length)).replace(/\D/g, "");
  }
  if (digits.length < 6 || digits.length > 15) return null;
  if (international) return `+${digits}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  if (digits.startsWith("011") && digits.length > 11) return `+${digits.slice(3)}`;
  const code = CALLING_CODES[defaultCountry.toUpperCase()] ?? "1";
  if (code === "1") {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
    return `+${digits}`;
  }
  // Trunk prefix 0 in most other numbering plans ("04 1234 5678" → +61 4 1234 5678).
  if (digits.startsWith(code) && digits.length >= 10) return `+${digits}`;
  return `+${code}${digits.replace(/^0/, "")}`;
}

/**
 * The digits of a number written with nothing but digits, spaces and the separators "(", ")", "+", "-", ".", "/"
 * ("(951) 677-3890", "+1 410 911 6098"), copied a run at a time; null for any other character.
 */
function separatedDigits(raw: string): string | null {
  let digits = "";
  let run = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run < 0) run = i;
      continue;
    }
    if (c !== 32 && c !== 40 && c !== 41 && c !== 43 && c !== 45 && c !== 46 && c !== 47) return null;
    if (run >= 0) digits += raw.slice(run, i);
    run = -1;
  }
  return run >= 0 ? digits + raw.slice(run) : digits;
}

/** Whether the first character after any spaces is "+". */
function opensWithPlus(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 43;
}

/** Compares two E.164 numbers: 100 equal, 70 same national number under a different country reading, else 0. */
export function comparePhones(a: string, b: string): ContactComparison {
  if (a === b) return PHONE_MATCHES;
  // The same last ten digits read under different country assumptions.
  if (a.length >= 11 && b.length >= 11 && a.slice(-10) === b.slice(-10)) {
    return PHONE_COUNTRY_DIFFERS;
  }
  return PHONE_DIFFERS;
}
