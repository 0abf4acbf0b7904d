/**
 * Stripe.js, loaded on first use only: `@stripe/stripe-js/pure` injects js.stripe.com's script when `loadStripe`
 * is first called, never at import. The promise is memoized, and forgotten on failure so a retry can load again.
 * One deployment has one publishable key, so one promise is enough.
 */
import type { Stripe } from "@stripe/stripe-js";

/** The Stripe.js loader beside this module (widget/widget-stripe.ts, built to /widget-stripe.js and by tsc alike). */
const STRIPE_JS_CHUNK = new URL("./widget-stripe.js", import.meta.url).href;

let stripePromise: Promise<Stripe | null> | null = null;

export async function getStripe(publishableKey: string): Promise<Stripe> {
  // The loader ships as a separate file beside widget.js, fetched on first use, so host pages that never reach Stripe
  // mode (or never click) do not pay for it. A computed specifier keeps the bundler from inlining it.
  stripePromise ??= (import(STRIPE_JS_CHUNK) as Promise<typeof import("./widget-stripe")>)
    .then(({ loadStripe }) => loadStripe(publishableKey))
    .catch((error: unknown) => {
      stripePromise = null;
      throw error;
    });
  const stripe = await stripePromise;
  if (!stripe) throw new Error("Stripe.js is unavailable.");
  return stripe;
}
