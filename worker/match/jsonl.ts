/**
 * One JSONL line in, one answer out: the shared core of the CLI (`npm run match`) and the benchmark
 * (`npm run bench:match`). Pure: it never touches files or streams, so both callers measure the same work.
 */
import { type ApplicantInput, DEFAULT_POLICY, type MatchPolicy, matchOwners, type OwnerInput } from "./index";

export interface LineAnswer {
  id: string | number | null;
  score: number;
  decision: string;
  fields: unknown;
  reasons: string[];
}

export interface LineError {
  id: string | number | null;
  error: { message: string };
}

class InputError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new InputError(`${path} must be a string or null`);
  return value;
}

function readApplicant(value: unknown): ApplicantInput {
  if (!isRecord(value)) throw new InputError("applicant must be an object");
  if (typeof value.name !== "string") throw new InputError("applicant.name must be a string");
  let address: ApplicantInput["address"] = null;
  if (value.address !== undefined && value.address !== null) {
    if (!isRecord(value.address)) throw new InputError("applicant.address must be an object or null");
    const a = value.address;
    address = {
      line1: optionalString(a.line1, "applicant.address.line1"),
      line2: optionalString(a.line2, "applicant.address.line2"),
      city: optionalString(a.city, "applicant.address.city"),
      state: optionalString(a.state, "applicant.address.state"),
      postal_code: optionalString(a.postal_code, "applicant.address.postal_code"),
      country: optionalString(a.country, "applicant.address.country"),
    };
  }
  return {
    name: value.name,
    address,
    email: optionalString(value.email, "applicant.email"),
    phone: optionalString(value.phone, "applicant.phone"),
  };
}

/** optionalString for an owner's field; the error's path is only spelled out when it is thrown. */
function ownerString(value: unknown, index: number, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new InputError(`owners[${index}].${field} must be a string or null`);
  return value;
}

function readOwners(value: unknown): OwnerInput[] {
  if (!Array.isArray(value)) throw new InputError("owners must be an array");
  const owners: OwnerInput[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const o: unknown = value[i];
    if (!isRecord(o)) throw new InputError(`owners[${i}] must be an object`);
    owners[i] = {
      name: ownerString(o.name, i, "name"),
      raw_address: ownerString(o.raw_address, i, "raw_address"),
      email: ownerString(o.email, i, "email"),
      phone: ownerString(o.phone, i, "phone"),
    };
  }
  return owners;
}

/**
 * Matches one input line `{ id, applicant, owners }`. Returns null for a blank line, an error object (never
 * throws) for a bad one.
 */
export function processLine(line: string, policy: MatchPolicy = DEFAULT_POLICY): LineAnswer | LineError | null {
  // A line opening with "{" (every real one) is not blank; only others pay for the trim.
  if (line.charCodeAt(0) !== 123 && line.trim().length === 0) return null;
  let id: string | number | null = null;
  try {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      throw new InputError("line is not valid JSON");
    }
    if (!isRecord(input)) throw new InputError("line must be a JSON object");
    if (typeof input.id === "string" || typeof input.id === "number") id = input.id;
    if (input.id === undefined || input.id === null) throw new InputError("id is missing");
    if (id === null) throw new InputError("id must be a string or a number");
    if (input.applicant === undefined) throw new InputError("applicant is missing");
    if (input.owners === undefined) throw new InputError("owners is missing");
    const result = matchOwners(readApplicant(input.applicant), readOwners(input.owners), policy);
    return { id, score: result.score, decision: result.decision, fields: result.fields, reasons: result.reasons };
  } catch (error) {
    const message = error instanceof InputError ? error.message : `internal error: ${String(error)}`;
    return { id, error: { message } };
  }
}

/** Whether an answer is an error object. */
export function isLineError(answer: LineAnswer | LineError): answer is LineError {
  return "error" in answer;
}
