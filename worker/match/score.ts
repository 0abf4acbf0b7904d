/**
 * Combining field scores into one owner score and decision. The name anchors the score; the address confirms or
 * weakens it; a matching email or phone closes part of the remaining gap. Rules then cap what a score may decide:
 * an organisation never matches a person, a relative (only the surname matches) or a namesake (only the given
 * name) is at most a review.
 */
import type { AddressComparison, AddressFlags } from "./addresses";
import type { ContactComparison } from "./contact";
import type { NameComparison, NameFlags } from "./names";
import { type Decision, decide, type MatchPolicy, policyWeights } from "./policy";

export interface FieldScore<F> {
  score: number;
  flags: F;
}

export interface FieldScores {
  name: FieldScore<NameFlags> | null;
  address: FieldScore<AddressFlags> | null;
  email: { score: number } | null;
  phone: { score: number } | null;
}

export interface OwnerScore {
  score: number;
  decision: Decision;
  fields: FieldScores;
  reasons: string[];
}

export interface FieldComparisons {
  name: NameComparison | null;
  address: AddressComparison | null;
  email: ContactComparison | null;
  phone: ContactComparison | null;
}

const ORGANISATION_CAP = 30;
// Without a name to compare, a confirmed address can at most ask for a review.
const NO_NAME_SCORE = 60;
const ADDRESS_ONLY_SHARE = 0.28;
// An address score from which two parties are taken to live at the same place.
const HOUSEHOLD_ADDRESS = 70;
// A changed surname at the same home: the lowest default match (a stricter policy sends it to review).
const SURNAME_CHANGE_SCORE = 80;
// Share of a doubtful score taken away when the owner's own email (or phone) is someone else's.
const CONTACT_DIFFERS_SHARE = 0.2;

const DECISION_ORDER: Readonly<Record<Decision, number>> = { mismatch: 0, review: 1, match: 2 };

function capDecision(decision: Decision, limit: Decision, reasons: string[], why: string): Decision {
  if (DECISION_ORDER[decision] <= DECISION_ORDER[limit]) return decision;
  reasons.push(why);
  return limit;
}

function addContact(field: ContactComparison, weight: number, score: number, reasons: string[]): number {
  const more = field.reasons;
  for (let i = 0; i < more.length; i++) reasons.push(more[i] as string);
  return field.score > 0 && score >= 40 ? score + (100 - score) * weight * (field.score / 100) : score;
}

/** Scores one owner from its field comparisons under a policy. */
export function combine(c: FieldComparisons, policy: MatchPolicy): OwnerScore {
  const w = policyWeights(policy);
  // The name comparison's own reason list (fresh per comparison, read once) starts the owner's.
  let reasons: string[];
  let score: number;
  if (c.name) {
    score = c.name.score;
    reasons = c.name.reasons;
  } else {
    // Without a name the other fields can suggest a review, never a match.
    score = NO_NAME_SCORE;
    reasons = ["The bank reports no owner name"];
  }
  if (c.address) {
    score *= 1 - w.address * (1 - c.address.score / 100);
    const more = c.address.reasons;
    for (let i = 0; i < more.length; i++) reasons.push(more[i] as string);
  } else score *= 1 - w.missing_address;
  // Contact details confirm a name; they do not rescue a different one. At the same home the owner's own mailbox
  // being someone else's is the stronger word (a household shares a phone line, not a mailbox): a matching phone
  // then adds nothing.
  const emailDiffers = c.email !== null && c.email.score === 0;
  const emailMatch = c.email !== null && c.email.score >= 100;
  const sharedLine = emailDiffers && c.address?.same_home === true;
  if (c.email) score = addContact(c.email, w.email, score, reasons);
  if (c.phone && sharedLine && c.phone.score > 0) {
    reasons.push("Phone matches, but not counted: a household shares a line and the owner's email is someone else's");
  } else if (c.phone) score = addContact(c.phone, w.phone, score, reasons);
  // The owner's own contact details are someone else's: the email, or without emails to compare, the phone. That
  // does not undo a name that matches (people keep several addresses), but a doubtful name — one under the match
  // threshold on its own, or whose middle names differ — loses the benefit of the doubt.
  const contactDiffers = c.email !== null ? emailDiffers : c.phone !== null && c.phone.score === 0;
  const doubtfulName = c.name !== null && (c.name.score < policy.thresholds.match || c.name.flags.middle_name_mismatch);
  if (contactDiffers && doubtfulName) {
    score *= 1 - CONTACT_DIFFERS_SHARE;
    reasons.push(
      c.email !== null
        ? "The owner's email is someone else's and the name is not a clear match"
        : "The owner's phone is someone else's and the name is not a clear match",
    );
  }
  // Part of the name plus the same household (address) or the same mailbox: a relative, a changed surname or a
  // nickname the table does not know. Worth a person's look unless the applicant's own email contradicts it; ranked
  // by how much else agrees (a matching given name over a matching surname — surnames change at marriage — and how
  // close the other name came). A shared phone says nothing here: households share lines.
  const flags = c.name?.flags;
  const partial = c.name?.partial;
  let surnameChange = false;
  if (partial && c.name?.flags.first_or_last_only && !c.name.flags.business_name) {
    const a = c.address?.score ?? 0;
    const household = a >= HOUSEHOLD_ADDRESS ? (a - HOUSEHOLD_ADDRESS) / (100 - HOUSEHOLD_ADDRESS) : -1;
    // The given name as written, in its place, the same home to the letter, a different surname and nothing
    // contradicting: a changed surname (marriage, divorce) far more often than a housemate who shares the given name.
    const surnameChangeShape =
      partial.surname_change &&
      c.address?.same_home === true &&
      !contactDiffers &&
      !c.name.flags.middle_name_mismatch &&
      !c.name.flags.suffix_mismatch;
    // Accepted only where its score is a match: under a higher match threshold it leads the review band instead, as
    // under surname_change "review".
    surnameChange =
      surnameChangeShape && policy.surname_change === "match" && policy.thresholds.match <= SURNAME_CHANGE_SCORE;
    if (household >= 0 || emailMatch) {
      let floor = policy.thresholds.review + 1 + 5 * Math.max(0, household) + 4 * partial.other_similarity;
      // A surname change (marriage) keeps the given name; a missing word is a gap in the bank's record. Both are
      // likelier the applicant than a relative, who would show their own different given name.
      if (partial.matched === "given") floor += 4;
      if (partial.missing_word) floor += 5;
      if (emailMatch) floor += 12;
      else if (contactDiffers) floor -= 8;
      if (floor > score) {
        score = Math.min(floor, policy.thresholds.match - 1);
        // With someone else's contact details the reason above already says why the score is low.
        if (!surnameChangeShape && !contactDiffers) {
          reasons.push("Part of the name matches at the same address or email: possibly a relative or a changed name");
        }
      }
    }
    if (surnameChange) {
      // Never below what the household reading gives it (a strict policy's review band stays ordered).
      score = Math.max(score, SURNAME_CHANGE_SCORE);
      reasons.push("The given name and the full address match; only the surname differs, as after a change of surname");
    } else if (surnameChangeShape) {
      // First in the review band: the likeliest explanation, but one a person confirms.
      score = Math.max(score, policy.thresholds.match - 1);
      reasons.push(
        "The given name and the full address match but the surname differs: possibly a changed surname, or a relative with the same given name",
      );
    }
  }
  // Whatever the name says, sharing an address is some evidence: it orders unlikely owners (a housemate above a
  // stranger) without ever reaching the review band.
  if (c.address && !flags?.business_name) score = Math.max(score, ADDRESS_ONLY_SHARE * c.address.score);
  let decision = decide(Math.round(score), policy);
  // Rules cap the decision a score may reach; each cap that bites says why.
  if (flags?.business_name) {
    score = Math.min(score, ORGANISATION_CAP);
    decision = decide(Math.round(score), policy);
    decision = capDecision(decision, "mismatch", reasons, "An organisation's account is never matched to a person");
  }
  if (flags?.first_or_last_only && !surnameChange) {
    decision = capDecision(decision, "review", reasons, "Only part of the name matches: needs a person to check");
  }
  if (c.name?.needs_review) {
    // Said whether or not the cap bites: whoever reads any verdict should know the account is held in a role.
    if (decision === "match") decision = "review";
    reasons.push(c.name.needs_review);
  }
  if (flags?.middle_name_mismatch && !emailMatch) {
    // Sharing a given name and a surname but not the middle name is how a parent and a child named after them look
    // (JOHN DAVID SMITH / John Michael Smith): people know their own middle name. Their own mailbox settles it.
    // A maiden name or a second surname kept as a middle word looks the same and goes to a person too.
    decision = capDecision(decision, "review", reasons, "Middle names differ: possibly a relative with the same name");
  }
  if (flags?.suffix_mismatch) {
    decision = capDecision(decision, "review", reasons, "Generation suffixes differ: needs a person to check");
  }
  if (flags?.middle_name_mismatch && decision === "match") {
    reasons.push("Middle names differ, but the owner's email is the applicant's");
  }
  if (!c.name) decision = capDecision(decision, "review", reasons, "No owner name to confirm: needs a person to check");
  // Keep the score consistent with a capped decision.
  if (decision !== "match" && Math.round(score) >= policy.thresholds.match) score = policy.thresholds.match - 1;
  const rounded = Math.max(0, Math.min(100, Math.round(score)));
  return {
    score: rounded,
    decision,
    fields: {
      name: c.name ? { score: c.name.score, flags: c.name.flags } : null,
      address: c.address ? { score: c.address.score, flags: c.address.flags } : null,
      email: c.email ? { score: c.email.score } : null,
      phone: c.phone ? { score: c.phone.score } : null,
    },
    reasons,
  };
}
