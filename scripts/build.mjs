// Builds the browser bundles the worker serves from dist/public (wrangler [assets]):
// /widget.js (the <ownercheck-verify> element, one ES module), /console.js (reviewer console), /demo.js (demo page).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist/public");
// /widget-stripe.js is the Stripe.js loader, which the widget imports by URL on first use (Stripe mode only).
const ENTRIES = [
  { in: "widget/index.ts", out: "widget" },
  { in: "widget/widget-stripe.ts", out: "widget-stripe" },
  { in: "widget/console/console.ts", out: "console" },
  { in: "widget/demo/demo.ts", out: "demo" },
];
const COMMON = {
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

mkdirSync(outdir, { recursive: true });
const toEntry = (e) => ({ in: path.join(root, e.in), out: e.out });
const entries = ENTRIES.filter((e) => existsSync(path.join(root, e.in)));
await build({ ...COMMON, entryPoints: entries.map(toEntry), outdir });
console.log(`built ${entries.map((e) => `${e.out}.js`).join(", ")} into dist/public`);
