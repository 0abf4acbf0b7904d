/**
 * The Stripe client factory: the one place a Stripe SDK instance is made. Both modes use the real `stripe` package
 * with the same configuration; only the transport differs (the network, or the in-process sandbox).
 */
import Stripe from "stripe";
import { createDb } from "../db/client";
import { sandboxFetch } from "../sandbox/transport";
import { SANDBOX_SECRET_KEY, stripeMode } from "./config";

export {
  isSandboxMode,
  publishableKey,
  SANDBOX_PUBLISHABLE_KEY,
  SANDBOX_SECRET_KEY,
  StripeConfigError,
  type StripeMode,
  stripeMode,
  webhookSecret,
} from "./config";

export interface CreateStripeOptions {
  /**
   * STRIPE_MODE=stripe only: the fetch the SDK sends requests with (default: the global fetch). A seam for tests,
   * which point it at a stub that checks the exact requests without any network.
   */
  fetch?: typeof fetch;
  /**
   * STRIPE_MODE=sandbox only: lets webhooks caused by an API call (refresh, disconnect) arrive after its response,
   * as with Stripe, e.g. `{ waitUntil: (p) => c.executionCtx.waitUntil(p) }`. Without it they arrive before it returns.
   */
  waitUntil?: (promise: Promise<unknown>) => void;
}

/** Same SDK settings in both modes, so the sandbox exercises what production runs. */
const SDK_CONFIG = {
  apiVersion: Stripe.API_VERSION,
  maxNetworkRetries: 2,
  appInfo: { name: "ownercheck", url: "https://github.com/ownercheck/ownercheck" },
} satisfies Stripe.StripeConfig;

/**
 * A Stripe client for this request. Sandbox mode answers from the in-process emulator; `selfFetch` is how the
 * emulator delivers its signed webhooks to this worker's POST /v1/webhooks/stripe.
 */
export function createStripe(
  env: Env,
  selfFetch: (request: Request) => Promise<Response>,
  options: CreateStripeOptions = {},
): Stripe {
  if (stripeMode(env) === "stripe") {
    return new Stripe(env.STRIPE_SECRET_KEY as string, {
      ...SDK_CONFIG,
      httpClient: Stripe.createFetchHttpClient(options.fetch),
    });
  }
  const transport = sandboxFetch({ env, db: createDb(env.DB), selfFetch, waitUntil: options.waitUntil });
  return new Stripe(SANDBOX_SECRET_KEY, { ...SDK_CONFIG, httpClient: Stripe.createFetchHttpClient(transport) });
}
