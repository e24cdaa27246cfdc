import { describe, expect, it } from "vitest";
import type { MonthlyObservation } from "./measures.ts";
import type { MonthKey } from "./periods.ts";
import { formatMonth, monthKey, monthRange, parseMonth } from "./periods.ts";
import type { IndicatorDefinition, ScorecardTargets } from "./scorecard.ts";
import {
  colourShare,
  computeBaselineValue,
  computeScorecardRow,
  summarise,
  summaryColumn,
  summaryTable,
} from "./scorecard.ts";
import type { AttainmentColour, TargetCandidate, TargetRule } from "./targets.ts";
import type { TrendColour } from "./trend.ts";
import type { MonthWindow } from "./windows.ts";

const months = (first: string, last: string): MonthKey[] => monthRange(parseMonth(first), parseMonth(last));
const show = (window: MonthWindow) => `${formatMonth(window.first)}..${formatMonth(window.last)}`;

/** The same numerator/denominator for a unit in every month from `first` to `last`. */
const monthly = (unit: string, first: string, last: string, numerator: number, denominator?: number) =>
  months(first, last).map(
    (month): MonthlyObservation =>
      denominator === undefined ? { unit, month, numerator } : { unit, month, numerator, denominator },
  );

const general = (indicatorId: string, rule: TargetRule, year: number | null = null): TargetCandidate => ({
  indicatorId,
  year,
  unitId: null,
  rule,
});
const forOrganisation = (candidates: TargetCandidate[]): ScorecardTargets => ({ candidates, unitId: null });

const share: IndicatorDefinition = {
  id: "epikrise",
  code: "EPI-1",
  direction: "higher",
  valueKind: "ratio",
  scale: 100,
  decimals: 1,
  lagMonths: 0,
  evaluationBasis: "this_period",
  trendMode: "relative",
};

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

describe("computeScorecardRow: colours follow the figure shown", () => {
  const wholePercent: IndicatorDefinition = { ...share, decimals: 0 };
  const atLeast15 = forOrganisation([
    general("epikrise", { kind: "threshold", comparator: "gte", value: 15 }),
  ]);

  it("14.6 % shown as 15 is green against >= 15 %", () => {
    // 73 / 500 = 14.6 %
    const row = computeScorecardRow(
      wholePercent,
      "2024-03",
      [{ unit: "A", month: parseMonth("2024-03"), numerator: 73, denominator: 500 }],
      atLeast15,
    );
    expect(row.attainment).toMatchObject({ colour: "green", displayedValue: "15" });
  });

  it("14.4 % shown as 14 is red", () => {
    const row = computeScorecardRow(
      wholePercent,
      "2024-03",
      [{ unit: "A", month: parseMonth("2024-03"), numerator: 72, denominator: 500 }],
      atLeast15,
    );
    expect(row.attainment).toMatchObject({ colour: "red", displayedValue: "14" });
  });

  it("14/100 is exactly on a limit of 14 %", () => {
    const hba1c: IndicatorDefinition = { ...share, id: "hba1c", direction: "lower", decimals: 1 };
    const limits = forOrganisation([general("hba1c", { kind: "limits", greenLimit: 12, yellowLimit: 14 })]);
    const row = computeScorecardRow(
      hba1c,
      "2024-03",
      [{ unit: "A", month: parseMonth("2024-03"), numerator: 14, denominator: 100 }],
      limits,
    );
    expect(row.attainment).toMatchObject({ colour: "yellow", displayedValue: "14,0" });
  });
});

describe("computeScorecardRow: sick leave (lag 2, lower is better, baseline with floor)", () => {
  const sickLeave: IndicatorDefinition = {
    id: "sykefravaer",
    code: "SYK",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    lagMonths: 2,
    evaluationBasis: "this_period",
    trendMode: "relative",
  };
  const cutFivePercent = forOrganisation([
    general("sykefravaer", {
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: -0.05,
      limit: 7.5,
    }),
  ]);
  // 2023: 9.0 % every month; 2024: 8.5 % to October, then a November that is not yet due.
  const observations = [
    ...monthly("UNN", "2023-01", "2023-12", 90, 1000),
    ...monthly("UNN", "2024-01", "2024-10", 85, 1000),
    { unit: "UNN", month: parseMonth("2024-11"), numerator: 500, denominator: 1000 },
  ];

  it("ends at October for the December scorecard and ignores the later month", () => {
    const row = computeScorecardRow(sickLeave, "2024", observations, cutFivePercent);
    expect(formatMonth(row.lastMonth)).toBe("2024-10");
    expect(show(row.thisPeriod.window)).toBe("2024-08..2024-10");
    expect(row.thisPeriod.value).toBe(8.5);
    expect(show(row.yearToDate.window)).toBe("2024-01..2024-10");
  });

  it("computes the 2023 baseline from the observations and meets 9.0 × 0.95 = 8.55 -> 8.6", () => {
    const row = computeScorecardRow(sickLeave, "2024", observations, cutFivePercent);
    expect(row.baselineValue).toBe(9);
    expect(row.attainment).toMatchObject({
      colour: "green",
      targetValue: 8.6,
      comparator: "lte",
      displayedValue: "8,5",
    });
  });

  it("a lower sick leave than a year ago is a positive trend", () => {
    const row = computeScorecardRow(sickLeave, "2024", observations, cutFivePercent);
    // (8.5 − 9) / 9 = −5.6 %, improved for a lower-is-better indicator
    expect(row.trend.colour).toBe("green");
    expect(row.trend.change).toBeCloseTo(0.055556, 6);
  });

  it("uses a baseline value passed in instead of computing one", () => {
    const row = computeScorecardRow(sickLeave, "2024", observations, cutFivePercent, { 2023: 8.8 });
    // 8.8 × 0.95 = 8.36 -> 8.4: 8.5 is not at or below
    expect(row.baselineValue).toBe(8.8);
    expect(row.attainment).toMatchObject({ colour: "red", targetValue: 8.4 });
  });

  it("no baseline-year data: grey, not red", () => {
    const only2024 = observations.filter((observation) => observation.month >= monthKey(2024, 1));
    const row = computeScorecardRow(sickLeave, "2024", only2024, cutFivePercent);
    expect(row.baselineValue).toBeNull();
    expect(row.attainment).toMatchObject({ colour: "grey", reason: "no_baseline" });
    expect(row.trend).toMatchObject({ colour: "grey", reason: "no_value_before" });
  });

  it("the baseline is the full calendar year Jan-Dec of the baseline year", () => {
    const uneven = [
      ...monthly("UNN", "2023-01", "2023-06", 120, 1000),
      ...monthly("UNN", "2023-07", "2023-12", 60, 1000),
    ];
    const baseline = computeBaselineValue(sickLeave, uneven, 2023);
    expect(show(baseline.window)).toBe("2023-01..2023-12");
    expect(baseline).toMatchObject({ numeratorSum: 1080, denominatorSum: 12000, value: 9 });
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

describe("computeScorecardRow: per-unit targets", () => {
  const ia: IndicatorDefinition = { ...share, id: "ia", decimals: 0 };
  const candidates = [
    general("ia", { kind: "threshold", comparator: "gte", value: 10 }),
    {
      indicatorId: "ia",
      year: 2024,
      unitId: "UNN",
      rule: { kind: "threshold", comparator: "gte", value: 30 },
    } as TargetCandidate,
  ];
  // 20 % of units
  const observations = monthly("UNN-clinic", "2024-01", "2024-04", 2, 10);

  it("UNN's own target applies to UNN (20 % < 30 %)", () => {
    const row = computeScorecardRow(ia, "2024-T1", observations, {
      candidates,
      unitId: "UNN",
      unitAncestorIds: ["HN"],
    });
    expect(row.target?.unitId).toBe("UNN");
    expect(row.attainment).toMatchObject({ colour: "red", targetValue: 30 });
  });

  it("another trust gets the general target (20 % >= 10 %)", () => {
    const row = computeScorecardRow(ia, "2024-T1", observations, {
      candidates,
      unitId: "FIN",
      unitAncestorIds: ["HN"],
    });
    expect(row.target?.unitId).toBeNull();
    expect(row.attainment).toMatchObject({ colour: "green", targetValue: 10 });
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

// ---------------------------------------------------------------------------------------------
// Summaries

function rowsWith(
  attainment: Partial<Record<AttainmentColour, number>>,
  trend: Partial<Record<TrendColour, number>>,
) {
  const expand = <C extends string>(counts: Partial<Record<C, number>>) =>
    (Object.entries(counts) as [C, number][]).flatMap(([colour, count]) =>
      Array.from({ length: count }, () => colour),
    );
  const attainmentColours = expand(attainment);
  const trendColours = expand(trend);
  expect(attainmentColours.length).toBe(trendColours.length);
  return attainmentColours.map((colour, index) => ({
    attainment: { colour },
    trend: { colour: trendColours[index] ?? "grey" },
  }));
}

describe("colourShare", () => {
  it("formats n/N with the percent to one decimal as in seed 003", () => {
    expect(colourShare(16, 33)).toEqual({ count: 16, total: 33, percent: 48.5, formatted: "16/33 (48,5 %)" });
    expect(colourShare(15, 33).formatted).toBe("15/33 (45,5 %)");
    expect(colourShare(33, 33).formatted).toBe("33/33 (100,0 %)");
    expect(colourShare(0, 33).formatted).toBe("0/33 (0,0 %)");
  });

  it("0/0 has no percentage", () => {
    expect(colourShare(0, 0)).toEqual({ count: 0, total: 0, percent: null, formatted: "0/0 (– %)" });
  });
});

describe("summarise", () => {
  it("counts colours with N = every indicator, grey included", () => {
    const summary = summarise(
      rowsWith({ green: 15, red: 15, grey: 3 }, { green: 17, yellow: 7, red: 6, grey: 3 }),
    );
    expect(summary.total).toBe(33);
    expect(summary.attainment.green.formatted).toBe("15/33 (45,5 %)");
    expect(summary.attainment.red.formatted).toBe("15/33 (45,5 %)");
    expect(summary.attainment.yellow.formatted).toBe("0/33 (0,0 %)");
    expect(summary.attainment.grey.formatted).toBe("3/33 (9,1 %)");
    expect(summary.trend.grey.count).toBe(3);
  });

  it("an empty scorecard gives 0/0", () => {
    const summary = summarise([]);
    expect(summary.total).toBe(0);
    expect(summary.attainment.green.formatted).toBe("0/0 (– %)");
    expect(summary.trend.red.percent).toBeNull();
  });
});

describe("summaryTable: seed 003 Tabell 1 and 2", () => {
  const tables = summaryTable([
    { period: "2024-T1", rows: rowsWith({ green: 15, red: 18 }, { green: 17, yellow: 7, red: 9 }) },
    { period: "2024-T2", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 6, red: 9 }) },
    { period: "2024", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 10, red: 5 }) },
  ]);
  const cells = (rows: { label: string; cells: { formatted: string }[] }[]) =>
    Object.fromEntries(rows.map((row) => [row.label, row.cells.map((cell) => cell.formatted)]));

  it("has the seed's columns", () => {
    expect(tables.attainment.columns).toEqual([
      { period: "2024-T1", label: "T1-2024" },
      { period: "2024-T2", label: "T2-2024" },
      { period: "2024", label: "Årlig melding" },
    ]);
    expect(tables.trend.columns).toEqual(tables.attainment.columns);
  });

  it("Tabell 1 Måloppnåelse", () => {
    expect(tables.attainment.rows.map((row) => row.colour)).toEqual(["green", "red"]);
    expect(cells(tables.attainment.rows)).toEqual({
      "Grønn (mål nådd)": ["15/33 (45,5 %)", "16/33 (48,5 %)", "16/33 (48,5 %)"],
      "Rød (mål ikke nådd)": ["18/33 (54,5 %)", "17/33 (51,5 %)", "17/33 (51,5 %)"],
    });
  });

  it("Tabell 2 Trend", () => {
    expect(tables.trend.rows.map((row) => row.colour)).toEqual(["green", "yellow", "red"]);
    expect(cells(tables.trend.rows)).toEqual({
      "Grønn (positiv trend)": ["17/33 (51,5 %)", "18/33 (54,5 %)", "18/33 (54,5 %)"],
      "Gul (ingen endring)": ["7/33 (21,2 %)", "6/33 (18,2 %)", "10/33 (30,3 %)"],
      "Rød (negativ trend)": ["9/33 (27,3 %)", "9/33 (27,3 %)", "5/33 (15,2 %)"],
    });
  });

  it("adds yellow and grey attainment rows only when some column has them", () => {
    const withYellow = summaryTable([
      { period: "2024-T1", rows: rowsWith({ green: 1, red: 1 }, { green: 2 }) },
      { period: "2024-T2", rows: rowsWith({ green: 1, yellow: 1, grey: 1 }, { green: 2, grey: 1 }) },
    ]);
    expect(withYellow.attainment.rows.map((row) => row.label)).toEqual([
      "Grønn (mål nådd)",
      "Gul (delvis nådd)",
      "Rød (mål ikke nådd)",
      "Grå (ikke vurdert)",
    ]);
    expect(cells(withYellow.attainment.rows)["Gul (delvis nådd)"]).toEqual(["0/2 (0,0 %)", "1/3 (33,3 %)"]);
    expect(withYellow.trend.rows.map((row) => row.colour)).toEqual(["green", "yellow", "red", "grey"]);
  });

  it("an empty column shows 0/0", () => {
    const empty = summaryTable([{ period: "2024-T1", rows: [] }]);
    expect(empty.attainment.rows[0]?.cells[0]?.formatted).toBe("0/0 (– %)");
  });
});

describe("summaryColumn", () => {
  it("labels tertials and the year end as in seed 003", () => {
    expect(summaryColumn("2024-T1").label).toBe("T1-2024");
    expect(summaryColumn("2024-T2").label).toBe("T2-2024");
    expect(summaryColumn("2024-T3").label).toBe("Årlig melding");
    expect(summaryColumn("2024").label).toBe("Årlig melding");
    expect(summaryColumn("2024-12").label).toBe("Årlig melding");
    expect(summaryColumn("2024-03")).toEqual({ period: "2024-03", label: "2024-03" });
  });
});
