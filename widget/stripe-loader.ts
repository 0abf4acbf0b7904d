/**
 * Stripe.js, loaded on first use only: `@stripe/stripe-js/pure` injects js.stripe.com's script when `loadStripe`
 * is first called, never at import. The promise is memoized, and forgotten on failure so a retry can load again.
 * One deployment has one publishable key, so one promise is enough.
 */
import type { Stripe } from "@stripe/stripe-js";
// The .mjs entry explicitly: the bare `pure` directory resolves to its CommonJS file, which bundles larger.
import { loadStripe } from "@stripe/stripe-js/pure/index.mjs";

let stripePromise: Promise<Stripe | null> | null = null;

export async function getStripe(publishableKey: string): Promise<Stripe> {
  stripePromise ??= loadStripe(publishableKey).catch((error: unknown) => {
    stripePromise = null;
    throw error;
  });
  const stripe = await stripePromise;
  if (!stripe) throw new Error("Stripe.js is unavailable.");
  return stripe;
}
