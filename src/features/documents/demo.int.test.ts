import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoMeasurementRows } from "../../db/demo/indicators.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { createTestApp } from "../../testing/app.ts";
import { findUnitByCode } from "../units/queries.ts";
import type { DocumentComparison } from "./compare.ts";
import { renderDocx } from "./docx.ts";
import { markdownToPlainText } from "./markdown.ts";
import type { DocumentContent, RequirementBlock } from "./model.ts";
import {
  brokenWords,
  convertToPdf,
  docxPart,
  paragraphs,
  pdfPages,
  requireSoffice,
  tableWords,
} from "./testing.ts";

// Board documents from the demo data set, through the HTTP API as Helse Nord's editor: the data
// come from the steering, reporting and scorecard services, not from prepared samples.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Header = { id: number; title: string; snapshotHash: string; takenAt: string };
type StoredDocument = Header & { content: DocumentContent; snapshotIntact: boolean };

let t: TestApp;
let editor: string;
let trustEditor: string;
let helseNord: number;
let unn: number;
const generated: Record<"annual" | "t1" | "t2", Header> = {} as Record<"annual" | "t1" | "t2", Header>;

const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });

async function generate(cookie: string, body: object): Promise<Header> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/documents",
    headers: { cookie },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function stored(id: number): Promise<StoredDocument> {
  const response = await get(editor, `/api/documents/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function docx(id: number): Promise<Buffer> {
  const response = await get(editor, `/api/documents/${id}/docx`);
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

async function docxTexts(bytes: Buffer) {
  return paragraphs(await docxPart(bytes, "word/document.xml"));
}

function requirements(content: DocumentContent): RequirementBlock[] {
  return content.sections.flatMap((section) =>
    section.blocks.filter((block): block is RequirementBlock => block.kind === "requirement"),
  );
}

/** A requirement as the document prints it, once: its number and its whole text. */
const requirementLine = (block: RequirementBlock) => `${block.number} ${markdownToPlainText(block.text)}`;

/** The first paragraph of a Markdown text as Word shows it (the demo's answers are plain text). */
const firstParagraph = (markdown: string) => markdown.split(/\n\s*\n/)[0]?.trim() ?? "";

// The Word file keeps the figure and its unit together with a no-break space.
const shareCell = /^\d+\/\d+ \(\d+,\d[ \u00a0]%\)$/;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  editor = await t.signIn("hn-redaktor", "demo-passord");
  trustEditor = await t.signIn("redaktor", "demo-passord");
  const hn = await findUnitByCode(t.db, "HN");
  const trust = await findUnitByCode(t.db, "UNN");
  if (!hn || !trust) throw new Error("the demo data have no HN or UNN");
  helseNord = hn.id;
  unn = trust.id;
  generated.annual = await generate(editor, { type: "annual_report", unitId: helseNord, period: "2024" });
  generated.t1 = await generate(editor, { type: "tertial_report", unitId: helseNord, period: "2024-T1" });
  generated.t2 = await generate(editor, { type: "tertial_report", unitId: helseNord, period: "2024-T2" });
  // Loading the demo data set takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe("Helse Nord's annual report 2024 from the demo data", () => {
  it("has the chapters of the ministry's and its own steering documents, with the answers", async () => {
    const { content } = await stored(generated.annual.id);
    expect(content.title).toBe("Årlig melding 2024 for Helse Nord RHF");
    const body = await docxTexts(await docx(generated.annual.id));
    const texts = body.map((paragraph) => paragraph.text);

    // Chapters: the ministry's main goals (numbered) first, then Helse Nord's own to its trusts.
    // Numbered by the document, as seed 003: the introduction and its summary are 1 and 1.1.
    expect(body).toContainEqual({ style: "Heading1", text: "1 Innledning" });
    expect(body).toContainEqual({ style: "Heading2", text: "1.1 Sammendrag" });
    expect(body).toContainEqual({ style: "Heading1", text: "2 Rapportering på mål og oppdrag" });
    expect(body).toContainEqual({
      style: "Heading2",
      text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
    });
    expect(
      body.some(
        (paragraph) =>
          paragraph.style === "Heading2" &&
          /^2\.\d+ Hovedmål 2: Styrke forskning, innovasjon og kompetanse og forbedre kvalitet og pasientsikkerhet$/.test(
            paragraph.text,
          ),
      ),
    ).toBe(true);
    const chapterKeys = content.sections.map((section) => section.key);
    expect(chapterKeys).toContain("requirements/hod-oppdragsdokument/2.1");
    expect(chapterKeys.indexOf("requirements/hod-oppdragsdokument/2.1")).toBeLessThan(
      chapterKeys.findIndex((key) => key.startsWith("requirements/hn-styringskrav-og-rammer/")),
    );

    // A requirement: its text, its status and Helse Nord's own (final, approved) answer.
    const first = requirements(content).find((block) => block.number === "2.1.1");
    expect(first).toMatchObject({ status: "partly_fulfilled", statusLabel: "Delvis innfridd" });
    expect(first?.approval).not.toBeNull();
    expect(texts).toContain(requirementLine(first as RequirementBlock));
    expect(texts).toContain("Tre helseforetak har iverksatt tiltak i 2024.");
    expect(texts).toContain(`Status: Delvis innfridd · ${first?.approval?.label}`);

    // Helse Nord's consolidated answers to its own requirements.
    const consolidated = requirements(content).filter((block) =>
      block.answer.startsWith("Samlet for foretaksgruppen:"),
    );
    expect(consolidated.length).toBeGreaterThan(5);
    expect(texts).toContain(firstParagraph(consolidated[0]?.answer ?? ""));

    // A joint assignment led by another region carries that region's text.
    expect(texts).toContain("Fellesrapport Helse Sør-Øst RHF:");
    const joint = requirements(content).find((block) => block.jointReport !== null);
    expect(joint?.jointReport?.label).toMatch(/^Fellesrapport Helse (Sør-Øst|Vest|Midt-Norge) RHF$/);
    expect(texts).toContain(firstParagraph(joint?.jointReport?.markdown ?? "-"));
  });

  it("has Tabell 1 and 2 over T1, T2 and year end, with n/N (x,y %) cells, and the scorecard", async () => {
    const body = await docxTexts(await docx(generated.annual.id));
    const texts = body.map((paragraph) => paragraph.text);
    expect(texts).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 3 Status for kravene");
    expect(texts).toContain("Tabell 4 Målekort 2024");
    expect(texts.filter((text) => shareCell.test(text)).length).toBeGreaterThanOrEqual(2 * 2 * 3);

    const { content } = await stored(generated.annual.id);
    const summary = content.sections.find((section) => section.key === "scorecard_summary");
    const tabell1 = summary?.blocks.find((block) => block.kind === "table");
    if (tabell1?.kind !== "table") throw new Error("Tabell 1 is missing");
    expect(tabell1.header).toEqual(["Måloppnåelse", "T1-2024", "T2-2024", "Årlig melding"]);
    for (const row of tabell1.rows) for (const cell of row.slice(1)) expect(cell).toMatch(shareCell);
  });
});

describe("Helse Nord's report for the second tertial 2024", () => {
  it("has the chapters, requirements, answers, the trusts' answers and Tabell 1 and 2", async () => {
    const { content } = await stored(generated.t2.id);
    expect(content.title).toBe("Tertialrapport 2. tertial 2024 for Helse Nord RHF");
    const body = await docxTexts(await docx(generated.t2.id));
    const texts = body.map((paragraph) => paragraph.text);

    expect(body).toContainEqual({
      style: "Heading2",
      text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
    });
    expect(
      body.some(
        (paragraph) =>
          paragraph.style === "Heading2" && /^2\.\d+ Øvrige krav og rammer for 2024$/.test(paragraph.text),
      ),
    ).toBe(true);
    const blocks = requirements(content);
    // Only what is reported at T2: the ministry's indicators and the tertial requirements.
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.length).toBeLessThan(requirements((await stored(generated.annual.id)).content).length);
    for (const block of blocks.slice(0, 5)) expect(texts).toContain(requirementLine(block));

    const answered = blocks.find((block) => block.answer !== "");
    expect(texts).toContain(firstParagraph(answered?.answer ?? "-"));
    // The tertial template shows each trust's own answer under Helse Nord's.
    expect(texts).toContain("Svar fra underliggende enheter");
    const withTrusts = blocks.find((block) => block.unitAnswers.length > 0);
    expect(withTrusts?.unitAnswers.map((answer) => answer.unitName)).toContain(
      "Universitetssykehuset Nord-Norge HF",
    );

    expect(texts).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 4 Målekort 2. tertial 2024");
    expect(texts.filter((text) => shareCell.test(text)).length).toBeGreaterThanOrEqual(2 * 2 * 3);
  });
});

describe("the demo documents in LibreOffice", () => {
  it("converts the annual report and the T2 report to PDFs a board secretary could send", {
    timeout: 300_000,
  }, async () => {
    await requireSoffice();
    const documents = [generated.annual, generated.t2];
    const files = await Promise.all(documents.map((each) => docx(each.id)));
    const pdfs = await convertToPdf([
      { name: "arlig-melding-2024", bytes: files[0] as Buffer },
      { name: "tertialrapport-2-2024", bytes: files[1] as Buffer },
    ]);
    for (const [index, pdf] of pdfs.entries()) {
      const header = documents[index] as Header;
      const { content } = await stored(header.id);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = await pdfPages(pdf);
      const [front = "", contents = ""] = pages;
      expect(front).toContain("Helse Nord RHF");
      expect(front).toContain(content.title);
      expect(front).toMatch(/Periode\s+(2024|2\. tertial 2024)/);
      expect(front).toMatch(/Dato\s+\d{1,2}\. \p{L}+ \d{4}/u);
      expect(contents).toContain("Innhold");
      expect(contents).toMatch(/1 Innledning\s*\.*\s*\d+/);
      expect(contents).toMatch(/1\.1 Sammendrag\s*\.*\s*\d+/);
      expect(contents).toMatch(/2 Rapportering på mål og oppdrag\s*\.*\s*\d+/);
      const text = pages.slice(2).join("\n");
      expect(text).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
      expect(text).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
      expect(text).toMatch(/Dokumentet omfatter \d+ krav:/);
      expect(text).not.toContain("…");

      const docxText = paragraphs(await docxPart(files[index] as Buffer, "word/document.xml"))
        .map((paragraph) => paragraph.text)
        .join("\n");
      const footer = `${content.title} – `;
      const pdfText = pages
        .join("\n")
        .split("\n")
        .filter((line) => !(line.trim().startsWith(footer) && /– \d+$/.test(line.trim())))
        .join("\n");
      expect(brokenWords(docxText, pdfText, tableWords(content))).toEqual([]);
    }
  });
});

describe("regenerating", () => {
  it("rebuilds a stored document to the same bytes, from its snapshot", async () => {
    const document = await stored(generated.annual.id);
    expect(document.snapshotIntact).toBe(true);
    const first = await docx(generated.annual.id);
    const second = await docx(generated.annual.id);
    expect(first.equals(second)).toBe(true);
    expect(first.equals(await renderDocx(document.content))).toBe(true);
  });

  it("gives the same content when generated again from unchanged data", async () => {
    const again = await generate(editor, { type: "annual_report", unitId: helseNord, period: "2024" });
    expect(again.id).not.toBe(generated.annual.id);
    const before = (await stored(generated.annual.id)).content;
    const after = (await stored(again.id)).content;
    expect(after.sections).toEqual(before.sections);
    expect(after.title).toBe(before.title);

    const comparison = (
      await get(editor, `/api/documents/compare?from=${generated.annual.id}&to=${again.id}`)
    ).json() as DocumentComparison;
    expect(comparison.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });
});

describe("comparing the T1 and T2 reports", () => {
  it("matches chapters on their keys and shows which sections changed", async () => {
    const response = await get(
      editor,
      `/api/documents/compare?from=${generated.t1.id}&to=${generated.t2.id}`,
    );
    expect(response.statusCode).toBe(200);
    const comparison = response.json() as DocumentComparison;
    expect(comparison.title).toEqual({
      before: "Tertialrapport 1. tertial 2024 for Helse Nord RHF",
      after: "Tertialrapport 2. tertial 2024 for Helse Nord RHF",
    });
    const byKey = new Map(comparison.sections.map((section) => [section.key, section]));
    // The same chapters in both: matched, not removed and added.
    expect(byKey.get("requirements/hod-oppdragsdokument/2.1")?.change).not.toMatch(/added|removed/);
    const changed = comparison.sections.filter((section) => section.change === "changed");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.some((section) => section.key.startsWith("requirements/hn-styringskrav-og-rammer/"))).toBe(
      true,
    );
    const changedAnswer = changed
      .flatMap((section) => section.blocks)
      .find(
        (block) =>
          block.kind === "requirement" && block.change === "changed" && block.fields?.includes("answer"),
      );
    expect(changedAnswer).toBeDefined();
    // The scorecard at the period changed; Tabell 1 and 2 cover the whole year in both, while the
    // requirements counted by status in the same summary are those reported at each tertial.
    expect(byKey.get("scorecard_indicators")?.change).toBe("changed");
    const summaryChanges = (byKey.get("scorecard_summary")?.blocks ?? []).map((block) => block.label);
    expect(summaryChanges.some((label) => /^Tabell [12] /.test(label))).toBe(false);
  });
});

describe("a trust's report", () => {
  it("holds the trust's own answers to the region's requirements, and nobody else's", async () => {
    const header = await generate(trustEditor, { type: "tertial_report", unitId: unn, period: "2024-T2" });
    const content = (await get(trustEditor, `/api/documents/${header.id}`)).json().content as DocumentContent;
    const chapterKeys = content.sections.map((section) => section.key).filter((key) => key.includes("/"));
    expect(chapterKeys.length).toBeGreaterThan(0);
    for (const key of chapterKeys) expect(key).toMatch(/^requirements\/hn-styringskrav-og-rammer\//);
    const blocks = requirements(content);
    expect(blocks.some((block) => block.answer.startsWith("UNN:"))).toBe(true);
    for (const block of blocks) {
      expect(block.unitAnswers).toEqual([]);
      expect(block.answer === "" || block.answer.startsWith("UNN:")).toBe(true);
    }
  });
});

describe("an English report from the demo data", () => {
  it("words the targets in English, with the figures as they are", async () => {
    const english = await generate(editor, {
      type: "tertial_report",
      unitId: helseNord,
      period: "2024-T2",
      locale: "en",
    });
    const { content } = await stored(english.id);
    const table = content.sections.find((section) => section.key === "scorecard_indicators")?.blocks[0];
    if (table?.kind !== "table") throw new Error("no scorecard table");
    const cells = table.rows.flat();
    // REINN: better than last year; SYKEFRAV: 5 % a year down from 2023 to at most 7.5 %.
    // With comparator and unit: this year's figure first, then how it is computed.
    expect(cells.some((cell) => /^> .+ \(better than the same period last year\)$/.test(cell))).toBe(true);
    expect(cells.some((cell) => /^≤ [\d.]+ % \(down 5 % a year from 2023, limit 7\.5 %\)$/.test(cell))).toBe(
      true,
    );
    expect(cells.some((cell) => /bedre enn|per år fra|grønn ved/.test(cell))).toBe(false);
  });
});

// Last in the file: it publishes a scorecard and changes the figures after that.
describe("a published scorecard", () => {
  it("is shown as the board saw it, not as the figures are now", async () => {
    const approver = await t.signIn("hn-godkjenner", "demo-passord");
    const published = await t.app.inject({
      method: "POST",
      url: `/api/units/${helseNord}/scorecard/publish`,
      headers: { cookie: approver },
      payload: { period: "2024-T2" },
    });
    expect(published.statusCode, published.body).toBe(201);

    // A trust's June figure for discharge letters is corrected after publication.
    const june = demoMeasurementRows().find(
      (row) => row.indicator === "EPIKRISE" && String(row.month) === "2024-06",
    );
    if (!june) throw new Error("the demo data have no EPIKRISE figure for June 2024");
    const corrected = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: editor },
      payload: { rows: [{ ...june, numerator: 0 }] },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);

    const live = (await get(editor, `/api/units/${helseNord}/scorecard?period=2024-T2`)).json() as {
      rows: { indicator: { code: string; nameNb: string }; thisPeriod: { displayedValue: string | null } }[];
    };
    const liveRow = live.rows.find((row) => row.indicator.code === "EPIKRISE");
    if (!liveRow) throw new Error("no EPIKRISE row");
    const name = liveRow.indicator.nameNb;

    const scorecardRow = (content: DocumentContent) => {
      const table = content.sections.find((section) => section.key === "scorecard_indicators")?.blocks[0];
      if (table?.kind !== "table") throw new Error("no scorecard table");
      return table.rows.find((row) => row[0] === name);
    };
    const before = scorecardRow((await stored(generated.t2.id)).content);
    const again = await generate(editor, { type: "tertial_report", unitId: helseNord, period: "2024-T2" });
    const after = scorecardRow((await stored(again.id)).content);
    expect(after).toEqual(before);
    expect(after?.[1]).not.toBe(`${liveRow.thisPeriod.displayedValue} %`);
  });
});
