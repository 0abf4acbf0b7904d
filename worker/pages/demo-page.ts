/**
 * The demo signup page (/demo, only when DEMO_ENABLED=true): a fictional lender's "open an account" form. The
 * applicant types their details; the page's own backend (POST /demo/api/applicants) creates the applicant with the
 * dev server key; <ownercheck-verify> links a bank; then the page shows what the business sees from
 * GET /v1/applicants/:id. Behaviour lives in /demo.js (widget/demo/demo.ts); nothing is inline.
 */
import { html } from "hono/html";
import { addSources, BASE_CSP, type CspDirectives, STRIPE_JS_SOURCES, serializeCsp } from "./csp";
import { PAGE_STYLES_PATH } from "./page-styles";

export const DEMO_PATH = "/demo";

/** Same-origin everything; the sandbox dialog frames /sandbox/link from 'self'; Stripe's sources in stripe mode. */
export function demoCsp(stripeMode: boolean): string {
  const own: CspDirectives = { ...BASE_CSP, "frame-src": ["'self'"] };
  return serializeCsp(stripeMode ? addSources(own, STRIPE_JS_SOURCES) : own);
}

const US_STATES = (
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR " +
  "PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split(" ");

export function renderDemoPage(options: { sandbox: boolean }): string {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Open an account · Northwind Lending (ownercheck demo)</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PAGE_STYLES_PATH}" />
    <script type="module" src="/widget.js"></script>
    <script type="module" src="/demo.js"></script>
  </head>
  <body>
    <main class="demo">
      <header class="brand">
        <p class="brand-name">Northwind Lending</p>
        <p class="badge">ownercheck demo${options.sandbox ? " · sandbox bank" : ""}</p>
      </header>

      <section class="card" id="details-step" aria-labelledby="details-title">
        <h1 id="details-title" tabindex="-1">Open your account</h1>
        <p class="muted">
          Tell us who you are. Next, you will link a bank account in your name; we check that the bank's account
          holder is you.
        </p>
        <form id="details-form" class="grid" novalidate>
          <div class="field">
            <label for="name">Full legal name</label>
            <input id="name" name="name" autocomplete="name" required maxlength="200" />
          </div>
          <div class="field half">
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="email" maxlength="254" />
          </div>
          <div class="field half">
            <label for="phone">Phone</label>
            <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="40" />
          </div>
          <div class="field">
            <label for="line1">Street address</label>
            <input id="line1" name="line1" autocomplete="address-line1" required maxlength="200" />
          </div>
          <div class="field">
            <label for="line2">Apartment, suite, unit (optional)</label>
            <input id="line2" name="line2" autocomplete="address-line2" maxlength="200" />
          </div>
          <div class="field third">
            <label for="city">City</label>
            <input id="city" name="city" autocomplete="address-level2" required maxlength="100" />
          </div>
          <div class="field third">
            <label for="state">State</label>
            <select id="state" name="state" autocomplete="address-level1" required>
              <option value="">Choose…</option>
              ${US_STATES.map((s) => html`<option value="${s}">${s}</option>`)}
            </select>
          </div>
          <div class="field third">
            <label for="postal_code">ZIP code</label>
            <input id="postal_code" name="postal_code" autocomplete="postal-code" inputmode="numeric" required maxlength="20" />
          </div>
          <input type="hidden" name="country" value="US" />
          <p class="field error-text" id="details-error" role="alert" hidden></p>
          <div class="field actions">
            <button type="submit" class="primary" id="details-submit">Continue</button>
            <button type="button" class="secondary" id="fill-sample">Fill in a sample applicant</button>
          </div>
        </form>
      </section>

      <section class="card" id="verify-step" aria-labelledby="verify-title" hidden>
        <h2 id="verify-title" tabindex="-1">Verify your bank account</h2>
        <p class="muted">Link the checking account you will use with Northwind. It must be in your name.</p>
        <form id="signup-form">
          <ownercheck-verify name="bank_verification" required></ownercheck-verify>
          <div class="actions">
            <button type="submit" class="primary" id="create-account">Create account</button>
          </div>
          <p class="fine" id="signup-note" role="status"></p>
        </form>
      </section>

      <section class="card" id="result-step" aria-labelledby="result-title" hidden>
        <h2 id="result-title" tabindex="-1">What Northwind sees</h2>
        <p class="muted">
          The widget only tells the browser a coarse status. The business's backend reads the full, explainable result
          with <code>GET /v1/applicants/:id</code>:
        </p>
        <div id="result"></div>
      </section>
    </main>
  </body>
</html>
`.toString();
}
