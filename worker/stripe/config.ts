/**
 * Which Stripe the worker talks to, and the keys that go with it. `STRIPE_MODE=sandbox` (set locally by `npm run dev`) answers every
 * Stripe call from the in-process emulator; `STRIPE_MODE=stripe` needs real (test or live) keys.
 */

export const STRIPE_MODES = ["stripe", "sandbox"] as const;
export type StripeMode = (typeof STRIPE_MODES)[number];

/** The only secret key the sandbox accepts; any other key is answered with Stripe's 401. */
export const SANDBOX_SECRET_KEY = "sk_test_sandbox_ownercheck";
/** Handed to the widget in sandbox mode, where no Stripe.js ever loads. */
export const SANDBOX_PUBLISHABLE_KEY = "pk_test_sandbox_ownercheck";
/** Used to sign and verify sandbox webhooks when STRIPE_WEBHOOK_SECRET is not set (local development). */
export const SANDBOX_WEBHOOK_SECRET = "whsec_sandbox_ownercheck";

/** A deployment mistake (missing or contradictory Stripe settings), raised before any request leaves the worker. */
export class StripeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeConfigError";
  }
}

function configuredMode(env: Env): StripeMode {
  // Unset means real Stripe: a deployment that forgot the variable must not serve the emulator (fail closed).
  const mode = (env.STRIPE_MODE ?? "").trim() || "stripe";
  if (mode === "stripe" || mode === "sandbox") return mode;
  throw new StripeConfigError(`STRIPE_MODE must be "stripe" or "sandbox" (got "${mode}").`);
}

/** True only when STRIPE_MODE is explicitly "sandbox" (the offline emulator answers Stripe calls); never throws. */
export function isSandboxMode(env: Env): boolean {
  return (env.STRIPE_MODE ?? "").trim() === "sandbox";
}

/** The configured mode; "stripe" without STRIPE_SECRET_KEY is a configuration error. */
export function stripeMode(env: Env): StripeMode {
  const mode = configuredMode(env);
  if (mode === "stripe" && !env.STRIPE_SECRET_KEY) {
    throw new StripeConfigError(
      "STRIPE_MODE=stripe requires the STRIPE_SECRET_KEY secret (`wrangler secret put STRIPE_SECRET_KEY`).",
    );
  }
  return mode;
}

/** The publishable key the widget hands to Stripe.js (a fixed placeholder in sandbox mode). */
export function publishableKey(env: Env): string {
  if (stripeMode(env) === "sandbox") return SANDBOX_PUBLISHABLE_KEY;
  if (!env.STRIPE_PUBLISHABLE_KEY) {
    throw new StripeConfigError(
      "STRIPE_MODE=stripe requires STRIPE_PUBLISHABLE_KEY (`wrangler secret put STRIPE_PUBLISHABLE_KEY`).",
    );
  }
  return env.STRIPE_PUBLISHABLE_KEY;
}

/** The webhook signing secret: STRIPE_WEBHOOK_SECRET, or in sandbox mode a fixed local one the emulator also uses. */
export function webhookSecret(env: Env): string {
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  if (stripeMode(env) === "sandbox") return SANDBOX_WEBHOOK_SECRET;
  throw new StripeConfigError(
    "STRIPE_MODE=stripe requires STRIPE_WEBHOOK_SECRET (`wrangler secret put STRIPE_WEBHOOK_SECRET`).",
  );
}
