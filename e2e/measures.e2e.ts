import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: the demo administrator opens the risk-reducing measures, filters the delayed ones,
// opens one, adds a status entry and sees it at the top of the log. Every page passes an axe scan
// and fits a 390 px phone; screenshots at 1440 and 390 px go to .shots/measures/.

const runId = Date.now().toString(36);
const phone = { width: 390, height: 844 };
const shots = ".shots/measures";

type Measure = { id: number; title: string; links: { kind: string; targetId: number; readable: boolean }[] };

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Axe finds nothing, and at 390 px the page is no wider than the screen (tables scroll inside). */
async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-1440.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(
    phone.width,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

describe("risk-reducing measures: the list, one measure, its status log", () => {
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await admin.setViewportSize({ width: 1440, height: 900 });
    await signIn(admin, "admin");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the list filters the delayed measures, with phase, status and flags in words", async () => {
    await admin.getByRole("link", { name: "Tiltak", exact: true }).click();
    await admin.getByRole("heading", { level: 1, name: "Risikoreduserende tiltak" }).waitFor();
    await admin.getByRole("table").waitFor();
    await admin.getByLabel("Status", { exact: true }).selectOption({ label: "Forsinket" });
    await admin.waitForFunction(() => {
      const rows = [...document.querySelectorAll("table tbody tr")];
      return (
        rows.length > 0 && rows.every((row) => row.querySelectorAll("td")[3]?.textContent === "Forsinket")
      );
    });
    const first = admin.locator("table tbody tr").first();
    expect(await first.textContent()).toMatch(/Vedtatt|I gjennomføring/);
    await checkPage(admin, "list");
  });

  test("one measure: facts and log; a new status entry shows at the top of the log", async () => {
    const link = admin.locator("table tbody tr").first().getByRole("link");
    const title = (await link.textContent()) ?? "";
    await link.click();
    await admin.getByRole("heading", { level: 1, name: title }).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Statuslogg" }).waitFor();
    await checkPage(admin, "measure");

    const text = `Ny fremdrift ${runId}`;
    const form = admin.locator("form", { has: admin.getByRole("group", { name: "Legg til statusmelding" }) });
    await form.getByLabel("Periode").fill("2024-T3");
    await form.getByLabel("Status", { exact: true }).selectOption({ label: "Iht. plan" });
    await form.getByRole("textbox", { name: "Melding" }).fill(text);
    await form.getByRole("button", { name: "Lagre statusmelding" }).click();
    await admin.getByText("Statusmeldingen er lagret.").waitFor();
    const newest = admin.locator(".measure-log li").first();
    await expect.poll(() => newest.textContent()).toContain(text);
    expect(await newest.textContent()).toContain("2024-T3");
    expect(await newest.textContent()).toContain("Iht. plan");
    await checkPage(admin, "measure-logged");
  });

  test("the new-measure form is reachable from the list", async () => {
    await admin.goto("/measures");
    await admin.getByRole("link", { name: "Nytt tiltak" }).click();
    await admin.getByRole("heading", { level: 1, name: "Nytt tiltak" }).waitFor();
    await checkPage(admin, "new");
  });

  test("the indicator's chart marks its measures, and lists them in words under it", async () => {
    const list = await json<{ items: { id: number }[] }>(admin, "/api/measures?limit=100");
    let found: { id: number; title: string; indicatorId: number } | null = null;
    for (const item of list.items) {
      const measure = await json<Measure>(admin, `/api/measures/${item.id}`);
      const link = measure.links.find((each) => each.kind === "indicator" && each.readable);
      if (link) {
        found = { id: measure.id, title: measure.title, indicatorId: link.targetId };
        break;
      }
    }
    if (!found) throw new Error("the demo data has changed: no measure linked to an indicator");
    await admin.goto(`/indicators/${found.indicatorId}`);
    const section = admin.locator("section.indicator-measures", {
      has: admin.getByRole("heading", { name: "Tiltak på denne indikatoren" }),
    });
    await section.waitFor();
    const item = section.getByRole("listitem").filter({ hasText: found.title });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Start .*full effekt/);
    await admin.locator(".indicator-chart canvas").first().waitFor();
    await checkPage(admin, "indicator");
  });
});
