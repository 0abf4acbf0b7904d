import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Three kinds of test, three projects: worker tests run inside workerd (the real runtime, local D1),
// matcher tests run in Node (the matcher is pure and must run unchanged there), browser tests drive Chromium.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  STRIPE_MODE: "sandbox",
                  DEMO_ENABLED: "true",
                  STRIPE_WEBHOOK_SECRET: "whsec_test_secret",
                  ALLOWED_ORIGINS: "https://shop.example",
                  PUBLIC_BASE_URL: "http://ownercheck.test",
                },
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["tests/worker/**/*.test.ts"],
            silent: "passed-only",
            setupFiles: ["tests/worker/setup.ts"],
          },
        },
        {
          test: { name: "match", include: ["tests/match/**/*.test.ts"], environment: "node" },
        },
        {
          test: {
            name: "browser",
            include: ["tests/widget/**/*.test.ts", "tests/e2e/**/*.test.ts"],
            environment: "node",
            testTimeout: 60_000,
            // Real Chromium plus wrangler dev on a 2-core CI machine: one retry absorbs a cold-start stall; a test that
            // fails twice still fails the run, and vitest reports every retried test.
            retry: 1,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
