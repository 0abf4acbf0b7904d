/**
 * The demo signup page (/demo) in real Chromium against the worker: type the applicant, link a sandbox bank, see
 * what the business sees. The page runs under its own strict CSP, so any inline script or style would show up here
 * as a console error.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectPageErrors, launchChromium, saveScreenshot } from "../widget/support/browser";
import { chooseBank, sandboxFrame, waitForState, widgetButton } from "../widget/support/widget-page";
import { startTestWorker, type TestWorker } from "./support/worker";

let browser: Browser;
let worker: TestWorker;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  worker = await startTestWorker({ vars: { DEMO_ENABLED: "true" } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  errors = collectPageErrors(page);
});

afterEach(async () => {
  await context?.close();
});

describe("the demo signup page", () => {
  it("is served with a strict CSP and no inline script or style", async () => {
    const response = await page.goto(`${worker.url}/demo`);
    expect(response?.status()).toBe(200);
    const csp = (await response?.headerValue("content-security-policy")) ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = (await response?.text()) ?? "";
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    await page.waitForFunction(() => customElements.get("ownercheck-verify") !== undefined);
    await saveScreenshot(page, "demo-details");
    expect(errors).toEqual([]);
  });

  it("creates the applicant, links a bank and shows the business's full result", async () => {
    await page.goto(`${worker.url}/demo`);
    await page.getByRole("button", { name: "Fill in a sample applicant" }).click();
    await page.getByLabel("Full legal name").fill("Katherine M. Jones");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator("#verify-step:not([hidden])").waitFor();

    // The form cannot be submitted before the bank account is verified.
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#signup-note").textContent()).resolves.toBe("");

    await widgetButton(page).click();
    await sandboxFrame(page);
    await saveScreenshot(page, "demo-linking");
    await chooseBank(page, "nickname");
    await waitForState(page, "verified");

    const result = page.locator("#result-step:not([hidden])");
    await result.waitFor();
    await expect(page.locator(".decision").textContent()).resolves.toBe("Match");
    await expect(page.locator(".reasons li").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#result table").first().textContent()).resolves.toContain("name");

    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#signup-note").textContent()).resolves.toMatch(/Account created.*ver_/);
    await saveScreenshot(page, "demo-result");
    await page.setViewportSize({ width: 1280, height: 2200 });
    await saveScreenshot(page, "demo-result-full");
    expect(errors).toEqual([]);
  });

  it("does not continue while required details are missing", async () => {
    await page.goto(`${worker.url}/demo`);
    await page.getByLabel("Full legal name").fill("Ann Lee");
    await page.getByRole("button", { name: "Continue" }).click();
    // The browser's own validation stops it first: the address is required.
    expect(await page.locator("#verify-step").isHidden()).toBe(true);
  });

  it("reads results only with the applicant's own client token", async () => {
    const created = await fetch(`${worker.url}/demo/api/applicants`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Ann Lee",
        line1: "1 Main St",
        city: "Springfield",
        state: "IL",
        postal_code: "62704",
        country: "US",
      }),
    });
    expect(created.status).toBe(200);
    const applicant = (await created.json()) as { id: string; client_token: string };
    const other = (await (
      await fetch(`${worker.url}/demo/api/applicants`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          name: "Bo Chen",
          line1: "2 Main St",
          city: "Springfield",
          state: "IL",
          postal_code: "62704",
          country: "US",
        }),
      })
    ).json()) as { id: string; client_token: string };

    const own = await fetch(`${worker.url}/demo/api/applicants/${applicant.id}`, {
      headers: { Authorization: `Bearer ${applicant.client_token}` },
    });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { id: string }).id).toBe(applicant.id);

    const foreign = await fetch(`${worker.url}/demo/api/applicants/${applicant.id}`, {
      headers: { Authorization: `Bearer ${other.client_token}` },
    });
    expect(foreign.status).toBe(404);
    const anonymous = await fetch(`${worker.url}/demo/api/applicants/${applicant.id}`);
    expect(anonymous.status).toBe(401);
  });
});
