// Builds the browser bundles the worker serves from dist/public (wrangler [assets]):
// /widget.js (the <ownercheck-verify> element, one ES module), /console.js (reviewer console), /demo.js (demo page).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist/public");
const ENTRIES = [
  { in: "widget/index.ts", out: "widget" },
  { in: "widget/console/console.ts", out: "console" },
  { in: "widget/demo/demo.ts", out: "demo" },
];

mkdirSync(outdir, { recursive: true });
const entryPoints = ENTRIES.filter((e) => existsSync(path.join(root, e.in))).map((e) => ({
  in: path.join(root, e.in),
  out: e.out,
}));
await build({
  entryPoints,
  outdir,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  sourcemap: false,
  logLevel: "warning",
});
console.log(`built ${entryPoints.map((e) => `${e.out}.js`).join(", ")} into dist/public`);
