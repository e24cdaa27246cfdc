// The rules of action plans (seed 004: a plan for 2009-2012 with sub-goals, measures by priority and
// year, revised yearly with the unfinished measures carried over). Pure.

import type { MeasurePhase } from "./riskMeasures.ts";

export type PlanYears = { from: number; to: number };

export type PlanMeasure = {
  /** The same measure in every version of the plan. */
  key: string;
  title: string;
  priority: 1 | 2;
  years: readonly number[];
  phase: MeasurePhase;
};

const finishedPhases: readonly MeasurePhase[] = ["completed", "cancelled"];

export function isFinished(measure: Pick<PlanMeasure, "phase">): boolean {
  return finishedPhases.includes(measure.phase);
}

/** The years a measure names outside the plan's years, in order; none when all fit. */
export function yearsOutsidePlan(years: readonly number[], plan: PlanYears): number[] {
  return [...new Set(years.filter((year) => year < plan.from || year > plan.to))].sort((a, b) => a - b);
}

/**
 * What a revision made in `revisionYear` carries over: every measure not completed or cancelled,
 * keeping the years from the revision year on; a measure whose years have all passed is moved to
 * the revision year (it is still to be done). A revision after the plan's last year carries nothing.
 */
export function carryOver(
  measures: readonly PlanMeasure[],
  revisionYear: number,
  plan: PlanYears,
): PlanMeasure[] {
  if (revisionYear > plan.to) return [];
  const first = Math.max(revisionYear, plan.from);
  return measures
    .filter((measure) => !isFinished(measure))
    .map((measure) => {
      const ahead = [...new Set(measure.years.filter((year) => year >= first && year <= plan.to))].sort(
        (a, b) => a - b,
      );
      return { ...measure, years: ahead.length > 0 ? ahead : [first] };
    });
}

export type VersionComparison = {
  /** In both versions, unchanged in title, priority and years. */
  kept: string[];
  /** In both, with another title, priority or years. */
  changed: string[];
  /** New in the later version. */
  added: string[];
  /** Done or cancelled in the earlier version, so not carried over. */
  finished: string[];
  /** Unfinished in the earlier version and left out of the later one. */
  dropped: string[];
};

/** What a revision changed, measure by measure, each list in the order of the version it comes from. */
export function compareVersions(
  earlier: readonly PlanMeasure[],
  later: readonly PlanMeasure[],
): VersionComparison {
  const laterByKey = new Map(later.map((measure) => [measure.key, measure]));
  const earlierKeys = new Set(earlier.map((measure) => measure.key));
  const result: VersionComparison = { kept: [], changed: [], added: [], finished: [], dropped: [] };
  for (const measure of earlier) {
    const next = laterByKey.get(measure.key);
    if (!next) {
      (isFinished(measure) ? result.finished : result.dropped).push(measure.key);
      continue;
    }
    const same =
      next.title === measure.title &&
      next.priority === measure.priority &&
      next.years.length === measure.years.length &&
      next.years.every((year, index) => year === measure.years[index]);
    (same ? result.kept : result.changed).push(measure.key);
  }
  for (const measure of later) if (!earlierKeys.has(measure.key)) result.added.push(measure.key);
  return result;
}
