// Periods: the one parser for period strings, and month arithmetic.
//
// Decision: a month is a plain integer MonthKey = year * 12 + (month - 1). Month arithmetic across
// year boundaries then is ordinary addition (January 2024 - 2 = November 2023), windows are integer
// ranges, and keys sort and compare with < and >. Format at the edges with `formatMonth`.

import { type PeriodProblemCode, periodProblems } from "../i18n/problems/measurements.ts";
import { fillMessage } from "../i18n/render.ts";

export type MonthKey = number;

export type Tertial = 1 | 2 | 3;

export type Period =
  | { kind: "month"; year: number; month: number }
  | { kind: "tertial"; year: number; tertial: Tertial }
  | { kind: "year"; year: number };

/**
 * A period that cannot be read. `code` and `params` say what is wrong (the catalogue in
 * src/i18n/problems/measurements.ts words them for a reader); the message is the English
 * wording, for logs.
 */
export class PeriodError extends Error {
  readonly input: unknown;

  constructor(
    readonly code: PeriodProblemCode,
    readonly params: Record<string, string | number>,
    input: unknown,
  ) {
    super(fillMessage("en", periodProblems.en[code], params));
    this.name = "PeriodError";
    this.input = input;
  }
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

// Strict canonical forms only: zero-padded month, upper-case T, no whitespace. One spelling per
// period keeps stored strings comparable and makes typos (2024-3, 2024-t1) fail loudly.
const YEAR_PATTERN = /^(\d{4})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const TERTIAL_PATTERN = /^(\d{4})-T(\d)$/;

export function parsePeriod(input: string): Period {
  if (typeof input !== "string") {
    throw new PeriodError("period_not_text", { value: String(JSON.stringify(input)) }, input);
  }
  const value = { value: input };

  const yearMatch = YEAR_PATTERN.exec(input);
  if (yearMatch) {
    return { kind: "year", year: checkedYear(Number(yearMatch[1]), input) };
  }

  const monthMatch = MONTH_PATTERN.exec(input);
  if (monthMatch) {
    const year = checkedYear(Number(monthMatch[1]), input);
    const month = Number(monthMatch[2]);
    if (month < 1 || month > 12) {
      throw new PeriodError("period_month_range", value, input);
    }
    return { kind: "month", year, month };
  }

  const tertialMatch = TERTIAL_PATTERN.exec(input);
  if (tertialMatch) {
    const year = checkedYear(Number(tertialMatch[1]), input);
    const tertial = Number(tertialMatch[2]);
    if (tertial !== 1 && tertial !== 2 && tertial !== 3) {
      throw new PeriodError("period_tertial_range", value, input);
    }
    return { kind: "tertial", year, tertial };
  }

  throw new PeriodError("period_form", value, input);
}

/** Parses a month period string (`2024-03`) to its MonthKey; tertials and years are rejected. */
export function parseMonth(input: string): MonthKey {
  const period = parsePeriod(input);
  if (period.kind !== "month") {
    throw new PeriodError("period_not_month", { value: input }, input);
  }
  return monthKey(period.year, period.month);
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case "year":
      return String(period.year);
    case "tertial":
      return `${period.year}-T${period.tertial}`;
    case "month":
      return formatMonth(monthKey(period.year, period.month));
  }
}

export function monthKey(year: number, month: number): MonthKey {
  checkedYear(year, `${year}-${month}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new PeriodError("period_month_number", { month, year }, month);
  }
  return year * 12 + (month - 1);
}

export function yearOfMonth(key: MonthKey): number {
  return Math.floor(key / 12);
}

/** Calendar month 1-12 of a MonthKey. */
export function calendarMonthOf(key: MonthKey): number {
  return key - yearOfMonth(key) * 12 + 1;
}

export function addMonths(key: MonthKey, months: number): MonthKey {
  if (!Number.isInteger(months)) {
    throw new PeriodError("period_whole_months", { value: months }, months);
  }
  return key + months;
}

export function formatMonth(key: MonthKey): string {
  const month = calendarMonthOf(key);
  return `${yearOfMonth(key)}-${String(month).padStart(2, "0")}`;
}

/**
 * Signed number of months from `from` to `to` (2024-01 -> 2024-03 is 2). Decision: a difference,
 * not an inclusive count; `monthRange` gives the inclusive list when the months themselves are needed.
 */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  return to - from;
}

/** Every month from `first` to `last`, both included; empty when `last` is before `first`. */
export function monthRange(first: MonthKey, last: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let key = first; key <= last; key++) {
    months.push(key);
  }
  return months;
}

/** The month a scorecard for this period is taken at: T1 -> April, T2 -> August, T3 and year -> December. */
export function periodEndMonth(period: Period): MonthKey {
  switch (period.kind) {
    case "month":
      return monthKey(period.year, period.month);
    case "tertial":
      return monthKey(period.year, period.tertial * 4);
    case "year":
      return monthKey(period.year, 12);
  }
}

/** The tertial a month belongs to: Jan-Apr T1, May-Aug T2, Sep-Dec T3. */
export function tertialOfMonth(key: MonthKey): Tertial {
  const month = calendarMonthOf(key);
  if (month <= 4) return 1;
  if (month <= 8) return 2;
  return 3;
}

/** A report of the steering cycle: one per tertial T1 and T2, and the annual report. */
export type ReportingPoint = "T1" | "T2" | "annual";

/**
 * The report a period stands for: `2024-T1` -> T1, `2024-T2` -> T2, `2024` -> the annual report.
 * Null for the third tertial, which has no report of its own (the annual report covers it), and
 * for months, which no report is written for.
 */
export function reportingPoint(period: Period): ReportingPoint | null {
  if (period.kind === "year") return "annual";
  if (period.kind === "tertial" && period.tertial !== 3) return period.tertial === 1 ? "T1" : "T2";
  return null;
}

/** A period taken at December closes the year: 2024, 2024-T3 and 2024-12 all show the whole year. */
export function isYearEnd(period: Period): boolean {
  return calendarMonthOf(periodEndMonth(period)) === 12;
}

/**
 * Every way a year-end period is written, the year first: `2024`, `2024-T3`, `2024-12`. A scorecard
 * published under any of them is the year's (the annual report's) scorecard.
 */
export function yearEndPeriods(year: number): string[] {
  return [String(year), `${year}-T3`, `${year}-12`];
}

function checkedYear(year: number, input: unknown): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new PeriodError("period_year_range", { value: String(input), min: MIN_YEAR, max: MAX_YEAR }, input);
  }
  return year;
}
