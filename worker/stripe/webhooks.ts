/**
 * Stripe webhook signatures: verifying what Stripe (or the sandbox) sends to POST /v1/webhooks/stripe, and producing
 * the same `Stripe-Signature` header Stripe produces (the sandbox signs its deliveries with it; tests use it too).
 */
import Stripe from "stripe";
import { ApiError } from "../lib/errors";

/** Stripe's default: events older than five minutes are refused, which bounds replay of a captured request. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function invalidSignature(message: string) {
  return new ApiError(400, "invalid_request_error", "webhook_signature_invalid", message);
}

/** Verifies the raw body against `Stripe-Signature` and returns the event; a 400 ApiError when it cannot. */
export async function verifyStripeEvent(
  stripe: Stripe,
  secret: string,
  rawBody: string,
  signature: string | null,
): Promise<Stripe.Event> {
  if (!signature) throw invalidSignature("Missing Stripe-Signature header.");
  try {
    return await stripe.webhooks.constructEventAsync(
      rawBody,
      signature,
      secret,
      WEBHOOK_TOLERANCE_SECONDS,
      Stripe.createSubtleCryptoProvider(),
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
      // The SDK's message says which check failed (signature vs timestamp) and carries no secret material.
      const stale = /tolerance/i.test(err.message);
      throw invalidSignature(
        stale ? "Webhook timestamp is outside the tolerance zone." : "Webhook signature verification failed.",
      );
    }
    throw err;
  }
}

/** The `Stripe-Signature` header for `payload`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export async function signStripePayload(secret: string, payload: string, timestampSeconds?: number): Promise<string> {
  const timestamp = Math.floor(timestampSeconds ?? Date.now() / 1000);
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${payload}`));
  const hex = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `t=${timestamp},v1=${hex}`;
}
