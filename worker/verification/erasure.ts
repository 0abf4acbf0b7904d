/**
 * DELETE /v1/applicants/:id: PII goes from D1 first (atomically, with an audit tombstone), then from Stripe, where
 * the Customer we created carries the applicant's name, email, phone and address. Stripe failing leaves D1 erased
 * and answers 502; repeating the call retries only the Stripe part (a Customer already gone counts as done).
 */
import Stripe from "stripe";
import { eraseApplicant, findApplicant } from "../db/applicants";
import { notFound, upstreamFailure } from "../lib/errors";
import { logEvent } from "../lib/log";
import type { FlowDeps } from "./flow";

export async function eraseApplicantEverywhere(deps: FlowDeps, applicantId: string) {
  if (!(await findApplicant(deps.db, applicantId))) throw notFound("applicant", applicantId);
  await eraseApplicant(deps.db, applicantId, deps.actor);
  // Read the Customer id after erasing: a session started meanwhile may have stored it (startSession deletes a
  // Customer it creates for an already-erased applicant itself).
  const customerId = (await findApplicant(deps.db, applicantId))?.stripeCustomerId;
  if (!customerId) return;
  try {
    await deps.stripe.customers.del(customerId);
  } catch (err) {
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "resource_missing") return;
    if (err instanceof Stripe.errors.StripeError) {
      logEvent("stripe_error", {
        code: err.code ?? err.type,
        status: err.statusCode ?? null,
        applicant_id: applicantId,
      });
      throw upstreamFailure(
        "stripe_customer_delete_failed",
        "The applicant was erased here, but Stripe could not delete its Customer; repeat the request to retry.",
      );
    }
    throw err;
  }
}
