// The risk section from document data to content blocks: Tabell 3 "Risikovurdering utvikling fra
// T1 til T2" with its changes counted, "Status risikoreduserende tiltak", the scale's levels in
// words, what is not approved, and the columns' widths from their words.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { riskChangeOf } from "./buildRisk.ts";
import { textWidth } from "./docxTables.ts";
import type {
  DocumentContent,
  DocumentData,
  ListBlock,
  ParagraphBlock,
  RiskAssessmentData,
  RiskLevelData,
  TableBlock,
} from "./model.ts";
import { seedMeasures, seedRiskAssessment, seedRiskLevels } from "./riskSamples.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { fitColumnWidths, textTwips, unbreakablePieces } from "./tableWidths.ts";
import { type DocumentTemplate, defaultTemplate } from "./template.ts";

const tertial = (overrides: Partial<DocumentData> = {}, template?: DocumentTemplate, locale?: "nb" | "en") =>
  buildDocument(
    "tertial_report",
    sampleAnnualReportData({ period: "2024-T2", ...overrides }),
    template ?? defaultTemplate("tertial_report"),
    locale ?? "nb",
  );
const riskSection = (content: DocumentContent) => content.sections.find((section) => section.key === "risk");
const tablesOf = (content: DocumentContent, key = "risk") =>
  (content.sections.find((section) => section.key === key)?.blocks ?? []).filter(
    (block): block is TableBlock => block.kind === "table",
  );
const paragraphsOf = (content: DocumentContent) =>
  (riskSection(content)?.blocks ?? [])
    .filter((block): block is ParagraphBlock => block.kind === "paragraph")
    .map((block) => block.markdown);

function withSection(template: DocumentTemplate, key: string, change: object): DocumentTemplate {
  return {
    ...template,
    sections: template.sections.map((section) => (section.key === key ? { ...section, ...change } : section)),
  };
}

/** Two goals: T1 red -> T2 yellow, and yellow -> yellow with T2 not yet approved. */
function twoGoals(): RiskAssessmentData {
  return {
    periods: ["2024-T1", "2024-T2"],
    levels: seedRiskLevels(),
    goals: [
      {
        area: "Kvalitet og kapasitet i tjenestetilbudet",
        goal: "Redusere fristbrudd",
        cells: [
          { level: "red", approval: "approved" },
          { level: "yellow", approval: "approved" },
        ],
      },
      {
        area: "Økonomi",
        goal: "Oppnå økonomisk resultatkrav",
        cells: [
          { level: "yellow", approval: "approved" },
          { level: "yellow", approval: "submitted" },
        ],
      },
    ],
  };
}

describe("Tabell 3 Risikovurdering utvikling fra T1 til T2", () => {
  const content = tertial({ riskAssessment: seedRiskAssessment(), measures: seedMeasures() });
  const [table] = tablesOf(content);

  it("compares the overall assessments of T1 and T2 in the seed's columns, the level in words and colour", () => {
    expect(table?.caption).toBe("Tabell 5 Risikovurdering utvikling fra T1-2024 til T2-2024");
    expect(table?.header).toEqual(["Område", "Mål", "Helhetlig vurdering T1", "Helhetlig vurdering T2"]);
    expect(table?.rows).toHaveLength(15);
    expect(table?.rows[0]).toEqual([
      "Kvalitet og kapasitet i tjenestetilbudet",
      "Utvalgte kvalitetsindikatorer – oversikt fra SKDE",
      "Rød",
      "Gul",
    ]);
    expect(table?.tones?.[0]).toEqual([null, null, "red", "yellow"]);
    expect(table?.rows[12]?.slice(1)).toEqual([
      "Økt andel kjøp på rammeavtaler fra Sykehusinnkjøp",
      "Gul",
      "Grønn",
    ]);
    expect(table?.tones?.[12]).toEqual([null, null, "yellow", "green"]);
  });

  it("says before each table what it shows", () => {
    expect(paragraphsOf(content)).toEqual(
      expect.arrayContaining([
        "Tabell 5 viser Helse Nord RHFs vurdering av risikoen for hvert mål ved T2-2024 sammenlignet med T1-2024.",
        "Tabell 6 viser status for de risikoreduserende tiltakene, ordnet etter målet de skal redusere risikoen for.",
      ]),
    );
  });

  it("counts the changes under the table as the seed's T2 report has them", () => {
    const blocks = riskSection(content)?.blocks ?? [];
    const after = blocks[blocks.indexOf(table as TableBlock) + 1];
    expect(after).toEqual({
      kind: "paragraph",
      markdown: "4 mål har forbedret risiko, 10 er uendret og 1 er forverret.",
    });
    const english = tertial({ riskAssessment: seedRiskAssessment() }, undefined, "en");
    expect(tablesOf(english)[0]?.header).toEqual([
      "Area",
      "Goal",
      "Overall assessment T1",
      "Overall assessment T2",
    ]);
    expect(tablesOf(english)[0]?.rows[0]?.slice(2)).toEqual(["Red", "Yellow"]);
    expect(paragraphsOf(english)).toContain(
      "4 goals have improved risk, 10 are unchanged and 1 has worsened.",
    );
  });

  it("opens with the method and the scale's three levels with their definitions", () => {
    const [lead, list] = riskSection(content)?.blocks ?? [];
    expect(riskSection(content)?.heading).toBe("Risikovurdering");
    expect(lead).toEqual({
      kind: "paragraph",
      markdown: "Risikoen for at målene ikke nås, er vurdert etter en forenklet metode med disse nivåene:",
    });
    expect((list as ListBlock).items).toEqual([
      expect.stringMatching(/^\*\*Grønn:\*\* Har god oversikt og kontroll\./),
      expect.stringMatching(/^\*\*Gul:\*\* Har ikke tilstrekkelig informasjon eller oversikt\./),
      expect.stringMatching(/^\*\*Rød:\*\* Mangler informasjon, oversikt eller ressurser\./),
    ]);
    const own = tertial(
      { riskAssessment: seedRiskAssessment() },
      withSection(defaultTemplate("tertial_report"), "risk", {
        introduction: "Det er benyttet samme forenklede metode som i T1 for å vurdere risiko:",
      }),
    );
    expect(riskSection(own)?.blocks[0]).toEqual({
      kind: "paragraph",
      markdown: "Det er benyttet samme forenklede metode som i T1 for å vurdere risiko:",
    });
    expect(riskSection(own)?.blocks[1]?.kind).toBe("list");
  });

  it("prints an assessment that is not approved as such, leaves it out of the counts and notes it", () => {
    const built = tertial({ riskAssessment: twoGoals() });
    const [risk] = tablesOf(built);
    expect(risk?.rows).toEqual([
      ["Kvalitet og kapasitet i tjenestetilbudet", "Redusere fristbrudd", "Rød", "Gul"],
      ["Økonomi", "Oppnå økonomisk resultatkrav", "Gul", "Ikke godkjent"],
    ]);
    expect(risk?.tones).toEqual([
      [null, null, "red", "yellow"],
      [null, null, "yellow", "grey"],
    ]);
    expect(paragraphsOf(built)).toContain("1 mål har forbedret risiko og 1 mangler godkjent vurdering.");
    // The sample's answers with the units' (the tertial report shows them): 3 of 7 not approved.
    expect(built.notice).toBe(
      "3 av 7 svar og 1 av 4 risikovurderinger i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
    );
    const english = tertial({ riskAssessment: twoGoals() }, undefined, "en");
    expect(english.notice).toBe(
      '3 of 7 answers and 1 of 4 risk assessments in this document are not approved. They are marked "not approved" where they appear.',
    );
    // Without the risk section, the assessments are not in the document and not in the note.
    const without = tertial(
      { riskAssessment: twoGoals() },
      withSection(defaultTemplate("tertial_report"), "risk", { visible: false }),
    );
    expect(without.notice).toBe(
      "3 av 7 svar i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
    );
  });

  it("shows the one period there is when only one round has assessments, without counts", () => {
    const one = twoGoals();
    one.periods = ["2024-T1"];
    for (const goal of one.goals) goal.cells = goal.cells.slice(0, 1);
    const built = tertial({ riskAssessment: one, period: "2024-T1" });
    const [risk] = tablesOf(built);
    expect(risk?.caption).toBe("Tabell 5 Risikovurdering T1-2024");
    expect(risk?.header).toEqual(["Område", "Mål", "Helhetlig vurdering T1"]);
    expect(risk?.rows.map((row) => row[2])).toEqual(["Rød", "Gul"]);
    expect(paragraphsOf(built).some((text) => /mål har|mål er/.test(text))).toBe(false);
  });

  it("says a goal not assessed in a period with a dash, and a new one as new", () => {
    const data = twoGoals();
    const [first] = data.goals;
    if (first) first.cells = [null, { level: "green", approval: "approved" }];
    const built = tertial({ riskAssessment: data });
    expect(tablesOf(built)[0]?.rows[0]?.slice(2)).toEqual(["–", "Grønn"]);
    expect(tablesOf(built)[0]?.tones?.[0]).toEqual([null, null, null, "green"]);
    expect(paragraphsOf(built)).toContain(
      "1 mål er vurdert for første gang og 1 mangler godkjent vurdering.",
    );
  });

  it("says an assessment with no level yet is not assessed, and leaves it out of the note", () => {
    const data = twoGoals();
    const second = data.goals[1];
    if (second) second.cells = [second.cells[0] ?? null, { level: null, approval: "draft" }];
    const built = tertial({ riskAssessment: data });
    expect(tablesOf(built)[0]?.rows[1]?.slice(2)).toEqual(["Gul", "Ikke vurdert"]);
    expect(tablesOf(built)[0]?.tones?.[1]).toEqual([null, null, "yellow", "grey"]);
    expect(built.notice).toBe(
      "3 av 7 svar i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
    );
  });
});

describe("the changes from one period to the next", () => {
  const levels = new Map<string, RiskLevelData>(seedRiskLevels().map((level) => [level.key, level]));
  const cell = (level: string | null, approval: "approved" | "submitted" | "draft" = "approved") => ({
    level,
    approval,
  });

  it("counts only approved assessments; one not approved before leaves nothing to compare", () => {
    expect(riskChangeOf(cell("red"), cell("yellow"), levels)).toBe("improved");
    expect(riskChangeOf(cell("green"), cell("red"), levels)).toBe("worsened");
    expect(riskChangeOf(cell("yellow"), cell("yellow"), levels)).toBe("unchanged");
    expect(riskChangeOf(null, cell("yellow"), levels)).toBe("new");
    expect(riskChangeOf(cell("yellow"), null, levels)).toBe("not_assessed");
    expect(riskChangeOf(cell("yellow"), cell("red", "submitted"), levels)).toBe("not_assessed");
    expect(riskChangeOf(cell("yellow", "draft"), cell("red"), levels)).toBe("not_assessed");
    expect(riskChangeOf(cell("purple"), cell("red"), levels)).toBe("new");
  });
});

describe("Status risikoreduserende tiltak", () => {
  const content = tertial({ riskAssessment: seedRiskAssessment(), measures: seedMeasures() });
  const measures = tablesOf(content)[1];

  it("lists the measures under their goals with owner, phase, status and comment", () => {
    expect(measures?.caption).toBe("Tabell 6 Status risikoreduserende tiltak");
    expect(measures?.header).toEqual([
      "Mål",
      "Tiltak",
      "Tiltakseier",
      "Fase",
      "Status",
      "Kommentar til tiltak",
    ]);
    expect(measures?.rows).toHaveLength(54);
    expect(measures?.rows[0]).toEqual([
      "Utvalgte kvalitetsindikatorer – oversikt fra SKDE",
      "Trygg akuttmedisin (STEMI og hjerneslag)",
      "Helse Nord RHF, fagdirektør",
      "I gjennomføring",
      "iht. plan",
      "Oppdraget er gitt til UNN - Fagdirektør HN deltar i styringsgruppen",
    ]);
    // The goal is named on its first row only, as in the seed's merged cells.
    expect(measures?.rows[1]?.[0]).toBe("");
    expect(measures?.rows[2]?.[0]).toBe("Redusere fristbrudd");
    const phases = new Set(measures?.rows.map((row) => row[3]));
    expect([...phases].sort()).toEqual(["Gjennomført", "I gjennomføring", "Vedtatt"]);
    expect(new Set(measures?.rows.map((row) => row[4]))).toEqual(
      new Set(["iht. plan", "Forsinket", "Ikke startet", ""]),
    );
  });

  it("words phases and statuses in English", () => {
    const english = tertial(
      { riskAssessment: seedRiskAssessment(), measures: seedMeasures() },
      undefined,
      "en",
    );
    const table = tablesOf(english)[1];
    expect(table?.header).toEqual(["Goal", "Measure", "Owner", "Phase", "Status", "Comment on the measure"]);
    expect(table?.rows[0]?.slice(2, 5)).toEqual(["Helse Nord RHF, fagdirektør", "In progress", "As planned"]);
  });

  it("takes the page's width from its words, at 8 pt where seed 003's longest words need it", () => {
    expect(measures?.compact).toBe(true);
    // Long comments: rows may break across pages; Tabell 3's rows stay whole.
    expect(measures?.splitRows).toBe(true);
    expect(tablesOf(content)[0]?.splitRows).toBeUndefined();
    expect(measures?.widths).toHaveLength(6);
    expect(tablesOf(content)[0]?.compact).toBeUndefined();
    const total = (measures?.widths ?? []).reduce((sum, width) => sum + width, 0);
    expect(Math.abs(total - textWidth)).toBeLessThanOrEqual(6);
  });

  it("gets a section of its own when the template shows the measures apart, as an annex", () => {
    const template = withSection(defaultTemplate("tertial_report"), "measures", { visible: true });
    const apart = tertial({ riskAssessment: seedRiskAssessment(), measures: seedMeasures() }, template);
    expect(tablesOf(apart).map((table) => table.caption)).toEqual([
      "Tabell 5 Risikovurdering utvikling fra T1-2024 til T2-2024",
    ]);
    expect(tablesOf(apart, "measures").map((table) => table.caption)).toEqual([
      "Tabell 6 Status risikoreduserende tiltak",
    ]);
  });

  it("says so when the goals are assessed and no measure is linked to them", () => {
    const none = tertial({ riskAssessment: seedRiskAssessment(), measures: [] });
    expect(tablesOf(none)).toHaveLength(1);
    expect(paragraphsOf(none).at(-1)).toBe("Ingen risikoreduserende tiltak er knyttet til målene.");
  });
});

describe("the risk section's place in the templates", () => {
  it("is on in the tertial report, and says 'not yet available' when nothing is assessed", () => {
    const content = tertial();
    const risk = riskSection(content);
    expect(risk?.heading).toBe("Risikovurdering");
    expect(risk?.blocks).toEqual([{ kind: "paragraph", markdown: "_Ikke tilgjengelig ennå._" }]);
    expect(content.notice).toBe(
      "3 av 7 svar i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.",
    );
    // Measures without assessments still show, after the sentence.
    const measured = tertial({ measures: seedMeasures().slice(0, 2) });
    expect(riskSection(measured)?.blocks.map((block) => block.kind)).toEqual([
      "paragraph",
      "paragraph",
      "table",
    ]);
  });

  it("is off in the annual report and the board case by default", () => {
    for (const type of ["annual_report", "board_case"] as const) {
      expect(defaultTemplate(type).sections.find((section) => section.key === "risk")?.visible ?? false).toBe(
        false,
      );
    }
    expect(
      defaultTemplate("tertial_report").sections.find((section) => section.key === "risk")?.visible,
    ).toBe(true);
  });
});

describe("column widths from the words", () => {
  const word = fc.stringMatching(/^[a-zæøåA-ZÆØÅ]{1,16}$/);
  const cellText = fc.array(word, { minLength: 0, maxLength: 12 }).map((words) => words.join(" "));

  it("fill the page and keep every column as wide as its longest word, whenever they fit", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((columns) =>
            fc.tuple(
              fc.array(cellText, { minLength: columns, maxLength: columns }),
              fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
            ),
          ),
        ([header, rows]) => {
          const { widths, fits } = fitColumnWidths(header, rows, 18);
          expect(widths).toHaveLength(header.length);
          header.forEach((title, column) => {
            const cells = [title, ...rows.map((row) => row[column] ?? "")];
            const longest = Math.max(
              0,
              ...cells.flatMap((cell) => unbreakablePieces(cell).map((piece) => textTwips(piece, 18, true))),
            );
            expect(widths[column] ?? 0).toBeGreaterThanOrEqual(Math.floor(longest));
          });
          const total = widths.reduce((sum, width) => sum + width, 0);
          if (fits) expect(Math.abs(total - textWidth)).toBeLessThanOrEqual(header.length);
          else expect(total).toBeGreaterThan(textWidth);
        },
      ),
    );
  });

  it("say a table does not fit when its longest words are a fraction of a twip wider than the page", () => {
    // Found by the property above: rounded at the end, these widths summed to the page exactly.
    const header = ["", "åææÆmÆØÅæØæÆ", "ååÆxhåhÆæØæØ", "", "", "æøÆåææåGBøØæ"];
    const rows = [
      ["", "", "", "", "ænæÅIÆGæØZÅ", ""],
      ["ØÅææLÅÅXheÅø", "", "", "ÆæåÅcÅÆæxFLæ", "", ""],
    ];
    const { widths, fits } = fitColumnWidths(header, rows, 18);
    expect(fits).toBe(false);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeGreaterThan(textWidth);
  });

  it("break after a hyphen and after a slash between words, nowhere else in a word", () => {
    expect(unbreakablePieces("Helse-Miljø-Sikkerhet arbeidstidsordninger/samhandling, 1/2")).toEqual([
      "Helse-",
      "Miljø-",
      "Sikkerhet",
      "arbeidstidsordninger/",
      "samhandling,",
      "1/2",
    ]);
  });
});
