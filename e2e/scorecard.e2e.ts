import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: an administrator imports monthly figures (a file with a bad row is refused whole, a
// good one goes in), opens Helse Nord's scorecard at year end 2024 with Tabell 1 and 2, looks at
// how a figure was computed, publishes a scorecard, exports it to Excel, and drills from an
// indicator into a health trust. Every page on the way passes an axe scan.
//
// The imported figures are for 2021, before the demo data begin, so they change no scorecard
// that other journeys look at; the publication is for year end 2023 for the same reason.

const share = /^\d+\/\d+ \(\d+,\d %\)$/;

describe("scorecard and import as administrator", () => {
  let browser: Browser;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    folder = await mkdtemp(path.join(tmpdir(), "tertial-e2e-import-"));
    await signIn(page, "admin");
  });

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const nav = () => page.getByRole("navigation", { name: "Hovedmeny" });

  async function storedValues() {
    const indicators = (await (await page.request.get("/api/indicators")).json()) as {
      id: number;
      code: string;
    }[];
    const units = (await (await page.request.get("/api/units")).json()) as { id: number; code: string }[];
    const indicatorId = indicators.find((indicator) => indicator.code === "EPIKRISE")?.id;
    const unitId = units.find((unit) => unit.code === "UNN-TRO")?.id;
    const response = await page.request.get(
      `/api/measurements?indicatorId=${indicatorId}&unitId=${unitId}&from=2021-10&to=2021-12`,
    );
    expect(response.status()).toBe(200);
    return (await response.json()) as { month: string; numerator: number; denominator: number | null }[];
  }

  async function upload(name: string, content: string, dryRun: boolean) {
    const file = path.join(folder, name);
    await writeFile(file, content, "utf8");
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(file);
    const checkbox = page.getByRole("checkbox", { name: "Prøvekjøring" });
    if ((await checkbox.isChecked()) !== dryRun) await checkbox.click();
    await page.getByRole("button", { name: dryRun ? "Prøvekjør" : "Importer", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Resultat" }).waitFor();
  }

  test("the import page explains the format and has no accessibility violations", async () => {
    await nav().getByRole("link", { name: "Dataimport" }).click();
    await page.getByRole("heading", { level: 1, name: "Dataimport" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Filformat" }).waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Last ned eksempelfil (CSV)" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await expectNoAxeViolations(page);
  });

  test("a file with a bad row is refused whole, naming the row and the column", async () => {
    expect(await storedValues()).toEqual([]);
    await upload(
      "med-feil.csv",
      [
        "indikator;enhet;måned;teller;nevner",
        "EPIKRISE;UNN-TRO;2021-11;120;200",
        "EPIKRISE;UNN-TRO;2021-13;130;200",
        "",
      ].join("\n"),
      false,
    );
    const problems = page.getByRole("table", { name: "Feil i filen" });
    await problems.waitFor();
    const row = problems.getByRole("row").filter({ hasText: "Måned" });
    expect(await row.getByRole("rowheader").textContent()).toBe("3");
    expect(await row.textContent()).toContain("2021-13");
    expect(await page.getByText("Ingenting er importert").count()).toBeGreaterThan(0);
    // All or nothing: the good row 2 was not written either.
    expect(await storedValues()).toEqual([]);
    await expectNoAxeViolations(page);
  });

  const goodFile = [
    "indikator;enhet;måned;teller;nevner",
    "EPIKRISE;UNN-TRO;2021-11;120;200",
    "EPIKRISE;UNN-TRO;2021-12;130;200",
    "",
  ].join("\n");

  test("a dry run of a good file shows what would change and writes nothing", async () => {
    await upload("riktig.csv", goodFile, true);
    await page.getByText("Prøvekjøring av riktig.csv: filen er i orden").waitFor();
    const changes = page.getByRole("table", { name: "Endringer rad for rad" });
    expect(await changes.getByRole("row").count()).toBe(3);
    expect(await storedValues()).toEqual([]);
  });

  test("the good file is imported", async () => {
    await upload("riktig.csv", goodFile, false);
    await page.getByText("riktig.csv er importert").waitFor();
    expect(await page.locator(".import-counts").textContent()).toContain("Endret2");
    const stored = await storedValues();
    expect(stored.map((value) => [value.month, value.numerator, value.denominator])).toEqual([
      ["2021-11", 120, 200],
      ["2021-12", 130, 200],
    ]);
    await expectNoAxeViolations(page);
  });

  async function choosePeriod(year: string, part: string) {
    await page.getByLabel("År", { exact: true }).selectOption(year);
    await page.getByLabel("Tertial eller måned").selectOption(part);
  }

  test("the scorecard for Helse Nord; a publication is listed as unchanged", async () => {
    await nav().getByRole("link", { name: "Målekort" }).click();
    await page.getByRole("heading", { level: 1, name: "Målekort" }).waitFor();
    await page.getByLabel("Valgt enhet").selectOption({ label: "HN – Helse Nord RHF" });
    await choosePeriod("2023", "year");
    await page
      .getByRole("heading", { level: 2, name: "Helse Nord RHF, årets slutt 2023", exact: true })
      .waitFor();

    const publish = page.getByRole("button", { name: "Publiser målekortet" });
    await publish.click();
    const dialog = page.getByRole("dialog", { name: /Publisere målekortet for Helse Nord RHF/ });
    await dialog.waitFor();
    // Scan once the opening animation has finished, or axe sees colours half faded in.
    await expect
      .poll(() => dialog.evaluate((element) => element.getAnimations({ subtree: true }).length))
      .toBe(0);
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Publiser", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Målekortet for Helse Nord RHF, årets slutt 2023 er publisert.");
    const published = page.getByRole("table", { name: "Publiserte målekort" });
    const entry = published.getByRole("row").filter({ hasText: "Årets slutt 2023" });
    await entry.getByText("Uendret").waitFor();
    expect(await entry.textContent()).toContain("Ada Administrator");
  });

  test("year end 2024: Tabell 1 and 2 in n/N (x,y %) form, and the calculation behind a figure", async () => {
    await choosePeriod("2024", "year");
    await page
      .getByRole("heading", { level: 2, name: "Helse Nord RHF, årets slutt 2024", exact: true })
      .waitFor();
    await page.waitForURL(/year=2024&part=year/);

    for (const name of [
      "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
      "Tabell 2 Trend 2024 ved T1, T2 og årets slutt",
    ]) {
      const table = page.getByRole("table", { name });
      await table.waitFor();
      const headers = await table.getByRole("columnheader").allTextContents();
      expect(headers.join(" | ")).toMatch(/T1-2024.*T2-2024.*Årlig melding/);
      const cells = (await table.getByRole("cell").allTextContents()).map((text) => text.trim());
      expect(cells.length).toBeGreaterThanOrEqual(9);
      for (const cell of cells) expect(cell).toMatch(share);
    }

    const scorecard = page.getByRole("table", { name: "Målekort for Helse Nord RHF, årets slutt 2024" });
    const epikrise = scorecard.getByRole("row").filter({ hasText: "Andel epikriser sendt innen 1 dag" });
    expect(await epikrise.textContent()).toMatch(/≥\s70\s%/);
    expect(await epikrise.textContent()).toMatch(/Nådd|Ikke nådd/);
    const show = page.getByRole("button", {
      name: "Vis utregning for Andel epikriser sendt innen 1 dag etter utskrivning",
    });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await show.click();
    expect(await show.getAttribute("aria-expanded")).toBe("true");
    const details = page.locator(`#${await show.getAttribute("aria-controls")}`);
    await expect.poll(() => details.textContent()).toMatch(/\d[\d\s]* \/ \d[\d\s]* × 100 = \d+,\d/);
    expect(await details.textContent()).toContain("Sum teller delt på sum nevner");
    await expectNoAxeViolations(page);
  });

  test("export to Excel downloads an .xlsx file", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Eksporter til Excel" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await file.path();
    expect((await stat(saved)).size).toBeGreaterThan(0);
  });

  test("drill into an indicator, then into a health trust", async () => {
    await page.getByRole("link", { name: "Andel epikriser sendt innen 1 dag etter utskrivning" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Andel epikriser sendt innen 1 dag etter utskrivning" })
      .waitFor();
    await page.getByRole("heading", { level: 2, name: "Måned for måned, Helse Nord RHF" }).waitFor();
    await page.getByRole("img", { name: /Linjediagram: Andel epikriser/ }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Målkrav" }).count()).toBe(1);

    await page.getByText("Vis tallene i en tabell", { exact: true }).click();
    const monthly = page.getByRole("table", { name: "Tallene måned for måned" });
    await monthly.waitFor();
    expect(await monthly.getByRole("row").count()).toBe(25);
    await expectNoAxeViolations(page);

    const breakdown = page.getByRole("table", { name: /Helse Nord RHF og enhetene rett under/ });
    await breakdown.getByRole("link", { name: "Universitetssykehuset Nord-Norge HF" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Måned for måned, Universitetssykehuset Nord-Norge HF" })
      .waitFor();
    const units = (await (await page.request.get("/api/units")).json()) as { id: number; code: string }[];
    const unn = units.find((unit) => unit.code === "UNN")?.id;
    await page.waitForURL(new RegExp(`unit=${unn}(&|$)`));
    await page.getByRole("link", { name: "UNN Tromsø" }).waitFor();
    // The header follows the unit drilled into.
    expect(await page.getByLabel("Valgt enhet").inputValue()).toBe(String(unn));
    await expectNoAxeViolations(page);
  });

  test("the indicator catalogue searches and has no accessibility violations", async () => {
    await nav().getByRole("link", { name: "Indikatorer" }).click();
    await page.getByRole("heading", { level: 1, name: "Indikatorer" }).waitFor();
    await page.getByLabel("Søk etter kode eller navn").fill("ventetid");
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Viser [1-9] av 27/);
    expect(await page.getByRole("link", { name: "Gjennomsnittlig ventetid – somatikk" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /Andel epikriser/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
