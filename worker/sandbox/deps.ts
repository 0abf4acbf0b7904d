/** What every emulator operation needs: bindings, the D1 client, and how to reach the worker's webhook endpoint. */
import type { Database } from "../db/client";

export interface SandboxDeps {
  env: Env;
  db: Database;
  /** Dispatches a request into this worker in-process; signed webhooks go to its POST /v1/webhooks/stripe. */
  selfFetch: (request: Request) => Promise<Response>;
  /**
   * When set, webhooks caused by an API call are delivered after the response (as Stripe does) and kept alive with
   * it; without it they are delivered before the API call returns.
   */
  waitUntil?: ((promise: Promise<unknown>) => void) | undefined;
}
