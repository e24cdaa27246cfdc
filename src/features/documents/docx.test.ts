import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderDocx } from "./docx.ts";
import { sampleAnnualReportData, seedBoardCase } from "./samples.ts";
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
    // Numbered from 1, never cut; a requirement is not a heading, its text is printed once.
    expect(headings).toEqual([
      { style: "Heading1", text: "1 Innledning" },
      { style: "Heading2", text: "1.1 Sammendrag" },
      { style: "Heading1", text: "2 Rapportering på mål og oppdrag" },
      { style: "Heading2", text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling" },
      {
        style: "Heading2",
        text: "2.2 Styrke forskning, innovasjon og kompetanse og forbedre kvalitet og pasientsikkerhet",
      },
      { style: "Heading1", text: "3 Målekort" },
    ]);
    const texts = body.map((paragraph) => paragraph.text);
    expect(texts.filter((text) => text.includes("Styrke psykisk helsevern og TSB slik at"))).toEqual([
      "2.1.1 Styrke psykisk helsevern og TSB slik at pasientene får rask og likeverdig tilgang til riktig behandling og helhetlige pasientforløp.",
    ]);
    expect(texts.some((text) => text.includes("…"))).toBe(false);
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
    expect(texts).toContain("Status: Delvis innfridd · Godkjent");
    expect(texts).toContain("Status: Ikke innfridd · Sendt til godkjenning – ikke godkjent");
    expect(texts).toContain("Fellesrapport Helse Sør-Øst RHF:");
    expect(texts).toContain("Helgelandssykehuset HF – Innfridd – Godkjent");
    expect(texts).toContain(
      "Nordlandssykehuset HF – Delvis innfridd – Sendt til godkjenning – ikke godkjent",
    );
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

  it("opens with a front page, a note on unapproved answers and the contents with page references", async () => {
    const xml = await docxPart(await renderDocx(annualReport()), "word/document.xml");
    const body = paragraphs(xml);
    expect(body.slice(0, 5)).toEqual([
      { style: "FrontOrganisation", text: "Helse Nord RHF" },
      { style: "Title", text: "Årlig melding 2024 for Helse Nord RHF" },
      { style: null, text: "Periode2024" },
      { style: null, text: "Dato1. mars 2025" },
      {
        style: null,
        // 2.2.1 and 2.2.2 and Nordlandssykehuset's answer: this template shows the units' answers.
        text: "Merk: 3 av 7 svar i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
      },
    ]);
    const contents = body.findIndex((paragraph) => paragraph.style === "ContentsHeading");
    expect(body[contents]?.text).toBe("Innhold");
    expect(body.slice(contents + 1, contents + 4)).toEqual([
      { style: "TOC1", text: "1 Innledning" },
      { style: "TOC2", text: "1.1 Sammendrag" },
      { style: "TOC1", text: "2 Rapportering på mål og oppdrag" },
    ]);
    // Each entry's page comes from a page reference to a bookmark on its heading.
    expect(xml).toContain("PAGEREF _Toc_tertial_1");
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Toc_tertial_1" w:id="1"\/>/);
  });

  it("gives a board case its front matter on the first page and no contents page", async () => {
    const content = buildDocument(
      "board_case",
      sampleAnnualReportData({ boardCase: seedBoardCase }),
      defaultTemplate("board_case"),
      "nb",
    );
    const body = paragraphs(await docxPart(await renderDocx(content), "word/document.xml"));
    expect(body.some((paragraph) => paragraph.style === "ContentsHeading")).toBe(false);
    expect(body.slice(0, 3).map((paragraph) => paragraph.text)).toEqual([
      "Helse Nord RHF",
      "Styresak 23-2025 Årlig melding 2024 for Helse Nord RHF",
      "Periode2024",
    ]);
    expect(body).toContainEqual({ style: null, text: "Saksnummer23-2025" });
  });

  it("writes tables with fixed column widths, a small font, status fills and a caption under them", async () => {
    const xml = await docxPart(await renderDocx(annualReport()), "word/document.xml");
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(4);
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBe(4);
    expect(xml).toContain('w:fill="C6EFCE"');
    expect(xml).toContain('<w:sz w:val="18"/>');
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
      "15/33 (45,5\u00a0%)",
      "16/33 (48,5\u00a0%)",
      "16/33 (48,5\u00a0%)",
      "Rød (mål ikke nådd)",
      "18/33 (54,5\u00a0%)",
      "17/33 (51,5\u00a0%)",
      "17/33 (51,5\u00a0%)",
    ]);
  });
});
