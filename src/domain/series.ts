// An indicator month by month as the scorecard judges it: the line of a chart, its target line and
// the colour of each dot. The point of a month is the scorecard row as it would be if the data
// ended that month: the value on the indicator's evaluation basis (the three months ending there,
// the year to date, or the last twelve months) against the target of that month's year, judged by
// the very rule the scorecard row uses (scorecard.ts judge). So the dot at a scorecard's last month
// has the row's figure and the row's colour. The month's own value comes along, for the table and
// for a chart whose judged figure is on the same scale as a month's.

import type { MonthlyObservation, WindowValue } from "./measures.ts";
import { computeWindowValue } from "./measures.ts";
import type { MonthKey } from "./periods.ts";
import { addMonths, monthRange, yearOfMonth } from "./periods.ts";
import type { IndicatorDefinition, Judgement, ScorecardTargets } from "./scorecard.ts";
import { computeBaselineValue, judge } from "./scorecard.ts";
import type { TargetCandidate, TargetRule } from "./targets.ts";
import { resolveTarget } from "./targets.ts";
import type { JudgedWindowKind, MonthWindow } from "./windows.ts";
import { calendarYearWindow, judgedWindowKind, windowsEndingAt } from "./windows.ts";

/** What a series needs of the indicator: how to aggregate, on which basis to judge, how to colour. */
export type SeriesIndicator = Pick<
  IndicatorDefinition,
  "id" | "direction" | "valueKind" | "scale" | "decimals" | "minDenominator" | "evaluationBasis"
>;

/** The target that applies in a calendar year; null when none does. */
export interface YearTarget {
  year: number;
  target: TargetCandidate | null;
}

export interface JudgedMonth extends Judgement {
  /** The last month of the data judged (a data month: a lagged indicator's scorecard period ends later). */
  month: MonthKey;
  /** The month's own value, with the sums behind it. */
  value: WindowValue;
  /** What the judged window is, to name it ("Siste 12 mnd", "Hittil i år"). */
  windowKind: JudgedWindowKind;
}

/**
 * The most specific target of every calendar year the months touch, in year order. A series that
 * crosses New Year changes target with the year, as the scorecard of each year would.
 */
export function seriesTargets(
  indicatorId: string,
  months: MonthWindow,
  targets: ScorecardTargets,
): YearTarget[] {
  const years: number[] = [];
  for (let year = yearOfMonth(months.first); year <= yearOfMonth(months.last); year++) years.push(year);
  return years.map((year) => ({
    year,
    target: resolveTarget(targets.candidates, {
      indicatorId,
      year,
      unitId: targets.unitId,
      unitAncestorIds: targets.unitAncestorIds ?? [],
    }),
  }));
}

/**
 * The months whose observations the series reads: its own months and the 23 before them (the first
 * month's last twelve months, and those a year earlier for "better than last year"), and the full
 * baseline year of each baseline target.
 */
export function seriesWindows(months: MonthWindow, yearTargets: readonly YearTarget[]): MonthWindow[] {
  const windows: MonthWindow[] = [{ first: addMonths(months.first, -23), last: months.last }];
  for (const { target } of yearTargets) {
    const baselineYear = baselineYearOf(target?.rule ?? null);
    if (baselineYear !== null) windows.push(calendarYearWindow(baselineYear));
  }
  return windows;
}

/**
 * Every month from `months.first` to `months.last`, each judged as a scorecard row whose data end
 * that month. A month whose window has no data is grey, never red; so is a month whose year has
 * no target. `targets` are all candidates; each month resolves its own year's.
 */
export function computeJudgedSeries(
  indicator: SeriesIndicator,
  months: MonthWindow,
  observations: readonly MonthlyObservation[],
  targets: ScorecardTargets,
): JudgedMonth[] {
  const spec = {
    valueKind: indicator.valueKind,
    scale: indicator.scale,
    decimals: indicator.decimals,
    minDenominator: indicator.minDenominator ?? null,
  };
  // Neighbouring months share windows (last year's, the baseline year): each is computed once.
  const computed = new Map<string, WindowValue>();
  const valueOver = (window: MonthWindow) => {
    const key = `${window.first}:${window.last}`;
    let value = computed.get(key);
    if (!value) {
      value = computeWindowValue(observations, window, spec);
      computed.set(key, value);
    }
    return value;
  };
  const baselineOf = (year: number) => computeBaselineValue(indicator, observations, year).value;
  const baselines = new Map<number, number | null>();
  const cachedBaseline = (year: number) => {
    if (!baselines.has(year)) baselines.set(year, baselineOf(year));
    return baselines.get(year) ?? null;
  };

  return monthRange(months.first, months.last).map((month) => {
    const windows = windowsEndingAt(month);
    const judgement = judge(indicator, windows, valueOver, targets, cachedBaseline);
    return {
      month,
      value: valueOver({ first: month, last: month }),
      windowKind: judgedWindowKind(indicator.evaluationBasis, judgement.evaluated.window),
      ...judgement,
    };
  });
}

/**
 * Whether a month's own value may be drawn against the target: only where the judged figure is on
 * a month's scale. A count judged over several months is a sum of months, so a month's count sits
 * far below its target and would mislead; shares, averages and stocks judged on any window are
 * comparable with a month's.
 */
export function monthlyValuesComparable(indicator: Pick<SeriesIndicator, "valueKind">): boolean {
  return indicator.valueKind !== "count";
}

function baselineYearOf(rule: TargetRule | null): number | null {
  if (rule?.kind === "baseline_change_with_floor" || rule?.kind === "change_vs_baseline") {
    return rule.baselineYear;
  }
  return null;
}
