import { describe, expect, it } from "vitest";
import {
  answeringUnitIds,
  type CarryOverAnswer,
  carryOverPlan,
  compareDocuments,
  type DocumentSnapshot,
  frequencyFromText,
  isUnfinished,
  normaliseAppliesTo,
  normaliseFrequency,
  periodSortKey,
  type RequirementSnapshot,
  reportingPointOf,
} from "./steering.ts";

describe("reporting points of round periods", () => {
  it("reads tertials and years", () => {
    expect(reportingPointOf("2024-T1")).toEqual({ year: 2024, point: "T1" });
    expect(reportingPointOf("2024-T2")).toEqual({ year: 2024, point: "T2" });
    expect(reportingPointOf("2024")).toEqual({ year: 2024, point: "annual" });
  });

  it("refuses the third tertial, months and nonsense, saying what to write", () => {
    expect(() => reportingPointOf("2024-T3")).toThrow(/2024-T1, 2024-T2 or 2024/);
    expect(() => reportingPointOf("2024-04")).toThrow(/tertial or a year/);
    expect(() => reportingPointOf("T1")).toThrow(/Invalid period/);
  });

  it("sorts T1, T2, then the year", () => {
    const periods = ["2024", "2024-T2", "2023", "2024-T1"];
    expect(periods.sort((a, b) => periodSortKey(a) - periodSortKey(b))).toEqual([
      "2023",
      "2024-T1",
      "2024-T2",
      "2024",
    ]);
  });
});

describe("frequencies as people write them", () => {
  it.each([
    ["Årlig", ["annual"]],
    ["annual", ["annual"]],
    ["Tertial", ["T1", "T2", "annual"]],
    ["tertialvis", ["T1", "T2", "annual"]],
    ["Halvårlig", ["T2", "annual"]],
    ["half-yearly", ["T2", "annual"]],
    ["T1, T2, årlig", ["T1", "T2", "annual"]],
    ["T2 og årlig", ["T2", "annual"]],
    ["årlig; T1", ["T1", "annual"]],
    ["T1/T2/T3", ["T1", "T2", "annual"]],
  ])("reads %j", (text, expected) => {
    expect(frequencyFromText(text)).toEqual(expected);
  });

  it.each(["", "  ", "månedlig", "T4", "T1, ukentlig"])("does not guess at %j", (text) => {
    expect(frequencyFromText(text)).toBeNull();
  });

  it("orders points and drops repeats", () => {
    expect(normaliseFrequency(["annual", "T1", "annual"])).toEqual(["T1", "annual"]);
  });
});

describe("who answers a requirement", () => {
  it("is every recipient when it applies to all, else the listed recipients", () => {
    expect(answeringUnitIds(null, [3, 1, 2])).toEqual([3, 1, 2]);
    expect(answeringUnitIds([2, 9], [3, 1, 2])).toEqual([2]);
  });

  it("keeps applies-to lists sorted without repeats", () => {
    expect(normaliseAppliesTo([5, 2, 5])).toEqual([2, 5]);
    expect(normaliseAppliesTo(null)).toBeNull();
  });
});

describe("unfinished answers and carry-over", () => {
  it("counts an answer finished only when approved and fulfilled or not relevant", () => {
    expect(isUnfinished({ status: "fulfilled", state: "approved" })).toBe(false);
    expect(isUnfinished({ status: "not_relevant", state: "approved" })).toBe(false);
    expect(isUnfinished({ status: "partly_fulfilled", state: "approved" })).toBe(true);
    expect(isUnfinished({ status: "not_fulfilled", state: "approved" })).toBe(true);
    expect(isUnfinished({ status: "fulfilled", state: "submitted" })).toBe(true);
    expect(isUnfinished({ status: "not_started", state: "draft" })).toBe(true);
  });

  const answer = (
    requirementId: number,
    unitId: number,
    status: string,
    state: "draft" | "approved",
    kind: "unit" | "consolidated" = "unit",
  ): CarryOverAnswer => ({
    requirementId,
    unitId,
    kind,
    status,
    state,
  });

  it("carries to the units that did not finish, to everyone when only the consolidated answer is open, and skips finished ones", () => {
    const requirements = [
      { id: 1, appliesToUnitIds: null },
      { id: 2, appliesToUnitIds: [10, 11] },
      { id: 3, appliesToUnitIds: null },
      { id: 4, appliesToUnitIds: null },
    ];
    const answers = [
      answer(1, 10, "fulfilled", "approved"),
      answer(1, 12, "partly_fulfilled", "approved"),
      answer(1, 11, "fulfilled", "draft"),
      answer(1, 1, "partly_fulfilled", "approved", "consolidated"),
      answer(2, 10, "fulfilled", "approved"),
      answer(2, 11, "fulfilled", "approved"),
      answer(2, 1, "fulfilled", "draft", "consolidated"),
      answer(3, 10, "fulfilled", "approved"),
      answer(3, 1, "fulfilled", "approved", "consolidated"),
      answer(4, 10, "not_fulfilled", "approved"),
      answer(4, 11, "not_fulfilled", "approved"),
    ];
    expect(carryOverPlan(requirements, answers)).toEqual([
      { requirementId: 1, appliesToUnitIds: [11, 12] },
      { requirementId: 2, appliesToUnitIds: [10, 11] },
      { requirementId: 4, appliesToUnitIds: null },
    ]);
  });

  it("does not carry a requirement that was not reported at all", () => {
    expect(carryOverPlan([{ id: 1, appliesToUnitIds: null }], [])).toEqual([]);
  });
});

describe("comparing document versions", () => {
  const requirement = (overrides: Partial<RequirementSnapshot> = {}): RequirementSnapshot => ({
    key: "r1",
    number: "1",
    chapterKey: "c1",
    chapter: "Hovedmål 1",
    kind: "assignment",
    text: "Alle helseforetak skal",
    source: "OD",
    appliesTo: "all",
    frequency: ["annual"],
    deadline: null,
    selectedForRiskAssessment: false,
    derivedFromId: null,
    leadUnit: null,
    indicatorId: null,
    ...overrides,
  });
  const document = (overrides: Partial<DocumentSnapshot> = {}): DocumentSnapshot => ({
    title: "OD 2024",
    year: 2024,
    kind: "steering_document",
    recipients: ["HN", "HV"],
    chapters: [{ key: "c1", title: "Hovedmål 1", position: 1 }],
    requirements: [requirement()],
    ...overrides,
  });

  it("finds nothing between identical versions, whatever the order of recipients", () => {
    const result = compareDocuments(document(), document({ recipients: ["HV", "HN"] }));
    expect(result.document).toEqual([]);
    expect(result.requirements).toEqual({ added: [], removed: [], changed: [] });
    expect(result.unchanged).toEqual({ chapters: 1, requirements: 1 });
  });

  it("reports added, removed and changed requirements, field by field, matched by key", () => {
    const before = document({ requirements: [requirement(), requirement({ key: "r2", number: "2" })] });
    const after = document({
      requirements: [
        requirement({ number: "1a", text: "Tre helseforetak skal", appliesTo: ["UNN"] }),
        requirement({ key: "r3", number: "3" }),
      ],
    });
    const result = compareDocuments(before, after);
    expect(result.requirements.added.map((r) => r.number)).toEqual(["3"]);
    expect(result.requirements.removed.map((r) => r.number)).toEqual(["2"]);
    expect(result.requirements.changed).toEqual([
      {
        key: "r1",
        number: "1a",
        changes: [
          { field: "number", before: "1", after: "1a" },
          {
            field: "text",
            before: "Alle helseforetak skal",
            after: "Tre helseforetak skal",
            words: [
              { op: "delete", text: "Alle" },
              { op: "insert", text: "Tre" },
              { op: "equal", text: " helseforetak skal" },
            ],
          },
          { field: "appliesTo", before: "all", after: ["UNN"] },
        ],
      },
    ]);
  });

  it("reports a requirement moved to another chapter, and chapter changes on their own", () => {
    const after = document({
      title: "OD 2024 (revidert)",
      chapters: [
        { key: "c1", title: "Hovedmål 1 endret", position: 2 },
        { key: "c2", title: "Hovedmål 2", position: 1 },
      ],
      requirements: [requirement({ chapterKey: "c2", chapter: "Hovedmål 2" })],
    });
    const result = compareDocuments(document(), after);
    expect(result.document).toEqual([{ field: "title", before: "OD 2024", after: "OD 2024 (revidert)" }]);
    expect(result.chapters.added).toEqual([{ key: "c2", title: "Hovedmål 2", position: 1 }]);
    expect(result.chapters.changed).toEqual([
      {
        key: "c1",
        title: "Hovedmål 1 endret",
        changes: [
          { field: "title", before: "Hovedmål 1", after: "Hovedmål 1 endret" },
          { field: "position", before: 1, after: 2 },
        ],
      },
    ]);
    expect(result.requirements.changed[0]?.changes).toEqual([
      { field: "chapter", before: "Hovedmål 1", after: "Hovedmål 2" },
    ]);
  });

  it("does not report a requirement as changed when only its chapter was renamed", () => {
    const after = document({
      chapters: [{ key: "c1", title: "Nytt navn", position: 1 }],
      requirements: [requirement({ chapter: "Nytt navn" })],
    });
    expect(compareDocuments(document(), after).requirements.changed).toEqual([]);
  });
});
