import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
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

  it("has the Norwegian title and seed 003's numbered sections: the summary under the introduction", () => {
    expect(content.title).toBe("Årlig melding 2024 for Helse Nord RHF");
    expect(content.sections.map((section) => `${section.number} ${section.heading}`)).toEqual([
      "1 Innledning",
      "1.1 Sammendrag",
      "2 Rapportering på mål og oppdrag",
      "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
      "2.2 Styrke forskning, innovasjon og kompetanse og forbedre kvalitet og pasientsikkerhet",
      "3 Målekort",
    ]);
    expect(content.sections.map((section) => [section.key, section.level])).toEqual([
      ["introduction", 1],
      ["scorecard_summary", 2],
      ["requirements", 1],
      ["requirements/od-2.1", 2],
      ["requirements/od-2.2", 2],
      ["scorecard_indicators", 1],
    ]);
  });

  it("has a front page with the organisation, title, period and date, and a note on unapproved answers", () => {
    expect(content.frontPage).toEqual({
      organisation: "Helse Nord RHF",
      title: "Årlig melding 2024 for Helse Nord RHF",
      lines: [
        { label: "Periode", value: "2024" },
        // The day the data were read, in Norway.
        { label: "Dato", value: "1. mars 2025" },
      ],
    });
    // 2.2.1 is submitted and 2.2.2 a draft; the units' answers are not in this template.
    expect(content.notice).toBe(
      "2 av 5 svar i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
    );
  });

  it("opens with the template's introduction, or its own words on what the document is", () => {
    const introduction = content.sections[0]?.blocks ?? [];
    expect(introduction[0]).toMatchObject({ kind: "paragraph" });
    expect(introduction[0]?.kind === "paragraph" && introduction[0].markdown).toMatch(
      /^Dette dokumentet er Helse Nord RHFs årlige melding for 2024/,
    );
    const own = buildDocument(
      "annual_report",
      sampleAnnualReportData(),
      withSection(defaultTemplate("annual_report"), "introduction", { introduction: "Vår egen tekst." }),
      "nb",
    );
    expect(own.sections[0]?.blocks[0]).toEqual({ kind: "paragraph", markdown: "Vår egen tekst." });
  });

  it("counts the requirements by status in the summary, after Tabell 1 and 2", () => {
    const summary = content.sections.find((section) => section.key === "scorecard_summary");
    const texts = (summary?.blocks ?? []).flatMap((block) =>
      block.kind === "paragraph" ? [block.markdown] : [],
    );
    expect(texts).toContain(
      "Dokumentet omfatter 5 krav: 2 innfridd, 1 delvis innfridd, 1 ikke innfridd og 1 ikke vurdert. 3 av 5 svar er godkjent.",
    );
    expect(texts[0]).toMatch(
      /^Det er tilfredsstillende resultater for 16 av 33 indikatorer ved årets slutt\. Tabell 1 viser/,
    );
    const status = tables(content)[2];
    expect(status).toEqual({
      kind: "table",
      caption: "Tabell 3 Status for kravene",
      header: ["Status", "Antall krav", "Andel"],
      rows: [
        ["Innfridd", "2", "40 %"],
        ["Delvis innfridd", "1", "20 %"],
        ["Ikke innfridd", "1", "20 %"],
        ["Ikke vurdert", "1", "20 %"],
      ],
      tones: [
        ["green", null, null],
        ["yellow", null, null],
        ["red", null, null],
        [null, null, null],
      ],
      widths: [3, 1.4, 1.4],
    });
  });

  it("carries Tabell 1 and 2 with seed 003's captions and cells", () => {
    const [attainment, trend, , scorecard] = tables(content);
    expect(attainment).toEqual({
      kind: "table",
      caption: "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
      header: ["Måloppnåelse", "T1-2024", "T2-2024", "Årlig melding"],
      rows: [
        ["Grønn (mål nådd)", "15/33 (45,5 %)", "16/33 (48,5 %)", "16/33 (48,5 %)"],
        ["Rød (mål ikke nådd)", "18/33 (54,5 %)", "17/33 (51,5 %)", "17/33 (51,5 %)"],
      ],
      // The colour is filled in and said in words.
      tones: [
        ["green", null, null, null],
        ["red", null, null, null],
      ],
      widths: [2.6, 1.5, 1.5, 1.5],
    });
    expect(trend?.caption).toBe("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(trend?.rows).toEqual([
      ["Grønn (positiv trend)", "17/33 (51,5 %)", "18/33 (54,5 %)", "18/33 (54,5 %)"],
      ["Gul (ingen endring)", "7/33 (21,2 %)", "6/33 (18,2 %)", "10/33 (30,3 %)"],
      ["Rød (negativ trend)", "9/33 (27,3 %)", "9/33 (27,3 %)", "5/33 (15,2 %)"],
    ]);
    expect(scorecard?.caption).toBe("Tabell 4 Målekort desember 2024");
    expect(scorecard?.tones?.[0]).toEqual([null, null, null, null, "red", "green"]);
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
      approval: { state: "approved", label: "Godkjent" },
    });
    expect(joint?.jointReport?.label).toBe("Fellesrapport Helse Sør-Øst RHF");
    expect(joint?.jointReport?.markdown).toContain("Helse Sør-Øst RHF har ledet arbeidet");
    expect(notFulfilled?.statusLabel).toBe("Ikke innfridd");
    expect(unanswered).toMatchObject({ status: null, statusLabel: "Ikke vurdert", answer: "" });
    expect(notFulfilled?.approval).toEqual({
      state: "submitted",
      label: "Sendt til godkjenning – ikke godkjent",
    });
    expect(unanswered?.approval).toEqual({ state: "draft", label: "Utkast – ikke godkjent" });
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
        approval: { state: "approved", label: "Godkjent" },
      },
      {
        unitName: "Nordlandssykehuset HF",
        status: "partly_fulfilled",
        statusLabel: "Delvis innfridd",
        answer: "Oppussing pågår; kapasitet ferdigstilles våren 2026.",
        approval: { state: "submitted", label: "Sendt til godkjenning – ikke godkjent" },
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
    expect(headings(content)).toContain("Summary");
    expect(content.frontPage.lines[0]).toEqual({ label: "Period", value: "2024" });
    expect(content.labels.contents).toBe("Contents");
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
    expect(tables(content)).toHaveLength(3);
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
    expect(content.sections.map((section) => section.number)).toEqual(["1", "2"]);
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
    // The introduction always says what the document is; the summary counts the requirements.
    expect(headings(content).slice(0, 3)).toEqual([
      "Innledning",
      "Sammendrag",
      "Rapportering på mål og oppdrag",
    ]);
    expect(tables(content).map((table) => table.caption)).toEqual(["Tabell 1 Status for kravene"]);
    const bare = buildDocument(
      "annual_report",
      sampleAnnualReportData({ scorecard: null, chapters: [] }),
      defaultTemplate("annual_report"),
      "nb",
    );
    expect(headings(bare)).toEqual(["Innledning"]);
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
      "Indikatorer",
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
      "Tabell 3 Status for kravene",
    ]);
  });

  it("has a front page with the case number, and the meeting when it is given", () => {
    expect(content.frontPage.lines).toEqual([
      { label: "Periode", value: "2024" },
      { label: "Dato", value: "7. mars 2025" },
      { label: "Saksnummer", value: "23-2025" },
    ]);
    const withMeeting = buildDocument(
      "board_case",
      sampleAnnualReportData({
        boardCase: seedBoardCase,
        frontPage: { caseNumber: null, meeting: null, meetingDate: "2025-03-14", date: "2025-03-10" },
      }),
      defaultTemplate("board_case"),
      "nb",
    );
    expect(withMeeting.frontPage.lines).toEqual([
      { label: "Periode", value: "2024" },
      { label: "Dato", value: "10. mars 2025" },
      { label: "Saksnummer", value: "23-2025" },
      { label: "Møte", value: "Styremøte 14. mars 2025" },
    ]);
    // A board case without the requirements section has nothing to say about their approval.
    expect(content.notice).toBeNull();
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
