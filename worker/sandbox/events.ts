/**
 * Events and their webhook deliveries: each event is recorded, then POSTed to the worker's own
 * /v1/webhooks/stripe exactly as Stripe sends it (pretty-printed JSON body, `Stripe-Signature: t=…,v1=…`).
 */
import type Stripe from "stripe";
import { logEvent } from "../lib/log";
import { webhookSecret } from "../stripe/config";
import { signStripePayload } from "../stripe/webhooks";
import type { SandboxDeps } from "./deps";
import { newEvent, nowSeconds, type SandboxEvent } from "./objects";
import { getRecord, insertRecord, updateRecord } from "./store";

export const WEBHOOK_PATH = "/v1/webhooks/stripe";

/**
 * Records an event about `account` and delivers it. `background` deliveries ride `waitUntil` when the caller has one
 * (so the API response comes first, as with Stripe); otherwise, and for `await`, delivery finishes before returning.
 * `lost` records the event but never delivers it (a webhook that never arrives).
 */
export async function emitEvent(
  deps: SandboxDeps,
  type: SandboxEvent["type"],
  account: Stripe.FinancialConnections.Account,
  request: Stripe.Event.Request | null,
  mode: "await" | "background" | "lost",
): Promise<SandboxEvent> {
  const event = newEvent(type, account, request);
  const error = mode === "lost" ? "not_sent" : null;
  await insertRecord(deps.db, "event", event.id, account.id, {
    object: event,
    meta: { delivery: { status: null, attempted_at: null, error } },
  });
  if (mode === "lost") return event;
  const delivery = deliverEvent(deps, event);
  if (mode === "background" && deps.waitUntil) deps.waitUntil(delivery);
  else await delivery;
  return event;
}

function webhookUrl(env: Env): URL {
  try {
    return new URL(WEBHOOK_PATH, env.PUBLIC_BASE_URL || "http://localhost");
  } catch {
    return new URL(WEBHOOK_PATH, "http://localhost");
  }
}

/** One delivery attempt; the outcome is kept on the event record (Stripe would retry failures for days; we don't). */
export async function deliverEvent(deps: SandboxDeps, event: SandboxEvent): Promise<number | null> {
  const payload = JSON.stringify(event, null, 2);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const signature = await signStripePayload(webhookSecret(deps.env), payload);
    const response = await deps.selfFetch(
      new Request(webhookUrl(deps.env), {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Stripe-Signature": signature,
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Cache-Control": "no-cache",
          Accept: "*/*; q=0.5, application/xml",
        },
        body: payload,
      }),
    );
    status = response.status;
    await response.body?.cancel();
  } catch (err) {
    error = err instanceof Error ? err.name : "Error";
  }
  logEvent("sandbox_webhook_delivered", { event_id: event.id, event_type: event.type, status: status ?? error });
  const stored = await getRecord(deps.db, "event", event.id);
  if (stored) {
    const delivered = status !== null && status >= 200 && status < 300;
    await updateRecord(deps.db, "event", event.id, {
      object: { ...stored.object, pending_webhooks: delivered ? 0 : 1 },
      meta: { delivery: { status, attempted_at: nowSeconds(), error } },
    });
  }
  return status;
}
