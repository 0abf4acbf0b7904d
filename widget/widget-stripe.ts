/**
 * The Stripe.js loader, built as its own file (/widget-stripe.js) and imported by the widget on first use only.
 * The .mjs entry explicitly: the bare `pure` directory resolves to its CommonJS file, which bundles larger.
 */
export { loadStripe } from "@stripe/stripe-js/pure/index.mjs";
