// An indicator month by month: the line of a chart, its target line and the colour of each dot.
// Each month stands alone: its own value (no three-month window, no reporting lag: a month's
// figure is the figure of that month, however late it came) against the target of its own year.

import type { MonthlyObservation, WindowValue } from "./measures.ts";
import { computeWindowValue } from "./measures.ts";
import type { MonthKey } from "./periods.ts";
import { addMonths, monthRange, yearOfMonth } from "./periods.ts";
import type { IndicatorDefinition, ScorecardTargets } from "./scorecard.ts";
import { computeBaselineValue } from "./scorecard.ts";
import type { Attainment, TargetCandidate, TargetRule } from "./targets.ts";
import { evaluateAttainment, resolveTarget } from "./targets.ts";
import type { MonthWindow } from "./windows.ts";
import { calendarYearWindow } from "./windows.ts";

/** What a series needs of the indicator: how to aggregate a month and how to colour it. */
export type SeriesIndicator = Pick<
  IndicatorDefinition,
  "direction" | "valueKind" | "scale" | "decimals" | "minDenominator"
>;

/** The target that applies in a calendar year; null when none does. */
export interface YearTarget {
  year: number;
  target: TargetCandidate | null;
}

export interface SeriesMonth {
  month: MonthKey;
  /** The month's own value, with the sums behind it. */
  value: WindowValue;
  /** The month's value against its year's target: the target line's value and the dot's colour. */
  attainment: Attainment;
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
 * The months whose observations the series reads: its own months and the twelve before them
 * (a "better than last year" month compares with the same month a year earlier), and the full
 * baseline year of each baseline target.
 */
export function seriesWindows(months: MonthWindow, yearTargets: readonly YearTarget[]): MonthWindow[] {
  const windows: MonthWindow[] = [{ first: addMonths(months.first, -12), last: months.last }];
  for (const { target } of yearTargets) {
    const baselineYear = baselineYearOf(target?.rule ?? null);
    if (baselineYear !== null) windows.push(calendarYearWindow(baselineYear));
  }
  return windows;
}

/**
 * Every month from `months.first` to `months.last`, each with its value and its attainment
 * against the target of its year (`yearTargets`, from seriesTargets). A month without data is
 * grey, never red; so is a month whose year has no target.
 */
export function computeSeries(
  indicator: SeriesIndicator,
  months: MonthWindow,
  observations: readonly MonthlyObservation[],
  yearTargets: readonly YearTarget[],
): SeriesMonth[] {
  const spec = {
    valueKind: indicator.valueKind,
    scale: indicator.scale,
    decimals: indicator.decimals,
    minDenominator: indicator.minDenominator ?? null,
  };
  const valueIn = (month: MonthKey) => computeWindowValue(observations, { first: month, last: month }, spec);
  const targetOf = new Map(yearTargets.map(({ year, target }) => [year, target]));
  // A baseline is a whole calendar year: computed once however many months compare with it.
  const baselines = new Map<number, number | null>();
  const baselineOf = (year: number) => {
    if (!baselines.has(year)) baselines.set(year, computeBaselineValue(indicator, observations, year).value);
    return baselines.get(year) ?? null;
  };

  return monthRange(months.first, months.last).map((month) => {
    const value = valueIn(month);
    const year = yearOfMonth(month);
    const rule = targetOf.get(year)?.rule ?? null;
    const baselineYear = baselineYearOf(rule);
    const attainment = evaluateAttainment({
      value: value.value,
      tooFewBelow: value.state === "too_few" ? value.minDenominator : null,
      decimals: indicator.decimals,
      direction: indicator.direction,
      target: rule,
      context: {
        year,
        baselineValue: baselineYear === null ? null : baselineOf(baselineYear),
        // Like with like: the same calendar month one year earlier, itself a single month.
        lastYearValue: rule?.kind === "better_than_last_year" ? valueIn(addMonths(month, -12)).value : null,
      },
    });
    return { month, value, attainment };
  });
}

function baselineYearOf(rule: TargetRule | null): number | null {
  if (rule?.kind === "baseline_change_with_floor" || rule?.kind === "change_vs_baseline") {
    return rule.baselineYear;
  }
  return null;
}
