// Opens a programme's status board case and an action plan in a real word processor: LibreOffice
// converts them to PDF (only a .docx it can read), and pdftotext reads the PDF back: the front
// matter, the sections, the colours in words, and every word of the tables whole.
// `scripts/ensure-libreoffice.sh` installs both (CI runs it).

import { describe, expect, it } from "vitest";
import { buildActionPlanDocument } from "./actionPlanBuild.ts";
import { renderDocx } from "./docx.ts";
import { buildProgrammeCase } from "./programmeBuild.ts";
import { sampleActionPlan, sampleProgrammeCase } from "./programmeSamples.ts";
import {
  brokenWords,
  convertToPdf,
  docxPart,
  paragraphs,
  pdfPages,
  requireSoffice,
  tableWords,
} from "./testing.ts";

async function docxText(bytes: Buffer) {
  return paragraphs(await docxPart(bytes, "word/document.xml"))
    .map((paragraph) => paragraph.text)
    .join("\n");
}

const withoutFooter = (pages: string[], footer: RegExp) =>
  pages
    .join("\n")
    .split("\n")
    .filter((line) => !footer.test(line.trim()))
    .join("\n");

describe("the programme's status board case and the action plan in LibreOffice", () => {
  it("convert to PDFs with their front matter, sections and whole words in every table", {
    timeout: 180_000,
  }, async () => {
    await requireSoffice();
    const caseContent = buildProgrammeCase(sampleProgrammeCase());
    const planContent = buildActionPlanDocument(sampleActionPlan({ progressPeriod: "2009-T2" }));
    const caseBytes = await renderDocx(caseContent);
    const planBytes = await renderDocx(planContent);
    const [casePdf, planPdf] = await convertToPdf([
      { name: "styresak", bytes: caseBytes },
      { name: "handlingsplan", bytes: planBytes },
    ]);
    if (!casePdf || !planPdf) throw new Error("no PDF");

    const casePages = await pdfPages(casePdf);
    // A board case has no front page of its own: the front matter heads the first page.
    expect(casePages[0]).toMatch(/Saksnummer\s+112-2026/);
    expect(casePages[0]).toMatch(/Møtedato\s+17\. desember 2026/);
    expect(casePages[0]).toMatch(/Saksbehandler\s+Ola Hansen/);
    expect(casePages[0]).toContain("1 Forslag til vedtak");
    const caseText = withoutFooter(casePages, /^Styresak 112-2026 .* – \d+$/);
    for (const heading of [
      "2 Formål og bakgrunn",
      "3 Faser og beslutningspunkter",
      "4 Statusrapport",
      "5 Risiko",
      "6 Gevinster",
    ])
      expect(caseText).toContain(heading);
    expect(caseText).toMatch(/Samlet vurdering\s+Gul/);
    expect(brokenWords(await docxText(caseBytes), caseText, tableWords(caseContent))).toEqual([]);

    const planPages = await pdfPages(planPdf);
    const [front = "", contents = ""] = planPages;
    expect(front).toContain("Handlingsplan innkjøp og logistikk 2009–2012");
    expect(front).toMatch(/Status\s+Vedtatt 19\. februar 2009/);
    expect(contents).toMatch(/3 Delmål 1\s*\.*\s*\d/);
    expect(contents).toMatch(/6 Oppsummering og prioritering av tiltak\s*\.*\s*\d/);
    const planText = withoutFooter(planPages, /^Handlingsplan innkjøp og logistikk 2009–2012 – \d+$/);
    expect(planText).toContain("Tabell 4 Oppsummering og prioritering av tiltak 2009–2012");
    expect(planText).toContain("Status per 2. tertial 2009");
    expect(brokenWords(await docxText(planBytes), planText, tableWords(planContent))).toEqual([]);
  });
});
