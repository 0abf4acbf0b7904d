/**
 * Decision policy: the thresholds and field weights that turn scores into decisions. Configuration, not code —
 * `parsePolicy` reads a partial policy (for example JSON from an environment variable) over the defaults.
 */

export type Decision = "match" | "review" | "mismatch";

/**
 * How much each field can move the combined score. The name is the anchor (an owner is the applicant only if the
 * name agrees); the others confirm or weaken it:
 * - `address`: share of the score that depends on the address (0.3 → a name-perfect owner at an unrelated address
 *   scores 70, at the same address 100).
 * - `missing_address`: share withheld when the owner has no usable address (the name stands alone).
 * - `email`, `phone`: share of the remaining distance to 100 that a matching email or phone closes.
 */
export interface MatchWeights {
  address: number;
  missing_address: number;
  email: number;
  phone: number;
}

export interface MatchPolicy {
  /** score >= match → "match"; score >= review → "review"; else "mismatch". */
  thresholds: { match: number; review: number };
  weights?: Partial<MatchWeights>;
  /**
   * The decision for an owner whose given name matches exactly at the applicant's home (number, street, unit, postal
   * code or city, state) while the surname differs and no email or phone says otherwise: how a changed surname
   * (marriage, divorce) looks when the bank has not caught up, by far its commonest cause. Default "match"; "review"
   * sends it to a person first in the review band, for a business that also wants to catch a mother and a married
   * daughter who share a given name and a home.
   */
  surname_change?: "match" | "review";
}

export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  address: 0.3,
  missing_address: 0.08,
  email: 0.5,
  phone: 0.4,
});

export const DEFAULT_POLICY: MatchPolicy = Object.freeze({
  thresholds: Object.freeze({ match: 80, review: 55 }),
  weights: DEFAULT_WEIGHTS,
  surname_change: "match",
}) as MatchPolicy;

/** The weights a policy uses: its own over the defaults. */
export function policyWeights(policy: MatchPolicy): Readonly<MatchWeights> {
  if (policy.weights === undefined || policy.weights === DEFAULT_WEIGHTS) return DEFAULT_WEIGHTS;
  return { ...DEFAULT_WEIGHTS, ...policy.weights };
}

/** Decision for a score under a policy's thresholds. */
export function decide(score: number, policy: MatchPolicy): Decision {
  if (score >= policy.thresholds.match) return "match";
  if (score >= policy.thresholds.review) return "review";
  return "mismatch";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${path} must be a number`);
  if (value < min || value > max) throw new Error(`${path} must be between ${min} and ${max}`);
  return value;
}

/**
 * Validates a partial policy and merges it over DEFAULT_POLICY. Accepts an object or a JSON string;
 * throws an Error naming the offending field otherwise.
 */
export function parsePolicy(input: unknown): MatchPolicy {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error("policy must be valid JSON");
    }
  }
  if (value == null) return DEFAULT_POLICY;
  if (!isRecord(value)) throw new Error("policy must be an object");
  for (const key of Object.keys(value)) {
    if (key !== "thresholds" && key !== "weights" && key !== "surname_change") {
      throw new Error(`policy has an unknown field "${key}"`);
    }
  }
  const thresholds = { ...DEFAULT_POLICY.thresholds };
  if (value.thresholds !== undefined) {
    if (!isRecord(value.thresholds)) throw new Error("policy.thresholds must be an object");
    for (const key of Object.keys(value.thresholds)) {
      if (key !== "match" && key !== "review") throw new Error(`policy.thresholds has an unknown field "${key}"`);
    }
    if (value.thresholds.match !== undefined) {
      thresholds.match = readNumber(value.thresholds.match, "policy.thresholds.match", 0, 100);
    }
    if (value.thresholds.review !== undefined) {
      thresholds.review = readNumber(value.thresholds.review, "policy.thresholds.review", 0, 100);
    }
  }
  // Some rules send a case to a person whatever its score (a relative, an account held in a role), so there must be a
  // review band for their scores to fall in.
  if (thresholds.review >= thresholds.match) {
    throw new Error("policy.thresholds.review must be lower than policy.thresholds.match");
  }
  const weights: MatchWeights = { ...DEFAULT_WEIGHTS };
  if (value.weights !== undefined) {
    if (!isRecord(value.weights)) throw new Error("policy.weights must be an object");
    for (const [key, raw] of Object.entries(value.weights)) {
      if (!(key in DEFAULT_WEIGHTS)) throw new Error(`policy.weights has an unknown field "${key}"`);
      weights[key as keyof MatchWeights] = readNumber(raw, `policy.weights.${key}`, 0, 1);
    }
  }
  let surnameChange = DEFAULT_POLICY.surname_change;
  if (value.surname_change !== undefined) {
    if (value.surname_change !== "match" && value.surname_change !== "review") {
      throw new Error('policy.surname_change must be "match" or "review"');
    }
    surnameChange = value.surname_change;
  }
  return { thresholds, weights, surname_change: surnameChange };
}
