/**
 * /widget.js (and /widget-stripe.js) as the build makes them (same esbuild options as scripts/build.mjs), built in memory so the widget tests
 * need neither `npm run build` nor the other bundles (console, demo) to compile.
 */
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const bundles = new Map<string, Promise<string>>();
const ENTRY_FILES = { widget: "widget/index.ts", "widget-stripe": "widget/widget-stripe.ts" } as const;

/** `widget` is /widget.js; `widget-stripe` is the Stripe.js loader it imports on first use. */
export function widgetBundle(name: keyof typeof ENTRY_FILES = "widget"): Promise<string> {
  const cached = bundles.get(name);
  if (cached) return cached;
  const bundle = build({
    entryPoints: [path.join(ROOT, ENTRY_FILES[name])],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "warning",
  }).then((result) => result.outputFiles[0]?.text ?? "");
  bundles.set(name, bundle);
  return bundle;
}
