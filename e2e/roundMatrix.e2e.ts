import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: Helse Nord's editor opens a round of Helse Nord's document to its trusts. At 1440 px
// the requirement (first) and consolidated answer (last) columns are both in view, and stay so
// while the trusts between them scroll; on a phone the page is no wider than the screen; the
// matrix downloads as an Excel workbook.

type Document = { id: number; issuingUnit: { code: string } };
type Round = { id: number; state: string };

/** The box of an element, relative to the window. */
const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
};

describe("the round matrix", () => {
  let browser: Browser;
  let page: Page;
  let roundUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, "hn-redaktor");
    const documents = (await (await page.request.get("/api/steering-documents")).json()) as Document[];
    const document = documents.find((candidate) => candidate.issuingUnit.code === "HN");
    if (!document) throw new Error("the demo data has changed: no document from Helse Nord");
    const rounds = (await (
      await page.request.get(`/api/steering-documents/${document.id}/rounds`)
    ).json()) as Round[];
    const round = rounds.find((candidate) => candidate.state === "open") ?? rounds[0];
    if (!round) throw new Error("the demo document has no round");
    roundUrl = `/rounds/${round.id}`;
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("at 1440 px the requirement and the consolidated answer stay in view while the units scroll", async () => {
    await page.goto(roundUrl);
    await page.getByRole("heading", { level: 2, name: "Svar per krav og enhet" }).waitFor();
    const last = page.getByRole("columnheader").filter({ hasText: "samlet svar" });
    await last.waitFor();
    // The table's scroll region, inside the matrix's section (both named by its heading).
    const region = page.locator(".round-matrix .table-scroll");
    const regionBox = await region.boundingBox();
    if (!regionBox) throw new Error("the matrix is not shown");

    const endBefore = await box(page, ".matrix th.matrix__end");
    const startBefore = await box(page, ".matrix th.matrix__start");
    expect(endBefore.x + endBefore.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
    expect(startBefore.x).toBeGreaterThanOrEqual(regionBox.x - 1);

    // Scrolled to the end, the units between have moved and both columns are where they were.
    const firstUnitBefore = await box(page, ".matrix th.matrix__unit");
    const scrolled = await region.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
      return element.scrollLeft;
    });
    const firstUnitAfter = await box(page, ".matrix th.matrix__unit");
    expect(firstUnitBefore.x - firstUnitAfter.x).toBeCloseTo(scrolled, 0);
    const endAfter = await box(page, ".matrix th.matrix__end");
    const startAfter = await box(page, ".matrix th.matrix__start");
    // (The table's 2 px cell spacing may show beside the sticky columns.)
    expect(Math.abs(endAfter.x - endBefore.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(startAfter.x - startBefore.x)).toBeLessThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await expectNoAxeViolations(page);
  });

  test("the matrix downloads as an Excel workbook", async () => {
    const link = page.getByRole("link", { name: /Last ned svarene per krav og enhet \(Excel\)/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/rounds\/\d+\/matrix\.xlsx\?asOf=\d{4}-\d{2}-\d{2}$/);
    const response = await page.request.get(href as string);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("spreadsheetml");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="svar-per-krav-/);
  });

  test("on a phone the page is no wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(roundUrl);
    await page.getByRole("columnheader").filter({ hasText: "samlet svar" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const start = await box(page, ".matrix th.matrix__start");
    const end = await box(page, ".matrix th.matrix__end");
    expect(start.x).toBeGreaterThanOrEqual(0);
    expect(end.x + end.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });
});
