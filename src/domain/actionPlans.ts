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

/** The last day of a tertial (T1 to 30 April, T2 to 31 August, T3 to 31 December) or a year, ISO. */
export function periodEndDay(
  period: { year: number } & ({ tertial: 1 | 2 | 3 } | { tertial?: undefined }),
): string {
  const month = period.tertial === 1 ? "04-30" : period.tertial === 2 ? "08-31" : "12-31";
  return `${String(period.year).padStart(4, "0")}-${month}`;
}

/**
 * Where a measure stood on `asOf`: the newest log entry dated on or before it (the later one
 * of two on the same day, as entered), else the measure as it is now (it has no report yet).
 */
export function standingOn<Entry extends { on: string; id: number }, Standing>(
  log: readonly Entry[],
  asOf: string,
  current: Standing,
  standingOf: (entry: Entry) => Standing,
): Standing {
  let best: Entry | undefined;
  for (const entry of log) {
    if (entry.on > asOf) continue;
    if (!best || entry.on > best.on || (entry.on === best.on && entry.id > best.id)) best = entry;
  }
  return best ? standingOf(best) : current;
}

export type Milestone =
  | { kind: "milestone_done"; done: boolean; on: string | null; dueOn: string | null }
  | {
      kind: "milestone_value";
      value: number | null;
      target: number | null;
      on: string | null;
      dueOn: string | null;
    };

export type MilestoneProgress = {
  /** Done, or the value reached its target; null when not known as of the day. */
  met: boolean | null;
  /** Due before the day and not met. */
  overdue: boolean;
};

/**
 * A manual milestone as of a day (a tertial's last day): done or not; or a value, dated, against
 * its target (higher is better: seed 004's milestones count what is in place). A completion or a
 * value dated after the day was not known then.
 */
export function milestoneProgress(milestone: Milestone, asOf: string): MilestoneProgress {
  let met: boolean | null;
  if (milestone.kind === "milestone_done")
    met = milestone.done && (milestone.on === null || milestone.on <= asOf);
  else if (milestone.value === null || milestone.target === null) met = null;
  else if (milestone.on !== null && milestone.on > asOf) met = null;
  else met = milestone.value >= milestone.target;
  const overdue = met !== true && milestone.dueOn !== null && milestone.dueOn < asOf;
  return { met, overdue };
}
