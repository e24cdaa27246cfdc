import { describe, expect, it } from "vitest";
import type { MonthlyObservation } from "./measures.ts";
import { formatMonth, monthRange, parseMonth } from "./periods.ts";
import { computeScorecardRow, type IndicatorDefinition, type ScorecardTargets } from "./scorecard.ts";
import {
  computeJudgedSeries,
  type JudgedMonth,
  monthlyValuesComparable,
  seriesTargets,
  seriesWindows,
  type YearTarget,
} from "./series.ts";
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
const atMost = (value: number, year: number | null = null) =>
  target({ kind: "threshold", comparator: "lte", value }, year);
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
/** Agency staff costs (INNLEIE): a count in MNOK, lower is better, judged on the last 12 months. */
const agency: IndicatorDefinition = {
  ...share,
  direction: "lower",
  valueKind: "count",
  scale: 1,
  decimals: 1,
  evaluationBasis: "year",
};

function series(
  indicator: IndicatorDefinition,
  months: string,
  observations: MonthlyObservation[],
  candidates: TargetCandidate[],
): JudgedMonth[] {
  return computeJudgedSeries(indicator, span(months), observations, forOrganisation(candidates));
}

/** What a chart draws, one text a month: month, judged window, figure judged, target value, colour. */
const dots = (months: JudgedMonth[]) =>
  months.map(
    ({ month, evaluated, attainment }) =>
      `${formatMonth(month)} ${show(evaluated.window)} ${evaluated.displayedValue ?? "-"} ${attainment.targetValue ?? "-"} ${attainment.colour}`,
  );

describe("computeJudgedSeries: each month judged like a scorecard row ending there", () => {
  // A: 35/50 a month, B: 9/10: pooled 44/60 = 73.3 %, never the average of 70 % and 90 %.
  const observations = [
    ...monthly("A", "2023-11..2024-03", 35, 50),
    ...monthly("B", "2023-11..2024-03", 9, 10),
  ];
  const months = series(share, "2024-01..2024-03", observations, [atLeast(75)]);

  it("judges this period: the three months ending at the month, pooled over units", () => {
    expect(months.map((entry) => show(entry.evaluated.window))).toEqual([
      "2023-11..2024-01",
      "2023-12..2024-02",
      "2024-01..2024-03",
    ]);
    expect(months[0]?.evaluated).toMatchObject({
      numeratorSum: 132,
      denominatorSum: 180,
      displayedValue: "73,3",
    });
    expect(months[0]?.windowKind).toBe("this_period");
  });

  it("keeps the month's own value beside the judged one", () => {
    expect(months[2]?.value).toMatchObject({ displayedValue: "73,3", numeratorSum: 44, denominatorSum: 60 });
    expect(show(months[2]?.value.window as MonthWindow)).toBe("2024-03..2024-03");
  });

  it("gives the month the same figure, target and colour as the scorecard row of that period", () => {
    const row = computeScorecardRow(share, "2024-03", observations, forOrganisation([atLeast(75)]));
    expect(months[2]?.evaluated).toEqual(row.evaluated);
    expect(months[2]?.attainment).toEqual(row.attainment);
  });

  it("is empty when the span ends before it starts", () => {
    expect(series(share, "2024-03..2024-01", observations, [atLeast(75)])).toEqual([]);
  });
});

describe("computeJudgedSeries: a yearly target judged on the last 12 months (INNLEIE)", () => {
  // 30 MNOK a month: the last 12 months hold 360, a month 30. The target (<= 344.4) is for a year.
  const observations = monthly("A", "2024-01..2025-12", 30);
  const months = series(agency, "2025-01..2025-12", observations, [atMost(344.4)]);

  it("plots the rolling year against the yearly target, not a month's 30 far below it", () => {
    expect(dots(months)[3]).toBe("2025-04 2024-05..2025-04 360,0 344.4 red");
    expect(months[3]?.value.displayedValue).toBe("30,0");
    expect(months[3]?.windowKind).toBe("rolling_year");
  });

  it("names December's window as the calendar year", () => {
    expect(months[11]?.windowKind).toBe("calendar_year");
    expect(show(months[11]?.evaluated.window as MonthWindow)).toBe("2025-01..2025-12");
  });

  it("agrees with the T1 row: figure and colour", () => {
    const row = computeScorecardRow(agency, "2025-T1", observations, forOrganisation([atMost(344.4)]));
    expect(row.evaluated.displayedValue).toBe(months[3]?.evaluated.displayedValue);
    expect(row.attainment.colour).toBe(months[3]?.attainment.colour);
  });

  it("counts months missing from the rolling year as missing, never as zero", () => {
    const gaps = observations.filter((each) => formatMonth(each.month) !== "2025-02");
    const [april] = series(agency, "2025-04..2025-04", gaps, [atMost(344.4)]);
    expect(april?.evaluated).toMatchObject({ displayedValue: "330,0" });
    expect(april?.evaluated.monthsMissing.map(formatMonth)).toEqual(["2025-02"]);
  });

  it("says counts judged over several months are not comparable month by month", () => {
    expect(monthlyValuesComparable(agency)).toBe(false);
    expect(monthlyValuesComparable(share)).toBe(true);
  });
});

describe("computeJudgedSeries: year to date", () => {
  const ytd: IndicatorDefinition = { ...share, evaluationBasis: "year_to_date" };
  const observations = [
    one("A", "2023-12", 10, 100),
    one("A", "2024-01", 80, 100),
    one("A", "2024-02", 60, 100),
  ];

  it("starts again in January: December is last year's, January only itself", () => {
    const months = series(ytd, "2023-12..2024-02", observations, [atLeast(70)]);
    expect(dots(months)).toEqual([
      "2023-12 2023-01..2023-12 10,0 70 red",
      "2024-01 2024-01..2024-01 80,0 70 green",
      "2024-02 2024-01..2024-02 70,0 70 green",
    ]);
    expect(months[1]?.windowKind).toBe("year_to_date");
  });
});

describe("computeJudgedSeries: missing months and zero denominators", () => {
  it("is grey, never red, where the judged window has no data", () => {
    const months = series(share, "2024-01..2024-05", [one("A", "2024-02", 40, 50)], [atLeast(70)]);
    expect(dots(months).map((dot) => dot.split(" ").slice(2).join(" "))).toEqual([
      "- - grey",
      "80,0 70 green",
      "80,0 70 green",
      "80,0 70 green",
      "- - grey",
    ]);
    expect(months[0]?.attainment.reason).toBe("no_data");
  });

  it("gives no value, not a division by zero, when the window's denominators sum to zero", () => {
    const [month] = series(share, "2024-01..2024-01", [one("A", "2024-01", 0, 0)], [atLeast(70)]);
    expect(month?.evaluated).toMatchObject({ state: "no_data", reason: "zero_denominator" });
    expect(month?.attainment).toMatchObject({ colour: "grey", reason: "no_data" });
  });

  it("hides a window with too few cases as <N, grey", () => {
    const small = { ...share, minDenominator: 20 };
    const [month] = series(small, "2024-01..2024-01", [one("A", "2024-01", 1, 10)], [atLeast(70)]);
    expect(month?.attainment).toMatchObject({ colour: "grey", reason: "too_few", displayedValue: "<20" });
  });
});

describe("computeJudgedSeries: lower is better, the colour follows the figure shown", () => {
  it("colours limits the lower way, on the three months ending at each month", () => {
    const limits = target({ kind: "limits", greenLimit: 12, yellowLimit: 14 });
    const observations = monthly("A", "2023-11..2024-04", 13, 100);
    observations.push(
      one("A", "2024-05", 10, 100),
      one("A", "2024-06", 10, 100),
      one("A", "2024-07", 16, 100),
    );
    const months = series(lower, "2024-04..2024-07", observations, [limits]);
    // Apr 13; May (13+13+10)/3 = 12; Jun (13+10+10)/3 = 11; Jul (10+10+16)/3 = 12.
    expect(months.map((month) => `${month.evaluated.displayedValue} ${month.attainment.colour}`)).toEqual([
      "13,0 yellow",
      "12,0 green",
      "11,0 green",
      "12,0 green",
    ]);
  });

  it("14/100 is exactly on a limit of 14 %, without floating-point noise", () => {
    const limits = target({ kind: "limits", greenLimit: 12, yellowLimit: 14 });
    const [month] = series(lower, "2024-03..2024-03", monthly("A", "2024-01..2024-03", 14, 100), [limits]);
    expect(month?.attainment.colour).toBe("yellow");
  });
});

describe("computeJudgedSeries: reporting lag", () => {
  // Sick leave comes two months late. The series is in data months: the point of June is the T2
  // (August) scorecard's row, whose data end in June; months not yet reported are grey.
  const sickLeave = { ...lower, lagMonths: 2 };
  const observations = monthly("A", "2024-01..2024-06", 7, 100);

  it("the data month June carries the T2 row's figure and colour", () => {
    const months = series(sickLeave, "2024-06..2024-08", observations, [atMost(8)]);
    const row = computeScorecardRow(sickLeave, "2024-T2", observations, forOrganisation([atMost(8)]));
    expect(row.lastMonth).toBe(months[0]?.month);
    expect(months[0]?.attainment).toEqual(row.attainment);
  });

  it("leaves a month whose window holds no reported month grey", () => {
    const months = series(sickLeave, "2024-06..2024-09", observations, [atMost(8)]);
    expect(months.map((month) => month.attainment.colour)).toEqual(["green", "green", "green", "grey"]);
  });
});

describe("computeJudgedSeries: across a year boundary", () => {
  const observations = monthly("A", "2022-10..2024-02", 72, 100);

  it("judges December on the old year's target and January on the new one's", () => {
    const months = series(share, "2023-12..2024-01", observations, [atLeast(70, 2023), atLeast(75, 2024)]);
    expect(months.map((month) => `${month.attainment.targetValue} ${month.attainment.colour}`)).toEqual([
      "70 green",
      "75 red",
    ]);
    // January's three months reach back into the old year; its target is the new year's.
    expect(show(months[1]?.evaluated.window as MonthWindow)).toBe("2023-11..2024-01");
  });

  it("compares with the same window a year earlier for 'better than last year'", () => {
    const rising = [
      ...monthly("A", "2023-01..2023-03", 70, 100),
      ...monthly("A", "2024-01..2024-03", 71, 100),
    ];
    const [march] = series(share, "2024-03..2024-03", rising, [target({ kind: "better_than_last_year" })]);
    expect(march?.attainment).toMatchObject({ colour: "green", targetValue: 70, comparator: "gt" });
  });

  it("compares with the baseline year's full January-December", () => {
    const studies: IndicatorDefinition = {
      ...share,
      valueKind: "count",
      scale: 1,
      decimals: 0,
      evaluationBasis: "year",
    };
    const plus15 = target({ kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 });
    const counts = [...monthly("A", "2023-01..2023-12", 10), ...monthly("A", "2024-01..2024-12", 12)];
    const months = series(studies, "2024-06..2024-12", counts, [plus15]);
    // June: Jul-Dec 2023 (60) + Jan-Jun 2024 (72) = 132 against 138; December: 144.
    expect(months[0]?.attainment).toMatchObject({ colour: "red", targetValue: 138 });
    expect(months[6]?.attainment).toMatchObject({ colour: "green", displayedValue: "144" });
  });
});

describe("seriesTargets", () => {
  it("gives every calendar year the span touches, in order", () => {
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

  it("reports two equally specific targets instead of picking one", () => {
    const twice = forOrganisation([atLeast(70, 2024), atLeast(75, 2024)]);
    expect(() => seriesTargets("epi", span("2024-01..2024-01"), twice)).toThrow(TargetError);
  });
});

describe("seriesWindows", () => {
  it("reads the months and the 23 before them: the first month's rolling year and the year before it", () => {
    const none: YearTarget[] = [{ year: 2024, target: null }];
    expect(seriesWindows(span("2024-01..2024-06"), none).map(show)).toEqual(["2022-02..2024-06"]);
  });

  it("adds the full baseline year of each baseline target", () => {
    const years: YearTarget[] = [
      { year: 2024, target: target({ kind: "change_vs_baseline", baselineYear: 2019, share: 0.1 }) },
      { year: 2026, target: atLeast(70) },
    ];
    expect(seriesWindows(span("2024-01..2026-12"), years).map(show)).toEqual([
      "2022-02..2026-12",
      "2019-01..2019-12",
    ]);
  });
});
