// The period a unit's own risks are shown and assessed for, kept in the address
// (`?year=2024&part=T2`) so that a register in a given period can be linked to. Risks are reviewed
// with the reports: T1, T2 and the annual report (src/domain/riskPeriods.ts).

import { MAX_YEAR, MIN_YEAR } from "../../../../src/domain/periods.ts";
import { latestFinishedPeriod } from "../scorecard/periods.ts";

export const riskPeriodParts = ["T1", "T2", "year"] as const;
export type RiskPeriodPart = (typeof riskPeriodParts)[number];

export type UnitRisksSearch = { year?: number; part?: RiskPeriodPart };

export function parseUnitRisksSearch(search: Record<string, unknown>): UnitRisksSearch {
  const year = Number(search.year);
  const part = riskPeriodParts.find((each) => each === search.part);
  return {
    ...(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? { year } : {}),
    ...(part ? { part } : {}),
  };
}

/**
 * The period asked for, or else the one being reported on now: the last finished tertial, or the
 * year in its first four months (the annual report covers the third tertial).
 */
export function periodOf(
  search: UnitRisksSearch,
  today = new Date(),
): { year: number; part: RiskPeriodPart } {
  const [current = "", tertial] = latestFinishedPeriod(today).split("-");
  const fallback = { year: Number(current), part: (tertial as RiskPeriodPart | undefined) ?? "year" };
  return { year: search.year ?? fallback.year, part: search.part ?? fallback.part };
}

export function formatRiskPeriod({ year, part }: { year: number; part: RiskPeriodPart }): string {
  return part === "year" ? String(year) : `${year}-${part}`;
}

/** Years offered: a few back from this one, and the one shown even when it is older. */
export function riskPeriodYears(shown: number, today = new Date()): number[] {
  const last = today.getFullYear();
  const years = Array.from({ length: 6 }, (_, index) => last - index);
  return years.includes(shown) ? years : [...years, shown].sort((a, b) => b - a);
}
