// The month windows a scorecard looks at, derived from the scorecard period and the
// indicator's reporting lag (DOMAIN.md "Scorecard rules").

import type { MonthKey, Period } from "./periods.ts";
import { addMonths, calendarMonthOf, monthKey, monthRange, periodEndMonth, yearOfMonth } from "./periods.ts";

/** An inclusive range of months. */
export interface MonthWindow {
  first: MonthKey;
  last: MonthKey;
}

export type EvaluationBasis = "this_period" | "year_to_date" | "year";

export interface ScorecardWindows {
  /** periodEndMonth(P) - lag: the last month whose data count. */
  lastMonth: MonthKey;
  /** "Denne perioden": the 3 months ending at lastMonth. */
  thisPeriod: MonthWindow;
  /** "Hittil i år": January of lastMonth's year .. lastMonth. */
  yearToDate: MonthWindow;
  /** "Hittil i fjor": yearToDate one year earlier. */
  lastYearToDate: MonthWindow;
  /** The trend's comparison window: thisPeriod one year earlier. */
  sameWindowLastYear: MonthWindow;
  /** The "year" evaluation basis: 12 months ending at lastMonth (the calendar year at December). */
  rollingYear: MonthWindow;
}

export class WindowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WindowError";
  }
}

const MONTHS_IN_THIS_PERIOD = 3;

export function computeWindows(period: Period, lagMonths: number): ScorecardWindows {
  if (!Number.isInteger(lagMonths) || lagMonths < 0) {
    throw new WindowError(`Invalid reporting lag ${lagMonths}: must be a whole number of months, 0 or more`);
  }
  // Decision (settled in DOMAIN.md): a lagged indicator uses its last three *available* months, so
  // every window ends at the lagged month, which may fall in the previous year.
  return windowsEndingAt(addMonths(periodEndMonth(period), -lagMonths));
}

/**
 * The windows of a scorecard whose data end at `lastMonth`: what a scorecard row reads, and what
 * each point of an indicator's judged series reads (the point of a month is the row as it would
 * be if the data ended there).
 */
export function windowsEndingAt(lastMonth: MonthKey): ScorecardWindows {
  const thisPeriod = windowEndingAt(lastMonth, MONTHS_IN_THIS_PERIOD);
  // Year to date follows the year the data describe (lastMonth's year), not the scorecard's year:
  // a January scorecard with lag 2 shows Jan-Nov of the previous year.
  const yearToDate = { first: monthKey(yearOfMonth(lastMonth), 1), last: lastMonth };
  return {
    lastMonth,
    thisPeriod,
    yearToDate,
    lastYearToDate: shiftWindow(yearToDate, -12),
    sameWindowLastYear: shiftWindow(thisPeriod, -12),
    rollingYear: windowEndingAt(lastMonth, 12),
  };
}

/** The window the target is checked on. */
export function evaluationWindow(windows: ScorecardWindows, basis: EvaluationBasis): MonthWindow {
  switch (basis) {
    case "this_period":
      return windows.thisPeriod;
    case "year_to_date":
      return windows.yearToDate;
    case "year":
      return windows.rollingYear;
  }
}

/**
 * What the judged window is, for naming it: "this period", "year to date", "the last 12 months",
 * or - the year basis at December - "the calendar year".
 */
export type JudgedWindowKind = "this_period" | "year_to_date" | "rolling_year" | "calendar_year";

export function judgedWindowKind(basis: EvaluationBasis, window: MonthWindow): JudgedWindowKind {
  if (basis !== "year") return basis;
  return calendarMonthOf(window.first) === 1 && window.last - window.first === 11
    ? "calendar_year"
    : "rolling_year";
}

/** The scorecard periods in a year, by the month they end: T1 (April), T2 (August), the year (December). */
const PERIOD_ENDS = [
  { month: 4, suffix: "-T1" },
  { month: 8, suffix: "-T2" },
  { month: 12, suffix: "" },
] as const;

/**
 * The latest scorecard period (`2025-T2`, `2025`) that has data and has ended: the latest whose end
 * month is no later than the last month with data, nor than `lastFinishedMonth` (the month before
 * today's). A period whose last month has no data yet is not offered: its "this period" would be
 * short of a month. Null when there is no data at all.
 */
export function latestPeriodWithData(
  lastDataMonth: MonthKey | null,
  lastFinishedMonth: MonthKey,
): string | null {
  if (lastDataMonth === null) return null;
  const limit = Math.min(lastDataMonth, lastFinishedMonth);
  for (let year = yearOfMonth(limit); year >= yearOfMonth(limit) - 1; year--) {
    for (const end of [...PERIOD_ENDS].reverse()) {
      if (monthKey(year, end.month) <= limit) return `${year}${end.suffix}`;
    }
  }
  return null;
}

/** The calendar year as a window: the baseline of baseline-year targets is a full Jan-Dec. */
export function calendarYearWindow(year: number): MonthWindow {
  return { first: monthKey(year, 1), last: monthKey(year, 12) };
}

export function windowEndingAt(lastMonth: MonthKey, length: number): MonthWindow {
  return { first: addMonths(lastMonth, -(length - 1)), last: lastMonth };
}

export function shiftWindow(window: MonthWindow, months: number): MonthWindow {
  return { first: addMonths(window.first, months), last: addMonths(window.last, months) };
}

export function isInWindow(month: MonthKey, window: MonthWindow): boolean {
  return month >= window.first && month <= window.last;
}

export function windowMonths(window: MonthWindow): MonthKey[] {
  return monthRange(window.first, window.last);
}

/**
 * The fewest windows covering the same months: overlapping or adjacent windows are joined, so the
 * months a scorecard needs are fetched in as few ranges as possible.
 */
export function mergeWindows(windows: readonly MonthWindow[]): MonthWindow[] {
  const sorted = [...windows].sort((a, b) => a.first - b.first);
  const merged: MonthWindow[] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && window.first <= last.last + 1) {
      last.last = Math.max(last.last, window.last);
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}

/**
 * The spans from which each unit's latest month in every one of `windows` can be read, for stocks
 * and values that cannot be summed, where only a unit's latest month in a window counts: one span
 * per distinct last month, from the earliest first month of the windows that end there. A unit's
 * latest month in such a span is its latest in each of those windows that it has any month in;
 * and it never lies inside a window where the unit has a later month, since that month would lie
 * in the span too.
 */
export function latestSpans(windows: readonly MonthWindow[]): MonthWindow[] {
  const earliestByLast = new Map<MonthKey, MonthKey>();
  for (const window of windows) {
    const first = earliestByLast.get(window.last);
    if (first === undefined || window.first < first) earliestByLast.set(window.last, window.first);
  }
  return [...earliestByLast].map(([last, first]) => ({ first, last })).sort((a, b) => a.last - b.last);
}
