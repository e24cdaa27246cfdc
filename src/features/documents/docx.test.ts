import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderDocx } from "./docx.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";
import { docxPart, paragraphs } from "./testing.ts";

const annualReport = () =>
  buildDocument(
    "annual_report",
    sampleAnnualReportData(),
    { ...defaultTemplate("annual_report"), includeUnitAnswers: true },
    "nb",
  );

describe("the Word file", () => {
  it("is byte for byte the same for the same content, whenever it is rendered", async () => {
    const first = await renderDocx(annualReport());
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the zip format's 2-second clock
    const second = await renderDocx(annualReport());
    expect(second.equals(first)).toBe(true);
  });

  it("differs when the content differs", async () => {
    const content = annualReport();
    const changed = structuredClone(content);
    changed.title = "Annen tittel";
    expect((await renderDocx(changed)).equals(await renderDocx(content))).toBe(false);
  });

  it("takes its created and modified time from the snapshot, not the clock", async () => {
    const core = await docxPart(await renderDocx(annualReport()), "docProps/core.xml");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T08:30:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-01T08:30:00Z</dcterms:modified>',
    );
    expect(core).toContain("<dc:title>Årlig melding 2024 for Helse Nord RHF</dc:title>");
  });

  it("uses Word's heading styles with outline levels, so the navigation pane lists the sections", async () => {
    const bytes = await renderDocx(annualReport());
    const body = paragraphs(await docxPart(bytes, "word/document.xml"));
    const headings = body.filter((paragraph) => paragraph.style?.startsWith("Heading"));
    expect(headings.slice(0, 4)).toEqual([
      { style: "Heading1", text: "Innledning" },
      { style: "Heading1", text: "Rapportering på mål og oppdrag" },
      { style: "Heading2", text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling" },
      {
        style: "Heading3",
        text: "2.1.1 Styrke psykisk helsevern og TSB slik at pasientene får rask og likeverdig tilgang til riktig behandling og helhetlige pasientforløp.",
      },
    ]);
    expect(body[0]).toEqual({ style: "Title", text: "Årlig melding 2024 for Helse Nord RHF" });
    const styles = await docxPart(bytes, "word/styles.xml");
    for (const [id, level] of [
      ["Heading1", 0],
      ["Heading2", 1],
      ["Heading3", 2],
    ] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
  });

  it("writes requirements with status, answers, the joint report and the units' answers", async () => {
    const texts = paragraphs(await docxPart(await renderDocx(annualReport()), "word/document.xml")).map(
      (paragraph) => paragraph.text,
    );
    expect(texts).toContain("Status: Delvis innfridd");
    expect(texts).toContain("Fellesrapport Helse Sør-Øst RHF:");
    expect(texts).toContain("Helgelandssykehuset HF – Innfridd");
    expect(texts).toContain("Se Helse Nord (https://helse-nord.no) for mer.");
    expect(texts).toContain("Ikke besvart.");
  });

  it("maps Markdown to runs and lists: bold, italic, bullets and numbers", async () => {
    const xml = await docxPart(await renderDocx(annualReport()), "word/document.xml");
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>Helgelandssykehuset<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>Nordlandssykehuset<\/w:t><\/w:r>/);
    const numbering = await docxPart(await renderDocx(annualReport()), "word/numbering.xml");
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    // Every list paragraph points at a numbering instance.
    expect(xml.match(/<w:numPr>/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("writes tables with a repeating header row and the caption under them", async () => {
    const xml = await docxPart(await renderDocx(annualReport()), "word/document.xml");
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(3);
    const texts = paragraphs(xml);
    const caption = texts.findIndex((paragraph) => paragraph.text.startsWith("Tabell 1 "));
    expect(texts[caption]).toEqual({
      style: "Caption",
      text: "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
    });
    const cells = texts.slice(0, caption).map((paragraph) => paragraph.text);
    expect(cells.slice(-12)).toEqual([
      "Måloppnåelse",
      "T1-2024",
      "T2-2024",
      "Årlig melding",
      "Grønn (mål nådd)",
      "15/33 (45,5 %)",
      "16/33 (48,5 %)",
      "16/33 (48,5 %)",
      "Rød (mål ikke nådd)",
      "18/33 (54,5 %)",
      "17/33 (51,5 %)",
      "17/33 (51,5 %)",
    ]);
  });
});
