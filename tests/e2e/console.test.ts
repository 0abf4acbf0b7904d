/**
 * The reviewer console in real Chromium against the real worker (wrangler dev, local D1, Stripe sandbox).
 * The queue is filled the way production fills it: the host's backend creates applicants with the server key, each
 * applicant links a sandbox bank, and the verdicts that need review land in the queue. A reviewer then signs in with
 * a reviewer key, filters, opens an item, decides with the keyboard, and sees it leave the open queue.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, launchChromium, saveScreenshot } from "../widget/support/browser";
import { startTestWorker, type TestWorker } from "./support/worker";

let browser: Browser;
let worker: TestWorker;
let context: BrowserContext;
let page: Page;
let errors: string[];
const requested: string[] = [];

const ADDRESS = {
  line1: "742 Evergreen Terrace",
  city: "Springfield",
  state: "IL",
  postal_code: "62704",
  country: "US",
};
const APPLICANTS = [
  { name: "Margaret Okafor", email: "margaret.okafor@example.org", scenario: "family" },
  { name: "Robert J. Smith", email: "bob.smith@example.com", scenario: "moved" },
  { name: "Dana Whitfield", email: "dana.w@example.net", scenario: "different" },
];

async function api(method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${worker.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Applicant → widget session → sandbox bank link → complete: one verification with a verdict. */
async function verify(applicant: (typeof APPLICANTS)[number]) {
  const created = await api("POST", "/v1/applicants", worker.serverKey, {
    name: applicant.name,
    email: applicant.email,
    address: ADDRESS,
  });
  const session = await api("POST", "/v1/widget/sessions", created.client_token);
  const sessionId = String(session.client_secret).split("_secret_")[0];
  await api("POST", `/sandbox/v1/sessions/${sessionId}/link`, null, { scenario: applicant.scenario });
  const done = await api("POST", `/v1/widget/verifications/${session.verification_id}/complete`, created.client_token);
  return { verificationId: session.verification_id as string, status: done.status as string };
}

const rows = () => page.locator('[data-testid="queue-row"]');
const rowNames = async () =>
  (await rows().locator("td:first-child > div:first-child").allTextContents()).map((t) => t.trim());

beforeAll(async () => {
  worker = await startTestWorker();
  const outcomes = [];
  for (const applicant of APPLICANTS) outcomes.push(await verify(applicant));
  expect(outcomes.map((o) => o.status)).toEqual(["needs_review", "needs_review", "failed"]);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  errors = collectPageErrors(page);
  page.on("request", (request) => requested.push(request.url()));
  page.on("response", (response) => {
    if (response.status() === 404) errors.push(`404: ${response.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await worker?.stop();
});

describe("reviewer console", () => {
  it("is served under default-src 'self' and asks for a reviewer key", async () => {
    const response = await page.goto(`${worker.url}/console`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.getByTestId("key-input").waitFor();
    await saveScreenshot(page, "console-1-sign-in");
  });

  it("refuses a wrong key, then signs in with the reviewer key and shows the open queue", async () => {
    await page.getByTestId("key-input").fill("oc_rk_wrongwrongwrong");
    await page.getByTestId("sign-in").click();
    await page.getByRole("alert").filter({ hasText: "not accepted" }).waitFor();
    await page.getByTestId("key-input").fill(worker.reviewerKey);
    await page.getByTestId("sign-in").click();
    await page.getByTestId("queue").waitFor();
    await expect.poll(rowNames).toEqual(["Robert J. Smith", "Margaret Okafor"]);
    await expect.poll(() => page.getByTestId("detail-name").textContent()).toBe("Robert J. Smith");
    expect(await page.getByTestId("who").textContent()).toContain("reviewer");
    expect(await page.evaluate(() => sessionStorage.getItem("ownercheck.reviewerKey"))).toBe(worker.reviewerKey);
    await saveScreenshot(page, "console-2-queue");
  });

  it("moves through the queue with j/k", async () => {
    await page.locator("body").press("j");
    await expect.poll(() => page.getByTestId("detail-name").textContent()).toBe("Margaret Okafor");
    await page.locator("body").press("k");
    await expect.poll(() => page.getByTestId("detail-name").textContent()).toBe("Robert J. Smith");
  });

  it("filters by applicant (fuzzy) and by decision", async () => {
    await page.getByTestId("filter-q").fill("margret okafor");
    await page.getByTestId("apply-filters").click();
    await expect.poll(rowNames).toEqual(["Margaret Okafor"]);
    await page.getByTestId("filter-q").fill("");
    await page.getByTestId("filter-review_status").selectOption("");
    await page.getByTestId("filter-decision").selectOption("mismatch");
    await page.getByTestId("apply-filters").click();
    await expect.poll(rowNames).toEqual(["Dana Whitfield"]);
    await saveScreenshot(page, "console-3-filtered");
    await page.getByTestId("filter-decision").selectOption("");
    await page.getByTestId("filter-review_status").selectOption("open");
    await page.getByTestId("filter-q").fill("okafor");
    await page.getByTestId("apply-filters").click();
    await expect.poll(rowNames).toEqual(["Margaret Okafor"]);
  });

  it("opens an item side by side: applicant vs bank owners, scores as bars, reasons in words", async () => {
    await rows().first().click();
    const compare = page.getByTestId("compare");
    await compare.waitFor();
    expect(await compare.locator("thead th").allTextContents()).toEqual(
      expect.arrayContaining(["Field", "Applicant typed"]),
    );
    expect(await compare.locator("thead th").count()).toBeGreaterThanOrEqual(3);
    expect(await compare.textContent()).toContain("Margaret Okafor");
    expect(await compare.locator('[role="meter"]').count()).toBeGreaterThan(0);
    expect((await page.getByTestId("reasons").locator("li").allTextContents()).length).toBeGreaterThan(0);
    await saveScreenshot(page, "console-4-detail");
  });

  it("approves with the keyboard and a reason; the item leaves the open queue", async () => {
    await page.locator("body").press("a");
    await expect.poll(() => page.getByTestId("action-approve").isChecked()).toBe(true);
    await page.getByTestId("reason").selectOption("family_member");
    await page.getByTestId("note").fill("Joint household; confirmed by phone");
    await page.getByTestId("decide").scrollIntoViewIfNeeded();
    await saveScreenshot(page, "console-5-deciding");
    await page.getByTestId("submit-decision").click();
    await page.getByTestId("queue-empty").waitFor();
    await saveScreenshot(page, "console-6-left-the-queue");
    await page.getByTestId("filter-q").fill("");
    await page.getByTestId("apply-filters").click();
    await expect.poll(rowNames).toEqual(["Robert J. Smith"]);
  });

  it("shows the decision in the item's history and in the audit trail", async () => {
    await page.getByTestId("filter-review_status").selectOption("approved");
    await page.getByTestId("apply-filters").click();
    await expect.poll(rowNames).toEqual(["Margaret Okafor"]);
    await page.getByTestId("history").waitFor();
    const history = await page.getByTestId("history").textContent();
    expect(history).toContain("Approve");
    expect(history).toContain("Account belongs to a family member");
    expect(history).toContain("confirmed by phone");
    expect(await page.getByTestId("detail-status").textContent()).toContain("Approved");
    const audit = await api("GET", "/v1/audit?limit=100", worker.reviewerKey);
    const approved = audit.data.find((e: { action: string }) => e.action === "review.approved");
    expect(approved.after).toMatchObject({ review_status: "approved", reason_code: "family_member" });
    expect(JSON.stringify(audit.data)).not.toContain("confirmed by phone");
    await page.getByTestId("history").scrollIntoViewIfNeeded();
    await saveScreenshot(page, "console-7-history");
  });

  it("exports the current filter as CSV", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
    expect(download.suggestedFilename()).toMatch(/^ownercheck-reviews-.*\.csv$/);
    const file = await download.path();
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(file, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^verification_id,created_at,/);
    expect(csv).toContain("Margaret Okafor");
    expect(csv).not.toContain("Robert J. Smith");
  });

  it("loaded nothing from another origin and logged no errors (CSP included)", () => {
    const origin = new URL(worker.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:"))).toEqual([]);
    // Chromium logs each 401 (the wrong key, the first look for an Access session) as a failed resource load.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
