/**
 * The sandbox transport: a `fetch` for `Stripe.createFetchHttpClient` that hands each request the SDK builds to the
 * in-process emulator instead of the network.
 */
import { sandboxApi } from "./api";
import type { SandboxDeps } from "./deps";

/** A fetch that answers every Stripe API request from the sandbox, never touching the network. */
export function sandboxFetch(deps: SandboxDeps): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    return sandboxApi.fetch(request, deps);
  };
}
