/**
 * The owner matching engine: are the owners a bank reports for an account the applicant who signed up?
 * Pure and synchronous (no I/O, no runtime APIs), so the worker, the CLI and the benchmark all run this same code.
 * See DESIGN.md §4 for the result every consumer sees.
 */
import {
  type AddressFields,
  type AddressFlags,
  type ComponentResult,
  compareAddresses,
  type ParsedAddress,
  parseAddressFields,
  parseAddressLine,
} from "./addresses";
import { canonicalEmail, compareEmails, comparePhones, toE164 } from "./contact";
import { compareNames, type NameComparison, type NameFlags, type NameWord, type ParsedName, parseName } from "./names";
import { readOwnerName } from "./owner-names";
import { DEFAULT_POLICY, type Decision, decide, type MatchPolicy } from "./policy";
import { combine, type FieldScore, type FieldScores, type OwnerScore } from "./score";
import {
  ESTATE_WORDS_AGAINST_APPLICANT,
  FIDUCIARY_WORDS_IN_CONTEXT,
  ROLE_WORDS_ALSO_TITLES,
  SOLE_TRADER_WORDS,
} from "./tables/name-words";

export type { MatchWeights } from "./policy";
export { DEFAULT_POLICY, parsePolicy } from "./policy";
export type { AddressFlags, ComponentResult, Decision, FieldScore, FieldScores, MatchPolicy, NameFlags, ParsedAddress };

/** Version of the scoring method, stored with every result so old verdicts stay explainable. */
export const ALGORITHM = "ownercheck-match@1";

export interface ApplicantInput {
  name: string;
  address?: AddressFields | null;
  email?: string | null;
  phone?: string | null;
}

export interface OwnerInput {
  name: string | null;
  raw_address: string | null;
  email: string | null;
  phone: string | null;
}

export interface OwnerResult {
  score: number;
  decision: Decision;
  fields: FieldScores;
  reasons: string[];
}

export interface MatchResult extends OwnerResult {
  /** Index of the best-matching owner in the input, -1 when there are none. */
  owner_index: number;
  algorithm: string;
  /** Every owner scored, in input order. */
  owners: OwnerResult[];
}

/** The normalized forms of a party's data, for showing next to the raw values. */
export interface NormalizedParty {
  name: {
    words: string[];
    given: string | null;
    middles: string[];
    surname: string | null;
    honorifics: string[];
    suffixes: string[];
    comma_form: boolean;
    business: boolean;
  } | null;
  address: ParsedAddress | null;
  email: string | null;
  phone: string | null;
}

interface PreparedApplicant {
  name: ParsedName | null;
  address: ParsedAddress | null;
  email: string | null;
  phone: string | null;
  country: string;
}

function prepareApplicant(applicant: ApplicantInput): PreparedApplicant {
  const address = parseAddressFields(applicant.address ?? null);
  const country = address?.country && /^[A-Z]{2}$/.test(address.country) ? address.country : "US";
  return {
    name: parseName(applicant.name),
    address,
    email: canonicalEmail(applicant.email),
    phone: toE164(applicant.phone, country),
    country,
  };
}

const isOrganisationName = (text: string): boolean => parseName(text)?.business === true;

const FIDUCIARY_REVIEW =
  "The account is held for or by someone else (a guardian, custodian, agent or trustee, or an estate): needs a person to check";
const ROLE_WORDS = new Set([...FIDUCIARY_WORDS_IN_CONTEXT, ...ESTATE_WORDS_AGAINST_APPLICANT]);
const OPENING_ROLE_WORDS = new Set([...ROLE_WORDS].filter((w) => !ROLE_WORDS_ALSO_TITLES.includes(w)));

const TRADE_REVIEW = "The owner trades under a business name (DBA): a business account needs a person to check";
const SOLE_TRADES = new Set(SOLE_TRADER_WORDS.map((w) => w.toLowerCase()));

/** Whether the applicant's own name holds the word (then it is their name, not a role or a trade). */
function applicantHolds(applicant: ParsedName, word: string): boolean {
  return applicant.words.some((w) => w.key === word || w.parts.includes(word));
}

/**
 * The words that close the owner's name, with how many words it has: its last word (a part glued on with a hyphen,
 * "SMITH-EST", counts as a word of its own) and, in a "LAST, FIRST" form, the word closing the given names
 * ("SMITH, JOHN DEC").
 */
function closingWords(owner: ParsedName, glueable: ReadonlySet<string>): { words: string[]; count: number } {
  const all = owner.words;
  const last = all[all.length - 1] as NameWord;
  const gluedPart = last.compound ? (last.parts[last.parts.length - 1] as string) : null;
  const glued = gluedPart !== null && glueable.has(gluedPart) ? gluedPart : null;
  const words = [glued ?? last.key];
  if (owner.comma_form && all.length >= 3) words.push((all[all.length - 2] as NameWord).key);
  return { words, count: all.length + (glued ? 1 : 0) };
}

/**
 * Whether the owner's name closes (or opens) with a role word that is also a surname (MINOR, EST, POA, GUARDIAN, DEC…)
 * beside two other words, and the applicant's own name does not hold that word: "JOHN SMITH EST" is John Smith's
 * estate, "JOHN SMITH MINOR" a minor's account, while "MARY ANN EST" is Mary Ann Est's own. Read against the
 * applicant's name because the field alone cannot tell the two apart.
 */
function unexplainedRoleWord(applicant: ParsedName, owner: ParsedName): boolean {
  const closing = closingWords(owner, ROLE_WORDS);
  if (closing.count < 3) return false;
  const role = closing.words.find((w) => ROLE_WORDS.has(w));
  if (role !== undefined) return !applicantHolds(applicant, role);
  // Opening it: "GUARDIAN JOHN SMITH", "EST OF JOHN SMITH", "THE LATE JOHN SMITH"; DEC only before OF or FOR ("DEC J
  // SMITH" is Declan).
  const first = (owner.words[0] as NameWord).key;
  const second = owner.words[1]?.key;
  const opens = OPENING_ROLE_WORDS.has(first) && (first !== "dec" || second === "of" || second === "for");
  const opening = opens ? first : first === "the" && second === "late" ? second : null;
  return opening !== null && !applicantHolds(applicant, opening);
}

/**
 * Whether a full name is followed by a sole trader's trade the applicant's own name lacks ("JOHN SMITH PHOTOGRAPHY",
 * "MARIA GARCIA DAYCARE"): the account of a business, if the owner's own. Trades that are also surnames (Pizza, Care)
 * only count here, read against the applicant, never in the organisation test.
 */
function soleTraderTitle(applicant: ParsedName, owner: ParsedName): boolean {
  const closing = closingWords(owner, SOLE_TRADES);
  // Only the word closing the whole field: in "MOYO, TENDAI BEAUTY" the trade word is a middle name.
  const trade = closing.words[0] as string;
  return closing.count >= 3 && SOLE_TRADES.has(trade) && !applicantHolds(applicant, trade);
}

/** The review an owner name's own words call for, read against the applicant: a role (estate, minor…), else a trade. */
function roleReview(applicant: ParsedName, owner: ParsedName): string | undefined {
  if (unexplainedRoleWord(applicant, owner)) return FIDUCIARY_REVIEW;
  return soleTraderTitle(applicant, owner) ? TRADE_REVIEW : undefined;
}

/**
 * Compares the applicant's name with an owner's name field, which may hold several people (a joint account titled
 * in one field), a beneficiary or a trade name: each person's name is compared and the best one counts.
 */
function compareOwnerName(applicant: ParsedName, raw: string | null): NameComparison | null {
  const readings = raw === null ? null : readOwnerName(raw, isOrganisationName);
  if (readings === null) {
    const ownerName = parseName(raw);
    if (!ownerName) return null;
    const c = compareNames(applicant, ownerName);
    const review = roleReview(applicant, ownerName);
    if (review) c.needs_review = review;
    return c;
  }
  let best: NameComparison | null = null;
  let bestName: ParsedName | null = null;
  for (const name of readings.names) {
    const parsed = parseName(name);
    const c = parsed ? compareNames(applicant, parsed) : null;
    if (c && (best === null || c.score > best.score)) {
      best = c;
      bestName = parsed;
    }
  }
  if (best === null || bestName === null) return null;
  if (readings.joint) {
    best.reasons.push(`The bank lists ${readings.names.length} people in this owner's name; the closest one counts`);
  }
  if (readings.organisation && !best.flags.business_name) {
    best.flags.business_name = true;
    best.reasons.unshift("Owner is an organisation, not a person");
  }
  const review = readings.fiduciary
    ? FIDUCIARY_REVIEW
    : (roleReview(applicant, bestName) ?? (readings.trade_name ? TRADE_REVIEW : undefined));
  if (review) best.needs_review = review;
  if (readings.beneficiary)
    best.reasons.push("Someone named after the owner (a beneficiary or a minor) is not an owner");
  return best;
}

function scoreOwner(a: PreparedApplicant, owner: OwnerInput, policy: MatchPolicy): OwnerScore {
  const ownerAddress = parseAddressLine(owner.raw_address, a.address?.city ?? null);
  const email = canonicalEmail(owner.email);
  const phone = toE164(owner.phone, a.country);
  return combine(
    {
      name: a.name ? compareOwnerName(a.name, owner.name) : null,
      address: a.address && ownerAddress ? compareAddresses(a.address, ownerAddress) : null,
      email: a.email && email ? compareEmails(a.email, email) : null,
      phone: a.phone && phone ? comparePhones(a.phone, phone) : null,
    },
    policy,
  );
}

const DECISION_RANK: Record<Decision, number> = { mismatch: 0, review: 1, match: 2 };

/** Scores every owner against the applicant; the best owner (decision first, then score) decides. */
export function matchOwners(
  applicant: ApplicantInput,
  owners: readonly OwnerInput[],
  policy: MatchPolicy = DEFAULT_POLICY,
): MatchResult {
  const prepared = prepareApplicant(applicant);
  const results: OwnerResult[] = new Array(owners.length);
  let best = -1;
  let bestRank = -1;
  let bestScore = 0;
  for (let i = 0; i < owners.length; i++) {
    const r = scoreOwner(prepared, owners[i] as OwnerInput, policy);
    results[i] = r;
    const rank = DECISION_RANK[r.decision];
    if (best < 0 || rank > bestRank || (rank === bestRank && r.score > bestScore)) {
      best = i;
      bestRank = rank;
      bestScore = r.score;
    }
  }
  if (best < 0) {
    return {
      score: 0,
      decision: decide(0, policy),
      owner_index: -1,
      algorithm: ALGORITHM,
      fields: { name: null, address: null, email: null, phone: null },
      reasons: ["The bank reports no owners for this account"],
      owners: [],
    };
  }
  const top = results[best] as OwnerResult;
  const reasons =
    results.length > 1 ? [`Best of ${results.length} owners: owner ${best + 1}`, ...top.reasons] : top.reasons;
  return {
    score: top.score,
    decision: top.decision,
    fields: top.fields,
    reasons,
    owner_index: best,
    algorithm: ALGORITHM,
    owners: results,
  };
}

function normalizedName(name: ParsedName | null): NormalizedParty["name"] {
  if (!name) return null;
  const keys = name.words.map((w: NameWord) => w.text);
  return {
    words: keys,
    given: keys.length >= 2 ? (keys[0] as string) : null,
    middles: keys.slice(1, -1),
    surname: keys.length >= 1 ? (keys[keys.length - 1] as string) : null,
    honorifics: name.honorifics,
    suffixes: name.suffixes,
    comma_form: name.comma_form,
    business: name.business,
  };
}

/** An owner's data as the matcher reads it: parsed address, name words, canonical email, E.164 phone. */
export function normalizeOwnerForDisplay(owner: OwnerInput, defaultCountry = "US"): NormalizedParty {
  return {
    name: normalizedName(parseName(owner.name)),
    address: parseAddressLine(owner.raw_address),
    email: canonicalEmail(owner.email),
    phone: toE164(owner.phone, defaultCountry),
  };
}

/** The applicant's data as the matcher reads it (same shape as normalizeOwnerForDisplay). */
export function normalizeApplicantForDisplay(applicant: ApplicantInput): NormalizedParty {
  const p = prepareApplicant(applicant);
  return { name: normalizedName(p.name), address: p.address, email: p.email, phone: p.phone };
}
