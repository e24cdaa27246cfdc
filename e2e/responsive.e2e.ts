import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, expectNoAxeViolations, getJson, launchBrowser, signIn } from "./support/browser.ts";

// Journey: on a phone (390 × 844) the header is one line with a "Meny" button, which opens and
// closes the main menu, and no page of the app is wider than the screen; on a desktop (1440 px)
// the administrator's whole menu is one line.

const phone = { width: 390, height: 844 };

type Round = { id: number; state: string };
type Matrix = {
  units: { id: number; code: string }[];
  rows: { requirement: { id: number }; cells: Record<string, { answerId: number } | undefined> }[];
};

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: "nb-NO", viewport: phone });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Every page of the app (web/src/router.tsx), with ids from the demo data as the admin sees them. */
async function appPages(page: Page): Promise<string[]> {
  const indicators = await getJson<{ id: number }[]>(page, "/api/indicators");
  const documents = await getJson<{ id: number; issuingUnit: { code: string } }[]>(
    page,
    "/api/steering-documents",
  );
  // Helse Nord's document to its trusts: it has rounds, answers from UNN and consolidation.
  const document = documents.find((candidate) => candidate.issuingUnit.code === "HN");
  if (!indicators[0] || !document) throw new Error("the demo data has changed");
  const rounds = await getJson<Round[]>(page, `/api/steering-documents/${document.id}/rounds`);
  const round = rounds.find((candidate) => candidate.state === "open") ?? rounds[0];
  if (!round) throw new Error("the demo document has no round");
  const matrix = await getJson<Matrix>(page, `/api/rounds/${round.id}/matrix`);
  const unn = matrix.units.find((unit) => unit.code === "UNN");
  const row = matrix.rows.find((candidate) => unn && candidate.cells[String(unn.id)]);
  const answerId = unn && row?.cells[String(unn.id)]?.answerId;
  if (!row || !answerId) throw new Error("the demo round has no answer from UNN");
  const risk = await getJson<{ goals: { units: { id: number }[] }[] }>(page, `/api/rounds/${round.id}/risk`);
  const assessmentId = risk.goals[0]?.units[0]?.id;
  const measures = await getJson<{ items: { id: number }[] }>(page, "/api/measures");
  if (!assessmentId || !measures.items[0])
    throw new Error("the demo data has no risk assessments or measures");
  // Issue 14: the demo's programmes (one with status reports) and the action plan.
  const { programmes } = await getJson<{ programmes: { id: number; code: string }[] }>(
    page,
    "/api/programmes",
  );
  const programme = programmes.find((candidate) => candidate.code === "Stab og støtte");
  const plan = (await getJson<{ id: number }[]>(page, "/api/action-plans"))[0];
  if (!programme || !plan) throw new Error("the demo data has no programme or action plan");
  const { reports } = await getJson<{ reports: { id: number }[] }>(
    page,
    `/api/programmes/${programme.id}/status-reports`,
  );
  if (!reports[0]) throw new Error("the demo programme has no status report");
  return [
    "/inbox",
    "/steering",
    `/steering/${document.id}`,
    `/steering/${document.id}/compare`,
    `/rounds/${round.id}`,
    `/answers/${answerId}`,
    `/rounds/${round.id}/requirements/${row.requirement.id}`,
    `/rounds/${round.id}/risk`,
    `/risk-assessments/${assessmentId}`,
    `/steering/${document.id}/risk`,
    "/measures",
    "/measures/new",
    `/measures/${measures.items[0].id}`,
    "/programmes",
    "/programmes/benefits",
    `/programmes/${programme.id}`,
    `/programmes/${programme.id}/status-reports/${reports[0].id}`,
    `/programmes/${programme.id}/registers`,
    `/programmes/${programme.id}/benefits`,
    "/action-plans",
    `/action-plans/${plan.id}`,
    `/action-plans/${plan.id}/benefits`,
    "/units",
    "/scorecard",
    "/indicators",
    `/indicators/${indicators[0].id}`,
    "/import",
    "/documents",
    "/document-templates",
    "/audit",
    "/users",
    "/account",
    "/help",
    "/no-such-page",
  ];
}

/** Opens each page and returns those wider than the screen, with how wide they are. */
async function overflowingPages(page: Page, urls: string[]): Promise<string[]> {
  const overflowing: string[] = [];
  for (const url of urls) {
    await page.goto(url);
    const heading = page.getByRole("heading", { level: 1 }).first();
    await heading.waitFor().catch(() => {
      throw new Error(`${url} shows no page title (h1) to ${page.url()}`);
    });
    // Pages fetch their data after the heading shows; wait until it has arrived and rendered.
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => document.querySelectorAll("main [aria-busy='true']").length === 0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > phone.width) overflowing.push(`${url} is ${width} px wide`);
  }
  return overflowing;
}

describe("the app on a phone", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await phonePage(browser);
    await signIn(page, "admin");
  });

  afterAll(async () => {
    await browser?.close();
  });

  const menuButton = () => page.getByRole("button", { name: "Meny" });
  const navigation = () => page.getByRole("navigation", { name: "Hovedmeny" });

  test("the header is one line: the name and a closed Meny button, the menu hidden", async () => {
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    const controls = await menuButton().getAttribute("aria-controls");
    expect(controls).toBeTruthy();
    expect(await page.locator(`#${controls}`).count()).toBe(1);
    expect(await navigation().count()).toBe(0);
    expect(await page.getByLabel("Valgt enhet").isVisible()).toBe(false);
    const header = await page.locator("header").boundingBox();
    expect(header?.height).toBeLessThan(80);
    await expectNoAxeViolations(page);
  });

  test("the Meny button opens the menu with the unit picker, the user's links and the navigation", async () => {
    await menuButton().click();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("true");
    await navigation().waitFor();
    const controls = await menuButton().getAttribute("aria-controls");
    expect(await page.locator(`#${controls}`).getByRole("navigation", { name: "Hovedmeny" }).count()).toBe(1);
    expect(await page.getByLabel("Valgt enhet").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Hjelp" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Logg ut" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page);
  });

  test("following a link in the menu goes there and closes the menu", async () => {
    await navigation().getByRole("link", { name: "Målekort" }).click();
    await page.getByRole("heading", { level: 1, name: "Målekort" }).waitFor();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(await navigation().count()).toBe(0);
  });

  test("the button closes the menu again, and so does Escape, which returns focus to the button", async () => {
    await menuButton().click();
    await navigation().waitFor();
    await menuButton().click();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(await navigation().count()).toBe(0);

    await menuButton().click();
    await navigation().getByRole("link", { name: "Innboks" }).focus();
    await page.keyboard.press("Escape");
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(await navigation().count()).toBe(0);
    expect(await menuButton().evaluate((button) => button === document.activeElement)).toBe(true);
  });

  test("no page is wider than the screen for an administrator", async () => {
    const urls = await appPages(page);
    expect(await overflowingPages(page, urls)).toEqual([]);
  });

  test("no page is wider than the screen for an editor", async () => {
    const urls = await appPages(page);
    const editor = await phonePage(browser);
    await signIn(editor, "redaktor");
    try {
      expect(await overflowingPages(editor, urls)).toEqual([]);
    } finally {
      await editor.context().close();
    }
  });

  test("on a desktop the button is gone and the administrator's menu is one line", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    expect(await menuButton().count()).toBe(0);
    const links = navigation().getByRole("link");
    expect(await links.count()).toBe(12);
    const tops = new Set<number>();
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
      tops.add(Math.round(box?.y ?? -1));
    }
    expect([...tops]).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await expectNoAxeViolations(page);
  });
});
