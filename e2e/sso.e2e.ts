import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage } from "./support/browser.ts";

// Journey: a report writer signs in with the organisation's account (single sign-on) through the
// identity provider's own sign-in page, signs out there too, and someone the provider knows but
// Tertial does not is sent back with the reason in bokmål. The provider is oidc-provider, started
// beside the server by e2e/support/global-setup.ts; it takes any login and knows the demo's names.

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Logg inn med Helse Nord-ID" }).click();
  // The provider's page, not Tertial's: its fields are named login and password.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("hva-som-helst");
  await page.locator('button[type="submit"]').click();
}

describe("single sign-on through the organisation's identity provider", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the sign-in page offers the organisation's account beside the password", async () => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Logg inn med Helse Nord-ID" }).waitFor();
    await page.getByText("eller med brukernavn og passord").waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: ".shots/sso-login-1440.png", fullPage: true });
  });

  test("a known user signs in at the provider and lands in Tertial, signed in", async () => {
    await signInAtProvider(page, "redaktor");
    await page.getByRole("heading", { level: 1, name: "Innboks" }).waitFor();
    const me = await page.request.get("/api/auth/me");
    expect(((await me.json()) as { username: string }).username).toBe("redaktor");
    await expectNoAxeViolations(page);
  });

  test("signing out ends the provider's session too and comes back to the sign-in page", async () => {
    await page.getByRole("button", { name: "Logg ut" }).click();
    // The provider asks whether to sign out there as well.
    await page.locator('button[autofocus], button[type="submit"]').first().click();
    await page.waitForURL(/\/login/);
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });

  test("someone the provider knows but Tertial does not is told why, in bokmål", async () => {
    const stranger = await newPage(browser);
    await signInAtProvider(stranger, "ukjent.person");
    await stranger.getByRole("heading", { name: "Innloggingen ble ikke fullført" }).waitFor();
    await stranger.getByText("men har ingen bruker i Tertial ennå").waitFor();
    expect((await stranger.request.get("/api/auth/me")).status()).toBe(401);
    await expectNoAxeViolations(stranger);
    await stranger.screenshot({ path: ".shots/sso-refused-1440.png", fullPage: true });
    await stranger.setViewportSize({ width: 390, height: 844 });
    await stranger.screenshot({ path: ".shots/sso-refused-390.png", fullPage: true });
    await expectNoAxeViolations(stranger);
    await stranger.context().close();
  });
});
