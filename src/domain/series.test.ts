import { describe, expect, it } from "vitest";
import type { MonthlyObservation } from "./measures.ts";
import { formatMonth, monthRange, parseMonth } from "./periods.ts";
import type { IndicatorDefinition, ScorecardTargets } from "./scorecard.ts";
import { computeSeries, type SeriesMonth, seriesTargets, seriesWindows, type YearTarget } from "./series.ts";
import { type TargetCandidate, TargetError, type TargetRule } from "./targets.ts";
import type { MonthWindow } from "./windows.ts";

/** `2024-01..2024-03` as a window, and back. */
const span = (text: string): MonthWindow => {
  const [first = "", last = ""] = text.split("..");
  return { first: parseMonth(first), last: parseMonth(last) };
};
const show = (window: MonthWindow) => `${formatMonth(window.first)}..${formatMonth(window.last)}`;

const one = (unit: string, month: string, numerator: number, denominator?: number | null) =>
  ({ unit, month: parseMonth(month), numerator, denominator }) as MonthlyObservation;
/** The same figure for a unit in every month of the span. */
const monthly = (unit: string, months: string, numerator: number, denominator?: number) => {
  const { first, last } = span(months);
  return monthRange(first, last).map(
    (month) => ({ unit, month, numerator, denominator }) as MonthlyObservation,
  );
};

const target = (
  rule: TargetRule,
  year: number | null = null,
  unitId: string | null = null,
): TargetCandidate => ({
  indicatorId: "epi",
  year,
  unitId,
  rule,
});
const atLeast = (value: number, year: number | null = null) =>
  target({ kind: "threshold", comparator: "gte", value }, year);
const forOrganisation = (candidates: TargetCandidate[]): ScorecardTargets => ({ candidates, unitId: null });

const share: IndicatorDefinition = {
  id: "epi",
  code: "EPI",
  direction: "higher",
  valueKind: "ratio",
  scale: 100,
  decimals: 1,
  lagMonths: 0,
  minDenominator: null,
  evaluationBasis: "this_period",
  trendMode: "relative",
};
const lower: IndicatorDefinition = { ...share, direction: "lower" };

/** What a service does: the organisation's targets resolved per year, then the series. */
function series(
  indicator: IndicatorDefinition,
  months: string,
  observations: MonthlyObservation[],
  candidates: TargetCandidate[],
): SeriesMonth[] {
  const window = span(months);
  return computeSeries(
    indicator,
    window,
    observations,
    seriesTargets(indicator.id, window, forOrganisation(candidates)),
  );
}

/** What a chart draws, one text a month: month, figure shown, target value, colour ("-": none). */
const dots = (months: SeriesMonth[]) =>
  months.map(
    ({ month, value, attainment }) =>
      `${formatMonth(month)} ${value.displayedValue ?? "-"} ${attainment.targetValue ?? "-"} ${attainment.colour}`,
  );
/** The attainment of one month of the series. */
const at = (months: SeriesMonth[], month: string) =>
  months.find((entry) => entry.month === parseMonth(month))?.attainment;

describe("computeSeries: each month on its own", () => {
  // A: 35/50 a month, B: 9/10: pooled 44/60 = 73.3 %, never the average of 70 % and 90 %.
  const observations = [
    ...monthly("A", "2024-01..2024-03", 35, 50),
    ...monthly("B", "2024-01..2024-03", 9, 10),
  ];
  const months = series(share, "2024-01..2024-03", observations, [atLeast(75)]);

  it("gives one entry per month, in order, both ends included, each month its own window", () => {
    expect(months.map((entry) => show(entry.value.window))).toEqual([
      "2024-01..2024-01",
      "2024-02..2024-02",
      "2024-03..2024-03",
    ]);
  });

  it("pools one month's sums over units, and keeps them for tracing", () => {
    expect(months[0]?.value).toMatchObject({
      state: "value",
      numeratorSum: 44,
      denominatorSum: 60,
      displayedValue: "73,3",
      unitsUsed: ["A", "B"],
    });
  });

  it("colours each month against the target: 73.3 % is red against >= 75 %", () => {
    expect(months[0]?.attainment).toMatchObject({ colour: "red", reason: "not_met", comparator: "gte" });
    expect(dots(months)).toEqual(["2024-01 73,3 75 red", "2024-02 73,3 75 red", "2024-03 73,3 75 red"]);
  });

  it("is empty when the span ends before it starts", () => {
    expect(series(share, "2024-03..2024-01", observations, [atLeast(75)])).toEqual([]);
  });
});

describe("computeSeries: missing data, zero denominators, too few cases", () => {
  it("makes a month without observations grey with no value, never red", () => {
    const months = series(share, "2024-01..2024-03", [one("A", "2024-02", 40, 50)], [atLeast(70)]);
    expect(dots(months)).toEqual(["2024-01 - - grey", "2024-02 80,0 70 green", "2024-03 - - grey"]);
    expect(months[0]?.value).toMatchObject({ state: "no_data", reason: "no_observations", value: null });
    expect(months[0]?.attainment.reason).toBe("no_data");
  });

  it("gives no value, not a division by zero, when a month's denominators sum to zero", () => {
    const [month] = series(share, "2024-01..2024-01", [one("A", "2024-01", 0, 0)], [atLeast(70)]);
    expect(month?.value).toMatchObject({ state: "no_data", reason: "zero_denominator", denominatorSum: 0 });
    expect(month?.attainment).toMatchObject({ colour: "grey", reason: "no_data", targetValue: null });
  });

  it("keeps a month where one unit had zero patients: 0/0 adds nothing to the sums", () => {
    const observations = [one("A", "2024-01", 7, 10), one("B", "2024-01", 0, 0)];
    const [month] = series(share, "2024-01..2024-01", observations, [atLeast(70)]);
    expect(month?.value).toMatchObject({ displayedValue: "70,0", denominatorSum: 10 });
    expect(month?.attainment.colour).toBe("green");
  });

  it("skips a ratio figure without a denominator rather than reading it as zero", () => {
    const [month] = series(share, "2024-01..2024-01", [one("A", "2024-01", 7, null)], [atLeast(70)]);
    expect(month?.value.state).toBe("no_data");
    expect(month?.attainment.colour).toBe("grey");
  });

  it("hides a month with too few cases as <N, grey: its colour is hidden with its value", () => {
    const small = { ...share, minDenominator: 20 };
    const observations = [one("A", "2024-01", 1, 10), one("A", "2024-02", 18, 20)];
    const months = series(small, "2024-01..2024-02", observations, [atLeast(70)]);
    expect(months[0]?.value).toMatchObject({ state: "too_few", displayedValue: "<20" });
    expect(months[0]?.attainment).toMatchObject({ colour: "grey", reason: "too_few", displayedValue: "<20" });
    expect(months[1]?.attainment).toMatchObject({ colour: "green", displayedValue: "90,0" });
  });
});

describe("computeSeries: the colour follows the figure shown", () => {
  it("69.96 % shown as 70,0 meets >= 70", () => {
    const [month] = series(share, "2024-01..2024-01", [one("A", "2024-01", 6996, 10000)], [atLeast(70)]);
    expect(month?.attainment).toMatchObject({ colour: "green", displayedValue: "70,0" });
  });

  it("14/100 is exactly on a limit of 14 %, without floating-point noise", () => {
    const limits = target({ kind: "limits", greenLimit: 12, yellowLimit: 14 });
    const [month] = series(lower, "2024-01..2024-01", [one("A", "2024-01", 14, 100)], [limits]);
    expect(month?.attainment.colour).toBe("yellow");
  });
});

describe("computeSeries: lower is better", () => {
  it("colours limits the lower way: green at or below 12, yellow at or below 14, else red", () => {
    const observations = [11, 12, 13, 15].map((value, index) => one("A", `2024-0${index + 1}`, value, 100));
    const limits = target({ kind: "limits", greenLimit: 12, yellowLimit: 14 });
    const months = series(lower, "2024-01..2024-04", observations, [limits]);
    expect(dots(months)).toEqual([
      "2024-01 11,0 12 green",
      "2024-02 12,0 12 green",
      "2024-03 13,0 12 yellow",
      "2024-04 15,0 12 red",
    ]);
    expect(months.every((month) => month.attainment.comparator === "lte")).toBe(true);
  });

  it("is better than last year only when strictly lower than the same month a year earlier", () => {
    const observations = [...monthly("A", "2023-01..2023-03", 14, 100)];
    observations.push(
      one("A", "2024-01", 13, 100),
      one("A", "2024-02", 14, 100),
      one("A", "2024-03", 15, 100),
    );
    const months = series(lower, "2024-01..2024-03", observations, [
      target({ kind: "better_than_last_year" }),
    ]);
    expect(dots(months)).toEqual(["2024-01 13,0 14 green", "2024-02 14,0 14 red", "2024-03 15,0 14 red"]);
    expect(months[0]?.attainment.comparator).toBe("lt");
  });

  it("cuts sick leave 5 % a year from the 2023 level, never aiming below the 7.5 % limit", () => {
    // 2023: 9 % every month. 2024's target: 9 × 0.95 = 8.55, shown 8,6; 2025's: 9 × 0.95² = 8.12,
    // shown 8,1; by 2028 the stepped target (7.0) is past the limit, so 7.5.
    const cut = target({
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: -0.05,
      limit: 7.5,
    });
    const observations = [...monthly("A", "2023-01..2023-12", 9, 100)];
    observations.push(
      one("A", "2024-01", 85, 1000),
      one("A", "2025-01", 82, 1000),
      one("A", "2028-01", 76, 1000),
    );
    const months = series({ ...lower, lagMonths: 2 }, "2024-01..2028-01", observations, [cut]);
    const shown = dots(months);
    expect(shown).toContain("2024-01 8,5 8.6 green");
    expect(shown).toContain("2025-01 8,2 8.1 red");
    expect(shown).toContain("2028-01 7,6 7.5 red");
  });
});

describe("computeSeries: reporting lag", () => {
  // Sick leave comes two months late: a scorecard shifts its windows, but a month in the series is
  // the figure of that month, and a month not yet reported is grey, not red.
  const sickLeave = { ...lower, lagMonths: 2 };
  const atMost8 = target({ kind: "threshold", comparator: "lte", value: 8 });
  const observations = [one("A", "2024-01", 7, 100), one("A", "2024-02", 9, 100)];
  const months = series(sickLeave, "2024-01..2024-04", observations, [atMost8]);

  it("does not shift the months: January's figure is January's", () => {
    expect(dots(months).slice(0, 2)).toEqual(["2024-01 7,0 8 green", "2024-02 9,0 8 red"]);
  });

  it("leaves the months not yet reported grey with no data", () => {
    expect(dots(months).slice(2)).toEqual(["2024-03 - - grey", "2024-04 - - grey"]);
    expect(months[3]?.attainment.reason).toBe("no_data");
  });
});

describe("computeSeries: across a year boundary, targets that change over time", () => {
  const observations = monthly("A", "2022-11..2024-02", 72, 100);

  it("colours December against the old year's target and January against the new one's", () => {
    const months = series(share, "2023-11..2024-02", observations, [atLeast(70, 2023), atLeast(75, 2024)]);
    expect(dots(months)).toEqual([
      "2023-11 72,0 70 green",
      "2023-12 72,0 70 green",
      "2024-01 72,0 75 red",
      "2024-02 72,0 75 red",
    ]);
  });

  it("takes a target for the year over one for every year, and the general one in other years", () => {
    const months = series(share, "2023-12..2024-01", observations, [atLeast(80), atLeast(70, 2024)]);
    expect(dots(months)).toEqual(["2023-12 72,0 80 red", "2024-01 72,0 70 green"]);
  });

  it("follows yearly steps, and has no colour in a year without a step", () => {
    const steps = target({
      kind: "yearly_steps",
      steps: { "2023": { comparator: "gte", value: 70 }, "2024": { comparator: "gt", value: 72 } },
    });
    const months = series(share, "2022-12..2024-01", observations, [steps]);
    expect(at(months, "2022-12")).toMatchObject({ colour: "grey", reason: "no_step_for_year" });
    expect(at(months, "2023-12")).toMatchObject({ colour: "green", targetValue: 70, comparator: "gte" });
    // 72 is not above 72.
    expect(at(months, "2024-01")).toMatchObject({ colour: "red", targetValue: 72, comparator: "gt" });
  });

  it("compares January with January a year earlier, not with December", () => {
    const lastYear = [
      one("A", "2023-01", 70, 100),
      one("A", "2023-12", 90, 100),
      one("A", "2024-01", 71, 100),
    ];
    const months = series(share, "2024-01..2024-01", lastYear, [target({ kind: "better_than_last_year" })]);
    expect(months[0]?.attainment).toMatchObject({ colour: "green", targetValue: 70, comparator: "gt" });
  });

  it("is grey when the same month a year earlier has no value", () => {
    const months = series(
      share,
      "2024-01..2024-01",
      [one("A", "2024-01", 71, 100)],
      [target({ kind: "better_than_last_year" })],
    );
    expect(months[0]?.attainment).toMatchObject({ colour: "grey", reason: "no_last_year_value" });
  });
});

describe("computeSeries: months without a target", () => {
  it("shows the figure but no colour (grey, no target) in a year with no target", () => {
    const months = series(share, "2023-12..2024-01", monthly("A", "2023-12..2024-01", 65, 100), [
      atLeast(70, 2024),
    ]);
    expect(dots(months)).toEqual(["2023-12 65,0 - grey", "2024-01 65,0 70 red"]);
    expect(months[0]?.attainment).toMatchObject({
      reason: "no_target",
      comparator: null,
      displayedValue: "65,0",
    });
  });

  it("ignores the targets of other indicators", () => {
    const other = { ...atLeast(10), indicatorId: "other" };
    const [month] = series(share, "2024-01..2024-01", [one("A", "2024-01", 65, 100)], [other]);
    expect(month?.attainment.reason).toBe("no_target");
  });
});

describe("computeSeries: baseline targets", () => {
  // 2023 had 100 studies (a count); +15 % wanted: 115.
  const studies: IndicatorDefinition = { ...share, valueKind: "count", scale: 1, decimals: 0 };
  const plus15 = target({ kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 });

  it("compares each month with the baseline year's value over its full January-December", () => {
    const observations = [
      ...monthly("A", "2023-01..2023-10", 10),
      one("A", "2024-01", 120),
      one("A", "2024-02", 110),
    ];
    const months = series(studies, "2024-01..2024-02", observations, [plus15]);
    expect(dots(months)).toEqual(["2024-01 120 115 green", "2024-02 110 115 red"]);
  });

  it("is grey when the baseline year has no data", () => {
    const months = series(studies, "2023-12..2024-01", [one("A", "2024-01", 120)], [plus15]);
    expect(months[0]?.attainment).toMatchObject({ colour: "grey", reason: "no_data" });
    expect(months[1]?.attainment).toMatchObject({
      colour: "grey",
      reason: "no_baseline",
      displayedValue: "120",
    });
  });

  it("says 'before the baseline year' for a month before it that has data", () => {
    const observations = [...monthly("A", "2023-01..2023-12", 10), one("A", "2022-12", 5)];
    const months = series(studies, "2022-12..2022-12", observations, [plus15]);
    expect(months[0]?.attainment).toMatchObject({ colour: "grey", reason: "before_baseline_year" });
  });
});

describe("seriesTargets", () => {
  it("gives every calendar year the span touches, in order, also across several years", () => {
    expect(seriesTargets("epi", span("2022-11..2024-02"), forOrganisation([]))).toEqual([
      { year: 2022, target: null },
      { year: 2023, target: null },
      { year: 2024, target: null },
    ]);
  });

  it("picks the unit's own target, else its nearest ancestor's, else the general one, per year", () => {
    const own2024 = target({ kind: "threshold", comparator: "gte", value: 80 }, 2024, "7");
    const parent = target({ kind: "threshold", comparator: "gte", value: 75 }, null, "3");
    const targets = { candidates: [atLeast(70), parent, own2024], unitId: "7", unitAncestorIds: ["3", "1"] };
    expect(seriesTargets("epi", span("2023-06..2024-06"), targets)).toEqual([
      { year: 2023, target: parent },
      { year: 2024, target: own2024 },
    ]);
  });

  it("falls back to the general target without a unit", () => {
    const general = atLeast(70);
    expect(seriesTargets("epi", span("2024-01..2024-01"), forOrganisation([general]))).toEqual([
      { year: 2024, target: general },
    ]);
  });

  it("reports two equally specific targets instead of picking one", () => {
    const twice = forOrganisation([atLeast(70, 2024), atLeast(75, 2024)]);
    expect(() => seriesTargets("epi", span("2024-01..2024-01"), twice)).toThrow(TargetError);
  });
});

describe("seriesWindows", () => {
  it("reads the months and the twelve before them, for last year's same months", () => {
    const none: YearTarget[] = [{ year: 2024, target: null }];
    expect(seriesWindows(span("2024-01..2024-06"), none).map(show)).toEqual(["2023-01..2024-06"]);
  });

  it("adds the full baseline year of each baseline target", () => {
    const years: YearTarget[] = [
      { year: 2024, target: target({ kind: "change_vs_baseline", baselineYear: 2019, share: 0.1 }) },
      {
        year: 2025,
        target: target({
          kind: "baseline_change_with_floor",
          baselineYear: 2020,
          changePerYear: -0.05,
          limit: 7,
        }),
      },
      { year: 2026, target: atLeast(70) },
    ];
    expect(seriesWindows(span("2024-01..2026-12"), years).map(show)).toEqual([
      "2023-01..2026-12",
      "2019-01..2019-12",
      "2020-01..2020-12",
    ]);
  });
});
