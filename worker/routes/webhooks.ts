/** Stripe webhooks: verified from the raw body, each event processed once. */
import { createRouter } from "../lib/create-router";
import { ApiError } from "../lib/errors";
import { logEvent } from "../lib/log";
import { limitBody, MAX_WEBHOOK_BODY_BYTES } from "../lib/middleware";
import { verifyStripeEvent } from "../stripe/webhooks";
import { flowDeps } from "../verification/deps";
import { alreadyProcessed, handleStripeEvent } from "../verification/stripe-events";

export const webhooksRouter = createRouter();

webhooksRouter.post("/v1/webhooks/stripe", limitBody(MAX_WEBHOOK_BODY_BYTES), async (c) => {
  const secret = c.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new ApiError(500, "api_error", "webhook_not_configured", "STRIPE_WEBHOOK_SECRET is not set.");
  const deps = flowDeps(c, "stripe");
  const event = await verifyStripeEvent(
    deps.stripe,
    secret,
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
