/**
 * What the sandbox's banks have on file. Owners are derived from the Stripe Customer's own name, address, email and
 * phone, so any demo input produces a meaningful match; the other people and places here are fictional (555-01xx
 * phone numbers, example.* email domains).
 */
import type Stripe from "stripe";

/** One owner as the bank reports it (the fields of Stripe's financial_connections.account_owner). */
export interface OwnerRecord {
  name: string;
  raw_address: string | null;
  email: string | null;
  phone: string | null;
}

export interface PersonName {
  first: string;
  middle: string[];
  last: string;
  suffix: string | null;
}

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "v"]);

/** Formal names and the diminutives banks (or their customers) often use instead; applied in both directions. */
const NICKNAME_PAIRS: ReadonlyArray<readonly [formal: string, short: string]> = [
  ["Robert", "Bob"],
  ["William", "Bill"],
  ["Richard", "Rick"],
  ["James", "Jim"],
  ["John", "Jack"],
  ["Michael", "Mike"],
  ["Thomas", "Tom"],
  ["Joseph", "Joe"],
  ["Daniel", "Dan"],
  ["Matthew", "Matt"],
  ["Anthony", "Tony"],
  ["Steven", "Steve"],
  ["Edward", "Ed"],
  ["Charles", "Chuck"],
  ["Christopher", "Chris"],
  ["Alexander", "Alex"],
  ["Benjamin", "Ben"],
  ["Samuel", "Sam"],
  ["Nicholas", "Nick"],
  ["Andrew", "Andy"],
  ["Timothy", "Tim"],
  ["David", "Dave"],
  ["Gregory", "Greg"],
  ["Kenneth", "Ken"],
  ["Theodore", "Ted"],
  ["Elizabeth", "Liz"],
  ["Katherine", "Kate"],
  ["Margaret", "Peggy"],
  ["Jennifer", "Jen"],
  ["Patricia", "Pat"],
  ["Rebecca", "Becky"],
  ["Susan", "Sue"],
  ["Deborah", "Deb"],
  ["Victoria", "Vicky"],
  ["Abigail", "Abby"],
];

const NICKNAMES = new Map<string, string>(
  NICKNAME_PAIRS.flatMap(([formal, short]) => [
    [formal.toLowerCase(), short],
    [short.toLowerCase(), formal],
  ]),
);

/** First names for the other people on an account (a co-owner, a relative). */
const OTHER_FIRST_NAMES = ["Jordan", "Casey", "Morgan", "Taylor"];

interface Place {
  line1: string;
  city: string;
  state: string;
  postal_code: string;
}

/** Somewhere else to live (the `moved` scenario); the first whose city differs from the customer's is used. */
const OTHER_HOMES: Place[] = [
  { line1: "2450 Lakeview Dr", city: "Portland", state: "OR", postal_code: "97205" },
  { line1: "19 Cedar Ln", city: "Austin", state: "TX", postal_code: "78701" },
];

/** Unrelated account holders (the `different` scenario); the first with another surname and city is used. */
const STRANGERS: Array<{ name: string; place: Place; email: string; phone: string }> = [
  {
    name: "Maria Gonzalez",
    place: { line1: "88 Harbor View Rd", city: "Tampa", state: "FL", postal_code: "33602" },
    email: "maria.gonzalez@example.net",
    phone: "+18135550147",
  },
  {
    name: "Daniel Okafor",
    place: { line1: "301 Pine St Apt 12", city: "Seattle", state: "WA", postal_code: "98101" },
    email: "d.okafor@example.org",
    phone: "+12065550163",
  },
];

/** Where a business account is registered (the `business` scenario). */
const OFFICES: Place[] = [
  { line1: "1200 Commerce Blvd Ste 300", city: "Denver", state: "CO", postal_code: "80202" },
  { line1: "77 Market Plaza Fl 4", city: "Columbus", state: "OH", postal_code: "43215" },
];

const FALLBACK_NAME = "Alex Sample";

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[.,]/g, "");
}

/** Splits "Dr. Robert J. Smith Jr." into first / middle / last / suffix (honorifics dropped). */
export function splitName(full: string | null | undefined): PersonName {
  const tokens = (full?.trim() || FALLBACK_NAME).split(/\s+/);
  while (tokens.length > 1 && HONORIFICS.has(bare(tokens[0] as string))) tokens.shift();
  let suffix: string | null = null;
  const lastToken = tokens[tokens.length - 1];
  if (tokens.length > 2 && lastToken && SUFFIXES.has(bare(lastToken))) {
    suffix = bare(tokens.pop() as string).toUpperCase();
  }
  const first = (tokens.shift() as string).replace(/,$/, "");
  const last = (tokens.pop() ?? "").replace(/,$/, "");
  return { first, middle: tokens, last, suffix };
}

function joinName(name: PersonName): string {
  return [name.first, ...name.middle, name.last, name.suffix].filter(Boolean).join(" ");
}

/** The customer's name as typed (or a placeholder when the Customer has none). */
export function displayName(customer: Stripe.Customer): string {
  return customer.name?.trim() || FALLBACK_NAME;
}

/** "Robert" ↔ "Bob"; a first name without a known pair is kept. */
export function nicknameOf(first: string): string {
  return NICKNAMES.get(first.toLowerCase()) ?? first;
}

/** The name with its first name swapped for the diminutive (or formal) form. */
export function withNickname(full: string): string {
  const name = splitName(full);
  return joinName({ ...name, first: nicknameOf(name.first) });
}

/** "SMITH JR, ROBERT J": surname first, a middle initial and a generational suffix, as some banks print it. */
export function initialsStyle(full: string): string {
  const name = splitName(full);
  const middleInitial = (name.middle[0]?.charAt(0) ?? "M").toUpperCase();
  const surname = [name.last || name.first, name.suffix ?? "JR"].join(" ");
  return `${surname}, ${name.first} ${middleInitial}`.toUpperCase();
}

/** A first name different from (and not a nickname of) `first`. */
export function otherFirstName(first: string): string {
  const taken = new Set([first.toLowerCase(), nicknameOf(first).toLowerCase()]);
  return OTHER_FIRST_NAMES.find((n) => !taken.has(n.toLowerCase())) as string;
}

/** Same family: another first name, the same surname. */
export function relativeOf(full: string): string {
  const name = splitName(full);
  return [otherFirstName(name.first), name.last || name.first].join(" ");
}

/** One uppercase line the way bank statements print an address: "123 MAIN ST APT 4, SPRINGFIELD, IL 62701". */
export function bankAddress(address: Stripe.Address | Place | null | undefined): string | null {
  if (!address) return null;
  const full: Partial<Stripe.Address> = address;
  const street = [full.line1, full.line2].filter(Boolean).join(" ");
  const region = [full.state, full.postal_code].filter(Boolean).join(" ");
  const country = full.country && full.country.toUpperCase() !== "US" ? full.country : null;
  const line = [street, full.city, region, country].filter(Boolean).join(", ");
  return line ? line.replace(/\s+/g, " ").trim().toUpperCase() : null;
}

function sameCity(place: Place, address: Stripe.Address | null | undefined): boolean {
  return !!address?.city && address.city.trim().toLowerCase() === place.city.toLowerCase();
}

/** An address in another city than the customer's. */
export function elsewhere(address: Stripe.Address | null | undefined): string {
  return bankAddress(OTHER_HOMES.find((p) => !sameCity(p, address)) ?? OTHER_HOMES[0]) as string;
}

/** An unrelated person at an unrelated address. */
export function strangerFor(customer: Stripe.Customer): OwnerRecord {
  const surname = splitName(customer.name).last.toLowerCase();
  const stranger =
    STRANGERS.find((s) => splitName(s.name).last.toLowerCase() !== surname && !sameCity(s.place, customer.address)) ??
    (STRANGERS[0] as (typeof STRANGERS)[number]);
  return {
    name: stranger.name,
    raw_address: bankAddress(stranger.place),
    email: stranger.email,
    phone: stranger.phone,
  };
}

/** A business named after the customer's surname, registered at an office elsewhere. */
export function businessFor(customer: Stripe.Customer): OwnerRecord {
  const name = splitName(customer.name);
  const surname = titleCase(name.last || name.first);
  const office = OFFICES.find((p) => !sameCity(p, customer.address)) ?? (OFFICES[0] as Place);
  const domain = surname.toLowerCase().replace(/[^a-z0-9]/g, "") || "holdings";
  return {
    name: `${surname} Holdings LLC`.toUpperCase(),
    raw_address: bankAddress(office),
    email: `ap@${domain}holdings.example.com`,
    phone: "+13035550118",
  };
}

/** The customer exactly as the bank has them on file. */
export function ownerFromCustomer(customer: Stripe.Customer): OwnerRecord {
  return {
    name: displayName(customer),
    raw_address: bankAddress(customer.address),
    email: customer.email ?? null,
    phone: customer.phone ?? null,
  };
}
