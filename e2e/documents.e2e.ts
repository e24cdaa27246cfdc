import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: Helse Nord's administrator generates the annual report 2024 from the demo data,
// previews it, downloads it as Word, generates the T1 and T2 tertial reports and compares them,
// then changes a document template. Every page on the way passes an axe scan.
describe("board documents as Helse Nord's administrator", () => {
  let browser: Browser;
  let page: Page;
  let helseNordId = "";

  const annualTitle = "Årlig melding 2024 for Helse Nord RHF";
  const t1Title = "Tertialrapport 1. tertial 2024 for Helse Nord RHF";
  const t2Title = "Tertialrapport 2. tertial 2024 for Helse Nord RHF";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const nav = () => page.getByRole("navigation", { name: "Hovedmeny" });
  const generateForm = () =>
    page.locator("form", { has: page.getByRole("button", { name: "Lag dokument" }) });

  async function generate(type: "annual_report" | "tertial_report", part: "T1" | "T2" | null, title: string) {
    const form = generateForm();
    await form.getByLabel("Dokumenttype", { exact: true }).selectOption(type);
    await form.getByLabel("Enhet", { exact: true }).selectOption(helseNordId);
    await form.getByLabel("År", { exact: true }).fill("2024");
    if (part) await form.getByLabel("Periode", { exact: true }).selectOption(part);
    if (type === "annual_report") {
      // The front page's own fields, for the board meeting the report goes to.
      await form.getByLabel("Saksnummer (valgfritt)", { exact: true }).fill("23-2025");
      await form.getByLabel("Møtedato (valgfritt)", { exact: true }).fill("2025-03-14");
    }
    await form.getByRole("button", { name: "Lag dokument" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toContain(`«${title}» er laget og lagret.`);
    await page
      .getByRole("cell", { name: new RegExp(`^${title}`) })
      .first()
      .waitFor();
  }

  /** The newest stored document with the title, from the API as the page sees it. */
  async function newestId(title: string): Promise<string> {
    const documents = (await (await page.request.get("/api/documents")).json()) as {
      id: number;
      title: string;
    }[];
    const found = documents.find((document) => document.title === title);
    if (!found) throw new Error(`no stored document titled ${title}`);
    return String(found.id);
  }

  test("the documents page is in the menu and has no accessibility violations", async () => {
    await signIn(page, "hn-admin");
    const units = (await (await page.request.get("/api/units")).json()) as { id: number; code: string }[];
    helseNordId = String(units.find((unit) => unit.code === "HN")?.id ?? "");
    expect(helseNordId).not.toBe("");

    await nav().getByRole("link", { name: "Styredokumenter" }).click();
    await page.getByRole("heading", { level: 1, name: "Styredokumenter" }).waitFor();
    await generateForm().getByLabel("Dokumenttype", { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("generate Helse Nord's annual report 2024", async () => {
    await generate("annual_report", null, annualTitle);
    const row = page.getByRole("row").filter({ hasText: annualTitle }).first();
    expect(await row.textContent()).toContain("Hilde Nordadmin");
    expect(await row.getByText("Ny", { exact: true }).count()).toBe(1);
  });

  test("preview it in the page", async () => {
    await page
      .getByRole("button", { name: new RegExp(`^Forhåndsvis ${annualTitle}`) })
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: `Forhåndsvisning: ${annualTitle}` }).waitFor();
    const preview = page.frameLocator(`iframe[title="Forhåndsvisning av ${annualTitle}"]`);
    await preview.getByRole("heading", { level: 1, name: annualTitle }).waitFor();
    // The front page's fields, the contents and the numbered headings.
    expect(await preview.getByText("Styremøte 14. mars 2025", { exact: true }).count()).toBe(1);
    expect(await preview.getByText("23-2025", { exact: true }).count()).toBe(1);
    await preview.getByRole("navigation", { name: "Innhold" }).waitFor();
    await preview
      .getByRole("heading", {
        name: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
      })
      .waitFor();
    // Some demo answers are still drafts: the preview says so in a box, and each says its state.
    expect(await preview.getByRole("note").textContent()).toMatch(
      /\d+ av \d+ svar i dokumentet er ikke godkjent/,
    );
    expect(await preview.getByText(/– ikke godkjent$/).count()).toBeGreaterThan(0);
    expect(await preview.getByText("Fellesrapport Helse Sør-Øst RHF").count()).toBeGreaterThan(0);
    expect(await preview.getByText("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt").count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  test("download it as Word", async () => {
    const link = page.getByRole("link", { name: new RegExp(`^Last ned ${annualTitle}`) }).first();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    // The title in UTF-8 (filename*), with an ASCII fallback for browsers that ignore it.
    expect(download.suggestedFilename()).toBe(`${annualTitle}.docx`);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(10_000);
    // A .docx is a zip file.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    await page.getByRole("button", { name: "Lukk forhåndsvisningen" }).click();
    expect(await page.locator("iframe").count()).toBe(0);
  });

  test("generate the reports for the first and the second tertial", async () => {
    await generate("tertial_report", "T1", t1Title);
    await generate("tertial_report", "T2", t2Title);
  });

  test("compare the T1 and T2 reports section by section", async () => {
    const form = page.locator("form", { has: page.getByRole("button", { name: "Sammenlign" }) });
    await form.getByLabel("Fra (eldre dokument)").selectOption(await newestId(t1Title));
    await form.getByLabel("Til (nyere dokument)").selectOption(await newestId(t2Title));
    await form.getByRole("button", { name: "Sammenlign" }).click();

    const result = page.getByRole("region", { name: `Fra «${t1Title}» til «${t2Title}»` });
    await result.waitFor();
    expect(await result.textContent()).toContain("Tittelen er endret");
    const changed = result.locator("li.comparison-section--changed");
    await changed.first().waitFor();
    expect(await changed.count()).toBeGreaterThan(0);
    expect(await result.getByText("Målekort", { exact: true }).count()).toBe(1);

    // Open one changed requirement's before and after.
    await changed.first().getByText("Vis før og etter").first().click();
    await changed.first().getByRole("heading", { name: "Etter" }).first().waitFor();
    await expectNoAxeViolations(page);
  });

  test("the templates page has no accessibility violations", async () => {
    await nav().getByRole("link", { name: "Dokumentmaler" }).click();
    await page.getByRole("heading", { level: 1, name: "Dokumentmaler" }).waitFor();
    await page.getByLabel("Gjelder", { exact: true }).selectOption(helseNordId);
    await page.getByLabel("Dokumenttype", { exact: true }).selectOption("tertial_report");
    await page.getByRole("heading", { level: 2, name: "Mal for Tertialrapport" }).waitFor();
    await page.getByRole("group", { name: "3. Rapportering på mål og oppdrag" }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("save a template, and meet someone else's newer save with a reload", async () => {
    const group = page.getByRole("group", { name: "3. Rapportering på mål og oppdrag" });
    await group.getByLabel("Overskrift", { exact: true }).fill("Rapportering på styringskrav");
    await page.getByRole("button", { name: "Lagre malen" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Malen er lagret");

    // Someone else saves the same template meanwhile, from another window.
    const current = await (
      await page.request.get(`/api/document-templates/tertial_report?unitId=${helseNordId}`)
    ).json();
    const theirs = await page.request.put("/api/document-templates/tertial_report", {
      data: {
        unitId: Number(helseNordId),
        version: current.version,
        template: { ...current.template, title: "Tertialrapport {period} – {unit}" },
      },
    });
    expect(theirs.status()).toBe(200);

    await group.getByLabel("Overskrift", { exact: true }).fill("Mål og oppdrag");
    await page.getByRole("button", { name: "Lagre malen" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Noen andre har endret malen" });
    await alert.waitFor();
    await expectNoAxeViolations(page);
    await alert.getByRole("button", { name: "Last inn gjeldende versjon" }).click();
    await expect
      .poll(() => page.getByLabel("Tittel", { exact: true }).inputValue())
      .toBe("Tertialrapport {period} – {unit}");
    expect(await group.getByLabel("Overskrift", { exact: true }).inputValue()).toBe(
      "Rapportering på styringskrav",
    );
  });
});
