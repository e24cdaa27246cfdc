// Opens a generated annual report in a real word processor: LibreOffice converts it to PDF, which it
// only does for a .docx it can read. `scripts/ensure-libreoffice.sh` installs it (CI runs it).

import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderDocx } from "./docx.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";
import { convertToPdf, docxPart, paragraphs, requireSoffice } from "./testing.ts";

describe("a generated annual report in LibreOffice", () => {
  it("converts to a non-empty PDF and holds the headings, tables and texts", {
    timeout: 180_000,
  }, async () => {
    await requireSoffice();
    const template = { ...defaultTemplate("annual_report"), includeUnitAnswers: true };
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    const bytes = await renderDocx(content);

    const [pdf] = await convertToPdf([{ name: "arlig-melding-2024", bytes }]);
    if (!pdf) throw new Error("no PDF");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);

    const body = paragraphs(await docxPart(bytes, "word/document.xml"));
    const texts = body.map((paragraph) => paragraph.text);
    expect(body).toContainEqual({ style: "Title", text: "Årlig melding 2024 for Helse Nord RHF" });
    expect(body).toContainEqual({ style: "Heading1", text: "Rapportering på mål og oppdrag" });
    expect(body).toContainEqual({
      style: "Heading2",
      text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
    });
    expect(body).toContainEqual({ style: "Heading1", text: "Måloppnåelse og trend" });
    expect(texts).toContain("Status: Delvis innfridd");
    expect(texts).toContain("Fellesrapport Helse Sør-Øst RHF:");
    expect(texts).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("16/33 (48,5 %)");
    expect(texts).toContain("10/33 (30,3 %)");
  });
});
