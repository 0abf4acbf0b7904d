/** Driving <ownercheck-verify> on a host page: its state, its events, the sandbox dialog, the host form. */
import type { Frame, Page } from "playwright-core";
import type { OwnercheckState } from "../../../widget/ownercheck-verify";
import type { RecordedEvent } from "./host-page";

export const widgetButton = (page: Page) => page.locator("ownercheck-verify [part=button]");
export const widgetStatus = (page: Page) => page.locator("ownercheck-verify [part=status]");
export const linkingFrame = (page: Page) => page.frameLocator("ownercheck-verify iframe");

export function widgetState(page: Page): Promise<OwnercheckState | undefined> {
  return page.evaluate(() => document.querySelector("ownercheck-verify")?.state);
}

export async function waitForState(page: Page, state: OwnercheckState, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction((s) => document.querySelector("ownercheck-verify")?.state === s, state, { timeout });
  } catch (error) {
    const actual = await widgetState(page);
    const status = await widgetStatus(page).textContent();
    throw new Error(`widget never reached "${state}" (it is "${actual}": ${status})`, { cause: error });
  }
}

export function recordedEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => window.__events);
}

export async function eventTypes(page: Page): Promise<string[]> {
  return (await recordedEvents(page)).map((e) => e.type);
}

export async function openHostPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "ownercheck-ready"));
}

/** The sandbox linking page inside the widget's dialog, once it has loaded. */
export async function sandboxFrame(page: Page): Promise<Frame> {
  await linkingFrame(page).locator("[data-step=consent] h1").waitFor();
  const frame = page.frames().find((f) => f.url().includes("/sandbox/link"));
  if (!frame) throw new Error("the sandbox linking page is not open");
  return frame;
}

/** Consent, then the bank that stands for `scenario`. */
export async function chooseBank(page: Page, scenario: string): Promise<void> {
  const frame = linkingFrame(page);
  await frame.getByRole("button", { name: "Agree and continue" }).click();
  await frame.locator(`[data-scenario="${scenario}"]`).click();
}

export function dialogOpen(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Boolean(document.querySelector("ownercheck-verify")?.shadowRoot?.querySelector("dialog[open]")),
  );
}

/** Whether focus is on the widget's own button (the host sees the element; its shadow root knows the button). */
export function focusOnWidgetButton(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.querySelector("ownercheck-verify");
    return (
      document.activeElement === element &&
      (element?.shadowRoot?.activeElement?.getAttribute("part") === "button") === true
    );
  });
}
