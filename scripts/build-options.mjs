// The one place the browser bundles' esbuild options live: scripts/build.mjs builds with them, and the size bench
// and the widget tests rebuild /widget.js with exactly the same options.
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** esbuild options every browser bundle shares. */
export const BROWSER_BUILD = { bundle: true, format: "esm", target: "es2022", minify: true, legalComments: "none" };

/** Each bundle the worker serves from dist/public: source entry → output name. */
export const BUNDLES = {
  // /widget.js: the <ownercheck-verify> element (embedded by other sites).
  widget: "widget/index.ts",
  // /widget-stripe.js: the Stripe.js loader, imported by the widget on first use in Stripe mode only.
  "widget-stripe": "widget/widget-stripe.ts",
  // /console.js and /demo.js: our own pages.
  console: "widget/console/console.ts",
  demo: "widget/demo/demo.ts",
};
