// The npm registry this project is built against mirrors only the Linux builds of some platform-specific optional
// packages (workerd's darwin/windows binaries are absent), so `npm install` cannot record them and `npm ci` then
// refuses the lockfile. This adds their lock entries by hand (name, version, os/cpu, all as the packages publish
// them); npm skips them on Linux without a download, and fetches them by name on macOS/Windows as usual.
// Run after any `npm install` that rewrites package-lock.json: `node scripts/lock-other-platforms.mjs`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK = path.resolve(import.meta.dirname, "../package-lock.json");
const PLATFORM_PACKAGES = {
  "@cloudflare/workerd-darwin-64": { os: ["darwin"], cpu: ["x64"] },
  "@cloudflare/workerd-darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "@cloudflare/workerd-windows-64": { os: ["win32"], cpu: ["x64"] },
};

const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const workerd = lock.packages["node_modules/workerd"];
let added = 0;
for (const [name, platform] of Object.entries(PLATFORM_PACKAGES)) {
  const key = `node_modules/${name}`;
  const version = workerd?.optionalDependencies?.[name];
  if (!version || lock.packages[key]) continue;
  lock.packages[key] = {
    version,
    ...platform,
    dev: true,
    license: "Apache-2.0",
    optional: true,
    engines: { node: ">=16" },
  };
  added++;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entr${added === 1 ? "y" : "ies"}`);
