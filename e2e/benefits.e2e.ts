import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14, DFØ's gevinstrealisering): Helse Nord's editor (hn-redaktor) has a programme
// with an economic benefit, a few readings and an investment, made through the API first. The
// benefits page shows the plan table in bokmål, the chart of expected against realised with its
// figures as a table, and the sums; a reading entered in the form appears in the plan. The editor
// changes a benefit's target, is told in bokmål when someone else saved it first, and deletes a
// benefit of its own after confirming; the portfolio page sums the demo's programme and all the
// rest. Every state passes an axe scan; screenshots at 1440 and 390 px go to .shots/benefits/.

const runId = Date.now().toString(36).toUpperCase();
const shots = ".shots/benefits";
const benefitTitle = "Lavere kostnader til lønnsadministrasjon";

/** Axe finds nothing at 1440 and at 390 px, where the page is no wider than the screen. */
function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
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
  let programmeId = 0;
  let benefitId = 0;

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
    programmeId = programme.id;
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
    benefitId = benefit.id;
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

  const planTable = () => editor.getByRole("table", { name: /Gevinster, forventet og realisert/ });

  test("the editor changes a benefit's target, and a save over someone else's change is explained", async () => {
    await editor.goto(benefitsUrl);
    await editor.getByRole("button", { name: `Endre ${benefitTitle}` }).click();
    const form = editor.getByRole("region", { name: `Endre «${benefitTitle}»` });
    await form.getByLabel("Målverdi").fill("15000000");
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await editor.getByRole("status").getByText(`Gevinsten «${benefitTitle}» er lagret.`).waitFor();
    const row = planTable().getByRole("row", { name: new RegExp(benefitTitle) });
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toMatch(/15\s000\s000 NOK/);

    // Someone else saves the benefit while the editor has the form open: the editor's save is refused.
    await editor.getByRole("button", { name: `Endre ${benefitTitle}` }).click();
    await form.getByLabel("Målverdi").fill("16000000");
    const current = await (await editor.request.get(`/api/benefits/${benefitId}`)).json();
    const response = await editor.request.patch(`/api/benefits/${benefitId}`, {
      data: { version: current.version, targetText: "Endret av en annen" },
    });
    expect(response.status()).toBe(200);
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await form.getByText("Noen andre har endret dette etter at du åpnet det.").waitFor();
    await checkPage(editor, "stale-save");
    await form.getByRole("button", { name: "Hent den nye versjonen" }).click();
    await expect(form.getByLabel("Målverdi").inputValue()).resolves.toBe("15000000");
    await form.getByLabel("Målverdi").fill("16000000");
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await expect.poll(async () => form.count(), { timeout: 10_000 }).toBe(0);
    // The other person's change stands beside the editor's.
    const saved = async () => {
      const benefit = await (await editor.request.get(`/api/benefits/${benefitId}`)).json();
      return [benefit.targetValue, benefit.targetText];
    };
    await expect.poll(saved, { timeout: 10_000 }).toEqual([16_000_000, "Endret av en annen"]);
  });

  test("the editor deletes a benefit it made, after confirming", async () => {
    const title = `Færre manuelle bilag ${runId}`;
    await post(editor, `/api/programmes/${programmeId}/benefits`, {
      title,
      kind: "qualitative",
      ownerName: "Regnskapssjef",
      baselineText: "Mange manuelle bilag",
      baselineDate: "2024-01-01",
      targetText: "Få manuelle bilag",
      targetDate: "2026-01-01",
    });
    await editor.goto(benefitsUrl);
    await planTable()
      .getByRole("row", { name: new RegExp(title) })
      .waitFor();
    await editor.getByRole("button", { name: `Slett ${title}` }).click();
    const dialog = editor.getByRole("dialog", { name: `Slette «${title}»?` });
    await dialog.getByText("Dette kan ikke angres.", { exact: false }).waitFor();
    await expectNoAxeViolations(editor);
    await editor.screenshot({ path: `${shots}/delete-confirm-1440.png` });
    await dialog.getByRole("button", { name: "Slett gevinsten" }).click();
    await editor.getByRole("status").getByText(`Gevinsten «${title}» er slettet.`).waitFor();
    await expect
      .poll(
        async () =>
          planTable()
            .getByRole("row", { name: new RegExp(title) })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(0);
    expect((await editor.request.get(`/api/benefits/${benefitId}`)).status()).toBe(200);
  });

  test("the editor removes a cost, after confirming", async () => {
    await post(editor, `/api/programmes/${programmeId}/costs`, {
      kind: "running",
      year: 2031,
      plannedNok: 1_000_000,
      text: `Drift ${runId}`,
    });
    await editor.goto(benefitsUrl);
    await editor.getByRole("button", { name: "Fjern Driftskostnad 2031" }).click();
    const dialog = editor.getByRole("dialog", { name: "Fjerne Driftskostnad 2031?" });
    await dialog.getByText("Dette kan ikke angres.", { exact: false }).waitFor();
    await expectNoAxeViolations(editor);
    await dialog.getByRole("button", { name: "Fjern beløpet" }).click();
    await editor.getByRole("status").getByText("Driftskostnad 2031 er fjernet.").waitFor();
    await expect
      .poll(async () => editor.getByRole("button", { name: "Fjern Driftskostnad 2031" }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
  });

  test("the portfolio page sums the economic benefits per programme and in total", async () => {
    await editor.goto("/programmes");
    await editor
      .getByRole("navigation", { name: "Programmer og handlingsplaner" })
      .getByRole("link", { name: "Gevinster", exact: true })
      .click();
    await editor.getByRole("heading", { level: 1, name: "Gevinster i porteføljen" }).waitFor();
    const table = editor.getByRole("table", { name: /Økonomiske gevinster og investeringer per program/ });
    for (const header of ["Målverdi per år", "Forventet hittil", "Realisert hittil", "Investering, planlagt"])
      await table.getByRole("columnheader", { name: header, exact: true }).waitFor();
    // The demo's national programme for staff and support services (seed 000): a billion a year.
    const demo = table.getByRole("row", { name: /Nasjonalt program for stabs- og støttefunksjoner/ });
    await expect(demo.textContent()).resolves.toMatch(/Program/);
    await expect(demo.textContent()).resolves.toMatch(/1\s000\s000\s000/);
    const ours = table.getByRole("row", { name: /Felles lønnstjenester/ }).first();
    await ours.waitFor();
    const total = table.getByRole("row", { name: /^Sum/ });
    await expect(total.count()).resolves.toBe(1);
    await expect(total.textContent()).resolves.toMatch(/\d\s\d{3}\s\d{3}\s\d{3}/);
    await checkPage(editor, "portfolio");
  });
});
