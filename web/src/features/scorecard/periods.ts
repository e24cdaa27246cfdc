// Scorecard periods as the API writes them: `2024-T1`, `2024-T2`, `2024` (year end) and months
// `2024-03`. The page keeps the period in the address, so a link opens the same scorecard.

export type PeriodPart = "T1" | "T2" | "year" | `${number}`;

export const periodParts: readonly PeriodPart[] = [
  "T1",
  "T2",
  "year",
  ...Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0") as PeriodPart),
];

export type PeriodChoice = { year: number; part: PeriodPart };

const periodPattern = /^(\d{4})(?:-(T1|T2|T3|0[1-9]|1[0-2]))?$/;

export function parsePeriodChoice(period: string): PeriodChoice {
  const match = periodPattern.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const year = Number(match[1]);
  const part = match[2];
  if (part === undefined || part === "T3") return { year, part: "year" };
  return { year, part: part as PeriodPart };
}

export function formatPeriodChoice({ year, part }: PeriodChoice): string {
  return part === "year" ? String(year) : `${year}-${part}`;
}

/** The period's last month, `YYYY-MM`: T1 April, T2 August, year end December. */
export function periodEndMonth(period: string): string {
  const { year, part } = parsePeriodChoice(period);
  const month = part === "T1" ? "04" : part === "T2" ? "08" : part === "year" ? "12" : part;
  return `${year}-${month}`;
}

/** The last period that has ended: in November, this year's T2; in February, last year's year end. */
export function latestFinishedPeriod(today = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (month >= 9) return `${year}-T2`;
  if (month >= 5) return `${year}-T1`;
  return String(year - 1);
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

/** The month `count` months after (or before, when negative) `month`. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
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
    ...(Number.isInteger(year) && year >= 1900 && year <= 2999 ? { year } : {}),
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
