import { describe, expect, it } from "vitest";
import { buildDocument, requirementHeading } from "./build.ts";
import type { DocumentContent, RequirementBlock, TableBlock } from "./model.ts";
import { sampleAnnualReportData, seedBoardCase } from "./samples.ts";
import { type DocumentTemplate, defaultTemplate } from "./template.ts";

const tables = (content: DocumentContent) =>
  content.sections.flatMap((section) =>
    section.blocks.filter((block): block is TableBlock => block.kind === "table"),
  );
const requirements = (content: DocumentContent) =>
  content.sections.flatMap((section) =>
    section.blocks.filter((block): block is RequirementBlock => block.kind === "requirement"),
  );
const headings = (content: DocumentContent) => content.sections.map((section) => section.heading);

function withSection(
  template: DocumentTemplate,
  key: string,
  change: Partial<DocumentTemplate["sections"][number]>,
) {
  return {
    ...template,
    sections: template.sections.map((section) => (section.key === key ? { ...section, ...change } : section)),
  };
}

describe("the annual report", () => {
  const content = buildDocument(
    "annual_report",
    sampleAnnualReportData(),
    defaultTemplate("annual_report"),
    "nb",
  );

  it("has the Norwegian title and the sections of the default template, chapters under the requirements", () => {
    expect(content.title).toBe("Årlig melding 2024 for Helse Nord RHF");
    expect(headings(content)).toEqual([
      "Innledning",
      "Rapportering på mål og oppdrag",
      "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
      "2.2 Styrke forskning, innovasjon og kompetanse og forbedre kvalitet og pasientsikkerhet",
      "Måloppnåelse og trend",
      "Målekort",
    ]);
    expect(content.sections.map((section) => [section.key, section.level])).toEqual([
      ["introduction", 1],
      ["requirements", 1],
      ["requirements/od-2.1", 2],
      ["requirements/od-2.2", 2],
      ["scorecard_summary", 1],
      ["scorecard_indicators", 1],
    ]);
  });

  it("carries Tabell 1 and 2 with seed 003's captions and cells", () => {
    const [attainment, trend, scorecard] = tables(content);
    expect(attainment).toEqual({
      kind: "table",
      caption: "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
      header: ["Måloppnåelse", "T1-2024", "T2-2024", "Årlig melding"],
      rows: [
        ["Grønn (mål nådd)", "15/33 (45,5 %)", "16/33 (48,5 %)", "16/33 (48,5 %)"],
        ["Rød (mål ikke nådd)", "18/33 (54,5 %)", "17/33 (51,5 %)", "17/33 (51,5 %)"],
      ],
    });
    expect(trend?.caption).toBe("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(trend?.rows).toEqual([
      ["Grønn (positiv trend)", "17/33 (51,5 %)", "18/33 (54,5 %)", "18/33 (54,5 %)"],
      ["Gul (ingen endring)", "7/33 (21,2 %)", "6/33 (18,2 %)", "10/33 (30,3 %)"],
      ["Rød (negativ trend)", "9/33 (27,3 %)", "9/33 (27,3 %)", "5/33 (15,2 %)"],
    ]);
    expect(scorecard?.caption).toBe("Tabell 3 Målekort desember 2024");
    expect(scorecard?.rows[0]).toEqual([
      "Andel pakkeforløp gjennomført innenfor standard forløpstid",
      "64,2 %",
      "65,0 %",
      "≥ 70 %",
      "Rød",
      "Grønn",
    ]);
  });

  it("gives each requirement its status in words, its answer and the lead region's joint report", () => {
    const [first, , joint, notFulfilled, unanswered] = requirements(content);
    expect(first).toMatchObject({
      number: "2.1.1",
      status: "partly_fulfilled",
      statusLabel: "Delvis innfridd",
    });
    expect(joint?.jointReport?.label).toBe("Fellesrapport Helse Sør-Øst RHF");
    expect(joint?.jointReport?.markdown).toContain("Helse Sør-Øst RHF har ledet arbeidet");
    expect(notFulfilled?.statusLabel).toBe("Ikke innfridd");
    expect(unanswered).toMatchObject({ status: null, statusLabel: "Ikke vurdert", answer: "" });
  });

  it("leaves the units' own answers out unless the template includes them", () => {
    expect(requirements(content)[0]?.unitAnswers).toEqual([]);
    const withUnits = buildDocument(
      "annual_report",
      sampleAnnualReportData(),
      { ...defaultTemplate("annual_report"), includeUnitAnswers: true },
      "nb",
    );
    expect(requirements(withUnits)[0]?.unitAnswers).toEqual([
      {
        unitName: "Helgelandssykehuset HF",
        status: "fulfilled",
        statusLabel: "Innfridd",
        answer: "Eksisterende døgnkapasitet er videreført.",
      },
      {
        unitName: "Nordlandssykehuset HF",
        status: "partly_fulfilled",
        statusLabel: "Delvis innfridd",
        answer: "Oppussing pågår; kapasitet ferdigstilles våren 2026.",
      },
    ]);
  });

  it("is the same content every time it is built from the same data", () => {
    const again = buildDocument(
      "annual_report",
      sampleAnnualReportData(),
      defaultTemplate("annual_report"),
      "nb",
    );
    expect(again).toEqual(content);
  });
});

describe("English", () => {
  const content = buildDocument(
    "annual_report",
    sampleAnnualReportData(),
    defaultTemplate("annual_report"),
    "en",
  );

  it("uses English headings, statuses, captions and row labels", () => {
    expect(content.title).toBe("Annual report 2024 for Helse Nord RHF");
    expect(headings(content)).toContain("Reporting on goals and assignments");
    expect(headings(content)).toContain("Goal attainment and trend");
    const [first, , joint] = requirements(content);
    expect(first?.statusLabel).toBe("Partly fulfilled");
    expect(joint?.jointReport?.label).toBe("Joint report Helse Sør-Øst RHF");
    const [attainment] = tables(content);
    expect(attainment?.caption).toBe("Table 1 Goal attainment 2024 at T1, T2 and year end");
    expect(attainment?.header).toEqual(["Goal attainment", "T1-2024", "T2-2024", "Annual report"]);
    expect(attainment?.rows[0]?.[0]).toBe("Green (target met)");
    // The figures are the data's, in either language.
    expect(attainment?.rows[0]?.[2]).toBe("16/33 (48,5 %)");
  });
});

describe("templates", () => {
  it("hide a section the organisation turned off", () => {
    const template = withSection(defaultTemplate("annual_report"), "scorecard_indicators", {
      visible: false,
    });
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    expect(headings(content)).not.toContain("Målekort");
    expect(tables(content)).toHaveLength(2);
  });

  it("set headings and introduction texts, and the order of sections", () => {
    const template: DocumentTemplate = {
      title: "Årsrapport {year} – {unit}",
      includeUnitAnswers: false,
      sections: [
        {
          key: "scorecard_summary",
          visible: true,
          heading: "Indikatorer",
          introduction: "Tabellene viser **status**.",
        },
        { key: "introduction", visible: true, heading: null, introduction: null },
      ],
    };
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    expect(content.title).toBe("Årsrapport 2024 – Helse Nord RHF");
    expect(headings(content)).toEqual(["Indikatorer", "Innledning"]);
    expect(content.sections[0]?.blocks[0]).toEqual({
      kind: "paragraph",
      markdown: "Tabellene viser **status**.",
    });
  });

  it("show risk as not yet available when asked for it and there are no data", () => {
    const template = withSection(defaultTemplate("annual_report"), "risk", { visible: true });
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    const risk = content.sections.find((section) => section.key === "risk");
    expect(risk?.heading).toBe("Risikovurdering");
    expect(risk?.blocks).toEqual([{ kind: "paragraph", markdown: "_Ikke tilgjengelig ennå._" }]);
    expect(content.sections.some((section) => section.key === "measures")).toBe(false);
  });

  it("leave out a section that has nothing to show rather than print a bare heading", () => {
    const content = buildDocument(
      "annual_report",
      sampleAnnualReportData({ introduction: null, scorecard: null }),
      defaultTemplate("annual_report"),
      "nb",
    );
    expect(headings(content)[0]).toBe("Rapportering på mål og oppdrag");
    expect(tables(content)).toEqual([]);
  });
});

describe("the board case", () => {
  const content = buildDocument(
    "board_case",
    sampleAnnualReportData({ boardCase: seedBoardCase }),
    defaultTemplate("board_case"),
    "nb",
  );

  it("is titled by its case number and wraps the annual report", () => {
    expect(content.title).toBe("Styresak 23-2025 Årlig melding 2024 for Helse Nord RHF");
    expect(content.metadata).toMatchObject({
      caseNumber: "23-2025",
      date: "2025-03-07",
      unitName: "Helse Nord RHF",
    });
  });

  it("has the proposed resolution, background, summary tables, the director's assessment and attachments", () => {
    expect(headings(content)).toEqual([
      "Forslag til vedtak",
      "Bakgrunn",
      "Måloppnåelse og trend",
      "Administrerende direktørs vurdering",
      "Vedlegg",
    ]);
    const resolution = content.sections[0]?.blocks ?? [];
    expect(resolution[0]).toEqual({
      kind: "paragraph",
      markdown: "Styret i Helse Nord RHF inviteres til å fatte følgende vedtak:",
    });
    expect(resolution[1]).toMatchObject({
      kind: "list",
      style: "numbered",
      items: seedBoardCase.resolutionPoints,
    });
    expect(resolution[2]).toEqual({ kind: "paragraph", markdown: "Bodø, 7. mars 2025" });
    expect(content.sections.at(-1)?.blocks[0]).toEqual({
      kind: "list",
      style: "numbered",
      items: seedBoardCase.attachments,
    });
    expect(tables(content).map((table) => table.caption)).toEqual([
      "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
      "Tabell 2 Trend 2024 ved T1, T2 og årets slutt",
    ]);
  });
});

describe("the tertial report", () => {
  it("is titled by the tertial and shows the units' answers by default", () => {
    const content = buildDocument(
      "tertial_report",
      sampleAnnualReportData({ period: "2024-T2" }),
      defaultTemplate("tertial_report"),
      "nb",
    );
    expect(content.title).toBe("Tertialrapport 2. tertial 2024 for Helse Nord RHF");
    expect(requirements(content)[0]?.unitAnswers).toHaveLength(2);
  });
});

describe("requirement headings", () => {
  it("keep short texts whole and cut long ones at a word", () => {
    expect(requirementHeading({ number: "2.1.2", text: "Øke antallet **lærlinger**." })).toEqual({
      heading: "2.1.2 Øke antallet lærlinger.",
      shortened: false,
    });
    const long = requirementHeading({ number: "3.1", text: "ord ".repeat(100) }, 40);
    expect(long.shortened).toBe(true);
    expect(long.heading).toMatch(/^3\.1 (ord )+…$/);
  });
});
