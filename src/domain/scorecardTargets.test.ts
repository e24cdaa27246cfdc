import { describe, expect, it } from "vitest";
import { formatMonth, monthKey, parseMonth } from "./periods.ts";
import { forOrganisation, general, monthly, share, show } from "./scorecard.fixture.ts";
import type { IndicatorDefinition } from "./scorecard.ts";
import { computeBaselineValue, computeScorecardRow } from "./scorecard.ts";
import type { TargetCandidate } from "./targets.ts";

// A scorecard row against its targets: colours on the figure shown, the baseline with a floor, and
// a unit's own target over the general one.

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
