/**
 * Review-queue fixtures seeded straight into D1 (applicant, verification, account, owners, match result), so list,
 * detail and decision tests control every column. Storage is shared across the tests of a run: each test makes
 * its own institution name and filters by it, so other tests' rows never leak into its assertions.
 */
import { accountOwners, applicants, fcAccounts, matchResults, verifications } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { db } from "./helpers";

let counter = 0;

/** An institution name no other test uses. */
export function uniqueInstitution(label = "Bank") {
  counter += 1;
  return `${label} ${Date.now().toString(36)}-${counter}`;
}

export interface SeedOptions {
  name?: string | null;
  email?: string | null;
  institution?: string;
  decision?: "match" | "review" | "mismatch" | null;
  score?: number | null;
  reviewStatus?: "open" | "approved" | "rejected" | "escalated" | null;
  state?: "created" | "linking" | "awaiting_ownership" | "matched" | "canceled" | "failed" | "expired";
  createdAt?: number;
  nameScore?: number;
  owners?: { name: string | null; address?: string | null; email?: string | null; phone?: string | null }[];
  reasons?: string[];
  last4?: string;
  erased?: boolean;
}

const defaultFields = (nameScore: number) => ({
  name: {
    score: nameScore,
    flags: { exact: false, nickname: true, initials: false, order_swapped: false, first_or_last_only: false },
  },
  address: {
    score: 80,
    flags: {
      postal_code: "match",
      street_number: "match",
      street_name: "match",
      unit: "mismatch",
      city: "match",
      state: "match",
    },
  },
  email: { score: 100 },
  phone: null,
});

/** Seeds one verification with everything a reviewer sees; returns its ids. */
export async function seedVerification(options: SeedOptions = {}) {
  const d = db();
  const now = options.createdAt ?? Date.now();
  const applicantId = newId("app");
  const verificationId = newId("ver");
  const accountId = newId("acct");
  const decision = options.decision === undefined ? "review" : options.decision;
  const score = options.score === undefined ? 62 : options.score;
  const reviewStatus =
    options.reviewStatus === undefined ? (decision === "review" ? "open" : null) : options.reviewStatus;
  const state = options.state ?? (decision ? "matched" : "failed");
  const institution = options.institution ?? uniqueInstitution();
  const owners = options.owners ?? [
    { name: "Bob Smith", address: "123 N Main St, Springfield, IL 62704", email: "bob.smith@example.com" },
  ];
  const fields = defaultFields(options.nameScore ?? 70);
  const erased = options.erased ?? false;
  await d.insert(applicants).values({
    id: applicantId,
    name: erased ? null : options.name === undefined ? "Robert Smith" : options.name,
    addressLine1: erased ? null : "123 North Main Street",
    addressLine2: erased ? null : "Apt 4B",
    addressCity: erased ? null : "Springfield",
    addressState: erased ? null : "IL",
    addressPostalCode: erased ? null : "62704",
    addressCountry: erased ? null : "US",
    email: erased ? null : options.email === undefined ? "bob.smith@example.com" : options.email,
    phone: null,
    createdBy: "key_test",
    createdAt: now,
    erasedAt: erased ? now : null,
  });
  await d.insert(verifications).values({
    id: verificationId,
    applicantId,
    state,
    mode: "sandbox",
    stripeSessionId: null,
    decision,
    score: decision ? score : null,
    reviewStatus,
    institutionName: institution,
    createdAt: now,
    updatedAt: now,
    completedAt: decision ? now : null,
  });
  if (decision) {
    await d.insert(fcAccounts).values({
      id: accountId,
      verificationId,
      stripeAccountId: newId("fca"),
      institutionName: institution,
      last4: options.last4 ?? "6789",
      category: "cash",
      subcategory: "checking",
      status: "active",
      ownershipRefreshStatus: "succeeded",
      ownershipRefreshedAt: now,
      createdAt: now,
    });
    await d.insert(accountOwners).values(
      owners.map((o, position) => ({
        id: newId("own"),
        accountId,
        verificationId,
        stripeOwnerId: newId("fcaown"),
        position,
        name: erased ? null : o.name,
        rawAddress: erased ? null : (o.address ?? null),
        email: erased ? null : (o.email ?? null),
        phone: erased ? null : (o.phone ?? null),
        refreshedAt: now,
        purgedAt: erased ? now : null,
        createdAt: now,
      })),
    );
    await d.insert(matchResults).values({
      id: newId("mr"),
      verificationId,
      score: score ?? 0,
      decision,
      ownerIndex: 0,
      algorithm: "ownercheck-match@1",
      fields,
      reasons: options.reasons ?? ["Name matches by nickname (Bob → Robert)", "Postal code and street number match"],
      owners: owners.map((_, i) => ({
        score: (score ?? 0) - i,
        decision,
        fields,
        reasons: [`Owner ${i + 1} reason`],
      })),
      createdAt: now,
    });
  }
  return { applicantId, verificationId, institution };
}

/** Seeds `count` verifications one millisecond apart (newest last), same institution. */
export async function seedMany(count: number, options: SeedOptions & { start?: number } = {}) {
  const institution = options.institution ?? uniqueInstitution();
  const start = options.start ?? Date.now() - count;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const { verificationId } = await seedVerification({ ...options, institution, createdAt: start + i });
    out.push(verificationId);
  }
  return { institution, ids: out };
}
