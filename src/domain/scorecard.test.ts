import { describe, expect, it } from "vitest";
import { formatMonth } from "./periods.ts";
import { forOrganisation, general, monthly, share, show } from "./scorecard.fixture.ts";
import type { IndicatorDefinition } from "./scorecard.ts";
import { computeScorecardRow, scorecardHasData } from "./scorecard.ts";

// Computing a scorecard row: pooled figures, windows, lag, evaluation basis and missing data.
// Targets and colours are in scorecardTargets.test.ts, the summaries in scorecardSummary.test.ts.

describe("computeScorecardRow: a share over two units", () => {
  // A: 30/50 a month in 2023, 35/50 in 2024. B: 9/10 every month.
  // 2024 pooled: 44/60 = 73.3 %; the average of the units' percentages would be (70 + 90) / 2 = 80 %.
  // 2023 pooled: 39/60 = 65 %.
  const observations = [
    ...monthly("A", "2023-01", "2023-12", 30, 50),
    ...monthly("A", "2024-01", "2024-04", 35, 50),
    ...monthly("B", "2023-01", "2024-04", 9, 10),
  ];
  const atLeast75 = [general("epikrise", { kind: "threshold", comparator: "gte", value: 75 })];
  const row = computeScorecardRow(share, "2024-T1", observations, forOrganisation(atLeast75));

  it("places the windows at T1", () => {
    expect(row.period).toBe("2024-T1");
    expect(formatMonth(row.lastMonth)).toBe("2024-04");
    expect(row.targetYear).toBe(2024);
    expect(show(row.thisPeriod.window)).toBe("2024-02..2024-04");
    expect(show(row.yearToDate.window)).toBe("2024-01..2024-04");
    expect(show(row.lastYearToDate.window)).toBe("2023-01..2023-04");
    expect(show(row.sameWindowLastYear.window)).toBe("2023-02..2023-04");
  });

  it("pools sums over months and units, and keeps them for tracing", () => {
    expect(row.thisPeriod).toMatchObject({ numeratorSum: 132, denominatorSum: 180, displayedValue: "73,3" });
    expect(row.thisPeriod.monthsUsed.map(formatMonth)).toEqual(["2024-02", "2024-03", "2024-04"]);
    expect(row.yearToDate).toMatchObject({ numeratorSum: 176, denominatorSum: 240, displayedValue: "73,3" });
    expect(row.lastYearToDate).toMatchObject({ numeratorSum: 156, denominatorSum: 240, value: 65 });
    expect(row.sameWindowLastYear).toMatchObject({ numeratorSum: 117, denominatorSum: 180, value: 65 });
  });

  it("is red against >= 75 %, which an average of percentages (80 %) would wrongly make green", () => {
    expect(row.evaluated).toEqual(row.thisPeriod);
    expect(row.attainment).toMatchObject({ colour: "red", targetValue: 75, displayedValue: "73,3" });
  });

  it("has a positive trend: (73.33 - 65) / 65 = +12.8 %", () => {
    expect(row.trend).toMatchObject({ colour: "green", mode: "relative", reason: "improved" });
    expect(row.trend.change).toBeCloseTo(0.128205, 6);
  });

  it("has no target and a grey attainment when none is stored", () => {
    const noTarget = computeScorecardRow(share, "2024-T1", observations, forOrganisation([]));
    expect(noTarget.target).toBeNull();
    expect(noTarget.attainment).toMatchObject({ colour: "grey", reason: "no_target" });
  });
});

describe("computeScorecardRow: lag reaching into the previous year", () => {
  const lagged: IndicatorDefinition = { ...share, id: "epro", lagMonths: 5, decimals: 0 };
  const steps = forOrganisation([
    general("epro", {
      kind: "yearly_steps",
      steps: { "2023": { comparator: "gte", value: 70 }, "2024": { comparator: "gt", value: 80 } },
    }),
  ]);
  // 75 % in every month of 2022-2025.
  const observations = monthly("A", "2022-01", "2025-12", 75, 100);

  it("T1 with lag 5 ends in November of the previous year and uses that year's target", () => {
    const row = computeScorecardRow(lagged, "2024-T1", observations, steps);
    expect(formatMonth(row.lastMonth)).toBe("2023-11");
    expect(row.targetYear).toBe(2023);
    expect(show(row.thisPeriod.window)).toBe("2023-09..2023-11");
    expect(show(row.yearToDate.window)).toBe("2023-01..2023-11");
    expect(show(row.lastYearToDate.window)).toBe("2022-01..2022-11");
    expect(row.attainment).toMatchObject({ colour: "green", targetValue: 70 });
  });

  it("the same figure a year on is judged by the 2024 step (> 80)", () => {
    const row = computeScorecardRow(lagged, "2025-T1", observations, steps);
    expect(row.targetYear).toBe(2024);
    expect(row.attainment).toMatchObject({ colour: "red", targetValue: 80 });
  });

  it("January with lag 2 ends in the previous November", () => {
    const row = computeScorecardRow({ ...lagged, lagMonths: 2 }, "2024-01", observations, steps);
    expect(formatMonth(row.lastMonth)).toBe("2023-11");
    expect(row.targetYear).toBe(2023);
  });

  it("no step for the data's year: grey with a reason", () => {
    const row = computeScorecardRow(lagged, "2026-T1", observations, steps);
    expect(row.targetYear).toBe(2025);
    expect(row.attainment).toMatchObject({ colour: "grey", reason: "no_step_for_year" });
  });
});

describe("computeScorecardRow: evaluation basis", () => {
  // Counts: 10 a month in 2023, 20 a month in 2024.
  const consultations: IndicatorDefinition = {
    id: "poli",
    code: "POLI",
    direction: "higher",
    valueKind: "count",
    scale: 1,
    decimals: 0,
    lagMonths: 0,
    evaluationBasis: "this_period",
    trendMode: "relative",
  };
  const observations = [...monthly("A", "2023-01", "2023-12", 10), ...monthly("A", "2024-01", "2024-12", 20)];
  const atLeast100 = forOrganisation([general("poli", { kind: "threshold", comparator: "gte", value: 100 })]);

  it("this period (default): Jun-Aug 2024 = 60", () => {
    const row = computeScorecardRow(consultations, "2024-T2", observations, atLeast100);
    expect(row.evaluated.value).toBe(60);
    expect(row.attainment.colour).toBe("red");
  });

  it("year to date: Jan-Aug 2024 = 160", () => {
    const row = computeScorecardRow(
      { ...consultations, evaluationBasis: "year_to_date" },
      "2024-T2",
      observations,
      atLeast100,
    );
    expect(row.evaluated.value).toBe(160);
    expect(row.attainment.colour).toBe("green");
  });

  it("year: the 12 months Sep 2023-Aug 2024 = 4 × 10 + 8 × 20 = 200", () => {
    const row = computeScorecardRow(
      { ...consultations, evaluationBasis: "year" },
      "2024-T2",
      observations,
      atLeast100,
    );
    expect(show(row.evaluated.window)).toBe("2023-09..2024-08");
    expect(row.evaluated.value).toBe(200);
  });

  it("year at December is the calendar year", () => {
    const row = computeScorecardRow(
      { ...consultations, evaluationBasis: "year" },
      "2024",
      observations,
      atLeast100,
    );
    expect(show(row.evaluated.window)).toBe("2024-01..2024-12");
    expect(row.evaluated.value).toBe(240);
  });

  it("better than last year compares the same window a year earlier", () => {
    const better = forOrganisation([general("poli", { kind: "better_than_last_year" })]);
    const ytd = computeScorecardRow(
      { ...consultations, evaluationBasis: "year_to_date" },
      "2024-T2",
      observations,
      better,
    );
    // Jan-Aug 2024 = 160 vs Jan-Aug 2023 = 80
    expect(ytd.attainment).toMatchObject({ colour: "green", targetValue: 80 });
    const flat = [...monthly("A", "2023-01", "2023-12", 20), ...monthly("A", "2024-01", "2024-12", 20)];
    expect(computeScorecardRow(consultations, "2024-T2", flat, better).attainment.colour).toBe("red");
    const only2024 = monthly("A", "2024-01", "2024-12", 20);
    expect(computeScorecardRow(consultations, "2024-T2", only2024, better).attainment).toMatchObject({
      colour: "grey",
      reason: "no_last_year_value",
    });
  });

  it("change versus baseline computes the baseline year from the observations: 2023 = 120, +15 % = 138", () => {
    const plus15 = forOrganisation([
      general("poli", { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 }),
    ]);
    const row = computeScorecardRow(
      { ...consultations, evaluationBasis: "year" },
      "2024",
      observations,
      plus15,
    );
    expect(row.baselineValue).toBe(120);
    expect(row.attainment).toMatchObject({ colour: "green", targetValue: 138 });
  });
});

describe("computeScorecardRow: small numbers and missing data", () => {
  const guarded: IndicatorDefinition = { ...share, id: "q", minDenominator: 20 };
  const atLeast50 = forOrganisation([general("q", { kind: "threshold", comparator: "gte", value: 50 })]);

  it("too few cases this period: grey <N, and no trend", () => {
    const observations = [
      ...monthly("A", "2023-02", "2023-04", 10, 10),
      ...monthly("A", "2024-02", "2024-04", 3, 5),
    ];
    const row = computeScorecardRow(guarded, "2024-T1", observations, atLeast50);
    expect(row.thisPeriod).toMatchObject({ state: "too_few", displayedValue: "<20", denominatorSum: 15 });
    expect(row.attainment).toMatchObject({ colour: "grey", reason: "too_few", displayedValue: "<20" });
    expect(row.trend).toMatchObject({ colour: "grey", reason: "too_few" });
  });

  it("too few cases a year ago: no trend, but attainment as usual", () => {
    const observations = [
      ...monthly("A", "2023-02", "2023-04", 1, 2),
      ...monthly("A", "2024-02", "2024-04", 8, 10),
    ];
    const row = computeScorecardRow(guarded, "2024-T1", observations, atLeast50);
    expect(row.attainment.colour).toBe("green");
    expect(row.trend).toMatchObject({ colour: "grey", reason: "too_few" });
  });

  it("no observations: grey everywhere, never red", () => {
    const row = computeScorecardRow(guarded, "2024-T1", [], atLeast50);
    expect(row.attainment).toMatchObject({ colour: "grey", reason: "no_data", displayedValue: null });
    expect(row.trend.colour).toBe("grey");
  });

  it("zero denominators: grey, not Infinity", () => {
    const row = computeScorecardRow(
      share,
      "2024-T1",
      monthly("A", "2024-02", "2024-04", 0, 0),
      forOrganisation([]),
    );
    expect(row.thisPeriod.value).toBeNull();
    expect(row.attainment.colour).toBe("grey");
  });

  it("a value that cannot be aggregated over several units: grey", () => {
    const median: IndicatorDefinition = { ...share, id: "median", valueKind: "not_aggregatable", scale: 1 };
    const observations = [
      ...monthly("A", "2024-02", "2024-04", 30),
      ...monthly("B", "2024-02", "2024-04", 40),
    ];
    const row = computeScorecardRow(
      median,
      "2024-T1",
      observations,
      forOrganisation([general("median", { kind: "threshold", comparator: "lte", value: 35 })]),
    );
    expect(row.attainment).toMatchObject({ colour: "grey", reason: "no_data" });
  });

  it("beds (stock): each unit's latest month, summed", () => {
    const beds: IndicatorDefinition = { ...share, id: "beds", valueKind: "stock", scale: 1, decimals: 0 };
    const observations = [
      ...monthly("A", "2024-02", "2024-04", 100),
      ...monthly("B", "2024-02", "2024-03", 40),
    ];
    const row = computeScorecardRow(beds, "2024-T1", observations, forOrganisation([]));
    expect(row.thisPeriod.value).toBe(140);
  });
});

describe("scorecardHasData", () => {
  const target = general(share.id, { kind: "threshold", comparator: "gte", value: 70 });
  const observations = monthly("A", "2025-01", "2025-12", 7, 10);

  it("is true when some row has a month of data in its period", () => {
    const row = computeScorecardRow(share, "2025", observations, forOrganisation([target]));
    expect(scorecardHasData([row])).toBe(true);
  });

  it("is false for a period after the data, even if a rolling year still reaches back into them", () => {
    const yearly = { ...share, evaluationBasis: "year" as const };
    const row = computeScorecardRow(yearly, "2026-T1", observations, forOrganisation([target]));
    expect(row.evaluated.monthsUsed.length).toBeGreaterThan(0);
    expect(scorecardHasData([row])).toBe(false);
    expect(scorecardHasData([])).toBe(false);
  });
});
