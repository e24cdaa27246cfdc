import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildActionPlanDocument, keyIndicatorLine, specification, yearsInWords } from "./actionPlanBuild.ts";
import type { ActionPlanData, KeyIndicatorStanding } from "./actionPlanModel.ts";
import type { DocumentContent, TableBlock } from "./model.ts";
import { sampleActionPlan } from "./programmeSamples.ts";

/** The sample with where its key indicators stood at the end of 2009-T2. */
function withStandings(overrides: Partial<ActionPlanData> = {}): ActionPlanData {
  const plan = sampleActionPlan(overrides);
  const standings: KeyIndicatorStanding[] = [
    { target: "≥ 80 % (2009)", value: "76,5 %", met: false, reason: "not_met", overdue: false },
    {
      target: "Gjennomført innen 30. juni 2009",
      value: "Gjennomført 15. juni 2009",
      met: true,
      reason: null,
      overdue: false,
    },
  ];
  let next = 0;
  return {
    ...plan,
    subGoals: plan.subGoals.map((subGoal) => ({
      ...subGoal,
      keyIndicators: subGoal.keyIndicators.map((indicator) => ({
        ...indicator,
        standing: standings[next++],
      })),
    })),
  };
}

const tables = (content: DocumentContent) =>
  content.sections.flatMap((section) => section.blocks).filter((b): b is TableBlock => b.kind === "table");

describe("an action plan document in seed 004's form", () => {
  it("has purpose, background, a section per sub-goal, other measures and the summary", () => {
    const content = buildActionPlanDocument(sampleActionPlan());
    expect(content.title).toBe("Handlingsplan innkjøp og logistikk 2009–2012");
    expect(content.sections.map((s) => `${s.number} ${s.heading}`)).toEqual([
      "1 Formål",
      "2 Bakgrunn",
      "3 Delmål 1",
      "4 Delmål 2",
      "5 Andre tiltak",
      "6 Oppsummering og prioritering av tiltak",
    ]);
    expect(content.frontPage.lines).toContainEqual({ label: "Status", value: "Vedtatt 19. februar 2009" });
    expect(JSON.stringify(content.sections[1]?.blocks)).toContain("128-2008 Strategiplan");
  });

  it("lists key indicators with their yearly targets, and a sub-goal's measures with priority and years", () => {
    const content = buildActionPlanDocument(sampleActionPlan());
    expect(JSON.stringify(content.sections[2]?.blocks)).toContain(
      "Avtaledekning av totalt innkjøpt volum i kr (mål 2009: ≥ 80 %; 2010: ≥ 85 %)",
    );
    const [first] = tables(content);
    expect(first?.caption).toBe("Tabell 1 Tiltak for delmål 1");
    expect(first?.header).toEqual([
      "Tiltak",
      "Tiltak spesifisert",
      "Pri",
      "Gjennomføring",
      "Ressurs",
      "Ansvar",
    ]);
    expect(first?.rows[0]?.slice(2, 4)).toEqual(["1", "2009"]);
  });

  it("marks each measure's years in the summary for the whole period", () => {
    const summary = tables(buildActionPlanDocument(sampleActionPlan())).at(-1);
    expect(summary?.header).toEqual([
      "Referanse",
      "Pri",
      "Tiltak",
      "2009",
      "2010",
      "2011",
      "2012",
      "Ressurs",
      "Ansvar",
    ]);
    expect(summary?.rows.map((row) => [row[0], ...row.slice(3, 7)])).toEqual([
      ["Delmål 1", "X", "", "", ""],
      ["Delmål 2", "X", "X", "", ""],
      ["Andre tiltak", "", "X", "", "X"],
    ]);
  });

  it("shows a period's progress only when asked", () => {
    expect(buildActionPlanDocument(sampleActionPlan()).sections.some((s) => s.key === "progress")).toBe(
      false,
    );
    const content = buildActionPlanDocument(withStandings({ progressPeriod: "2009-T2" }));
    const progress = content.sections.find((s) => s.key === "progress");
    expect(progress?.heading).toBe("Status per 2. tertial 2009");
    const text = JSON.stringify(progress?.blocks);
    expect(text).toContain("20. august 2009: Tre prosjekter er i gang.");
    expect(text).toContain("Forsinket");
  });

  it("shows each key indicator's target and latest value, met or not in words", () => {
    const content = buildActionPlanDocument(withStandings({ progressPeriod: "2009-T2" }));
    const progress = content.sections.find((s) => s.key === "progress");
    const keyTable = progress?.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.caption.includes("Nøkkelindikatorer"),
    );
    expect(keyTable?.caption).toBe("Tabell 6 Nøkkelindikatorer 2. tertial 2009");
    expect(keyTable?.header).toEqual(["Delmål", "Nøkkelindikator", "Mål", "Siste verdi", "Vurdering"]);
    expect(keyTable?.rows).toEqual([
      ["Delmål 1", "Avtaledekning av totalt innkjøpt volum i kr", "≥ 80 % (2009)", "76,5 %", "Ikke nådd"],
      [
        "Delmål 2",
        "Alle helseforetak skal ha tatt i bruk NORKAT",
        "Gjennomført innen 30. juni 2009",
        "Gjennomført 15. juni 2009",
        "Nådd",
      ],
    ]);
    expect(JSON.stringify(progress?.blocks)).toContain("1 av 2 er nådd");
  });

  it("leaves the key indicators out of the progress when none was judged for the period", () => {
    const content = buildActionPlanDocument(sampleActionPlan({ progressPeriod: "2009-05" }));
    const progress = content.sections.find((s) => s.key === "progress");
    expect(progress?.blocks.filter((b) => b.kind === "table")).toHaveLength(1);
  });

  it("words a milestone with its due day", () => {
    const indicator = sampleActionPlan().subGoals[1]?.keyIndicators[0];
    if (!indicator) throw new Error("no sample indicator");
    expect(keyIndicatorLine(indicator)).toBe(
      "Alle helseforetak skal ha tatt i bruk NORKAT (innen 30. juni 2009)",
    );
  });
});

describe("years in words", () => {
  it("joins consecutive years with a dash and lists the others", () => {
    expect(yearsInWords([2010, 2009])).toBe("2009–2010");
    expect(yearsInWords([2009, 2011])).toBe("2009, 2011");
    expect(yearsInWords([])).toBe("–");
  });

  it("names every year of the measure, the first and the last", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 8 }), (years) => {
        const words = yearsInWords(years);
        expect(words).toContain(String(Math.min(...years)));
        expect(words).toContain(String(Math.max(...years)));
      }),
    );
  });
});

describe("the measures of a sub-goal", () => {
  it("leave out the specified column when no measure is specified further", () => {
    const plan = sampleActionPlan();
    const content = buildActionPlanDocument({
      ...plan,
      measures: plan.measures.map((measure) => ({ ...measure, description: "" })),
    });
    const [first] = tables(content);
    expect(first?.header).toEqual(["Tiltak", "Pri", "Gjennomføring", "Ressurs", "Ansvar"]);
  });
});

describe("a measure's specification in a cell", () => {
  it("puts a list's points after each other, and leaves a sentence as it is", () => {
    expect(specification("- Identifisere målemetode\n- Iverksette måling.\n")).toBe(
      "Identifisere målemetode; Iverksette måling.",
    );
    expect(specification("Én setning.")).toBe("Én setning.");
    expect(specification("  ")).toBe("");
  });
});
