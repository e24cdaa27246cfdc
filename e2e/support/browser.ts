import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const chromiumPath = "/usr/bin/chromium";

/** Debian's Chromium, headless, with everything that would phone home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** A fresh browser context (no cookies, no stored language) with its first page. */
export async function newPage(browser: Browser): Promise<Page> {
  // Without motion: a click while a fold-out section still slides open can miss its target on a
  // loaded machine.
  const context = await browser.newContext({ baseURL: baseUrl(), locale: "nb-NO", reducedMotion: "reduce" });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/**
 * Signs in from a Norwegian login page; `heading` is the first page's title in the user's language:
 * the inbox for those who write or approve answers, the organisation for everyone else.
 */
export async function signIn(
  page: Page,
  username: string,
  password = "demo-passord",
  heading: string | RegExp = /^(Organisasjon|Innboks|Oversikt)$/,
) {
  await page.goto("/login");
  await page.getByLabel("Brukernavn").fill(username);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "unknown"}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")} — ${node.failureSummary ?? ""}`).join("\n"),
  );
  expect(summary, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

/** GETs JSON as the page's signed-in user; anything but 200 fails the test, naming the URL. */
export async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** A phone's screen, where every page must fit its width. */
export const phone = { width: 390, height: 844 };

/**
 * Axe finds nothing at the page's width and at 390 px, where the page is no wider than the screen.
 * With `shot` (a path without its ending), a full-page screenshot of each goes beside it, for people
 * to look at: `shot-1440.png` and `shot-390.png`.
 */
export async function checkBothWidths(page: Page, shot?: string) {
  await expectNoAxeViolations(page);
  if (shot) await page.screenshot({ path: `${shot}-1440.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(
    phone.width,
  );
  await expectNoAxeViolations(page);
  if (shot) await page.screenshot({ path: `${shot}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
