import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14, DFØ's gevinstrealisering): Helse Nord's editor (hn-redaktor) has a programme
// with an economic benefit, a few readings and an investment, made through the API first. The
// benefits page shows the plan table in bokmål, the chart of expected against realised with its
// figures as a table, and the sums; a reading entered in the form appears in the plan. Every
// state passes an axe scan; screenshots at 1440 and 390 px go to .shots/benefits/.

const runId = Date.now().toString(36).toUpperCase();
const phone = { width: 390, height: 844 };
const shots = ".shots/benefits";
const benefitTitle = "Lavere kostnader til lønnsadministrasjon";

/** Axe finds nothing at 1440 and at 390 px, where the page is no wider than the screen. */
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

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("a programme's benefits", () => {
  let browser: Browser;
  let editor: Page;
  let benefitsUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await editor.emulateMedia({ reducedMotion: "reduce" });
    await signIn(editor, "hn-redaktor");
    const units: { id: number; code: string }[] = await (await editor.request.get("/api/units")).json();
    const hn = units.find((unit) => unit.code === "HN");
    if (!hn) throw new Error("the demo data has changed: no unit HN");
    const programme = await post<{ id: number }>(editor, "/api/programmes", {
      ownerUnitId: hn.id,
      code: `GEV-${runId}`,
      title: "Felles lønnstjenester",
      managerName: "Programleder i Helse Nord",
    });
    benefitsUrl = `/programmes/${programme.id}/benefits`;
    const benefit = await post<{ id: number }>(editor, `/api/programmes/${programme.id}/benefits`, {
      title: benefitTitle,
      kind: "economic",
      ownerName: "Økonomidirektør i Helse Nord RHF",
      measureUnit: "NOK",
      baselineValue: 0,
      baselineDate: "2024-01-01",
      targetValue: 12_000_000,
      targetDate: "2027-01-01",
    });
    await post(editor, `/api/benefits/${benefit.id}/readings`, {
      readings: [
        { date: "2024-06-30", value: 1_000_000 },
        { date: "2024-12-31", value: 2_500_000 },
        { date: "2025-06-30", value: 3_000_000, comment: "Første foretak over" },
      ],
    });
    await post(editor, `/api/programmes/${programme.id}/costs`, {
      kind: "investment",
      year: 2024,
      plannedNok: 20_000_000,
      actualNok: 18_500_000,
      text: "Nytt lønnssystem",
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("the page shows the benefits plan, the chart with its figures, and the sums", async () => {
    await editor.goto(benefitsUrl);
    await editor.getByRole("heading", { level: 1, name: "Gevinster – Felles lønnstjenester" }).waitFor();
    const table = editor.getByRole("table", { name: /Gevinster, forventet og realisert/ });
    for (const header of ["Gevinst", "Gevinsteier", "Utgangsverdi", "Målverdi", "Forventet", "Realisert"])
      await table.getByRole("columnheader", { name: header, exact: true }).waitFor();
    const row = table.getByRole("row", { name: new RegExp(benefitTitle) });
    await expect(row.getByRole("cell", { name: "Økonomisk" }).count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/Økonomidirektør i Helse Nord RHF/);
    // Realised 3 000 000 is a quarter of the change; by now far more was expected.
    await expect(row.textContent()).resolves.toMatch(/3\s000\s000 NOK/);
    await expect(row.textContent()).resolves.toMatch(/Bak plan/);
    await editor
      .getByRole("heading", { level: 2, name: `Forventet og realisert – ${benefitTitle}` })
      .waitFor();
    await editor.getByRole("img", { name: /Linjediagram: forventet og realisert/ }).waitFor();
    await editor.locator(".benefit-chart canvas").waitFor();
    await editor.locator("summary", { hasText: "Tallene i diagrammet" }).click();
    await editor.getByRole("table", { name: "Tallene i diagrammet" }).getByRole("row").nth(2).waitFor();
    await editor
      .getByRole("table", { name: /Planlagt og faktisk per år/ })
      .getByText("Investering")
      .waitFor();
    await editor.getByRole("rowheader", { name: "Investering, planlagt" }).waitFor();
    await checkPage(editor, "plan");
  });

  test("a reading entered in the form appears in the plan", async () => {
    await editor.getByLabel("Dato for målingen").fill("2025-12-31");
    await editor.getByLabel("Verdi (NOK)").fill("7500000");
    await editor.getByLabel("Kommentar").fill("Alle foretak over");
    await editor.getByRole("button", { name: "Lagre måling" }).click();
    await editor
      .getByRole("status")
      .getByText(`Målingen 31. des. 2025 er lagret for «${benefitTitle}».`)
      .waitFor();
    const row = editor.getByRole("table", { name: /Gevinster, forventet og realisert/ }).getByRole("row", {
      name: new RegExp(benefitTitle),
    });
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toMatch(/7\s500\s000 NOK/);
    await checkPage(editor, "after-reading");
  });

  test("a refused reading is explained in bokmål beside the field", async () => {
    await editor.getByLabel("Dato for målingen").fill("2023-06-30");
    await editor.getByLabel("Verdi (NOK)").fill("1");
    await editor.getByRole("button", { name: "Lagre måling" }).click();
    await editor
      .getByText(/fra før datoen for utgangsverdien/)
      .first()
      .waitFor();
    await checkPage(editor, "refused-reading");
  });
});
