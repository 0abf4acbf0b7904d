/**
 * <ownercheck-verify> in real Chromium, on a host page of another origin with a strict CSP, against a stub of the
 * widget API (the real sandbox linking page, a stubbed link call). The e2e tests run the same flows on the worker.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectPageErrors, launchChromium, saveScreenshot } from "./support/browser";
import { startHostPage } from "./support/host-page";
import { send, startServer, type TestServer } from "./support/http";
import { EXPIRED_TOKEN, GOOD_TOKEN, type StubApi, startStubApi } from "./support/stub-api";
import {
  chooseBank,
  dialogOpen,
  eventTypes,
  focusOnWidgetButton,
  linkingFrame,
  openHostPage,
  recordedEvents,
  sandboxFrame,
  waitForState,
  widgetButton,
  widgetState,
  widgetStatus,
} from "./support/widget-page";

let browser: Browser;
let api: StubApi;
let host: TestServer;
let expiredHost: TestServer;
let stripeHost: TestServer;
let context: BrowserContext;
let page: Page;
let errors: string[];
let requestedUrls: string[];

beforeAll(async () => {
  browser = await launchChromium();
  api = await startStubApi();
  host = await startHostPage({ apiOrigin: api.origin, clientToken: GOOD_TOKEN });
  expiredHost = await startHostPage({ apiOrigin: api.origin, clientToken: EXPIRED_TOKEN });
  stripeHost = await startHostPage({ apiOrigin: api.origin, clientToken: GOOD_TOKEN, stripeCsp: true });
  api.allowedOrigins = [host.origin, expiredHost.origin, stripeHost.origin];
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), host?.close(), expiredHost?.close(), stripeHost?.close()]);
});

beforeEach(async () => {
  api.plan = { mode: "sandbox", complete: "verified", polls: ["verified"] };
  api.reset();
  context = await browser.newContext();
  page = await context.newPage();
  errors = collectPageErrors(page);
  requestedUrls = [];
  page.on("request", (request) => requestedUrls.push(request.url()));
});

afterEach(async () => {
  await context?.close();
});

const stripeRequests = () => requestedUrls.filter((url) => url.includes("stripe.com"));

describe("<ownercheck-verify> on a cross-origin host page", () => {
  it("renders idle under a strict CSP, fires ready, and requests nothing from Stripe", async () => {
    await openHostPage(page, host.origin);
    await page.waitForLoadState("networkidle");

    expect(await widgetState(page)).toBe("idle");
    await expect(widgetButton(page).textContent()).resolves.toContain("Verify bank account");
    await expect(widgetStatus(page).getAttribute("role")).resolves.toBe("status");
    expect(await eventTypes(page)).toEqual(["ownercheck-ready"]);
    expect(stripeRequests()).toEqual([]);
    expect(errors).toEqual([]);
    await saveScreenshot(page.locator("form"), "widget-idle");
  });

  it("blocks the host form until verified, then submits the verification id (sandbox: exact)", async () => {
    await openHostPage(page, host.origin);

    await page.click("#submit");
    expect(await page.evaluate(() => window.__submits.length)).toBe(0);
    expect(await page.evaluate(() => window.__invalid)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.validationMessage)).toBe(
      "Verify your bank account to continue.",
    );

    await widgetButton(page).click();
    await sandboxFrame(page);
    expect(await dialogOpen(page)).toBe(true);
    await saveScreenshot(page, "widget-sandbox-consent");
    await linkingFrame(page).getByRole("button", { name: "Agree and continue" }).click();
    await linkingFrame(page).locator("[data-scenario=exact]").waitFor();
    await saveScreenshot(page, "widget-sandbox-banks");
    await linkingFrame(page).locator("[data-scenario=exact]").click();

    await waitForState(page, "verified");
    expect(await dialogOpen(page)).toBe(false);
    expect(await focusOnWidgetButton(page)).toBe(true);
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.matches(":state(verified)"))).toBe(
      true,
    );
    await expect(widgetStatus(page).textContent()).resolves.toContain("verified");
    await saveScreenshot(page.locator("form"), "widget-verified");

    const events = await recordedEvents(page);
    expect(events.map((e) => e.type)).toEqual(["ownercheck-ready", "ownercheck-open", "ownercheck-success"]);
    expect(events[1]?.detail).toEqual({ verificationId: "ver_stub1", mode: "sandbox" });
    expect(events[2]?.detail).toEqual({ verificationId: "ver_stub1", status: "verified" });

    // The link call went to the stub with the session's client secret; complete followed it.
    expect(api.count("POST", "/sandbox/v1/sessions/fcsess_stub1/link")).toBe(1);
    expect(api.requests.find((r) => r.path.startsWith("/sandbox/v1/"))?.authorization).toBe(
      "Bearer fcsess_stub1_secret_abc1",
    );
    expect(api.count("POST", "/v1/widget/verifications/ver_stub1/complete")).toBe(1);
    expect(
      api.requests
        .filter((r) => r.path.startsWith("/v1/widget/"))
        .every((r) => r.method === "OPTIONS" || r.authorization === `Bearer ${GOOD_TOKEN}`),
    ).toBe(true);

    await page.click("#submit");
    expect(await page.evaluate(() => window.__submits)).toEqual([
      { email: "bob@example.com", bank_verification: "ver_stub1" },
    ]);
    expect(stripeRequests()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows a needs-review verdict; the form stays blocked unless allow-review is set", async () => {
    api.plan.complete = "needs_review";
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await chooseBank(page, "family");
    await waitForState(page, "needs_review");
    await saveScreenshot(page.locator("form"), "widget-needs-review");

    const events = await recordedEvents(page);
    expect(events.at(-1)).toEqual({
      type: "ownercheck-success",
      detail: { verificationId: "ver_stub1", status: "needs_review" },
    });
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.checkValidity())).toBe(false);

    await page.evaluate(() => document.querySelector("ownercheck-verify")?.setAttribute("allow-review", ""));
    await page.waitForFunction(() => document.querySelector("ownercheck-verify")?.checkValidity() === true);
    await page.click("#submit");
    expect(await page.evaluate(() => window.__submits.at(-1)?.bank_verification)).toBe("ver_stub1");
  });

  it("shows a failed verdict with a retry that opens a new session", async () => {
    api.plan.complete = "failed";
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await chooseBank(page, "different");
    await waitForState(page, "failed");
    await expect(widgetButton(page).textContent()).resolves.toContain("Try again");
    await saveScreenshot(page.locator("form"), "widget-failed");

    api.plan.complete = "verified";
    await widgetButton(page).click();
    await chooseBank(page, "exact");
    await waitForState(page, "verified");
    expect(api.count("POST", "/v1/widget/sessions")).toBe(2);
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.value)).toBe("ver_stub2");
  });

  it("cancel in the linking page ends canceled, tells the server, and returns focus", async () => {
    api.plan.complete = "canceled";
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await sandboxFrame(page);
    await linkingFrame(page).getByRole("button", { name: "Cancel" }).first().click();

    await waitForState(page, "canceled");
    expect(await dialogOpen(page)).toBe(false);
    expect(await focusOnWidgetButton(page)).toBe(true);
    expect(api.count("POST", "/v1/widget/verifications/ver_stub1/complete")).toBe(1);
    const events = await recordedEvents(page);
    expect(events.at(-1)).toEqual({
      type: "ownercheck-exit",
      detail: { reason: "canceled", verificationId: "ver_stub1" },
    });
    await saveScreenshot(page.locator("form"), "widget-canceled");
  });

  it("is keyboard-usable: Enter opens the dialog, Escape in the linking page closes it, focus comes back", async () => {
    api.plan.complete = "canceled";
    await openHostPage(page, host.origin);
    await page.focus("input[name=email]");
    await page.keyboard.press("Tab");
    expect(await focusOnWidgetButton(page)).toBe(true);
    await page.keyboard.press("Enter");
    await sandboxFrame(page);
    // The linking page moves focus to its heading, inside the dialog.
    await linkingFrame(page).locator("[data-step=consent] h1:focus").waitFor();
    await page.keyboard.press("Escape");
    await waitForState(page, "canceled");
    expect(await focusOnWidgetButton(page)).toBe(true);
  });

  it("the dialog's close button cancels too", async () => {
    api.plan.complete = "canceled";
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await sandboxFrame(page);
    await page.locator("ownercheck-verify dialog .close").click();
    await waitForState(page, "canceled");
    expect(await dialogOpen(page)).toBe(false);
  });

  it("waits while ownership is pending and polls until the verdict", async () => {
    api.plan = { mode: "sandbox", complete: "pending", polls: ["pending", "pending", "verified"] };
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await chooseBank(page, "pending");
    await waitForState(page, "waiting");
    await expect(widgetStatus(page).textContent()).resolves.toContain("Waiting for your bank");
    expect(await page.locator("ownercheck-verify [part=button]").getAttribute("aria-disabled")).toBe("true");
    await saveScreenshot(page.locator("form"), "widget-waiting");

    await waitForState(page, "verified");
    expect(api.count("GET", "/v1/widget/verifications/ver_stub1")).toBe(3);
    expect((await recordedEvents(page)).at(-1)?.detail).toEqual({ verificationId: "ver_stub1", status: "verified" });
  });

  it("picks up the applicant's verdict after a reload instead of asking to link again", async () => {
    api.plan = { ...api.plan, current: { id: "ver_before", status: "verified" } };
    await openHostPage(page, host.origin);
    await waitForState(page, "verified");
    const events = await recordedEvents(page);
    expect(events.map((e) => e.type)).toEqual(["ownercheck-ready", "ownercheck-success"]);
    expect(events[1]?.detail).toEqual({ verificationId: "ver_before", status: "verified", resumed: true });
    expect(api.count("POST", "/v1/widget/sessions")).toBe(0);
    await page.click("#submit");
    expect(await page.evaluate(() => window.__submits)).toEqual([
      { email: "bob@example.com", bank_verification: "ver_before" },
    ]);
    expect(errors).toEqual([]);
  });

  it("picks up a verification still waiting for the bank's data and polls it to its verdict", async () => {
    api.plan = { ...api.plan, current: { id: "ver_before", status: "pending" }, polls: ["pending", "verified"] };
    await openHostPage(page, host.origin);
    await waitForState(page, "verified");
    expect(api.count("GET", "/v1/widget/verifications/ver_before")).toBe(2);
    expect((await recordedEvents(page)).at(-1)?.detail).toEqual({
      verificationId: "ver_before",
      status: "verified",
      resumed: true,
    });
    expect(api.count("POST", "/v1/widget/sessions")).toBe(0);
  });

  it("after a form reset, a new token does not bring the old verdict back", async () => {
    api.plan = { ...api.plan, current: { id: "ver_before", status: "verified" } };
    await openHostPage(page, host.origin);
    await waitForState(page, "verified");
    await page.click("#reset");
    await waitForState(page, "idle");
    // The host refreshes its token (any new token; the stub knows one, so: another one, then that one again).
    for (const token of ["oc_ct_refreshedToken", GOOD_TOKEN]) {
      await page.evaluate((t) => {
        const element = document.querySelector("ownercheck-verify");
        if (element) element.clientToken = t;
      }, token);
      await page.waitForLoadState("networkidle");
    }
    expect(await widgetState(page)).toBe("idle");
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.value)).toBe("");
    expect((await recordedEvents(page)).filter((e) => e.type === "ownercheck-success")).toHaveLength(1);
  });

  it("with no-resume, or when the last attempt was canceled, starts fresh", async () => {
    api.plan = { ...api.plan, current: { id: "ver_before", status: "verified" } };
    await openHostPage(page, `${host.origin}/?no-resume`);
    await page.waitForLoadState("networkidle");
    expect(await widgetState(page)).toBe("idle");
    expect(api.requests.filter((r) => r.path === "/v1/widget/verification")).toEqual([]);

    api.plan = { ...api.plan, current: { id: "ver_before", status: "canceled" } };
    await openHostPage(page, host.origin);
    await page.waitForLoadState("networkidle");
    expect(api.requests.filter((r) => r.path === "/v1/widget/verification" && r.method === "GET")).toHaveLength(1);
    expect(await widgetState(page)).toBe("idle");
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.value)).toBe("");
  });

  it("an expired client token ends with token_expired; a new token makes it usable again", async () => {
    await openHostPage(page, expiredHost.origin);
    await widgetButton(page).click();
    await waitForState(page, "error");
    await expect(widgetStatus(page).textContent()).resolves.toContain("expired");
    expect(await widgetButton(page).getAttribute("aria-disabled")).toBe("true");
    await saveScreenshot(page.locator("form"), "widget-expired");

    const events = await recordedEvents(page);
    expect(events.map((e) => e.type)).toEqual(["ownercheck-ready", "ownercheck-error", "ownercheck-exit"]);
    expect(events[1]?.detail).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
    expect(events[2]?.detail).toEqual({ reason: "token_expired", verificationId: null });

    // Clicking again does nothing until the host hands over a fresh token (force: the button is aria-disabled).
    await widgetButton(page).click({ force: true });
    expect(api.count("POST", "/v1/widget/sessions")).toBe(1);
    await page.evaluate((token) => {
      const element = document.querySelector("ownercheck-verify");
      if (element) element.clientToken = token;
    }, GOOD_TOKEN);
    await waitForState(page, "idle");
    await widgetButton(page).click();
    await chooseBank(page, "exact");
    await waitForState(page, "verified");
  });

  it("repeated clicks and Enter open one session and one dialog", async () => {
    await openHostPage(page, host.origin);
    await page.evaluate(() => {
      const button = document
        .querySelector("ownercheck-verify")
        ?.shadowRoot?.querySelector<HTMLButtonElement>("[part=button]");
      button?.focus();
      button?.click();
      button?.click();
      button?.click();
    });
    // Enter while the session request is in flight: focus is still on the button (the dialog is not open yet).
    await page.keyboard.press("Enter");
    await sandboxFrame(page);
    expect(api.count("POST", "/v1/widget/sessions")).toBe(1);
    expect(
      await page.evaluate(
        () => document.querySelector("ownercheck-verify")?.shadowRoot?.querySelectorAll("iframe").length,
      ),
    ).toBe(1);
    expect((await eventTypes(page)).filter((t) => t === "ownercheck-open")).toHaveLength(1);
  });

  it("ignores forged postMessages: from another origin, from the host itself, or naming another session", async () => {
    const forged = { source: "ownercheck-sandbox", type: "linked", session: "fcsess_stub1" };
    const evil = await startServer((_req, res) =>
      send(res, 200, "<!doctype html><title>evil</title>", { "Content-Type": "text/html" }),
    );
    try {
      await openHostPage(page, host.origin);
      await widgetButton(page).click();
      const frame = await sandboxFrame(page);

      // Another origin holding a reference to the host window (it opened it) posts a well-formed message.
      const evilPage = await context.newPage();
      await evilPage.goto(evil.origin);
      const [popup] = await Promise.all([
        context.waitForEvent("page"),
        evilPage.evaluate((url) => {
          (window as unknown as { victim: Window | null }).victim = window.open(url, "victim");
        }, host.origin),
      ]);
      await popup.waitForFunction(() => window.__events?.some((e) => e.type === "ownercheck-ready"));
      await popup.locator("ownercheck-verify [part=button]").click();
      await popup.frameLocator("ownercheck-verify iframe").locator("[data-step=consent] h1").waitFor();
      await evilPage.evaluate((message) => {
        (window as unknown as { victim: Window }).victim.postMessage({ ...message, session: "fcsess_stub2" }, "*");
      }, forged);

      // The host page posting to itself, and the real frame naming a session that is not ours.
      await page.evaluate((message) => window.postMessage(message, "*"), forged);
      await frame.evaluate(
        (message) => window.parent.postMessage({ ...message, session: "fcsess_other" }, "*"),
        forged,
      );

      await page.waitForTimeout(500);
      expect(await dialogOpen(page)).toBe(true);
      expect(await widgetState(page)).toBe("connecting");
      expect(await popup.evaluate(() => document.querySelector("ownercheck-verify")?.state)).toBe("connecting");
      expect(api.count("POST", "/v1/widget/verifications/")).toBe(0);

      // The genuine page still completes the flow.
      await chooseBank(page, "exact");
      await waitForState(page, "verified");
    } finally {
      await evil.close();
    }
  });

  it("loading the script twice does not throw and keeps one working definition", async () => {
    await openHostPage(page, host.origin);
    await page.evaluate(async (src) => {
      (window as unknown as { firstDefinition: unknown }).firstDefinition = customElements.get("ownercheck-verify");
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement("script");
        script.type = "module";
        script.src = `${src}/widget.js?copy=2`;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error("second copy failed to load"));
        document.head.append(script);
      });
    }, api.origin);
    expect(
      await page.evaluate(
        () =>
          customElements.get("ownercheck-verify") ===
          (window as unknown as { firstDefinition: unknown }).firstDefinition,
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await widgetButton(page).click();
    await chooseBank(page, "exact");
    await waitForState(page, "verified");
  });

  it("Stripe mode loads Stripe.js only on the first click, once, and links through it", async () => {
    api.plan = { mode: "stripe", complete: "failed", polls: ["failed"] };
    const stripeScriptRequests: string[] = [];
    await context.route("https://js.stripe.com/**", (route) => {
      stripeScriptRequests.push(route.request().url());
      return route.fulfill({
        contentType: "text/javascript",
        body: `window.Stripe = function (key) {
          return {
            collectFinancialConnectionsAccounts: async ({ clientSecret }) => {
              (window.__stripeCalls ??= []).push({ key, clientSecret });
              return { financialConnectionsSession: { id: clientSecret.split("_secret_")[0], accounts: [{ id: "fca_fake" }] } };
            },
          };
        };
        window.Stripe.version = "endive";`,
      });
    });
    await openHostPage(page, stripeHost.origin);
    await page.waitForTimeout(300);
    expect(stripeScriptRequests).toEqual([]);

    await widgetButton(page).click();
    await waitForState(page, "failed");
    expect(stripeScriptRequests).toHaveLength(1);
    expect(stripeScriptRequests[0]).toMatch(/^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/);

    api.plan.complete = "verified";
    await widgetButton(page).click();
    await waitForState(page, "verified");
    expect(stripeScriptRequests).toHaveLength(1);
    const calls = await page.evaluate(() => (window as unknown as { __stripeCalls: unknown[] }).__stripeCalls);
    expect(calls).toEqual([
      { key: "pk_test_stub", clientSecret: "fcsess_stub1_secret_abc1" },
      { key: "pk_test_stub", clientSecret: "fcsess_stub2_secret_abc2" },
    ]);
    expect(await eventTypes(page)).toContain("ownercheck-open");
    expect(errors).toEqual([]);
  });

  it("Stripe mode reports a Stripe.js load failure as an error with a retry", async () => {
    api.plan = { mode: "stripe", complete: "verified", polls: ["verified"] };
    await context.route("https://js.stripe.com/**", (route) => route.abort("connectionrefused"));
    await openHostPage(page, stripeHost.origin);
    await widgetButton(page).click();
    await waitForState(page, "error");
    const events = await recordedEvents(page);
    expect(events.slice(-2)).toEqual([
      {
        type: "ownercheck-error",
        detail: {
          type: "api_connection_error",
          code: "stripe_js_unavailable",
          message: "Stripe.js could not be loaded.",
          verificationId: "ver_stub1",
        },
      },
      { type: "ownercheck-exit", detail: { reason: "error", verificationId: "ver_stub1" } },
    ]);
    await expect(widgetButton(page).textContent()).resolves.toContain("Try again");
    await saveScreenshot(page.locator("form"), "widget-error");
  });

  it("mount/unmount/mount (React StrictMode) fires ready once and never doubles the polling", async () => {
    api.plan = { mode: "sandbox", complete: "pending", polls: ["pending"] };
    await openHostPage(page, host.origin);
    const readyCount = await page.evaluate(async () => {
      const form = document.getElementById("signup") as HTMLFormElement;
      const element = document.createElement("ownercheck-verify");
      let ready = 0;
      element.addEventListener("ownercheck-ready", () => {
        ready += 1;
      });
      form.append(element);
      element.remove();
      form.append(element);
      await element.updateComplete;
      element.remove();
      form.append(element);
      await element.updateComplete;
      element.remove();
      return ready;
    });
    expect(readyCount).toBe(1);

    await widgetButton(page).click();
    await chooseBank(page, "pending");
    await waitForState(page, "waiting");
    const polled = () => api.count("GET", "/v1/widget/verifications/ver_stub1");
    await page.evaluate(async () => {
      const element = document.querySelector("ownercheck-verify");
      const form = element?.parentElement;
      if (!element || !form) return;
      for (let i = 0; i < 3; i += 1) {
        element.remove();
        form.prepend(element);
        await element.updateComplete;
      }
    });
    await page.waitForTimeout(4500);
    // Backoff 1 s, 1.6 s, 2.56 s: at most three polls in 4.5 s from one timer; doubled timers would show six.
    expect(polled()).toBeGreaterThanOrEqual(1);
    expect(polled()).toBeLessThanOrEqual(3);

    // Disconnected, it stops polling.
    await page.evaluate(() => document.querySelector("ownercheck-verify")?.remove());
    const before = polled();
    await page.waitForTimeout(3000);
    expect(polled()).toBe(before);
  });

  it("form reset returns it to idle with no value; a disabled fieldset disables it", async () => {
    await openHostPage(page, host.origin);
    await widgetButton(page).click();
    await chooseBank(page, "exact");
    await waitForState(page, "verified");

    await page.click("#reset");
    await waitForState(page, "idle");
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.value)).toBe("");
    expect(await page.evaluate(() => document.querySelector("ownercheck-verify")?.checkValidity())).toBe(false);

    await page.evaluate(() => {
      const element = document.querySelector("ownercheck-verify");
      const fieldset = document.createElement("fieldset");
      element?.replaceWith(fieldset);
      if (element) fieldset.append(element);
      fieldset.disabled = true;
    });
    await page.waitForFunction(
      () =>
        document.querySelector("ownercheck-verify")?.shadowRoot?.querySelector<HTMLButtonElement>("[part=button]")
          ?.disabled === true,
    );
    expect(api.count("POST", "/v1/widget/sessions")).toBe(1);
  });

  it("speaks the page's language when registered, and takes single-string overrides", async () => {
    await openHostPage(page, `${host.origin}/?lang=fr-CA`);
    // A string, so the test runner's transform leaves this import() alone; the module is the one already loaded.
    await page.evaluate(`import("${api.origin}/widget.js").then((widget) => {
      widget.registerStrings("fr", { start: "Vérifier mon compte bancaire" });
      document.querySelector("ownercheck-verify").requestUpdate();
    })`);
    await expect(widgetButton(page).textContent()).resolves.toContain("Vérifier mon compte bancaire");
    // Missing French strings fall back to English.
    await expect(widgetStatus(page).textContent()).resolves.toContain("Link the bank account");

    await page.evaluate(() => {
      const element = document.querySelector("ownercheck-verify");
      if (element) element.strings = { start: "Link my bank" };
    });
    await expect(widgetButton(page).textContent()).resolves.toContain("Link my bank");
  });

  it("follows the page's colour scheme (and so the OS) and takes --ownercheck-* overrides and ::part styling", async () => {
    await openHostPage(page, host.origin);
    const background = () =>
      page.evaluate(() => {
        const button = document.querySelector("ownercheck-verify")?.shadowRoot?.querySelector("[part=button]");
        return button ? getComputedStyle(button).backgroundColor : "";
      });
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await background();
    expect(dark).not.toBe(light);
    await saveScreenshot(page, "widget-idle-dark");
    // A page that only does light keeps a light widget, even when the OS is dark.
    await page.evaluate(() => document.documentElement.style.setProperty("color-scheme", "light"));
    expect(await background()).toBe(light);
    await page.evaluate(() => document.documentElement.style.removeProperty("color-scheme"));

    // The host's own stylesheet (style-src 'self') styles the status through ::part.
    expect(
      await page.evaluate(() => {
        const status = document.querySelector("ownercheck-verify")?.shadowRoot?.querySelector("[part=status]");
        return status ? getComputedStyle(status).fontStyle : "";
      }),
    ).toBe("italic");
    await page.evaluate(() =>
      document.querySelector("ownercheck-verify")?.style.setProperty("--ownercheck-accent", "rgb(1, 2, 3)"),
    );
    expect(await background()).toBe("rgb(1, 2, 3)");
  });
});
