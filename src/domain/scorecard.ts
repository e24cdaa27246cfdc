// The scorecard (målekort): one row per indicator, and the summary tables (Tabell 1 and 2 in seed 003).
// Data in, data out: a service loads observations and targets, calls these, and stores the result
// as the snapshot taken at extraction time.

import type { MonthlyObservation, ValueKind, WindowValue } from "./measures.ts";
import { computeWindowValue } from "./measures.ts";
import type { MonthKey, Period } from "./periods.ts";
import { formatPeriod, isYearEnd, parsePeriod, yearOfMonth } from "./periods.ts";
import { formatNumberNb, roundHalfAwayFromZero } from "./rounding.ts";
import type { Attainment, AttainmentColour, Direction, TargetCandidate } from "./targets.ts";
import { evaluateAttainment, resolveTarget } from "./targets.ts";
import type { Trend, TrendColour, TrendMode } from "./trend.ts";
import { computeTrend } from "./trend.ts";
import type { EvaluationBasis, MonthWindow, ScorecardWindows } from "./windows.ts";
import { calendarYearWindow, computeWindows, evaluationWindow, shiftWindow } from "./windows.ts";

export interface IndicatorDefinition {
  id: string;
  code: string;
  direction: Direction;
  valueKind: ValueKind;
  /** 100 for percent, 1 for days, 1000 for "per 1 000". */
  scale: number;
  /** Decimals shown; attainment is decided on the value rounded to these. */
  decimals: number;
  /** Reporting lag in months (sick leave: 2). */
  lagMonths: number;
  minDenominator?: number | null;
  /** Settled default: this_period. */
  evaluationBasis: EvaluationBasis;
  /** Settled default: relative. */
  trendMode: TrendMode;
}

/** The stored targets of the indicator and the unit the row is for, to pick the most specific one. */
export interface ScorecardTargets {
  candidates: readonly TargetCandidate[];
  /** The unit whose subtree the observations cover; null for the whole organisation. */
  unitId: string | null;
  /** Nearest first. */
  unitAncestorIds?: readonly string[];
}

/** Baseline-year values already computed by the caller, keyed by year. */
export type BaselineValues = Readonly<Record<number, number | null | undefined>>;

export interface ScorecardRow {
  indicatorId: string;
  code: string;
  period: string;
  /** periodEndMonth(period) − lag: the last month the row describes. */
  lastMonth: MonthKey;
  /** The year the data describe (year of lastMonth): the year whose target applies. */
  targetYear: number;
  thisPeriod: WindowValue;
  yearToDate: WindowValue;
  lastYearToDate: WindowValue;
  sameWindowLastYear: WindowValue;
  evaluationBasis: EvaluationBasis;
  /** The value the target is checked on (one of the windows above, or the rolling year). */
  evaluated: WindowValue;
  target: TargetCandidate | null;
  /** The baseline-year value used by the baseline kinds; null when not used or unknown. */
  baselineValue: number | null;
  attainment: Attainment;
  trend: Trend;
}

/**
 * One scorecard row: the windows after the lag, their values, the most specific target for the
 * year the data describe, attainment on the indicator's evaluation basis, and the trend.
 * Baseline-year values passed in win; otherwise the baseline is computed from the observations.
 */
export function computeScorecardRow(
  indicator: IndicatorDefinition,
  period: Period | string,
  observationsForUnitSubtree: readonly MonthlyObservation[],
  targets: ScorecardTargets,
  baselineValues?: BaselineValues,
): ScorecardRow {
  const scorecardPeriod = typeof period === "string" ? parsePeriod(period) : period;
  const windows = computeWindows(scorecardPeriod, indicator.lagMonths);
  const spec = {
    valueKind: indicator.valueKind,
    scale: indicator.scale,
    decimals: indicator.decimals,
    minDenominator: indicator.minDenominator ?? null,
  };
  // The evaluation window and last year's are often the same as a column's: each is computed once.
  const computed = new Map<string, WindowValue>();
  const valueOver = (window: MonthWindow) => {
    const key = `${window.first}:${window.last}`;
    let value = computed.get(key);
    if (!value) {
      value = computeWindowValue(observationsForUnitSubtree, window, spec);
      computed.set(key, value);
    }
    return value;
  };

  const thisPeriod = valueOver(windows.thisPeriod);
  const sameWindowLastYear = valueOver(windows.sameWindowLastYear);
  const yearToDate = valueOver(windows.yearToDate);
  const lastYearToDate = valueOver(windows.lastYearToDate);
  const { evaluated, target, baselineValue, attainment, targetYear } = judge(
    indicator,
    windows,
    valueOver,
    targets,
    (year) => {
      const given = baselineValues?.[year];
      return given !== undefined
        ? given
        : computeBaselineValue(indicator, observationsForUnitSubtree, year).value;
    },
  );

  // The trend uses the unrounded window values; rounding first would hide real small changes.
  const trend = computeTrend({
    now: thisPeriod.value,
    before: sameWindowLastYear.value,
    direction: indicator.direction,
    mode: indicator.trendMode,
    tooFew: thisPeriod.state === "too_few" || sameWindowLastYear.state === "too_few",
  });

  return {
    indicatorId: indicator.id,
    code: indicator.code,
    period: formatPeriod(scorecardPeriod),
    lastMonth: windows.lastMonth,
    targetYear,
    thisPeriod,
    yearToDate,
    lastYearToDate,
    sameWindowLastYear,
    evaluationBasis: indicator.evaluationBasis,
    evaluated,
    target,
    baselineValue,
    attainment,
    trend,
  };
}

/** The judged figure and its verdict: what the attainment column and a chart's dot both show. */
export interface Judgement {
  /** The value on the indicator's evaluation basis: the figure the target is checked on. */
  evaluated: WindowValue;
  /** The year the data describe (year of the last month): the year whose target applies. */
  targetYear: number;
  target: TargetCandidate | null;
  baselineValue: number | null;
  attainment: Attainment;
}

/**
 * The one rule of judging: the value over the evaluation window (after the lag) against the most
 * specific target of the year the data describe, on the figure as shown. The scorecard row and
 * every point of the judged series call this, so a row's colour and a chart's dot never differ.
 */
export function judge(
  indicator: Pick<IndicatorDefinition, "id" | "direction" | "decimals" | "evaluationBasis">,
  windows: ScorecardWindows,
  valueOver: (window: MonthWindow) => WindowValue,
  targets: ScorecardTargets,
  baselineOf: (year: number) => number | null,
): Judgement {
  const basisWindow = evaluationWindow(windows, indicator.evaluationBasis);
  const evaluated = valueOver(basisWindow);
  const targetYear = yearOfMonth(windows.lastMonth);
  const target = resolveTarget(targets.candidates, {
    indicatorId: indicator.id,
    year: targetYear,
    unitId: targets.unitId,
    unitAncestorIds: targets.unitAncestorIds ?? [],
  });

  let baselineValue: number | null = null;
  let lastYearValue: number | null = null;
  const rule = target?.rule ?? null;
  if (rule !== null && (rule.kind === "baseline_change_with_floor" || rule.kind === "change_vs_baseline")) {
    baselineValue = baselineOf(rule.baselineYear);
  }
  if (rule?.kind === "better_than_last_year") {
    // "Better than last year" compares like with like: the evaluation window one year earlier.
    lastYearValue = valueOver(shiftWindow(basisWindow, -12)).value;
  }

  const attainment = evaluateAttainment({
    value: evaluated.value,
    tooFewBelow: evaluated.state === "too_few" ? evaluated.minDenominator : null,
    decimals: indicator.decimals,
    direction: indicator.direction,
    target: rule,
    context: { year: targetYear, baselineValue, lastYearValue },
  });
  return { evaluated, targetYear, target, baselineValue, attainment };
}

/**
 * The baseline of baseline-year targets: the value over the full calendar year (Jan-Dec) of
 * `baselineYear`, for the same units, aggregated like any other window. Its `value` is null
 * when there is none (no data, too few cases), which makes the attainment grey.
 */
export function computeBaselineValue(
  indicator: Pick<IndicatorDefinition, "valueKind" | "scale" | "decimals" | "minDenominator">,
  observations: readonly MonthlyObservation[],
  baselineYear: number,
): WindowValue {
  return computeWindowValue(observations, calendarYearWindow(baselineYear), {
    valueKind: indicator.valueKind,
    scale: indicator.scale,
    decimals: indicator.decimals,
    minDenominator: indicator.minDenominator ?? null,
  });
}

/** A row as far as "has it data" asks: the months its "this period" window found figures for. */
type RowWithPeriod = { thisPeriod: { monthsUsed: readonly unknown[] } };

/**
 * Whether a scorecard has any data for its period: some indicator has a figure in some month of
 * its "this period" window (after its lag). One without is all "no data"; it is not published.
 */
export function scorecardHasData(rows: readonly RowWithPeriod[]): boolean {
  return rows.some((row) => row.thisPeriod.monthsUsed.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Summaries

export interface ColourShare {
  count: number;
  /** N: every indicator in the scorecard, grey ones included, so the column adds up to N. */
  total: number;
  /** Percent of total to one decimal; null when the scorecard is empty (0/0). */
  percent: number | null;
  /** Seed 003's form: `16/33 (48,5 %)`; `0/0 (– %)` when there is nothing to count. */
  formatted: string;
}

export interface ScorecardSummary {
  total: number;
  attainment: Record<AttainmentColour, ColourShare>;
  trend: Record<TrendColour, ColourShare>;
}

type SummarisableRow = { attainment: Pick<Attainment, "colour">; trend: Pick<Trend, "colour"> };

const COLOURS = ["green", "yellow", "red", "grey"] as const;

export function summarise(rows: readonly SummarisableRow[]): ScorecardSummary {
  return {
    total: rows.length,
    attainment: sharesByColour(rows.map((row) => row.attainment.colour)),
    trend: sharesByColour(rows.map((row) => row.trend.colour)),
  };
}

function sharesByColour(colours: readonly AttainmentColour[]): Record<AttainmentColour, ColourShare> {
  const shareOf = (colour: AttainmentColour) =>
    colourShare(colours.filter((each) => each === colour).length, colours.length);
  return { green: shareOf("green"), yellow: shareOf("yellow"), red: shareOf("red"), grey: shareOf("grey") };
}

export function colourShare(count: number, total: number): ColourShare {
  if (total === 0) {
    // Decision: 0 of 0 has no percentage; a dash keeps the cell's shape without claiming 0 %.
    return { count, total, percent: null, formatted: `${count}/${total} (– %)` };
  }
  const percent = roundHalfAwayFromZero((count / total) * 100, 1);
  // A plain space before % as in seed 003 ("48,5 %"); 1 decimal always shown ("50,0 %").
  return { count, total, percent, formatted: `${count}/${total} (${formatNumberNb(percent, 1)} %)` };
}

export interface SummaryColumn {
  /** The scorecard period as stored, e.g. `2024-T1`. */
  period: string;
  /** Seed 003's column heading: `T1-2024`, `T2-2024`, `Årlig melding` at year end. */
  label: string;
}

export interface SummaryTableRow {
  /** Stable key for the UI to translate. */
  colour: AttainmentColour;
  /** Seed 003's Norwegian heading, the default text. */
  label: string;
  cells: ColourShare[];
}

export interface SummaryTable {
  columns: SummaryColumn[];
  rows: SummaryTableRow[];
}

export interface SummaryTables {
  /** Tabell 1: goal attainment. */
  attainment: SummaryTable;
  /** Tabell 2: trend. */
  trend: SummaryTable;
}

export interface PeriodWithRows {
  period: Period | string;
  rows: readonly SummarisableRow[];
}

const ATTAINMENT_LABELS: Record<AttainmentColour, string> = {
  green: "Grønn (mål nådd)",
  yellow: "Gul (delvis nådd)",
  red: "Rød (mål ikke nådd)",
  // Grey covers no data, too few cases and no target: "not assessed" is true of all three.
  grey: "Grå (ikke vurdert)",
};

const TREND_LABELS: Record<TrendColour, string> = {
  green: "Grønn (positiv trend)",
  yellow: "Gul (ingen endring)",
  red: "Rød (negativ trend)",
  grey: "Grå (ingen trend)",
};

/**
 * Tabell 1 and 2 of seed 003 for a list of scorecards (T1, T2, year end). Attainment shows green and
 * red, plus yellow and grey rows only when some column has them, so each column adds up to N;
 * trend always shows its three colours, plus grey when some column has it.
 */
export function summaryTable(periodsWithRows: readonly PeriodWithRows[]): SummaryTables {
  const columns = periodsWithRows.map((column) => summaryColumn(column.period));
  const summaries = periodsWithRows.map((column) => summarise(column.rows));
  const anyIn = (
    colour: AttainmentColour,
    pick: (summary: ScorecardSummary) => Record<string, ColourShare>,
  ) => summaries.some((summary) => (pick(summary)[colour]?.count ?? 0) > 0);

  const attainmentColours = COLOURS.filter(
    (colour) => colour === "green" || colour === "red" || anyIn(colour, (summary) => summary.attainment),
  );
  const trendColours = COLOURS.filter(
    (colour) => colour !== "grey" || anyIn(colour, (summary) => summary.trend),
  );

  return {
    attainment: {
      columns,
      rows: attainmentColours.map((colour) => ({
        colour,
        label: ATTAINMENT_LABELS[colour],
        cells: summaries.map((summary) => summary.attainment[colour]),
      })),
    },
    trend: {
      columns,
      rows: trendColours.map((colour) => ({
        colour,
        label: TREND_LABELS[colour],
        cells: summaries.map((summary) => summary.trend[colour]),
      })),
    },
  };
}

/** Seed 003's headings: tertials as `T1-2024`; the December scorecard (T3, year, 2024-12) is the annual report. */
export function summaryColumn(period: Period | string): SummaryColumn {
  const parsed = typeof period === "string" ? parsePeriod(period) : period;
  const stored = formatPeriod(parsed);
  if (isYearEnd(parsed)) return { period: stored, label: "Årlig melding" };
  if (parsed.kind === "tertial") return { period: stored, label: `T${parsed.tertial}-${parsed.year}` };
  return { period: stored, label: stored };
}
