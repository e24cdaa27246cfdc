// A tertial's progress on a plan version (seed 004: progress is reported in the regular
// performance reports): each measure's phase and status as of the tertial's last day, and each key
// indicator against its target for the year. An indicator is judged as the owner unit's scorecard
// judges it for the period (same windows, targets and lower-is-better rule); a milestone by its
// own rule in src/domain/actionPlans.ts.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { milestoneProgress, periodEndDay, standingOn } from "../../domain/actionPlans.ts";
import { type Period, PeriodError, parsePeriod } from "../../domain/periods.ts";
import { AppError, fieldProblem, notFound } from "../../errors.ts";
import { computeRows } from "../scorecards/compute.ts";
import { findUnitById } from "../units/queries.ts";
import { loadReadablePlan } from "./access.ts";
import {
  selectIndicatorsByIds,
  selectKeyIndicators,
  selectLogEntries,
  selectPlanMeasures,
} from "./queries.ts";
import type { ActionPlanProgressView, KeyIndicatorProgressView, MeasureProgressView } from "./schema.ts";

/** A tertial (2009-T1), or a year taken as its third tertial; 400 naming the field otherwise. */
export function tertialOf(text: string): Period & { kind: "tertial" } {
  const refuse = () =>
    new AppError("validation_failed", "action_plan_period_invalid", {
      problems: [fieldProblem("period", "plan_period_tertial", { period: text })],
    });
  let period: Period;
  try {
    period = parsePeriod(text);
  } catch (error) {
    if (error instanceof PeriodError) throw refuse();
    throw error;
  }
  if (period.kind === "year") return { kind: "tertial", year: period.year, tertial: 3 };
  if (period.kind !== "tertial") throw refuse();
  return period;
}

export async function getPlanProgress(
  db: Db,
  { principal }: Caller,
  planId: number,
  periodText: string,
): Promise<ActionPlanProgressView> {
  const { plan } = await loadReadablePlan(db, principal, planId);
  const period = tertialOf(periodText);
  const periodEnd = periodEndDay(period);
  const [links, keyIndicators, owner] = await Promise.all([
    selectPlanMeasures(db, plan.id),
    selectKeyIndicators(db, plan.id),
    findUnitById(db, plan.ownerUnitId),
  ]);
  if (!owner) throw notFound("action_plan_not_found", { id: planId });

  const log = await selectLogEntries(
    db,
    links.map(({ link }) => link.measureId),
  );
  const measures: MeasureProgressView[] = links.map(({ link, measure }) => {
    const standing = standingOn(
      log.filter((entry) => entry.measureId === link.measureId),
      periodEnd,
      { phase: measure.phase, status: measure.status, reportedOn: null as string | null },
      (entry) => ({ phase: entry.phase, status: entry.status, reportedOn: entry.on }),
    );
    return {
      planMeasureId: link.id,
      measureId: link.measureId,
      subGoalId: link.subGoalId,
      label: link.label,
      title: measure.title,
      priority: link.priority,
      years: link.years,
      ...standing,
    };
  });

  const indicatorIds = [
    ...new Set(keyIndicators.flatMap((row) => (row.indicatorId === null ? [] : [row.indicatorId]))),
  ];
  const indicatorRows = await selectIndicatorsByIds(db, indicatorIds);
  const judged = new Map(
    (await computeRows(db, owner, period, indicatorRows)).map((computed) => [
      computed.indicator.id,
      computed,
    ]),
  );

  const progress: KeyIndicatorProgressView[] = keyIndicators.map((row) => {
    const common = {
      keyIndicatorId: row.id,
      subGoalId: row.subGoalId,
      text: row.text,
      kind: row.kind,
      dueOn: row.dueOn,
      milestoneValue: row.milestoneValue,
      milestoneTarget: row.milestoneTarget,
      milestoneUnit: row.milestoneUnit,
    };
    if (row.kind === "indicator") {
      const computed = row.indicatorId === null ? undefined : judged.get(row.indicatorId);
      if (!computed) return { ...common, indicator: null, met: null, overdue: false };
      const { attainment } = computed.row;
      return {
        ...common,
        indicator: {
          code: computed.indicator.code,
          unitLabel: computed.indicator.unitLabel,
          direction: computed.indicator.direction,
          value: computed.row.evaluated.value,
          targetYear: computed.row.targetYear,
          attainment: {
            colour: attainment.colour,
            reason: attainment.reason,
            targetValue: attainment.targetValue,
            comparator: attainment.comparator,
            displayedValue: attainment.displayedValue,
          },
        },
        met: attainment.reason === "met" ? true : attainment.reason === "not_met" ? false : null,
        overdue: false,
      };
    }
    const milestone =
      row.kind === "milestone_done"
        ? { kind: row.kind, done: row.milestoneDone === 1, on: row.milestoneOn, dueOn: row.dueOn }
        : {
            kind: row.kind,
            value: row.milestoneValue,
            target: row.milestoneTarget,
            on: row.milestoneOn,
            dueOn: row.dueOn,
          };
    return { ...common, indicator: null, ...milestoneProgress(milestone, periodEnd) };
  });

  return {
    planId: plan.id,
    period: `${period.year}-T${period.tertial}`,
    periodEnd,
    measures,
    keyIndicators: progress,
  };
}
