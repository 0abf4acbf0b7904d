/**
 * Content-Security-Policy for the worker's own pages (sandbox linking page, demo, reviewer console, API reference).
 * Nothing inline: every script and stylesheet is a file from 'self'. Stripe's sources are added only where Stripe.js
 * can run (STRIPE_MODE=stripe); they follow Stripe's integration security guide
 * (docs.stripe.com/security/guide#content-security-policy).
 */

export type CspDirectives = Record<string, readonly string[]>;

/** What Stripe.js (and the Financial Connections modal it opens) needs on the page that loads it. */
export const STRIPE_JS_SOURCES = {
  "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
  "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  "connect-src": ["https://api.stripe.com"],
} as const satisfies CspDirectives;

/** The baseline: own files only, no plugins, no base-URI games, not framable unless a page says otherwise. */
export const BASE_CSP: CspDirectives = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "connect-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  // Explicit, so a page that widens default-src still embeds no plugins.
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** `base` with `extra`'s sources appended to the same directives (new directives are added). */
export function addSources(base: CspDirectives, extra: CspDirectives): CspDirectives {
  const out: Record<string, readonly string[]> = { ...base };
  for (const [name, sources] of Object.entries(extra)) out[name] = [...new Set([...(out[name] ?? []), ...sources])];
  return out;
}

export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * The policy of the pages that only load their own files (reviewer console, API reference): BASE_CSP with 'self' as
 * the fallback for what it does not name (fonts, manifests), so they share its framing, plugin and base-URI rules.
 */
export const OWN_FILES_CSP = serializeCsp({ ...BASE_CSP, "default-src": ["'self'"] });
