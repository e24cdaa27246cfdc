import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: the language switch turns the interface to English, and the choice follows the user:
// it survives a reload, signing out, and signing in again in another browser.
describe("language switch", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    // An administrator, with no answers to write or approve, starts at the overview.
    await signIn(page, "hn-admin", undefined, "Oversikt");
  });

  afterAll(async () => {
    await browser?.close();
  });

  const navigation = () => page.getByRole("navigation", { name: /Hovedmeny|Main menu/ });

  test("switching to English changes the navigation and <html lang>", async () => {
    // Other pages add their own links; these must be there, in either language.
    expect(await navigation().getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining([
        "Innboks",
        "Styringsdokumenter",
        "Organisasjon",
        "Målekort",
        "Indikatorer",
        "Revisjonslogg",
        "Brukere",
      ]),
    );
    expect(await page.getAttribute("html", "lang")).toBe("nb");

    const saved = page.waitForResponse(
      (response) => response.url().endsWith("/api/auth/me") && response.request().method() === "PATCH",
    );
    await page.getByRole("button", { name: "English" }).click();
    expect((await saved).status()).toBe(200);

    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(await navigation().getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining([
        "Inbox",
        "Steering documents",
        "Organisation",
        "Scorecard",
        "Indicators",
        "Audit log",
        "Users",
      ]),
    );
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page);
  });

  test("the choice survives a reload", async () => {
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
  });

  test("after signing out, the login page stays in English", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page);
  });

  test("signing in again in a fresh browser brings English back", async () => {
    await page.context().close();
    page = await newPage(browser);
    await page.goto("/login");
    // Nothing stored in this browser yet: the login page speaks Norwegian.
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nb");

    // An administrator, with no answers to write or approve, starts at the overview.
    await signIn(page, "hn-admin", undefined, "Overview");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await navigation().getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining([
        "Inbox",
        "Steering documents",
        "Organisation",
        "Scorecard",
        "Indicators",
        "Audit log",
        "Users",
      ]),
    );
    await expectNoAxeViolations(page);
  });

  test("switching back to Norwegian is saved too", async () => {
    await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await page.getByRole("heading", { level: 1, name: "Oversikt" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nb");

    await expect
      .poll(
        async () => ((await (await page.request.get("/api/auth/me")).json()) as { locale: string }).locale,
      )
      .toBe("nb");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Oversikt" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nb");
  });
});
