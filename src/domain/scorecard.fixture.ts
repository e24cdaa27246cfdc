// Helpers of the scorecard's domain tests (scorecard.test.ts and scorecardTargets.test.ts):
// monthly observations, targets for the whole organisation and a share indicator.

import type { MonthlyObservation } from "./measures.ts";
import type { MonthKey } from "./periods.ts";
import { formatMonth, monthRange, parseMonth } from "./periods.ts";
import type { IndicatorDefinition, ScorecardTargets } from "./scorecard.ts";
import type { TargetCandidate, TargetRule } from "./targets.ts";
import type { MonthWindow } from "./windows.ts";

export const months = (first: string, last: string): MonthKey[] =>
  monthRange(parseMonth(first), parseMonth(last));
export const show = (window: MonthWindow) => `${formatMonth(window.first)}..${formatMonth(window.last)}`;

/** The same numerator/denominator for a unit in every month from `first` to `last`. */
export const monthly = (unit: string, first: string, last: string, numerator: number, denominator?: number) =>
  months(first, last).map(
    (month): MonthlyObservation =>
      denominator === undefined ? { unit, month, numerator } : { unit, month, numerator, denominator },
  );

export const general = (
  indicatorId: string,
  rule: TargetRule,
  year: number | null = null,
): TargetCandidate => ({
  indicatorId,
  year,
  unitId: null,
  rule,
});
export const forOrganisation = (candidates: TargetCandidate[]): ScorecardTargets => ({
  candidates,
  unitId: null,
});

export const share: IndicatorDefinition = {
  id: "epikrise",
  code: "EPI-1",
  direction: "higher",
  valueKind: "ratio",
  scale: 100,
  decimals: 1,
  lagMonths: 0,
  evaluationBasis: "this_period",
  trendMode: "relative",
};
