/**
 * /widget.js as the build makes it (same esbuild options as scripts/build.mjs), built in memory so the widget tests
 * need neither `npm run build` nor the other bundles (console, demo) to compile.
 */
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let bundle: Promise<string> | null = null;

export function widgetBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(ROOT, "widget/index.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "warning",
  }).then((result) => result.outputFiles[0]?.text ?? "");
  return bundle;
}
