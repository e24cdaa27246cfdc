// The periods a unit's own risks ("Topp 5") are assessed for, and which one comes before which.
// Risks are reviewed with the reports of the steering cycle: T1, T2 and the annual report, which
// covers the third tertial. So the period before 2024-T2 is 2024-T1, before the annual 2024 it is
// 2024-T2, and before 2024-T1 it is the annual 2023.

import { MIN_YEAR, PeriodError, parsePeriod, reportingPoint } from "./periods.ts";

/** A reported tertial or a year (the annual report). */
export type RiskPeriod = { kind: "tertial"; year: number; tertial: 1 | 2 } | { kind: "year"; year: number };

/**
 * Reads a period a risk can be assessed for: `2024-T1`, `2024-T2` or `2024`. Throws a PeriodError
 * naming the problem otherwise: the parser's own for text that is no period, and
 * `period_not_reporting_point` for a month or the third tertial.
 */
export function parseRiskPeriod(input: string): RiskPeriod {
  const period = parsePeriod(input);
  const point = reportingPoint(period);
  if (point === "annual") return { kind: "year", year: period.year };
  if (point === "T1" || point === "T2") {
    return { kind: "tertial", year: period.year, tertial: point === "T1" ? 1 : 2 };
  }
  throw new PeriodError("period_not_reporting_point", { value: input, year: period.year }, input);
}

export function formatRiskPeriod(period: RiskPeriod): string {
  return period.kind === "year" ? String(period.year) : `${period.year}-T${period.tertial}`;
}

/** The period reviewed just before: T1 before T2, T2 before the year, last year before T1; null before 1900-T1. */
export function periodBefore(period: RiskPeriod): RiskPeriod | null {
  if (period.kind === "year") return { kind: "tertial", year: period.year, tertial: 2 };
  if (period.tertial === 2) return { kind: "tertial", year: period.year, tertial: 1 };
  return period.year > MIN_YEAR ? { kind: "year", year: period.year - 1 } : null;
}

/** `periodBefore` on text: "2024-T2" -> "2024-T1". Throws a PeriodError as parseRiskPeriod does. */
export function previousRiskPeriod(input: string): string | null {
  const before = periodBefore(parseRiskPeriod(input));
  return before === null ? null : formatRiskPeriod(before);
}

/** Sorts risk periods in the order they are reviewed: 2023, 2024-T1, 2024-T2, 2024. */
export function riskPeriodOrder(period: RiskPeriod): number {
  return period.year * 10 + (period.kind === "year" ? 3 : period.tertial);
}
