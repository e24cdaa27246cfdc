import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

/** The first whole number in a text. */
const numberIn = (text: string | null) => Number(text?.match(/\d+/)?.[0]);

// Journey: the start page follows the person's role. A reader (leser), who has no answers to
// write or approve, starts at the overview of their unit: the scorecard by colour for the latest
// period with data, the rounds in progress and the late answers, whose count and list agree. An
// editor (redaktor) starts at the inbox, whose counts agree with its lists, and opens the
// overview from there.
describe("a start page per role", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("a reader starts at the overview of their unit", async () => {
    await signIn(page, "leser", undefined, "Oversikt");
    expect(new URL(page.url()).pathname).toBe("/start");
    await page.getByText("Status for Helse Nord RHF", { exact: false }).waitFor();

    const scorecard = page.locator(".start-card", { has: page.getByRole("heading", { name: "Målekort" }) });
    await scorecard.locator(".colour-counts").waitFor();
    expect(await scorecard.locator(".colour-counts li").count()).toBe(4);
    expect(await scorecard.textContent()).toMatch(/Grønn \(mål nådd\)/);
    await scorecard.getByRole("link", { name: "Åpne målekortet" }).waitFor();

    const rounds = page.locator(".start-card", {
      has: page.getByRole("heading", { name: "Rapportering som pågår" }),
    });
    await rounds.locator(".round-progress li").first().waitFor();
    expect(await rounds.textContent()).toMatch(/\d+ av \d+ svar godkjent/);

    // The overview's count of late answers is the length of the list of them.
    const late = page.getByRole("heading", { level: 2, name: /^Forsinkede svar \(\d+\)$/ });
    await late.waitFor();
    const summary = rounds.getByText(/Forsinkede svar:/);
    expect(numberIn(await summary.textContent())).toBe(numberIn(await late.textContent()));
    // A reader has no inbox work, so no way there is offered on the page.
    expect(await page.getByRole("link", { name: "Gå til innboksen" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  test("the reader's overview works on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Oversikt" }).waitFor();
    await page.locator(".round-progress li").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow).toBe(false);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test("an editor starts at the inbox, whose counts agree with its lists", async () => {
    const editor = await newPage(browser);
    await signIn(editor, "redaktor", undefined, "Innboks");
    expect(new URL(editor.url()).pathname).toBe("/inbox");
    const summary = (await editor.locator(".inbox-summary").textContent()) ?? "";
    const count = (label: string) => Number(summary.match(new RegExp(`${label}:\\s*(\\d+)`))?.[1]);
    const heading = async (name: RegExp) =>
      numberIn(await editor.getByRole("heading", { level: 2, name }).textContent());
    expect(await heading(/^Returnert til deg \(\d+\)$/)).toBe(count("Returnert til deg"));
    expect(await heading(/^Til skriving \(\d+\)$/)).toBe(count("Til skriving"));
    expect(await heading(/^Til godkjenning \(\d+\)$/)).toBe(count("Til godkjenning"));
    expect(await heading(/^Forsinket \(\d+\)$/)).toBe(count("Forsinket"));
    await expectNoAxeViolations(editor);

    await editor.getByRole("link", { name: /^Oversikt over enhetene dine/ }).click();
    await editor.getByRole("heading", { level: 1, name: "Oversikt" }).waitFor();
    await editor.getByRole("link", { name: "Gå til innboksen" }).waitFor();
    await editor.locator(".round-progress li").first().waitFor();
    await expectNoAxeViolations(editor);
    await editor.context().close();
  });
});
