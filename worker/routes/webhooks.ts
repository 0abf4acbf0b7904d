/** Stripe webhooks: verified from the raw body, each event processed once. */
import { createRouter } from "../lib/create-router";
import { logEvent } from "../lib/log";
import { limitBody, MAX_WEBHOOK_BODY_BYTES } from "../lib/middleware";
import { webhookSecret } from "../stripe/client";
import { verifyStripeEvent } from "../stripe/webhooks";
import { flowDeps } from "../verification/deps";
import { alreadyProcessed, handleStripeEvent } from "../verification/stripe-events";

export const webhooksRouter = createRouter();

webhooksRouter.post("/v1/webhooks/stripe", limitBody(MAX_WEBHOOK_BODY_BYTES), async (c) => {
  const deps = flowDeps(c, "stripe");
  const event = await verifyStripeEvent(
    deps.stripe,
    webhookSecret(c.env),
    await c.req.text(),
    c.req.header("Stripe-Signature") ?? null,
  );
  if (await alreadyProcessed(deps, event.id)) {
    logEvent("stripe_event_duplicate", { event_id: event.id, event_type: event.type });
    return c.json({ received: true, duplicate: true });
  }
  await handleStripeEvent(deps, event);
  return c.json({ received: true });
});
