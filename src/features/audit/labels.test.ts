import { describe, expect, it } from "vitest";
import { emptyFacts, idsToLabel, type LabelledEntry, labelOf, periodName } from "./labels.ts";

const entry = (entityType: string, entityId: string, more: Partial<LabelledEntry> = {}): LabelledEntry => ({
  action: "update",
  entityType,
  entityId,
  before: null,
  after: null,
  ...more,
});

function facts() {
  const known = emptyFacts();
  known.units.set(2, { code: "HN", name: "Helse Nord RHF" });
  known.users.set(7, { username: "hn-redaktor", displayName: "Hanne Nordredaktør" });
  known.indicators.set(27, { code: "INNLEIE" });
  known.targets.set(19, { indicatorCode: "INNLEIE", year: 2026, unitName: null });
  known.targets.set(20, { indicatorCode: "INNLEIE", year: null, unitName: "Helse Nord RHF" });
  known.documents.set(3, { title: "Oppdragsdokument 2026" });
  known.chapters.set(5, { title: "2.1 Psykisk helse", documentTitle: "Oppdragsdokument 2026" });
  known.requirements.set(11, { number: "2.1.2", documentTitle: "Oppdragsdokument 2026" });
  known.rounds.set(3, { period: "2026-T1", issuerName: "Helse Nord RHF" });
  known.answers.set(40, { requirementNumber: "2.1.2", unitName: "UNN HF", period: "2026-T2" });
  known.generatedDocuments.set(8, { title: "Tertialrapport T1 2026" });
  known.scorecards.set(4, { unitName: "Helse Nord RHF", period: "2026" });
  known.riskAssessments.set(12, { requirementNumber: "R-2", unitName: "UNN HF", period: "2024-T2" });
  known.measures.set(6, { title: "Økt kjøp av private helsetjenester" });
  known.unitRisks.set(9, { title: "Mangel på spesialsykepleiere", unitName: "UNN HF" });
  return known;
}

describe("labelOf", () => {
  it("names each kind of entity from the names looked up", () => {
    const known = facts();
    const cases: [LabelledEntry, string][] = [
      [entry("indicator_target", "19"), "INNLEIE 2026"],
      [entry("indicator_target", "20"), "INNLEIE – Helse Nord RHF"],
      [entry("reporting_round", "3"), "T1 2026 – Helse Nord RHF"],
      [entry("unit", "2"), "Helse Nord RHF"],
      [entry("user", "7"), "Hanne Nordredaktør (hn-redaktor)"],
      [entry("session", "7"), "Hanne Nordredaktør (hn-redaktor)"],
      [entry("indicator", "27"), "INNLEIE"],
      [entry("steering_document", "3"), "Oppdragsdokument 2026"],
      [entry("document_chapter", "5"), "2.1 Psykisk helse – Oppdragsdokument 2026"],
      [entry("document_chapter", "3", { action: "reorder" }), "Oppdragsdokument 2026"],
      [entry("requirement", "11"), "2.1.2 – Oppdragsdokument 2026"],
      [entry("answer", "40"), "2.1.2 – UNN HF – T2 2026"],
      [entry("generated_document", "8"), "Tertialrapport T1 2026"],
      [entry("published_scorecard", "4"), "Helse Nord RHF – 2026"],
      [entry("measurement_import", "sykefravaer-2026.xlsx"), "sykefravaer-2026.xlsx"],
      [entry("risk_assessment", "12"), "R-2 – UNN HF – T2 2024"],
      [entry("risk_scale", "2"), "Helse Nord RHF"],
      [entry("measure", "6"), "Økt kjøp av private helsetjenester"],
      [entry("measure", "66", { after: { title: "Et nytt tiltak" } }), "Et nytt tiltak"],
      [entry("unit_risk", "9"), "Mangel på spesialsykepleiere – UNN HF"],
      [entry("document_template", "tertial_report:2"), "Helse Nord RHF"],
      [
        entry("role_assignment", "9", {
          action: "assign_role",
          after: { userId: 7, unitId: 2, role: "editor" },
        }),
        "Hanne Nordredaktør – Helse Nord RHF",
      ],
    ];
    for (const [given, label] of cases) expect(labelOf(given, known), given.entityType).toBe(label);
  });

  it("names a removed entity from what the entry kept of it", () => {
    const known = facts();
    expect(
      labelOf(entry("unit", "99", { action: "delete", before: { name: "Gammel klinikk" } }), known),
    ).toBe("Gammel klinikk");
    expect(
      labelOf(
        entry("indicator_target", "98", {
          action: "delete",
          before: { indicatorId: 27, year: 2025, unitId: 2 },
        }),
        known,
      ),
    ).toBe("INNLEIE 2025 – Helse Nord RHF");
    expect(labelOf(entry("requirement", "97", { before: { number: "3.4" } }), known)).toBe("3.4");
    expect(
      labelOf(
        entry("role_assignment", "96", {
          action: "remove_role",
          before: { userId: 7, unitId: 2, role: "reader" },
        }),
        known,
      ),
    ).toBe("Hanne Nordredaktør – Helse Nord RHF");
  });

  it("answers null when nothing names the entity, or the kind is unknown", () => {
    const known = facts();
    expect(labelOf(entry("reporting_round", "404"), known)).toBeNull();
    expect(labelOf(entry("answer", "not-a-number"), known)).toBeNull();
    expect(labelOf(entry("document_template", "annual_report:general"), known)).toBeNull();
    expect(labelOf(entry("something_new", "1"), known)).toBeNull();
    expect(labelOf(entry("unit", "99", { before: ["not", "a", "record"], after: "text" }), known)).toBeNull();
    expect(labelOf(entry("unit", "99", { after: { name: "   " } }), known)).toBeNull();
  });
});

describe("idsToLabel", () => {
  it("asks for each id once, by kind, with the ids that before and after refer to", () => {
    const ids = idsToLabel([
      entry("unit", "2"),
      entry("unit", "2"),
      entry("session", "7"),
      entry("reporting_round", "3"),
      entry("document_chapter", "3", { action: "reorder" }),
      entry("role_assignment", "9", { after: { userId: 8, unitId: 4, role: "editor" } }),
      entry("indicator_target", "19", { before: { indicatorId: 27, unitId: 5 } }),
      entry("document_template", "tertial_report:6"),
      entry("measurement_import", "file.csv"),
      entry("answer", "-1"),
      entry("answer", "1.5"),
    ]);
    expect(ids.units.sort()).toEqual([2, 4, 5, 6]);
    expect(ids.users.sort()).toEqual([7, 8]);
    expect(ids.rounds).toEqual([3]);
    expect(ids.documents).toEqual([3]);
    expect(ids.targets).toEqual([19]);
    expect(ids.indicators).toEqual([27]);
    expect(ids.answers).toEqual([]);
    expect(ids.chapters).toEqual([]);
  });
});

describe("periodName", () => {
  it("writes a tertial as T1 2026 and leaves a year or a month as it is", () => {
    expect(periodName("2026-T1")).toBe("T1 2026");
    expect(periodName("2026-T2")).toBe("T2 2026");
    expect(periodName("2026")).toBe("2026");
    expect(periodName("2026-03")).toBe("2026-03");
  });
});
