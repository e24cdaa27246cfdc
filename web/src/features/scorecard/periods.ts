// The web side of periods: the picker's choices, the page address and month names. The rules
// (what a period is, where it ends, which tertial a month is in) are the server's own, imported
// from src/domain/periods.ts, so the page and the API can never disagree about a period.

import {
  formatMonth as formatMonthKey,
  isYearEnd,
  MAX_YEAR,
  MIN_YEAR,
  monthKey,
  parsePeriod,
  periodEndMonth as periodEndMonthKey,
  tertialOfMonth,
} from "../../../../src/domain/periods.ts";

/** The picker's second select: T1, T2, year end, or a month `01`-`12`, as the API writes them. */
export type PeriodPart = "T1" | "T2" | "year" | `${number}`;

export const periodParts: readonly PeriodPart[] = [
  "T1",
  "T2",
  "year",
  ...Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0") as PeriodPart),
];

export type PeriodChoice = { year: number; part: PeriodPart };

/** The picker's choice for a period. It offers no T3: the third tertial is shown as the year end. */
export function parsePeriodChoice(period: string): PeriodChoice {
  const parsed = parsePeriod(period);
  switch (parsed.kind) {
    case "year":
      return { year: parsed.year, part: "year" };
    case "tertial":
      return { year: parsed.year, part: parsed.tertial === 3 ? "year" : `T${parsed.tertial}` };
    case "month":
      return { year: parsed.year, part: String(parsed.month).padStart(2, "0") as PeriodPart };
  }
}

export function formatPeriodChoice({ year, part }: PeriodChoice): string {
  return part === "year" ? String(year) : `${year}-${part}`;
}

/** The period's last month as the API writes it, `YYYY-MM`: T1 April, T2 August, year end December. */
export function periodEndMonth(period: string): string {
  return formatMonthKey(periodEndMonthKey(parsePeriod(period)));
}

/** Whether the period is the year end (2024, 2024-T3, 2024-12): the annual report's column. */
export function isYearEndPeriod(period: string): boolean {
  return isYearEnd(parsePeriod(period));
}

/** The last period that has ended: in November, this year's T2; in February, last year's year end. */
export function latestFinishedPeriod(today = new Date()): string {
  const year = today.getFullYear();
  const tertial = tertialOfMonth(monthKey(year, today.getMonth() + 1));
  // The current tertial is still running; in the first, the last finished period is last year.
  return tertial === 1 ? String(year - 1) : `${year}-T${tertial - 1}`;
}

/** Years offered in the period picker: the demo data start in 2022; a few years back is plenty. */
export function selectableYears(today = new Date()): number[] {
  const last = today.getFullYear();
  return Array.from({ length: 8 }, (_, index) => last - index);
}

/** `2024-10` as "okt. 2024" / "Oct 2024". */
export function formatMonth(month: string, intlLocale: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat(intlLocale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

/** `2024-01` … `2024-12` as "jan.–des. 2024"-like text, or one month when first equals last. */
export function formatMonthSpan(first: string, last: string, intlLocale: string): string {
  if (first === last) return formatMonth(first, intlLocale);
  return `${formatMonth(first, intlLocale)}–${formatMonth(last, intlLocale)}`;
}

/**
 * A unit and a period in the address (`?unit=2&year=2024&part=T1`), so a scorecard or an
 * indicator page can be linked to. Year and part are kept apart so the address stays readable:
 * the router would write a lone `2024` string as `"2024"`.
 */
export type FiguresSearch = { unit?: number; year?: number; part?: PeriodPart };

export function parseFiguresSearch(search: Record<string, unknown>): FiguresSearch {
  const unit = Number(search.unit);
  const year = Number(search.year);
  const part = typeof search.part === "number" ? String(search.part).padStart(2, "0") : search.part;
  return {
    ...(Number.isInteger(unit) && unit > 0 ? { unit } : {}),
    ...(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? { year } : {}),
    ...(periodParts.includes(part as PeriodPart) ? { part: part as PeriodPart } : {}),
  };
}

/** The period the address names, or `fallback` when it names none. */
export function periodFromSearch(search: FiguresSearch, fallback: string): string {
  if (search.year === undefined) return fallback;
  return formatPeriodChoice({ year: search.year, part: search.part ?? "year" });
}

/** The address form of a period. */
export function periodSearch(period: string): { year: number; part: PeriodPart } {
  return parsePeriodChoice(period);
}
