/** The decision policy from configuration (MATCH_POLICY, JSON), over the matcher's defaults. */
import { DEFAULT_POLICY, type MatchPolicy, parsePolicy } from "../match";

const cache = new Map<string, MatchPolicy>();

export function matchPolicy(env: Env): MatchPolicy {
  const raw = env.MATCH_POLICY?.trim() ?? "";
  if (raw === "") return DEFAULT_POLICY;
  let policy = cache.get(raw);
  if (!policy) {
    policy = parsePolicy(JSON.parse(raw));
    cache.set(raw, policy);
  }
  return policy;
}
