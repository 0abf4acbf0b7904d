// `npm run bench:widget`: builds the browser bundles (scripts/build.mjs) and reports what /widget.js costs a host
// page: raw, gzip and brotli bytes, and the largest inputs. Fails when gzip exceeds the budget (12 KiB, Lit included).
// Stripe.js is not in this number: the widget fetches it from js.stripe.com on the first click, in Stripe mode only.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BROWSER_BUILD, BUNDLES } from "./build-options.mjs";

const root = path.resolve(import.meta.dirname, "..");
const BUDGET_GZIP_BYTES = 12 * 1024;

const built = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, encoding: "utf8" });
if (built.status !== 0) {
  console.error(built.stdout, built.stderr);
  process.exit(1);
}

const widget = readFileSync(path.join(root, "dist/public/widget.js"));
const gzip = gzipSync(widget, { level: 9 }).length;
const brotli = brotliCompressSync(widget, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;

// Which inputs the bytes come from (minified, before compression), from the same entry with a metafile.
const { metafile } = await build({
  ...BROWSER_BUILD,
  entryPoints: [path.join(root, BUNDLES.widget)],
  write: false,
  metafile: true,
  logLevel: "silent",
});
const output = Object.values(metafile.outputs)[0];
const groups = new Map();
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  const group = input.startsWith("node_modules/")
    ? input
        .split("/")
        .slice(1, input.split("/")[1].startsWith("@") ? 3 : 2)
        .join("/")
    : input;
  groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
}

console.log("/widget.js");
console.log(`  raw      ${widget.length} B (${kib(widget.length)})`);
console.log(`  gzip -9  ${gzip} B (${kib(gzip)})   budget ${kib(BUDGET_GZIP_BYTES)}`);
console.log(`  brotli   ${brotli} B (${kib(brotli)})`);
console.log("  minified bytes by input:");
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  if (bytes > 0) console.log(`    ${String(bytes).padStart(6)}  ${group}`);
}

if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`/widget.js is ${gzip - BUDGET_GZIP_BYTES} B over its gzip budget.`);
  process.exit(1);
}
