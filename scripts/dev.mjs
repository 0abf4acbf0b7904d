// `npm run dev`: local D1 migrated and seeded, sandbox Stripe, browser bundles built, then `wrangler dev`.
// Extra arguments reach wrangler dev: `npm run dev -- --port 8791`.
import { ensureDevVars, prepareLocal, startWorker } from "./local-env.mjs";

const args = process.argv.slice(2);
const portFlag = args.findIndex((a) => a === "--port" || a.startsWith("--port="));
let port = 8787;
if (portFlag >= 0) {
  const flag = args[portFlag];
  port = Number(flag.includes("=") ? flag.split("=")[1] : args[portFlag + 1]);
  args.splice(portFlag, flag.includes("=") ? 1 : 2);
}

const { created } = ensureDevVars();
if (created) console.log("Wrote .dev.vars with fresh local secrets (git-ignored).");
const local = await prepareLocal({});
console.log("Local D1 migrated; dev API keys seeded; widget, demo and console built.");
const worker = await startWorker({ port, extraArgs: args, inherit: true, timeoutMs: 120_000 });
const base = `http://localhost:${port}`;
console.log(`
ownercheck is running (Stripe sandbox, offline):
  Demo signup page   ${base}/demo
  Reviewer console   ${base}/console   (reviewer key: OWNERCHECK_DEV_REVIEWER_KEY in .dev.vars)
  API reference      ${base}/docs      (OpenAPI: ${base}/openapi.json)
  Widget module      ${base}/widget.js
  Server key         OWNERCHECK_DEV_SERVER_KEY in .dev.vars (${local.serverKey.slice(0, 10)}…)
Press Ctrl+C to stop.
`);
const shutdown = () => worker.stop().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
worker.child.on("exit", (code) => process.exit(code ?? 0));
