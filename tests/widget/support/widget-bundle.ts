/**
 * /widget.js (and /widget-stripe.js) built in memory with the build's own options (scripts/build-options.mjs), so the
 * widget tests need neither `npm run build` nor the other bundles (console, demo) to compile.
 */
import path from "node:path";
import { build } from "esbuild";
// @ts-expect-error plain ESM script without type declarations; its exports are documented in the file.
import { BROWSER_BUILD, BUNDLES, ROOT } from "../../../scripts/build-options.mjs";

type BundleName = "widget" | "widget-stripe";
const bundles = new Map<BundleName, Promise<string>>();

/** `widget` is /widget.js; `widget-stripe` is the Stripe.js loader it imports on first use. */
export function widgetBundle(name: BundleName = "widget"): Promise<string> {
  const cached = bundles.get(name);
  if (cached) return cached;
  const bundle = build({
    ...BROWSER_BUILD,
    entryPoints: [path.join(ROOT as string, (BUNDLES as Record<BundleName, string>)[name])],
    write: false,
    logLevel: "warning",
  }).then((result) => result.outputFiles?.[0]?.text ?? "");
  bundles.set(name, bundle);
  return bundle;
}
