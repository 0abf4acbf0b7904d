import { env } from "cloudflare:test";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../worker/lib/errors";
import { createStripe } from "../../worker/stripe/client";
import { signStripePayload, verifyStripeEvent } from "../../worker/stripe/webhooks";

const SECRET = "whsec_test_secret";
const stripe = createStripe(env, async () => new Response(null, { status: 204 }));
const payload = JSON.stringify({
  id: "evt_test_1",
  object: "event",
  type: "financial_connections.account.refreshed_ownership",
  data: { object: { id: "fca_test_1", object: "financial_connections.account" } },
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe("signStripePayload", () => {
  it("produces the header Stripe's own test helper produces for the same timestamp", async () => {
    const timestamp = 1_700_000_000;
    const ours = await signStripePayload(SECRET, payload, timestamp);
    const theirs = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: SECRET,
      timestamp,
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });
    expect(ours).toBe(theirs);
    expect(ours).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });
});

describe("verifyStripeEvent", () => {
  it("returns the event for a fresh, correctly signed body", async () => {
    const event = await verifyStripeEvent(stripe, SECRET, payload, await signStripePayload(SECRET, payload));
    expect(event.id).toBe("evt_test_1");
    expect(event.type).toBe("financial_connections.account.refreshed_ownership");
  });

  it("rejects a missing signature with 400 webhook_signature_invalid", async () => {
    const err = await rejection(verifyStripeEvent(stripe, SECRET, payload, null));
    expect(err.status).toBe(400);
    expect(err.toBody().error).toMatchObject({ type: "invalid_request_error", code: "webhook_signature_invalid" });
  });

  it("rejects a signature made with another secret", async () => {
    const err = await rejection(
      verifyStripeEvent(stripe, SECRET, payload, await signStripePayload("whsec_other", payload)),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe("webhook_signature_invalid");
  });

  it("rejects a body changed after signing", async () => {
    const signature = await signStripePayload(SECRET, payload);
    const err = await rejection(
      verifyStripeEvent(stripe, SECRET, payload.replace("fca_test_1", "fca_evil"), signature),
    );
    expect(err.status).toBe(400);
  });

  it("rejects a timestamp older than five minutes, even when correctly signed", async () => {
    const stale = Math.floor(Date.now() / 1000) - 301;
    const err = await rejection(
      verifyStripeEvent(stripe, SECRET, payload, await signStripePayload(SECRET, payload, stale)),
    );
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/tolerance/);
  });

  it("rejects a header without a v1 signature", async () => {
    const err = await rejection(verifyStripeEvent(stripe, SECRET, payload, `t=${Math.floor(Date.now() / 1000)}`));
    expect(err.status).toBe(400);
  });
});
