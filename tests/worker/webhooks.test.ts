import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createStripe } from "../../worker/stripe/client";
import { listSessionAccounts } from "../../worker/stripe/ownership";
import { signStripePayload } from "../../worker/stripe/webhooks";
import { apiKey, call, linkScenario, tableCounts } from "./helpers";

const WEBHOOK_SECRET = env.STRIPE_WEBHOOK_SECRET as string;
let serverKey: string;
beforeAll(async () => {
  serverKey = await apiKey("server");
});

const stripe = () => createStripe(env, async (request) => exports.default.fetch(request));

/** A Stripe-shaped event about a linked account, as Stripe would send it. */
async function ownershipEvent(sessionId: string, id = `evt_test${crypto.randomUUID().replaceAll("-", "")}`) {
  const [account] = await listSessionAccounts(stripe(), sessionId);
  return {
    id,
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    data: { object: account },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "financial_connections.account.refreshed_ownership",
  };
}

async function postWebhook(payload: string, signature: string | null) {
  return call("POST", "/v1/webhooks/stripe", {
    rawBody: payload,
    headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
  });
}

async function resultCount(verificationId: string) {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM match_results WHERE verification_id = ?")
    .bind(verificationId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("POST /v1/webhooks/stripe", () => {
  it("completes a verification that was waiting for ownership when refreshed_ownership arrives", async () => {
    const ids = await linkScenario(serverKey, "pending");
    const first = await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, {
      token: ids.clientToken,
    });
    expect(first.body.status).toBe("pending");
    const delivered = await call("POST", `/sandbox/v1/sessions/${ids.sessionId}/deliver_ownership`);
    expect(delivered.status).toBe(200);
    const poll = await call("GET", `/v1/widget/verifications/${ids.verificationId}`, { token: ids.clientToken });
    expect(poll.body.status).toBe("verified");
    expect(await resultCount(ids.verificationId)).toBe(1);
  });

  it("processes a replayed event once", async () => {
    const ids = await linkScenario(serverKey, "exact");
    const payload = JSON.stringify(await ownershipEvent(ids.sessionId));
    const signature = await signStripePayload(WEBHOOK_SECRET, payload);
    const first = await postWebhook(payload, signature);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true });
    const before = await tableCounts();
    const again = await postWebhook(payload, signature);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, duplicate: true });
    expect(await tableCounts()).toEqual(before);
    expect(await resultCount(ids.verificationId)).toBe(1);
  });

  it("rejects a bad signature with 400 and changes nothing", async () => {
    const ids = await linkScenario(serverKey, "exact");
    const payload = JSON.stringify(await ownershipEvent(ids.sessionId));
    const before = await tableCounts();
    const res = await postWebhook(payload, await signStripePayload("whsec_wrong_secret", payload));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "webhook_signature_invalid" });
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects a missing signature with 400", async () => {
    const res = await postWebhook("{}", null);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("webhook_signature_invalid");
  });

  it("rejects a stale timestamp (older than 5 minutes) with 400 and changes nothing", async () => {
    const ids = await linkScenario(serverKey, "exact");
    const payload = JSON.stringify(await ownershipEvent(ids.sessionId));
    const before = await tableCounts();
    const stale = await signStripePayload(WEBHOOK_SECRET, payload, Math.floor(Date.now() / 1000) - 600);
    const res = await postWebhook(payload, stale);
    expect(res.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects a body tampered after signing with 400", async () => {
    const ids = await linkScenario(serverKey, "exact");
    const payload = JSON.stringify(await ownershipEvent(ids.sessionId));
    const signature = await signStripePayload(WEBHOOK_SECRET, payload);
    const res = await postWebhook(payload.replace("refreshed_ownership", "disconnected"), signature);
    expect(res.status).toBe(400);
  });

  it("records a disconnected account", async () => {
    const ids = await linkScenario(serverKey, "exact");
    await call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken });
    const event = { ...(await ownershipEvent(ids.sessionId)), type: "financial_connections.account.disconnected" };
    const payload = JSON.stringify(event);
    const res = await postWebhook(payload, await signStripePayload(WEBHOOK_SECRET, payload));
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT status, disconnected_at FROM fc_accounts WHERE verification_id = ?")
      .bind(ids.verificationId)
      .first<{ status: string; disconnected_at: number }>();
    expect(row?.status).toBe("disconnected");
    expect(row?.disconnected_at).toEqual(expect.any(Number));
  });
});

describe("webhooks for an account the browser never reported", () => {
  it("complete the verification whose session holds the account, not the applicant's newer one mid-linking", async () => {
    const first = await linkScenario(serverKey, "exact");
    // The applicant comes back and starts a second verification, still in Stripe's modal.
    const second = await call("POST", "/v1/widget/sessions", { token: first.clientToken });
    expect(second.status).toBe(200);
    const payload = JSON.stringify(await ownershipEvent(first.sessionId));
    const res = await postWebhook(payload, await signStripePayload(WEBHOOK_SECRET, payload));
    expect(res.status).toBe(200);
    const states = await env.DB.prepare("SELECT id, state FROM verifications WHERE applicant_id = ?")
      .bind(first.applicantId)
      .all<{ id: string; state: string }>();
    const stateOf = Object.fromEntries(states.results.map((r) => [r.id, r.state]));
    expect(stateOf[first.verificationId]).toBe("matched");
    expect(stateOf[second.body.verification_id]).toBe("linking");
  });
});

describe("races between the browser and the webhook", () => {
  it("complete and the webhook sent together, many times, store exactly one result", async () => {
    for (let round = 0; round < 8; round++) {
      const ids = await linkScenario(serverKey, "exact");
      const requests: Promise<{ status: number }>[] = [];
      for (let i = 0; i < 4; i++) {
        requests.push(
          call("POST", `/v1/widget/verifications/${ids.verificationId}/complete`, { token: ids.clientToken }),
        );
        const payload = JSON.stringify(await ownershipEvent(ids.sessionId));
        requests.push(postWebhook(payload, await signStripePayload(WEBHOOK_SECRET, payload)));
      }
      const responses = await Promise.all(requests);
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      expect(await resultCount(ids.verificationId)).toBe(1);
      const audits = await env.DB.prepare(
        "SELECT count(*) AS n FROM audit_events WHERE verification_id = ? AND action = 'verification.matched'",
      )
        .bind(ids.verificationId)
        .first<{ n: number }>();
      expect(audits?.n).toBe(1);
      const owners = await env.DB.prepare("SELECT count(*) AS n FROM account_owners WHERE verification_id = ?")
        .bind(ids.verificationId)
        .first<{ n: number }>();
      expect(owners?.n).toBe(1);
    }
  }, 60_000);
});
