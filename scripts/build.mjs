// Builds the browser bundles the worker serves from dist/public (wrangler [assets]); see scripts/build-options.mjs.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { BROWSER_BUILD, BUNDLES, ROOT } from "./build-options.mjs";

const outdir = path.join(ROOT, "dist/public");
mkdirSync(outdir, { recursive: true });
const entryPoints = Object.entries(BUNDLES)
  .filter(([, source]) => existsSync(path.join(ROOT, source)))
  .map(([out, source]) => ({ in: path.join(ROOT, source), out }));
await build({ ...BROWSER_BUILD, entryPoints, outdir, logLevel: "warning" });
console.log(`built ${entryPoints.map((e) => `${e.out}.js`).join(", ")} into dist/public`);
