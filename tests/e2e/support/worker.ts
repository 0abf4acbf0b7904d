/**
 * The real worker for browser tests: `wrangler dev` on a free port with its own throwaway local D1 (migrated, dev keys
 * seeded) and fresh secrets, through scripts/local-env.mjs, the same plumbing as `npm run dev`. Browser bundles are
 * rebuilt first, so the test sees the current widget.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error plain ESM script without type declarations; its contract is documented in the file.
import { freePort, prepareLocal, startWorker } from "../../../scripts/local-env.mjs";

export { freePort };

export interface TestWorker {
  /** e.g. http://127.0.0.1:41235 */
  url: string;
  serverKey: string;
  reviewerKey: string;
  webhookSecret: string;
  stop(): Promise<void>;
}

export interface TestWorkerOptions {
  /** Extra `--var` bindings, e.g. ALLOWED_ORIGINS for a host page, DEMO_ENABLED. */
  vars?: Record<string, string>;
  port?: number;
}

interface LocalEnv {
  serverKey: string;
  reviewerKey: string;
  webhookSecret: string;
  vars: Record<string, string>;
}

interface RunningWorker {
  url: string;
  stop(): Promise<void>;
}

export async function startTestWorker(options: TestWorkerOptions = {}): Promise<TestWorker> {
  const persistTo = mkdtempSync(path.join(os.tmpdir(), "ownercheck-e2e-"));
  try {
    const local = (await prepareLocal({ persistTo, devVarsPath: null, vars: options.vars ?? {} })) as LocalEnv;
    const port = options.port ?? (await freePort());
    const worker = (await startWorker({
      port,
      persistTo,
      vars: { ...local.vars, ...options.vars },
      timeoutMs: 90_000,
    })) as RunningWorker;
    return {
      url: worker.url,
      serverKey: local.serverKey,
      reviewerKey: local.reviewerKey,
      webhookSecret: local.webhookSecret,
      stop: async () => {
        await worker.stop();
        rmSync(persistTo, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(persistTo, { recursive: true, force: true });
    throw error;
  }
}
