import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: an administrator imports monthly figures (a file with a bad row is refused whole, a
// good one goes in), opens Helse Nord's scorecard (on the latest period with data), publishes a
// scorecard and views it in the browser, finds no publish button on a period without data, reads
// INNLEIE's judged figure (the last 12 months) in the row, the chart and the breakdown alike, looks
// at year end 2024 with Tabell 1 and 2 and how a figure was computed, exports it to Excel, and
// drills from an indicator into a health trust; the pages fit a 390 px phone. Every page on the way
// passes an axe scan.
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

  async function unitIdOf(code: string) {
    const units = (await (await page.request.get("/api/units")).json()) as { id: number; code: string }[];
    return units.find((unit) => unit.code === code)?.id;
  }

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

  test("the scorecard opens on the latest period with data, and says so", async () => {
    await nav().getByRole("link", { name: "Målekort" }).click();
    await page.getByRole("heading", { level: 1, name: "Målekort" }).waitFor();
    await page.getByLabel("Valgt enhet").selectOption({ label: "HN – Helse Nord RHF" });
    // The demo data end in December 2025.
    await page
      .getByRole("heading", { level: 2, name: "Helse Nord RHF, årets slutt 2025", exact: true })
      .waitFor();
    await page.getByText("Viser årets slutt 2025, siste periode med data.").waitFor();
    // Not the 27 rows of "Ingen data" an empty current period would show: at most one indicator lacks data.
    const table = page.getByRole("table", { name: "Målekort for Helse Nord RHF, årets slutt 2025" });
    await table.waitFor();
    expect(await table.getByRole("row").filter({ hasText: "Ingen data" }).count()).toBeLessThan(2);
    await expectNoAxeViolations(page);
  });

  test("a period without data is not offered for publishing", async () => {
    await choosePeriod("2026", "T2");
    await page.getByRole("heading", { level: 2, name: "Helse Nord RHF, T2 2026", exact: true }).waitFor();
    await page.getByText("Det finnes ingen tall for denne perioden ennå.").waitFor();
    await page.getByText("Målekortet for T2 2026 har ingen tall, så det kan ikke publiseres.").waitFor();
    expect(await page.getByRole("button", { name: "Publiser målekortet" }).count()).toBe(0);
    const refused = await page.request.post(`/api/units/${await unitIdOf("HN")}/scorecard/publish`, {
      data: { period: "2026-T2" },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toMatchObject({ reason: "scorecard_without_data" });
    await page.getByRole("button", { name: "Vis årets slutt 2025, siste periode med data" }).click();
    await page
      .getByRole("heading", { level: 2, name: "Helse Nord RHF, årets slutt 2025", exact: true })
      .waitFor();
  });

  test("INNLEIE: the row shows the figure judged, the last 12 months, as the chart and breakdown do", async () => {
    await choosePeriod("2025", "T1");
    const scorecard = page.getByRole("table", { name: "Målekort for Helse Nord RHF, T1 2025" });
    const row = scorecard.getByRole("row").filter({ hasText: "Kostnader til innleie av helsepersonell" });
    await row.waitFor();
    const card = (await (
      await page.request.get(`/api/units/${await unitIdOf("HN")}/scorecard?period=2025-T1`)
    ).json()) as {
      rows: {
        indicator: { code: string };
        evaluated: { displayedValue: string };
        attainment: { colour: string };
      }[];
    };
    const innleie = card.rows.find((each) => each.indicator.code === "INNLEIE");
    const judged = innleie?.evaluated.displayedValue ?? "?";
    const judgedCell = row.getByRole("cell").first();
    expect(await judgedCell.textContent()).toBe(`${judged}Siste 12 mnd mai 2024–apr 2025`);
    expect(await row.textContent()).toContain(innleie?.attainment.colour === "red" ? "Ikke nådd" : "Nådd");

    await row.getByRole("link", { name: "Kostnader til innleie av helsepersonell fra byrå" }).click();
    await page.getByRole("img", { name: /Linjediagram: Kostnader til innleie/ }).waitFor();
    await page.getByText(`Siste vurderte tall er ${judged} MNOK (mai 2024–apr 2025).`).waitFor();
    await page.getByText("Månedens verdi er ikke tegnet inn").waitFor();
    await page.getByText("Vis tallene i en tabell", { exact: true }).click();
    const monthly = page.getByRole("table", { name: "Tallene måned for måned" });
    const april = monthly.getByRole("row").last();
    expect(await april.textContent()).toContain(judged);
    expect(await april.textContent()).toContain(innleie?.attainment.colour === "red" ? "Ikke nådd" : "Nådd");
    const breakdown = page.getByRole("table", { name: /Helse Nord RHF og enhetene rett under/ });
    const total = breakdown.getByRole("row").filter({ hasText: "Totalt" });
    expect(await total.getByRole("cell").first().textContent()).toBe(
      `${judged}Siste 12 mnd mai 2024–apr 2025`,
    );
    for (const text of await breakdown.locator("tbody tr:not([hidden])").allTextContents()) {
      expect(text).toContain("Siste 12 mnd mai 2024–apr 2025");
    }
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Målekortet" }).click();
    await page.getByRole("heading", { level: 2, name: "Helse Nord RHF, T1 2025", exact: true }).waitFor();
  });

  test("the scorecard for Helse Nord; a publication is listed as unchanged", async () => {
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

  test("a published scorecard can be read in the browser", async () => {
    const published = page.getByRole("table", { name: "Publiserte målekort" });
    await published.getByRole("link", { name: "Årets slutt 2023", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Publisert målekort" }).waitFor();
    await page
      .getByRole("heading", { level: 2, name: "Helse Nord RHF, årets slutt 2023", exact: true })
      .waitFor();
    await page.getByText("Publisert av Ada Administrator.", { exact: false }).waitFor();
    const table = page.getByRole("table", { name: "Målekort for Helse Nord RHF, årets slutt 2023" });
    expect(await table.getByRole("row").filter({ hasText: "Nådd" }).count()).toBeGreaterThan(0);
    await page.getByText("Tallene er de samme om målekortet regnes ut i dag.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Tilbake til målekortet" }).click();
    await page.getByRole("heading", { level: 1, name: "Målekort" }).waitFor();
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

  test("at 390 px the scorecard and the indicator page are no wider than the screen", async () => {
    const phone = await browser.newContext({
      baseURL: baseUrl(),
      locale: "nb-NO",
      viewport: { width: 390, height: 844 },
    });
    const small = await phone.newPage();
    small.setDefaultTimeout(15_000);
    await signIn(small, "admin");
    const hn = await unitIdOf("HN");
    await small.goto(`/scorecard?unit=${hn}&year=2025&part=T1`);
    const table = small.getByRole("table", { name: "Målekort for Helse Nord RHF, T1 2025" });
    await table.waitFor();
    await small.getByRole("table", { name: /Tabell 1/ }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The table scrolls inside its region, its indicator column fixed; Tabell 1 and 2 fit whole.
    const name = table.locator("tbody th").first();
    expect(await name.evaluate((element) => getComputedStyle(element).position)).toBe("sticky");
    for (const summary of await small.locator(".summary-table").all()) {
      const [shown, whole] = await summary.evaluate((element) => {
        const region = element.closest(".table-scroll") as HTMLElement;
        return [region.clientWidth, region.scrollWidth];
      });
      expect(whole).toBeLessThanOrEqual(shown);
    }
    await expectNoAxeViolations(small);
    await table.getByRole("link", { name: "Kostnader til innleie av helsepersonell fra byrå" }).click();
    await small.getByRole("img", { name: /Linjediagram: Kostnader til innleie/ }).waitFor();
    await small.getByRole("table", { name: /Helse Nord RHF og enhetene rett under/ }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });

  test("the indicator catalogue searches and has no accessibility violations", async () => {
    await nav().getByRole("link", { name: "Indikatorer" }).click();
    await page.getByRole("heading", { level: 1, name: "Indikatorer" }).waitFor();
    // The whole catalogue as this user may read it (the demo's action plan adds indicators too).
    const catalogue = (await (await page.request.get("/api/indicators")).json()) as unknown[];
    await page.getByLabel("Søk etter kode eller navn").fill("ventetid");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(new RegExp(`Viser [1-9] av ${catalogue.length}\\b`));
    expect(await page.getByRole("link", { name: "Gjennomsnittlig ventetid – somatikk" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /Andel epikriser/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
