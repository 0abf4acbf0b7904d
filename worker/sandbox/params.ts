/**
 * Stripe's form encoding and parameter validation. Bodies and query strings arrive as `a[b][c]=v`, arrays in either
 * `x[]=a&x[]=b` or `x[0]=a&x[1]=b` form (the SDK sends the indexed form). Validation answers with Stripe's codes and
 * messages: parameter_unknown, parameter_missing, parameter_invalid_empty, …
 */
import { parameterInvalid, parameterInvalidEmpty, parameterMissing, parameterUnknown } from "./errors";

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === "object" && !Array.isArray(value);
}

/** Decodes `a[b][]=v` pairs into nested objects and arrays (indexed keys stay object keys until a schema asks). */
export function parseForm(search: URLSearchParams): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of search) {
    const match = KEY_PATTERN.exec(rawKey);
    const path = match
      ? [match[1] as string, ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")]
      : [rawKey];
    let container: FormObject | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string;
      const last = i === path.length - 1;
      const next = path[i + 1];
      const fresh = (): FormValue => (next === "" ? [] : {});
      if (Array.isArray(container)) {
        // `x[]` appends; `x[][k]=v` appends a new object.
        if (last) container.push(value);
        else {
          const child = fresh();
          container.push(child);
          container = child as FormObject | FormValue[];
        }
        continue;
      }
      if (last) {
        container[segment] = value;
        break;
      }
      let child = container[segment];
      const wantArray = next === "";
      if (child === undefined || typeof child === "string" || Array.isArray(child) !== wantArray) {
        child = fresh();
        container[segment] = child;
      }
      container = child as FormObject | FormValue[];
    }
  }
  return root;
}

/** A stable serialization of parameters, equal for both array encodings (how idempotent replays are compared). */
export function canonicalParams(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const indexed = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
  if (Array.isArray(value) || indexed) {
    const ordered = [...entries].sort(([a], [b]) => Number(a) - Number(b));
    return `[${ordered.map(([, v]) => canonicalParams(v)).join(",")}]`;
  }
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${canonicalParams(v)}`).join(",")}}`;
}

/** One parameter's parser: returns the typed value or throws Stripe's 400 for `name` (e.g. `address[city]`). */
export interface Param<T> {
  parse(value: FormValue | undefined, name: string): T;
}

type Parsed<P> = P extends Param<infer T> ? T : never;
type Fields = Record<string, Param<unknown>>;
type ParsedFields<F extends Fields> = { [K in keyof F]: Parsed<F[K]> };

const child = (parent: string, key: string) => (parent ? `${parent}[${key}]` : key);

interface StringOptions {
  /** `name=` unsets an optional field (parsed as null) instead of failing with parameter_invalid_empty. */
  emptyable?: boolean;
  maxLength?: number;
}

/** An optional string. */
export function string(options: StringOptions & { emptyable: true }): Param<string | null | undefined>;
export function string(options?: StringOptions): Param<string | undefined>;
export function string(options: StringOptions = {}): Param<string | null | undefined> {
  return {
    parse(value, name) {
      if (value === undefined) return undefined;
      if (typeof value !== "string") throw parameterInvalid(name, `Invalid string: ${describe(value)}`);
      if (value === "") {
        if (options.emptyable) return null;
        throw parameterInvalidEmpty(name);
      }
      if (options.maxLength !== undefined && value.length > options.maxLength) {
        throw parameterInvalid(name, `Invalid ${name}: must be at most ${options.maxLength} characters`);
      }
      return value;
    },
  };
}

/** An optional string restricted to `values`. */
export function oneOf<const V extends string>(values: readonly V[]): Param<V | undefined> {
  return {
    parse(value, name) {
      const parsed = string().parse(value, name);
      if (parsed === undefined) return undefined;
      if (!(values as readonly string[]).includes(parsed)) {
        const list =
          values.length > 1 ? `${values.slice(0, -1).join(", ")}, or ${values[values.length - 1]}` : values.join("");
        throw parameterInvalid(name, `Invalid ${name}: must be one of ${list}`);
      }
      return parsed as V;
    },
  };
}

/** An optional integer within [min, max]. */
export function integer(min: number, max: number): Param<number | undefined> {
  return {
    parse(value, name) {
      const parsed = string().parse(value, name);
      if (parsed === undefined) return undefined;
      if (!/^-?\d+$/.test(parsed))
        throw parameterInvalid(name, `Invalid integer: ${parsed}`, "parameter_invalid_integer");
      const n = Number(parsed);
      if (n < min) throw parameterInvalid(name, `This value must be greater than or equal to ${min}.`);
      if (n > max) throw parameterInvalid(name, `This value must be less than or equal to ${max}.`);
      return n;
    },
  };
}

/** An optional array; accepts `x[]=a` and `x[0]=a`. */
export function array<T>(item: Param<T | undefined>): Param<T[] | undefined> {
  return {
    parse(value, name) {
      if (value === undefined) return undefined;
      if (value === "") return [];
      let entries: Array<[string, FormValue]>;
      if (Array.isArray(value)) entries = value.map((v, i) => [String(i), v]);
      else if (isObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) {
        entries = Object.entries(value).sort(([a], [b]) => Number(a) - Number(b));
      } else throw parameterInvalid(name, "Invalid array");
      const out: T[] = [];
      for (const [index, v] of entries) {
        const parsed = item.parse(v, `${name}[${index}]`);
        if (parsed === undefined) throw parameterMissing(`${name}[${index}]`);
        out.push(parsed);
      }
      return out;
    },
  };
}

/** Parses a hash with known keys; any other key is parameter_unknown. */
function parseFields<F extends Fields>(fields: F, value: FormObject, name: string): ParsedFields<F> {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) throw parameterUnknown(child(name, key));
  }
  const out: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(fields)) {
    const parsed = param.parse(value[key], child(name, key));
    if (parsed !== undefined) out[key] = parsed;
  }
  return out as ParsedFields<F>;
}

/** An optional hash; `emptyable` lets `name=` unset it (parsed as null), as Stripe allows for `address`. */
export function object<F extends Fields>(
  fields: F,
  options: { emptyable: true },
): Param<ParsedFields<F> | null | undefined>;
export function object<F extends Fields>(
  fields: F,
  options?: { emptyable?: boolean },
): Param<ParsedFields<F> | undefined>;
export function object<F extends Fields>(
  fields: F,
  options: { emptyable?: boolean } = {},
): Param<ParsedFields<F> | null | undefined> {
  return {
    parse(value, name) {
      if (value === undefined) return undefined;
      if (value === "" && options.emptyable) return null;
      if (value === "") throw parameterInvalidEmpty(name);
      if (!isObject(value)) throw parameterInvalid(name, "Invalid object");
      return parseFields(fields, value, name);
    },
  };
}

/** Free-form string→string pairs (Stripe's `metadata`): up to 50 keys, keys ≤ 40 and values ≤ 500 characters. */
export function metadata(): Param<Record<string, string> | undefined> {
  return {
    parse(value, name) {
      if (value === undefined || value === "") return value === "" ? {} : undefined;
      if (!isObject(value)) throw parameterInvalid(name, "Invalid object");
      const entries = Object.entries(value);
      if (entries.length > 50) throw parameterInvalid(name, "Invalid metadata: cannot have more than 50 keys");
      const out: Record<string, string> = {};
      for (const [key, v] of entries) {
        if (typeof v !== "string") throw parameterInvalid(child(name, key), `Invalid string: ${describe(v)}`);
        if (key.length > 40) throw parameterInvalid(child(name, key), "Metadata keys must be at most 40 characters.");
        if (v.length > 500) throw parameterInvalid(child(name, key), "Metadata values must be at most 500 characters.");
        if (v !== "") out[key] = v;
      }
      return out;
    },
  };
}

/** Makes a parameter mandatory (parameter_missing when absent). */
export function required<T>(param: Param<T | undefined>): Param<Exclude<T, undefined>> {
  return {
    parse(value, name) {
      const parsed = param.parse(value, name);
      if (parsed === undefined || (Array.isArray(parsed) && parsed.length === 0)) throw parameterMissing(name);
      return parsed as Exclude<T, undefined>;
    },
  };
}

/** Parses a whole request's parameters (top-level names carry no brackets). */
export function parseParams<F extends Fields>(fields: F, value: FormObject): ParsedFields<F> {
  return parseFields(fields, value, "");
}

/** `expand[]` on every endpoint, plus the shared list pagination parameters. */
export const expandParam = array(string());
export const listParams = {
  limit: integer(1, 100),
  starting_after: string(),
  ending_before: string(),
  expand: expandParam,
};

function describe(value: FormValue): string {
  return JSON.stringify(value);
}
