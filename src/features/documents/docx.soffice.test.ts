// Opens a generated annual report and a tertial report with seed 003's risk section in a real word
// processor: LibreOffice converts them to PDF, which it only does for a .docx it can read, and
// pdftotext reads the PDF back: the front page, the contents with page numbers, the summary, and
// every word of the tables whole.
// `scripts/ensure-libreoffice.sh` installs both (CI runs it).

import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderDocx } from "./docx.ts";
import type { DocumentContent, TableBlock } from "./model.ts";
import { seedMeasures, seedRiskAssessment } from "./riskSamples.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";
import {
  brokenWords,
  convertToPdf,
  docxPart,
  paragraphs,
  pdfPages,
  requireSoffice,
  tableWords,
} from "./testing.ts";

/** Every word of every cell of the tables whose caption matches, as `tableWords` reads them. */
function cellWords(content: DocumentContent, caption: RegExp): Set<string> {
  const words = new Set<string>();
  const tables = content.sections
    .flatMap((section) => section.blocks)
    .filter((block): block is TableBlock => block.kind === "table" && caption.test(block.caption));
  for (const table of tables) {
    for (const cell of [...table.header, ...table.rows.flat()]) {
      for (const word of cell.split(/[\s()/,;:]+/)) if (/^\p{L}{3,}$/u.test(word)) words.add(word);
    }
  }
  return words;
}

/** The text of a .docx and of its PDF, without the PDF's footer lines. */
async function textsOf(bytes: Buffer, pages: string[], footer: RegExp) {
  const docxText = paragraphs(await docxPart(bytes, "word/document.xml"))
    .map((paragraph) => paragraph.text)
    .join("\n");
  const pdfText = pages
    .join("\n")
    .split("\n")
    .filter((line) => !footer.test(line.trim()))
    .join("\n");
  return { docxText, pdfText };
}

describe("a generated annual report in LibreOffice", () => {
  it("converts to a PDF with a front page, the contents, the summary and whole words in tables", {
    timeout: 180_000,
  }, async () => {
    await requireSoffice();
    const template = { ...defaultTemplate("annual_report"), includeUnitAnswers: true };
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    const bytes = await renderDocx(content);

    const [pdf] = await convertToPdf([{ name: "arlig-melding-2024", bytes }]);
    if (!pdf) throw new Error("no PDF");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(pdf);
    const [front = "", contents = "", ...body] = pages;

    // The front page: organisation, title, period and date, and the note on unapproved answers.
    expect(front).toMatch(/Helse Nord RHF\s+Årlig melding 2024 for Helse Nord RHF/);
    expect(front).toMatch(/Periode\s+2024/);
    expect(front).toMatch(/Dato\s+1\. mars 2025/);
    expect(front).toContain("3 av 7 svar i dokumentet er ikke godkjent.");
    expect(front).not.toContain("Innhold");

    // The contents on their own page, each heading with the page LibreOffice put it on.
    expect(contents).toContain("Innhold");
    expect(contents).toMatch(/1 Innledning\s*\.*\s*3\b/);
    expect(contents).toMatch(/1\.1 Sammendrag\s*\.*\s*3\b/);
    expect(contents).toMatch(
      /2\.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling\s*\.*\s*\d/,
    );
    expect(contents).toMatch(/3 Målekort\s*\.*\s*\d/);

    // The summary: the requirements counted, Tabell 1 and 2 and the statuses.
    const text = body.join("\n");
    expect(text).toContain("1 Innledning");
    expect(text).toMatch(
      /Dokumentet omfatter 5 krav: 2 innfridd, 1 delvis innfridd, 1 ikke innfridd\s+og\s+1/,
    );
    expect(text).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
    expect(text).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(text).toMatch(/Måloppnåelse\s+T1-2024\s+T2-2024\s+Årlig melding/);
    expect(text).toContain("Tabell 3 Status for kravene");
    expect(text).toContain("Tabell 4 Målekort desember 2024");
    expect(text).toMatch(/16\/33 \(48,5\s%\)/);
    // A requirement's text once, never cut, with its status and approval.
    expect(text.match(/Styrke psykisk helsevern og TSB slik at/g)).toHaveLength(1);
    expect(text).not.toContain("…");
    expect(text).toMatch(/Status:\s+Delvis innfridd\s+·\s+Godkjent/);

    // No word of a table header or a status cell is broken inside its cell.
    const docxText = paragraphs(await docxPart(bytes, "word/document.xml"))
      .map((paragraph) => paragraph.text)
      .join("\n");
    const footer = /^Årlig melding 2024 for Helse Nord RHF – \d+$/;
    const pdfText = pages
      .join("\n")
      .split("\n")
      .filter((line) => !footer.test(line.trim()))
      .join("\n");
    const words = tableWords(content);
    expect([...words]).toEqual(
      expect.arrayContaining(["Måloppnåelse", "perioden", "Hittil", "Grønn", "Innfridd"]),
    );
    expect(brokenWords(docxText, pdfText, words)).toEqual([]);
  });
});

describe("a tertial report's risk section in LibreOffice", () => {
  it("keeps every word of Tabell 3 and of the measures whole, seed 003's 15 goals and 54 measures", {
    timeout: 180_000,
  }, async () => {
    await requireSoffice();
    const data = sampleAnnualReportData({
      period: "2024-T2",
      riskAssessment: seedRiskAssessment(),
      measures: seedMeasures(),
    });
    const content = buildDocument("tertial_report", data, defaultTemplate("tertial_report"), "nb");
    const bytes = await renderDocx(content);
    const [pdf] = await convertToPdf([{ name: "tertialrapport-2-2024", bytes }]);
    if (!pdf) throw new Error("no PDF");
    const pages = await pdfPages(pdf);
    const text = pages.join("\n");
    expect(text).toMatch(/\d+ Risikovurdering/);
    expect(text).toContain("Tabell 5 Risikovurdering utvikling fra T1-2024 til T2-2024");
    expect(text).toMatch(/4 mål har forbedret risiko, 10 er uendret og 1 er\s+forverret\./);
    expect(text).toContain("Tabell 6 Status risikoreduserende tiltak");

    const { docxText, pdfText } = await textsOf(
      bytes,
      pages,
      /^Tertialrapport 2\. tertial 2024 for Helse Nord RHF – \d+$/,
    );
    const words = new Set([
      ...cellWords(content, /Risikovurdering utvikling/),
      ...cellWords(content, /Status risikoreduserende tiltak/),
    ]);
    expect([...words]).toEqual(
      expect.arrayContaining([
        "Helhetlig",
        "vurdering",
        "Tiltakseier",
        "arbeidstidsplanlegging",
        "forskningsstøttepersonell",
        "gjennomføring",
        "helseberedskapsmeldingen",
      ]),
    );
    expect(brokenWords(docxText, pdfText, words)).toEqual([]);
  });
});
