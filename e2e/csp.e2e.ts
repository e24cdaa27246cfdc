import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newPage, signIn } from "./support/browser.ts";

// The content security policy allows no inline script. The web app and the API reference page
// must work under it: every page renders, and the browser reports no refused script or style.
describe("the content security policy", () => {
  let browser: Browser;
  let page: Page;
  const refusals: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    page.on("pageerror", (error) => refusals.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the web app's pages render", async () => {
    await signIn(page, "admin");
    const navigation = page.getByRole("navigation", { name: "Hovedmeny" });
    const links = await navigation.getByRole("link").all();
    expect(links.length).toBeGreaterThan(1);
    for (const name of await Promise.all(links.map((link) => link.textContent()))) {
      await navigation.getByRole("link", { name: name ?? "", exact: true }).click();
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
  });

  test("the API reference page renders with its own policy", async () => {
    const response = await page.goto("/api/docs/");
    const policy = response?.headers()["content-security-policy"] ?? "";
    const scripts = policy.split(";").find((directive) => directive.startsWith("script-src ")) ?? "";
    expect(scripts).toMatch(/^script-src 'self' 'sha256-/);
    expect(scripts).not.toContain("unsafe-inline");
    await page.getByText("Tertial API").first().waitFor();
  });

  test("no page broke the policy", () => {
    expect(refusals).toEqual([]);
  });
});
