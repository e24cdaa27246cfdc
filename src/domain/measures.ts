// The value of an indicator over a window of months and a set of units
// (DOMAIN.md "Window value"). Every value carries the sums it came from, so a figure can be traced.

import type { MonthKey } from "./periods.ts";
import { formatMonth } from "./periods.ts";
import { formatRoundedNb, roundHalfAwayFromZero } from "./rounding.ts";
import type { MonthWindow } from "./windows.ts";
import { isInWindow, windowMonths } from "./windows.ts";

/**
 * - ratio: numerator / denominator (shares, and averages such as waiting days = total days / patients)
 * - count: summed over months and units
 * - stock: a level at a point in time (beds): the last month counts
 * - not_aggregatable: cannot be summed across units; over time the latest month counts
 */
export type ValueKind = "ratio" | "count" | "stock" | "not_aggregatable";

/** One unit's figure for one month. Counts and stocks keep their value in `numerator`. */
export interface MonthlyObservation {
  unit: string;
  month: MonthKey;
  numerator: number;
  denominator?: number | null;
  /**
   * Set when the figure is already the sum of several units' figures for the month (added up by
   * the database, so a scorecard need not fetch every unit's row): the units it sums, which the
   * value then lists as used. `unit` only names the sum. Ratios and counts only: a stock or a value
   * that cannot be summed needs each unit's own months.
   */
  units?: readonly string[];
}

export interface MeasureSpec {
  valueKind: ValueKind;
  /** Multiplies the aggregate: 100 for percent, 1 for days, 1000 for "per 1 000". */
  scale: number;
  decimals: number;
  /** Ratios only: below this sum of denominators the value is hidden as `<N`. */
  minDenominator?: number | null;
}

export type WindowValueState = "value" | "no_data" | "too_few";

export type NoValueReason =
  | "no_observations"
  | "zero_denominator"
  | "several_units_not_aggregatable"
  | "too_few_cases"
  /** The figures sum beyond what a number can hold (stored before figures were bounded). */
  | "out_of_range";

export interface WindowValue {
  state: WindowValueState;
  /** Unrounded value (already multiplied by scale); null unless state is "value". */
  value: number | null;
  /** The value rounded to the indicator's decimals: the figure shown and the one colours use. */
  roundedValue: number | null;
  /** What to show: `48,5`, `<10` when too few cases, null when there is no data. */
  displayedValue: string | null;
  reason: NoValueReason | null;
  window: MonthWindow;
  /** Sum of the numerators (or values) the figure is built from, before scaling. */
  numeratorSum: number;
  /** Sum of denominators; null for kinds without a denominator. */
  denominatorSum: number | null;
  /** Months with at least one observation that went into the figure, ascending. */
  monthsUsed: MonthKey[];
  /** Months of the window without any observation: skipped, not counted as zero. */
  monthsMissing: MonthKey[];
  unitsUsed: string[];
  minDenominator: number | null;
}

export class MeasureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MeasureError";
  }
}

export function computeWindowValue(
  observations: readonly MonthlyObservation[],
  window: MonthWindow,
  spec: MeasureSpec,
): WindowValue {
  checkSpec(spec);
  // Plain loops here and below: a scorecard computes some 1,500 window values per request.
  const inWindow: MonthlyObservation[] = [];
  let overflowed = false;
  for (const observation of observations) {
    if (isInWindow(observation.month, window)) {
      checkObservation(observation);
      if (!isFiniteObservation(observation)) overflowed = true;
      inWindow.push(observation);
    }
  }
  checkNoDuplicates(inWindow);
  // A safety net: figures are bounded when they come in (values.ts), but sums the database made of
  // figures stored before that can reach JavaScript as Infinity. The window then has no value.
  if (overflowed) {
    const trace = traceOf(inWindow, window, spec);
    return noValue(
      { ...trace, numeratorSum: sumOfNumerators(inWindow), denominatorSum: null },
      "out_of_range",
    );
  }

  switch (spec.valueKind) {
    case "ratio":
      return ratioValue(inWindow, window, spec);
    case "count":
      return countValue(inWindow, window, spec);
    case "stock":
      return stockValue(inWindow, window, spec);
    case "not_aggregatable":
      return notAggregatableValue(inWindow, window, spec);
    default:
      // Indicator definitions come from storage; an unknown kind must fail loudly, not yield no value.
      throw new MeasureError(`Unknown value kind ${JSON.stringify(spec.valueKind)}`);
  }
}

function ratioValue(
  observations: readonly MonthlyObservation[],
  window: MonthWindow,
  spec: MeasureSpec,
): WindowValue {
  // Decision: a ratio observation without a denominator cannot be placed in the ratio, so it is
  // skipped like a missing month rather than read as zero (which would inflate the share).
  const usable: MonthlyObservation[] = [];
  let numeratorSum = 0;
  let denominatorSum = 0;
  for (const observation of observations) {
    if (!isPresent(observation.denominator)) continue;
    usable.push(observation);
    numeratorSum += observation.numerator;
    denominatorSum += observation.denominator;
  }
  const base = { ...traceOf(usable, window, spec), numeratorSum, denominatorSum };

  if (usable.length === 0) return noValue(base, "no_observations");
  // Zero patients: no value rather than a division by zero or Infinity.
  if (denominatorSum === 0) return noValue(base, "zero_denominator");
  const minDenominator = spec.minDenominator ?? null;
  if (minDenominator !== null && denominatorSum < minDenominator) {
    return {
      ...base,
      state: "too_few",
      value: null,
      roundedValue: null,
      displayedValue: `<${minDenominator}`,
      reason: "too_few_cases",
    };
  }
  // Sums of both parts, never an average of monthly or per-unit percentages.
  return withValue(base, (numeratorSum / denominatorSum) * spec.scale, spec.decimals);
}

function countValue(
  observations: readonly MonthlyObservation[],
  window: MonthWindow,
  spec: MeasureSpec,
): WindowValue {
  let numeratorSum = 0;
  for (const observation of observations) numeratorSum += observation.numerator;
  const base = { ...traceOf(observations, window, spec), numeratorSum, denominatorSum: null };
  if (observations.length === 0) return noValue(base, "no_observations");
  return withValue(base, numeratorSum * spec.scale, spec.decimals);
}

function stockValue(
  observations: readonly MonthlyObservation[],
  window: MonthWindow,
  spec: MeasureSpec,
): WindowValue {
  checkNotPreSummed(observations, "stock");
  // A stock is a level, so months are not added up: each unit contributes its latest month in the
  // window (a unit that has not reported the last month still counts with its latest level), and
  // the units' levels are summed.
  const latest = latestPerUnit(observations);
  const numeratorSum = sumOfNumerators(latest);
  const base = { ...traceOf(latest, window, spec), numeratorSum, denominatorSum: null };
  if (latest.length === 0) return noValue(base, "no_observations");
  return withValue(base, numeratorSum * spec.scale, spec.decimals);
}

function notAggregatableValue(
  observations: readonly MonthlyObservation[],
  window: MonthWindow,
  spec: MeasureSpec,
): WindowValue {
  checkNotPreSummed(observations, "not_aggregatable");
  const latest = latestPerUnit(observations);
  const numeratorSum = sumOfNumerators(latest);
  const base = { ...traceOf(latest, window, spec), numeratorSum, denominatorSum: null };
  if (latest.length === 0) return noValue(base, "no_observations");
  // Values such as medians cannot be combined across units; showing one unit's figure for the
  // group would mislead, so there is no value.
  if (latest.length > 1) return noValue(base, "several_units_not_aggregatable");
  return withValue(base, numeratorSum * spec.scale, spec.decimals);
}

type Trace = Omit<WindowValue, "state" | "value" | "roundedValue" | "displayedValue" | "reason">;

function traceOf(used: readonly MonthlyObservation[], window: MonthWindow, spec: MeasureSpec) {
  const monthsWithData = new Set<MonthKey>();
  for (const observation of used) monthsWithData.add(observation.month);
  const monthsUsed = [...monthsWithData].sort(ascending);
  const monthsMissing: MonthKey[] = [];
  for (const month of windowMonths(window)) if (!monthsWithData.has(month)) monthsMissing.push(month);
  return {
    window,
    monthsUsed,
    monthsMissing,
    unitsUsed: unitsIn(used),
    minDenominator: spec.minDenominator ?? null,
  };
}

/** A sum's list of units, sorted: most windows of a scorecard name the same list. */
const sortedLists = new WeakMap<readonly string[], readonly string[]>();

function unitsIn(used: readonly MonthlyObservation[]): string[] {
  // Sums of the same units share one list of them: each distinct list is read once.
  const lists = new Set<readonly string[]>();
  const units = new Set<string>();
  for (const observation of used) {
    if (observation.units) lists.add(observation.units);
    else units.add(observation.unit);
  }
  const [only] = lists;
  if (only && lists.size === 1 && units.size === 0) {
    let sorted = sortedLists.get(only);
    if (!sorted) {
      sorted = [...new Set(only)].sort();
      sortedLists.set(only, sorted);
    }
    return [...sorted];
  }
  for (const list of lists) for (const unit of list) units.add(unit);
  return [...units].sort();
}

function noValue(base: Trace, reason: NoValueReason): WindowValue {
  return { ...base, state: "no_data", value: null, roundedValue: null, displayedValue: null, reason };
}

function withValue(base: Trace, value: number, decimals: number): WindowValue {
  // A safety net: new figures are bounded (values.ts), but sums of figures stored before that can
  // overflow to Infinity. Such a window shows as missing data instead of failing the scorecard.
  if (!Number.isFinite(value)) return noValue(base, "out_of_range");
  const roundedValue = roundHalfAwayFromZero(value, decimals);
  return {
    ...base,
    state: "value",
    value,
    roundedValue,
    displayedValue: formatRoundedNb(roundedValue, decimals),
    reason: null,
  };
}

function latestPerUnit(observations: readonly MonthlyObservation[]): MonthlyObservation[] {
  const latestByUnit = new Map<string, MonthlyObservation>();
  for (const observation of observations) {
    const current = latestByUnit.get(observation.unit);
    if (current === undefined || observation.month > current.month) {
      latestByUnit.set(observation.unit, observation);
    }
  }
  return [...latestByUnit.values()];
}

function checkSpec(spec: MeasureSpec): void {
  if (!Number.isFinite(spec.scale) || spec.scale === 0) {
    throw new MeasureError(`Invalid scale ${spec.scale}: must be a non-zero number`);
  }
  const minDenominator = spec.minDenominator ?? null;
  if (minDenominator !== null && (!Number.isFinite(minDenominator) || minDenominator < 0)) {
    throw new MeasureError(`Invalid minimum denominator ${minDenominator}: must be 0 or more`);
  }
}

// Infinity passes: it is an overflowed sum, shown as missing data. NaN never comes from storage.
function checkObservation(observation: MonthlyObservation): void {
  if (typeof observation.numerator !== "number" || Number.isNaN(observation.numerator)) {
    throw new MeasureError(
      `Invalid numerator ${observation.numerator} (${whereOf(observation)}): must be a number`,
    );
  }
  const denominator = observation.denominator;
  if (
    isPresent(denominator) &&
    (typeof denominator !== "number" || Number.isNaN(denominator) || denominator < 0)
  ) {
    throw new MeasureError(
      `Invalid denominator ${denominator} (${whereOf(observation)}): must be a number, 0 or more`,
    );
  }
}

// Only made for an error message: a scorecard checks thousands of observations.
function whereOf(observation: MonthlyObservation): string {
  return `unit ${observation.unit}, month ${formatMonth(observation.month)}`;
}

// A sum over units hides which unit reported last, which these kinds need.
function checkNotPreSummed(observations: readonly MonthlyObservation[], kind: ValueKind): void {
  let summed: MonthlyObservation | undefined;
  for (const observation of observations) {
    if (observation.units !== undefined) {
      summed = observation;
      break;
    }
  }
  if (summed) {
    throw new MeasureError(
      `A ${kind} indicator needs each unit's own figures, not a sum over units (${summed.unit}, month ${formatMonth(summed.month)})`,
    );
  }
}

// Two figures for the same unit and month would be summed twice or picked at random; that is a
// loading error the caller must see.
function checkNoDuplicates(observations: readonly MonthlyObservation[]): void {
  const monthsOf = new Map<string, Set<MonthKey>>();
  for (const observation of observations) {
    let months = monthsOf.get(observation.unit);
    if (!months) {
      months = new Set();
      monthsOf.set(observation.unit, months);
    }
    if (months.has(observation.month)) {
      throw new MeasureError(
        `Duplicate observation for unit ${observation.unit}, month ${formatMonth(observation.month)}`,
      );
    }
    months.add(observation.month);
  }
}

function isFiniteObservation(observation: MonthlyObservation): boolean {
  const { numerator, denominator } = observation;
  return Number.isFinite(numerator) && (!isPresent(denominator) || Number.isFinite(denominator));
}

function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

// Module-level helpers rather than closures in the hot paths: each closure made per call costs.
function sumOfNumerators(observations: readonly MonthlyObservation[]): number {
  let total = 0;
  for (const observation of observations) total += observation.numerator;
  return total;
}

function ascending(a: number, b: number): number {
  return a - b;
}
