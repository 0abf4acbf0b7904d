/**
 * The sandbox's institutions: each one is a scenario the matcher and the verification flow must handle. This table is
 * the single source for the linking page, GET /sandbox/v1/scenarios, the emulator and the tests.
 */
import type Stripe from "stripe";
import {
  businessFor,
  displayName,
  elsewhere,
  initialsStyle,
  type OwnerRecord,
  ownerFromCustomer,
  relativeOf,
  strangerFor,
  withNickname,
} from "./people";

/** What our verification reports for the scenario (the widget's coarse verdict, or `canceled`). */
export type ExpectedStatus = "verified" | "needs_review" | "failed" | "pending" | "canceled";

export interface Scenario {
  name: string;
  /** The institution the linking page shows, and the linked account's `institution_name`. */
  institution_name: string;
  description: string;
  expected_status: ExpectedStatus;
  /** False when the user leaves without linking (the session ends with no accounts). */
  links_account: boolean;
  /** Where an ownership refresh ends: `pending` stays pending until the owners are delivered by webhook. */
  ownership: "succeeded" | "pending" | "failed";
  /** How GET …/owners answers: normally, always HTTP 500, or one 429 that the SDK's retry gets past. */
  owners_read: "ok" | "api_error" | "rate_limited_once";
  /** The owners the bank reports, derived from the account holder's Stripe Customer. */
  owners: (customer: Stripe.Customer) => OwnerRecord[];
}

const none = () => [];

export const SCENARIOS = [
  {
    name: "exact",
    institution_name: "Exact Match Bank",
    description: "The owner is the applicant: same name, address, email and phone (address printed bank-style).",
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [ownerFromCustomer(c)],
  },
  {
    name: "nickname",
    institution_name: "Nickname Credit Union",
    description: "The bank knows the applicant by a nickname or formal first name (Robert ↔ Bob).",
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [{ ...ownerFromCustomer(c), name: withNickname(displayName(c)) }],
  },
  {
    name: "initials",
    institution_name: "Initials Savings",
    description: 'Surname first, middle initial and suffix, all caps ("SMITH JR, ROBERT J").',
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [{ ...ownerFromCustomer(c), name: initialsStyle(displayName(c)) }],
  },
  {
    name: "joint",
    institution_name: "Joint Account Bank",
    description: "A joint account with two owners; the applicant is the second.",
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => {
      const applicant = ownerFromCustomer(c);
      return [{ ...applicant, name: relativeOf(applicant.name), email: null, phone: null }, applicant];
    },
  },
  {
    name: "family",
    institution_name: "Family Federal",
    description: "Another member of the household owns the account: same surname and address, other first name.",
    expected_status: "needs_review",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [{ ...ownerFromCustomer(c), name: relativeOf(displayName(c)), email: null, phone: null }],
  },
  {
    name: "different",
    institution_name: "Different Person Bank",
    description: "Someone else entirely owns the account, at another address.",
    expected_status: "failed",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [strangerFor(c)],
  },
  {
    name: "business",
    institution_name: "Business Banking Co",
    description: 'A business account whose owner is a company ("SMITH HOLDINGS LLC"), not the applicant.',
    expected_status: "failed",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [businessFor(c)],
  },
  {
    name: "moved",
    institution_name: "Moved Address Bank",
    description: "Same name, but the bank has an address in another city (no email or phone on file).",
    expected_status: "needs_review",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [{ name: displayName(c), raw_address: elsewhere(c.address), email: null, phone: null }],
  },
  {
    name: "pending",
    institution_name: "Slow Data Bank",
    description: "Ownership is still pending at link time; the owners arrive later with a signed webhook.",
    expected_status: "verified",
    links_account: true,
    ownership: "pending",
    owners_read: "ok",
    owners: (c) => [ownerFromCustomer(c)],
  },
  {
    name: "refresh_failed",
    institution_name: "Refresh Failure Bank",
    description: "The bank could not provide ownership data: the refresh fails and there are no owners.",
    expected_status: "failed",
    links_account: true,
    ownership: "failed",
    owners_read: "ok",
    owners: none,
  },
  {
    name: "no_owner_data",
    institution_name: "Sparse Data Bank",
    description:
      "The bank reports the owner's name only: no address, email or phone. Missing fields count as unknown, not as mismatches, so an exact name still verifies.",
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "ok",
    owners: (c) => [{ name: displayName(c), raw_address: null, email: null, phone: null }],
  },
  {
    name: "cancel",
    institution_name: "Cancel (exit the flow)",
    description: "The user closes the linking flow; the session ends with no accounts.",
    expected_status: "canceled",
    links_account: false,
    ownership: "succeeded",
    owners_read: "ok",
    owners: none,
  },
  {
    name: "provider_error",
    institution_name: "Unavailable Bank",
    description: "The account links, but reading its owners fails with HTTP 500 every time; the check stays pending.",
    expected_status: "pending",
    links_account: true,
    ownership: "succeeded",
    owners_read: "api_error",
    owners: (c) => [ownerFromCustomer(c)],
  },
  {
    name: "rate_limited",
    institution_name: "Busy Bank",
    description: "The first owners read is rate limited (HTTP 429); the Stripe SDK's automatic retry succeeds.",
    expected_status: "verified",
    links_account: true,
    ownership: "succeeded",
    owners_read: "rate_limited_once",
    owners: (c) => [ownerFromCustomer(c)],
  },
] as const satisfies readonly Scenario[];

export type ScenarioName = (typeof SCENARIOS)[number]["name"];

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name) as [ScenarioName, ...ScenarioName[]];

export function findScenario(name: string): (Scenario & { name: ScenarioName }) | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/** What the linking page and GET /sandbox/v1/scenarios show. */
export function describeScenario(s: (typeof SCENARIOS)[number]) {
  return {
    name: s.name,
    description: s.description,
    expected_status: s.expected_status,
    institution_name: s.institution_name,
    links_account: s.links_account,
  };
}
