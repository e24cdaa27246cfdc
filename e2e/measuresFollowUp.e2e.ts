import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, getJson as json, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: UNN's editor has a measure that is delayed and past its deadline, expected to bring sick
// leave (lower is better) down to 9 % by 30 June 2025 and linked to cancer pathways too. The
// measure's page draws both indicators month by month with the measure's dates and expected value,
// and says in words whether the latest figure has reached it; the editor's inbox lists the measure
// with why it is there, and UNN's approver, who neither owns it nor edits for UNN, does not get it.
// Every page passes an axe scan and fits a 390 px phone; screenshots go to .shots/measuresFollowUp/.

const runId = Date.now().toString(36);
const phone = { width: 390, height: 844 };
const shots = ".shots/measuresFollowUp";
const title = `Redusere sykefravær på sengepost ${runId}`;

/** Axe finds nothing, and at 390 px the page is no wider than the screen (tables scroll inside). */
async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-1440.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  // The charts redraw at the new width before the page is measured.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(
    phone.width,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** A section found by its heading. */
const sectionOf = (page: Page, level: number, name: string | RegExp) =>
  page.locator("section", { has: page.getByRole("heading", { level, name }) }).last();

describe("measures follow-up: the expected effect on the indicators, and the inbox", () => {
  let browser: Browser;
  let editor: Page;
  let measureId = 0;
  let unitsOf: { code: string; id: number }[] = [];
  let idOf: (code: string) => number = () => 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "redaktor", undefined, "Innboks");
    const me = await json<{ roles: { unitId: number; unitName: string; role: string }[] }>(
      editor,
      "/api/auth/me",
    );
    const unn = me.roles.find((role) => role.role === "editor");
    if (!unn) throw new Error("the demo editor has no editor role");
    const indicators = await json<{ id: number; code: string }[]>(editor, "/api/indicators");
    idOf = (code: string) => {
      const found = indicators.find((indicator) => indicator.code === code);
      if (!found) throw new Error(`the demo data has changed: no indicator ${code}`);
      return found.id;
    };
    unitsOf = await json<{ code: string; id: number }[]>(editor, "/api/units");
    const created = await editor.request.post("/api/measures", {
      data: {
        responsibleUnitId: unn.unitId,
        title,
        ownerRole: "Klinikksjef",
        phase: "in_progress",
        status: "delayed",
        start: "2024-09-01",
        deadline: "2025-03-31",
        expectedEffect: "Færre langtidsfravær gjennom tett oppfølging.",
        effectIndicatorId: idOf("SYKEFRAV"),
        effectTarget: 9,
        fullEffectDate: "2025-06-30",
      },
    });
    expect(created.status()).toBe(201);
    const measure = (await created.json()) as { id: number; version: number };
    measureId = measure.id;
    const linked = await editor.request.put(`/api/measures/${measureId}/links`, {
      data: { version: measure.version, links: [{ kind: "indicator", targetId: idOf("PF-KREFT") }] },
    });
    expect(linked.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the measure's page draws each linked indicator with the expected effect, in words", async () => {
    await editor.goto(`/measures/${measureId}`);
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    const effect = sectionOf(editor, 2, "Effekt på indikatorene");
    await effect.waitFor();

    // Sick leave is lower-is-better: at most 9 %, which the demo trust's newest figure is under.
    const sickLeave = sectionOf(editor, 3, /Sykefravær/i);
    const sickWords = sickLeave.locator(".measure-effect-words");
    await sickWords.waitFor();
    const sentence = ((await sickWords.textContent()) ?? "").replace(/\u00a0/g, " ");
    expect(sentence).toMatch(
      /^Forventet effekt: 9(,0)? % eller lavere innen 30\. juni 2025\. Vurdert tall til og med [a-zæøå]+\.? \d{4}: \d+(,\d)? %\. Den forventede effekten er nådd\.$/,
    );
    await sickLeave.locator(".indicator-chart canvas").first().waitFor();

    // The linked indicator without an expected value is drawn too, with only its latest figure.
    const pathways = sectionOf(editor, 3, /PF-KREFT/);
    const pathwayWords = pathways.locator(".measure-effect-words");
    await pathwayWords.waitFor();
    expect(await pathwayWords.textContent()).toMatch(
      /^Vurdert tall til og med .+\. Tiltaket har ingen forventet verdi på denne indikatoren\.$/,
    );
    await pathways.locator(".indicator-chart canvas").first().waitFor();
    expect(await effect.locator(".indicator-chart").count()).toBe(2);
    // The chart is named for assistive technology, and its numbers are in a table too.
    expect(await sickLeave.locator(".indicator-chart").getAttribute("aria-label")).toContain(
      "Loddrette linjer viser tiltakets start og full effekt",
    );
    await sickLeave.getByText("Vis tallene i en tabell").click();
    await sickLeave.getByRole("table").waitFor();
    await checkPage(editor, "measure");
    await effect.screenshot({ path: `${shots}/effect-1440.png` });
    await editor.setViewportSize(phone);
    await editor.waitForTimeout(300);
    await effect.screenshot({ path: `${shots}/effect-390.png` });
    await editor.setViewportSize({ width: 1440, height: 900 });
  });

  test("an indicator without figures for the measure's unit is said so plainly, without a chart", async () => {
    // The maternity ward at Finnsnes reports no mental health care figures.
    const finnsnes = unitsOf.find((unit) => unit.code === "UNN-FSN");
    if (!finnsnes) throw new Error("the demo data has changed: no unit UNN-FSN");
    const noFiguresTitle = `Kortere ventetid psykisk helsevern ${runId}`;
    const created = await editor.request.post("/api/measures", {
      data: {
        responsibleUnitId: finnsnes.id,
        title: noFiguresTitle,
        ownerRole: "Avdelingsleder",
        phase: "decided",
        status: "as_planned",
        start: "2025-01-01",
        effectIndicatorId: idOf("VT-PHV"),
        effectTarget: 40,
        fullEffectDate: "2025-12-31",
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await editor.goto(`/measures/${id}`);
    await editor.getByRole("heading", { level: 1, name: noFiguresTitle }).waitFor();
    const words = sectionOf(editor, 3, /VT-PHV/).locator(".measure-effect-words");
    await words.waitFor();
    expect(((await words.textContent()) ?? "").replace(/\u00a0/g, " ")).toMatch(
      /^Forventet effekt: 40 dager eller lavere innen 31\. des\. 2025\. Det finnes ingen målinger av indikatoren for Finnsnes \(fødestue\) fra .+ til .+\.$/,
    );
    expect(await editor.locator(".indicator-chart").count()).toBe(0);
    await checkPage(editor, "measure-no-figures");
  });

  test("the editor's inbox lists the measure with why it is there, and counts it", async () => {
    await editor.goto("/inbox");
    await editor.getByRole("heading", { level: 1, name: "Innboks" }).waitFor();
    const section = sectionOf(editor, 2, /^Tiltak som trenger oppfølging \(\d+\)$/);
    await section.waitFor();
    const row = section.getByRole("row").filter({ hasText: title });
    await row.waitFor();
    const cells = (await row.getByRole("cell").allTextContents()).map((text) => text.replace(/\u00a0/g, " "));
    expect(cells).toEqual([
      title,
      "Universitetssykehuset Nord-Norge HF",
      "Klinikksjef",
      "31. mars 2025",
      "I gjennomføring, forsinket",
      "Fristen gikk ut 31. mars 2025. Meldt forsinket",
    ]);
    const heading = (await section.getByRole("heading", { level: 2 }).textContent()) ?? "";
    const summary = (await editor.locator(".inbox-summary").textContent()) ?? "";
    expect(summary).toContain(`Tiltak som trenger oppfølging: ${heading.match(/\d+/)?.[0]}`);
    await checkPage(editor, "inbox-editor");
    await section.screenshot({ path: `${shots}/inbox-measures-1440.png` });

    await row.getByRole("link", { name: title }).click();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
  });

  test("UNN's approver, neither owner nor editor, does not get the measure in the inbox", async () => {
    const approver = await newPage(browser);
    await approver.setViewportSize({ width: 1440, height: 900 });
    await signIn(approver, "godkjenner", undefined, "Innboks");
    const section = sectionOf(approver, 2, /^Tiltak som trenger oppfølging \(\d+\)$/);
    await section.waitFor();
    expect(await section.textContent()).not.toContain(title);
    const attention = await json<{ items: { id: number }[] }>(approver, "/api/measures/attention");
    expect(attention.items.map((item) => item.id)).not.toContain(measureId);
    // The approver may still read the measure itself: it is UNN's.
    expect((await approver.request.get(`/api/measures/${measureId}`)).status()).toBe(200);
    await checkPage(approver, "inbox-approver");
    await approver.context().close();
  });
});
