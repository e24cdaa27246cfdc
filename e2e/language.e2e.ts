import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: the language switch turns the interface to English, and the choice is remembered.
describe("language switch", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, "hn-admin");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("switching to English changes the navigation and <html lang>", async () => {
    const navigation = () => page.getByRole("navigation", { name: /Hovedmeny|Main menu/ });
    expect(await navigation().getByRole("link").allTextContents()).toEqual([
      "Organisasjon",
      "Revisjonslogg",
      "Brukere",
    ]);
    expect(await page.getAttribute("html", "lang")).toBe("nb");

    await page.getByRole("button", { name: "English" }).click();

    await page.getByRole("heading", { level: 1, name: "Organisation" }).waitFor();
    expect(await navigation().getByRole("link").allTextContents()).toEqual([
      "Organisation",
      "Audit log",
      "Users",
    ]);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page);
  });

  test("the choice survives a reload, and can be switched back", async () => {
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Organisation" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nb");
  });
});
