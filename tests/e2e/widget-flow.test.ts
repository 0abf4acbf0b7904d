/**
 * The whole flow in real Chromium against the real worker (wrangler dev, local D1, Stripe sandbox): a host page on
 * another origin with a strict CSP embeds /widget.js; the host's backend (this test) creates the applicant with the
 * server key; the applicant links a sandbox bank; the widget shows the verdict and the host's backend reads the full
 * result. Stripe.js is never requested.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectPageErrors, launchChromium, saveScreenshot } from "../widget/support/browser";
import { startHostPage } from "../widget/support/host-page";
import type { TestServer } from "../widget/support/http";
import {
  chooseBank,
  dialogOpen,
  openHostPage,
  recordedEvents,
  sandboxFrame,
  waitForState,
  widgetButton,
} from "../widget/support/widget-page";
import { freePort, startTestWorker, type TestWorker } from "./support/worker";

let browser: Browser;
let worker: TestWorker;
let host: TestServer;
let context: BrowserContext;
let page: Page;
let errors: string[];
let requestedUrls: string[];

const APPLICANT = {
  name: "Robert J. Smith",
  email: "bob.smith@example.com",
  phone: "+1 415 555 0134",
  address: {
    line1: "742 Evergreen Terrace",
    line2: "Apt 2B",
    city: "Springfield",
    state: "IL",
    postal_code: "62704",
    country: "US",
  },
};

beforeAll(async () => {
  // The host page's origin must be known before the worker starts (ALLOWED_ORIGINS), so reserve its port first.
  const hostPort = await freePort();
  const hostOrigin = `http://localhost:${hostPort}`;
  worker = await startTestWorker({ vars: { ALLOWED_ORIGINS: hostOrigin, DEMO_ENABLED: "true" } });
  host = await startHostPage({ apiOrigin: worker.url, clientToken: "" }, hostPort);
  expect(host.origin).toBe(hostOrigin);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await worker?.stop();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  errors = collectPageErrors(page);
  requestedUrls = [];
  page.on("request", (request) => requestedUrls.push(request.url()));
});

afterEach(async () => {
  expect(requestedUrls.filter((url) => url.includes("stripe.com"))).toEqual([]);
  await context?.close();
});

/** What the host's backend does: create the applicant with the secret key and get a client token. */
async function createApplicant(): Promise<{ id: string; client_token: string }> {
  const response = await fetch(`${worker.url}/v1/applicants`, {
    method: "POST",
    headers: { Authorization: `Bearer ${worker.serverKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(APPLICANT),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; client_token: string };
}

async function readApplicant(id: string) {
  const response = await fetch(`${worker.url}/v1/applicants/${id}`, {
    headers: { Authorization: `Bearer ${worker.serverKey}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    verifications: { id: string; status: string }[];
    match_result: { decision: string; score: number; reasons: string[] } | null;
  };
}

async function openWidgetFor(token: string): Promise<void> {
  await openHostPage(page, `${host.origin}/?token=${encodeURIComponent(token)}`);
}

const DECISION_OF = { verified: "match", needs_review: "review", failed: "mismatch" } as const;

describe("<ownercheck-verify> against the worker, on a host page of another origin", () => {
  for (const [scenario, status] of [
    ["exact", "verified"],
    ["nickname", "verified"],
    ["family", "needs_review"],
    ["different", "failed"],
  ] as const) {
    it(`${scenario}: the widget shows ${status}, the form value is the verification, the server agrees`, async () => {
      const applicant = await createApplicant();
      await openWidgetFor(applicant.client_token);

      if (scenario === "exact") {
        await page.click("#submit");
        expect(await page.evaluate(() => window.__submits.length)).toBe(0);
      }
      await widgetButton(page).click();
      await sandboxFrame(page);
      if (scenario === "exact") await saveScreenshot(page, "e2e-sandbox-consent");
      await chooseBank(page, scenario);
      await waitForState(page, status);
      await saveScreenshot(page.locator("form"), `e2e-${scenario}-${status}`);

      const events = await recordedEvents(page);
      const verificationId = await page.evaluate(() => document.querySelector("ownercheck-verify")?.value ?? "");
      expect(verificationId).toMatch(/^ver_/);
      expect(events.map((e) => e.type)).toEqual(["ownercheck-ready", "ownercheck-open", "ownercheck-success"]);
      expect(events[1]?.detail).toEqual({ verificationId, mode: "sandbox" });
      expect(events[2]?.detail).toEqual({ verificationId, status });

      // The truth is server-side: the host's backend reads the same verification and its full result.
      const view = await readApplicant(applicant.id);
      expect(view.verifications[0]).toMatchObject({ id: verificationId, status });
      expect(view.match_result?.decision).toBe(DECISION_OF[status]);
      expect(view.match_result?.reasons.length).toBeGreaterThan(0);

      await page.click("#submit");
      const submits = await page.evaluate(() => window.__submits);
      if (status === "verified")
        expect(submits).toEqual([{ email: "bob@example.com", bank_verification: verificationId }]);
      else expect(submits).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it("a reload after the verdict shows it again, with the same form value, and opens no new session", async () => {
    const applicant = await createApplicant();
    await openWidgetFor(applicant.client_token);
    await widgetButton(page).click();
    await sandboxFrame(page);
    await chooseBank(page, "exact");
    await waitForState(page, "verified");
    const verificationId = await page.evaluate(() => document.querySelector("ownercheck-verify")?.value ?? "");

    await page.reload();
    await waitForState(page, "verified");
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.value)).toBe(verificationId);
    const events = await recordedEvents(page);
    expect(events.at(-1)?.detail).toEqual({ verificationId, status: "verified", resumed: true });
    expect((await readApplicant(applicant.id)).verifications).toHaveLength(1);
    await page.click("#submit");
    expect(await page.evaluate(() => window.__submits)).toEqual([
      { email: "bob@example.com", bank_verification: verificationId },
    ]);
    expect(errors).toEqual([]);
  });

  it("pending: waits for the bank, then the signed webhook delivers the owners and the widget shows verified", async () => {
    const applicant = await createApplicant();
    await openWidgetFor(applicant.client_token);
    await widgetButton(page).click();
    const frame = await sandboxFrame(page);
    const clientSecret = new URL(frame.url()).searchParams.get("client_secret") ?? "";
    const sessionId = clientSecret.split("_secret_")[0];
    await chooseBank(page, "pending");
    await waitForState(page, "waiting");
    await saveScreenshot(page.locator("form"), "e2e-pending-waiting");

    // Deliver now rather than wait for the linking page's timer (whichever comes first, the other is a no-op).
    const delivered = await fetch(`${worker.url}/sandbox/v1/sessions/${sessionId}/deliver_ownership`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    if (delivered.status !== 200) {
      expect(delivered.status).toBe(400);
      expect(((await delivered.json()) as { error: { code: string } }).error.code).toBe("ownership_not_pending");
    }
    await waitForState(page, "verified");
    const events = await recordedEvents(page);
    expect(events.at(-1)?.type).toBe("ownercheck-success");

    const sandboxEvents = (await (await fetch(`${worker.url}/sandbox/v1/events?limit=100`)).json()) as {
      data: { type: string; delivery: { status: number | null } }[];
    };
    expect(
      sandboxEvents.data.some(
        (e) => e.type === "financial_connections.account.refreshed_ownership" && e.delivery.status === 200,
      ),
    ).toBe(true);
    expect((await readApplicant(applicant.id)).match_result?.decision).toBe("match");
  });

  it("cancel: the institution that exits ends canceled, with an exit event and no value accepted", async () => {
    const applicant = await createApplicant();
    await openWidgetFor(applicant.client_token);
    await widgetButton(page).click();
    await sandboxFrame(page);
    await chooseBank(page, "cancel");
    await waitForState(page, "canceled");
    expect(await dialogOpen(page)).toBe(false);
    const events = await recordedEvents(page);
    expect(events.at(-1)).toMatchObject({ type: "ownercheck-exit", detail: { reason: "canceled" } });
    expect((await readApplicant(applicant.id)).verifications[0]?.status).toBe("canceled");
    await saveScreenshot(page.locator("form"), "e2e-cancel-canceled");
  });

  it("cancel button on the consent screen: canceled, and a retry opens a new verification", async () => {
    const applicant = await createApplicant();
    await openWidgetFor(applicant.client_token);
    await widgetButton(page).click();
    await sandboxFrame(page);
    await page.frameLocator("ownercheck-verify iframe").getByRole("button", { name: "Cancel" }).first().click();
    await waitForState(page, "canceled");

    await widgetButton(page).click();
    await chooseBank(page, "exact");
    await waitForState(page, "verified");
    expect((await readApplicant(applicant.id)).verifications.map((v) => v.status).sort()).toEqual([
      "canceled",
      "verified",
    ]);
  });

  it("ignores a forged postMessage while the linking page is open", async () => {
    const applicant = await createApplicant();
    await openWidgetFor(applicant.client_token);
    await widgetButton(page).click();
    const frame = await sandboxFrame(page);
    const session = (new URL(frame.url()).searchParams.get("client_secret") ?? "").split("_secret_")[0];
    await page.evaluate(
      (s) => window.postMessage({ source: "ownercheck-sandbox", type: "linked", session: s }, "*"),
      session,
    );
    await page.waitForTimeout(500);
    expect(await dialogOpen(page)).toBe(true);
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.state)).toBe("connecting");
  });

  it("serves /widget.js as a cacheable cross-origin module, and the linking page only to allowed origins", async () => {
    const script = await fetch(`${worker.url}/widget.js`, { headers: { Origin: host.origin } });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("access-control-allow-origin")).toBe("*");
    expect(script.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = script.headers.get("etag");
    if (etag) {
      const again = await fetch(`${worker.url}/widget.js`, { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
    }

    const secret = "fcsess_abc123_secret_def456";
    const allowed = await fetch(
      `${worker.url}/sandbox/link?client_secret=${secret}&origin=${encodeURIComponent(host.origin)}`,
    );
    expect(allowed.status).toBe(200);
    const csp = allowed.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`frame-ancestors ${host.origin}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await allowed.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);

    const refused = await fetch(
      `${worker.url}/sandbox/link?client_secret=${secret}&origin=${encodeURIComponent("https://evil.example")}`,
    );
    expect(refused.status).toBe(400);
  });
});
