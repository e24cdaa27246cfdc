import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

const runId = Date.now().toString(36).toUpperCase();
const title = `E2E-styringskrav ${runId}`;
const chapter = `Hovedmål E2E ${runId}`;

const header = "Krav nr;Mål / Indikator;Kilde;Krav tekst;Gjelder foretak;Rapporteringsfrekvens;Hovedmål";
const goodTable = [
  header,
  `E-2;Oppdrag;OD;Foretakene skal rapportere på **tiltak** hvert tertial.;UNN, NLSH;Tertial;${chapter}`,
  `E-3;Mål;FTM;Ventetiden skal ned.;Alle;Årlig;${chapter}`,
].join("\n");
const badTable = [
  header,
  `E-4;Oppdrag;OD;Gjelder en enhet som ikke finnes.;XYZ;Årlig;${chapter}`,
  `E-5;Noe annet;OD;Feil type.;UNN;Årlig;${chapter}`,
].join("\n");

function csv(name: string, text: string) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(text, "utf-8") };
}

async function statusText(page: Page): Promise<string> {
  return (await page.getByRole("status").allTextContents()).join(" ");
}

// Journey: the regional authority drafts a steering document (chapter, requirement typed in,
// a requirement table imported after a dry run that lists the file's problems by row and column),
// publishes it, opens a round, then makes a new version and compares it with the first.
describe("a steering document from draft to round and new version", () => {
  let browser: Browser;
  let page: Page;
  let documentPath: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, "hn-redaktor", undefined, "Innboks");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor starts a draft from the list of steering documents", async () => {
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Styringsdokumenter" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Styringsdokumenter" }).waitFor();
    await page.getByText("Nytt styringsdokument", { exact: true }).click();
    await page.getByLabel("Utstedes av").selectOption({ label: "HN – Helse Nord RHF" });
    // The units directly below are chosen as recipients.
    expect(await page.getByLabel("UNN – Universitetssykehuset Nord-Norge HF").isChecked()).toBe(true);
    await page.getByLabel("Tittel", { exact: true }).fill(title);
    await page.getByLabel("År", { exact: true }).fill("2025");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Opprett utkast" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    documentPath = new URL(page.url()).pathname;
    expect(documentPath).toMatch(/^\/steering\/\d+$/);
    await page.getByText("Dette er et utkast.", { exact: false }).waitFor();
  });

  test("adds a chapter and a requirement; Markdown is rendered and HTML is shown as text", async () => {
    await page.getByText("Nytt kapittel", { exact: true }).click();
    await page.getByLabel("Kapittelets tittel").fill(chapter);
    await page.getByRole("button", { name: "Legg til kapittel" }).click();
    await expect.poll(() => statusText(page)).toContain(`Kapittelet «${chapter}» er lagt til.`);
    await page.getByRole("heading", { level: 3, name: chapter }).waitFor();

    await page.getByText("Nytt krav", { exact: true }).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Legg til krav" }) });
    await form.getByLabel("Nummer").fill("E-1");
    await form.getByLabel("Kapittel (hovedmål)").selectOption({ label: chapter });
    await form
      .getByLabel("Kravtekst")
      .fill(
        "Foretakene skal **redusere** ventetiden. <script>window.hacked = true</script> [Les mer](javascript:window.hacked=true) og [veilederen](https://www.helsedirektoratet.no/).",
      );
    await form.getByLabel("Bare noen av mottakerne").check();
    await form.getByLabel("UNN – Universitetssykehuset Nord-Norge HF").check();
    await form.getByLabel("NLSH – Nordlandssykehuset HF").check();
    await form.getByLabel("2. tertial", { exact: true }).check();
    await form
      .getByLabel("Leder fellesoppdraget")
      .selectOption({ label: "UNN – Universitetssykehuset Nord-Norge HF" });
    await form.getByLabel("Kravet er valgt ut til risikovurdering").check();
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Legg til krav" }).click();
    await expect.poll(() => statusText(page)).toContain("Krav E-1 er lagt til.");

    const card = page.locator(".requirement-card", { has: page.getByRole("heading", { name: "Krav E-1" }) });
    await card.waitFor();
    expect(await card.locator(".markdown strong").first().textContent()).toBe("redusere");
    expect(await card.locator(".markdown").first().textContent()).toContain(
      "<script>window.hacked = true</script>",
    );
    expect(await card.locator("script").count()).toBe(0);
    // Only http(s) and mailto addresses become links; anything else stays text.
    expect(await card.locator(".markdown a").count()).toBe(1);
    expect(await card.locator(".markdown a").getAttribute("href")).toBe("https://www.helsedirektoratet.no/");
    expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
    const facts = await card.textContent();
    expect(facts).toContain("UNN, NLSH");
    expect(facts).toContain("2. tertial, Årlig melding");
    expect(facts).toContain("Fellesoppdrag, ledes av UNN");
    expect(await card.locator(".ds-tag", { hasText: "Risikovurderes" }).count()).toBe(1);
  });

  test("a table with problems is refused with every problem by row and column; nothing is imported", async () => {
    await page.getByText("Importer kravtabell", { exact: true }).click();
    await page.getByLabel("Fil med kravtabell").setInputFiles(csv("krav-med-feil.csv", badTable));
    await page.getByRole("button", { name: "Sjekk filen" }).click();
    const problems = page.locator(".import-problems");
    await problems.getByRole("heading", { name: /^Filen har \d+ feil$/ }).waitFor();
    const rows = problems.getByRole("row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const text = await problems.textContent();
    expect(text).toContain("det finnes ingen enhet med koden «XYZ»");
    expect(text).toContain("Gjelder");
    expect(text).toContain("Mål / Indikator");
    expect(await rows.nth(1).getByRole("cell").first().textContent()).toBe("2");
    await expectNoAxeViolations(page);
  });

  test("a good table passes the dry run, then imports into new and existing chapters", async () => {
    await page.getByLabel("Fil med kravtabell").setInputFiles(csv("krav.csv", goodTable));
    await page.getByRole("button", { name: "Sjekk filen" }).click();
    await expect.poll(() => statusText(page)).toContain("Filen er i orden: 2 krav kan importeres.");
    expect(await page.getByRole("heading", { name: "Krav E-2" }).count()).toBe(0);
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await expect.poll(() => statusText(page)).toContain("2 krav er importert");
    await page.getByRole("heading", { name: "Krav E-2" }).waitFor();
    await page.getByRole("heading", { name: "Krav E-3" }).waitFor();
  });

  test("the approver publishes the draft and opens a round", async () => {
    const approver = await newPage(browser);
    await signIn(approver, "hn-godkjenner", undefined, "Innboks");
    await approver.goto(documentPath);
    await approver.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await approver.getByText("Nytt krav", { exact: true }).count()).toBe(0);
    await approver.getByRole("button", { name: "Publiser dokumentet" }).click();
    await approver.getByRole("button", { name: "Ja, publiser nå" }).click();
    await expect.poll(() => statusText(approver)).toContain(`«${title}» er publisert.`);

    await approver.getByRole("heading", { name: "Åpne en rapporteringsrunde" }).waitFor();
    await approver.getByLabel("Periode").selectOption({ label: "2. tertial 2025" });
    await approver.getByLabel("Frist", { exact: true }).fill("2025-09-30");
    await expectNoAxeViolations(approver);
    await approver.getByRole("button", { name: "Åpne runden" }).click();
    await approver.getByRole("heading", { level: 1, name: `${title}: 2. tertial 2025` }).waitFor();
    // E-1 and E-2 are reported at T2 (E-3 only in the annual report); E-1 goes to UNN and NLSH.
    await approver.getByRole("link", { name: /^Krav E-1, UNN:/ }).waitFor();
    await approver.getByRole("link", { name: /^Krav E-2, NLSH:/ }).waitFor();
    expect(await approver.getByRole("link", { name: /^Krav E-3,/ }).count()).toBe(0);
    await expectNoAxeViolations(approver);
    await approver.context().close();
  });

  test("the editor makes a new version, changes it and compares it with the first", async () => {
    await page.goto(documentPath);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("button", { name: "Lag ny versjon" }).click();
    await page.getByText("Versjon 2 av 2").waitFor();
    const draftPath = new URL(page.url()).pathname;
    expect(draftPath).not.toBe(documentPath);

    const card = page.locator(".requirement-card", { has: page.getByRole("heading", { name: "Krav E-1" }) });
    await card.getByRole("button", { name: "Endre krav E-1" }).click();
    const form = card.locator("form");
    await form.getByLabel("Kravtekst").fill("Foretakene skal **halvere** ventetiden.");
    await form.getByRole("button", { name: "Lagre kravet" }).click();
    await expect.poll(() => statusText(page)).toContain("Krav E-1 er lagret.");

    const e3 = page.locator(".requirement-card", { has: page.getByRole("heading", { name: "Krav E-3" }) });
    await e3.getByRole("button", { name: "Slett krav E-3" }).click();
    await e3.getByRole("button", { name: "Ja, slett krav E-3" }).click();
    await expect.poll(() => statusText(page)).toContain("Krav E-3 er slettet.");
    await expectNoAxeViolations(page);

    await page.getByLabel("Sammenlign med").selectOption({ label: "Versjon 1" });
    await page.getByRole("button", { name: "Sammenlign", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Endringer fra versjon 1 til versjon 2" }).waitFor();
    await page.getByText("0 krav lagt til, 1 fjernet, 1 endret og 1 uendret.").waitFor();
    const changed = page.locator(".compare-card--changed", { hasText: "Krav E-1" });
    expect(await changed.locator("del").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("redusere")]),
    );
    expect(await changed.locator("ins").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("halvere")]),
    );
    await page.locator(".compare-card--removed", { hasText: "Krav E-3" }).waitFor();
    await expectNoAxeViolations(page);
  });
});
