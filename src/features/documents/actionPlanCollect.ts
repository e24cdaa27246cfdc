// Reads an action plan's document data: the plan, its sub-goals with their key indicators (a
// catalogue indicator's target worded for each year of the plan), its measures with who carries
// them out, and with a period the latest status note on each measure up to the period's end.

import { systemCaller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import {
  addMonths,
  calendarMonthOf,
  parsePeriod,
  periodEndMonth,
  yearOfMonth,
} from "../../domain/periods.ts";
import type { TargetRule } from "../../domain/targets.ts";
import { getPlanProgress } from "../actionPlans/progress.ts";
import type { ActionPlanProgressView } from "../actionPlans/schema.ts";
import type { ActionPlanData, KeyIndicatorData } from "./actionPlanModel.ts";
import {
  findActionPlanForDocument,
  selectKeyIndicators,
  selectLatestLogs,
  selectPlanMeasures,
  selectSubGoals,
  selectTargets,
  selectUnitNames,
} from "./actionPlanQueries.ts";
import { wordStanding } from "./actionPlanStanding.ts";
import { listed, responsibilityWords } from "./programmeLabels.ts";
import { describeTarget } from "./targetWording.ts";

type Found = NonNullable<Awaited<ReturnType<typeof findActionPlanForDocument>>>;
export const findActionPlan = findActionPlanForDocument;

/** The last day of a period ("2009-T2" -> "2009-08-31"). */
export function periodLastDay(period: string): string {
  const next = addMonths(periodEndMonth(parsePeriod(period)), 1);
  const first = Date.UTC(yearOfMonth(next), calendarMonthOf(next) - 1, 1);
  return new Date(first - 86_400_000).toISOString().slice(0, 10);
}

type TargetRow = Awaited<ReturnType<typeof selectTargets>>[number];

/** The target for a year: the owner unit's before the organisation's, the year's before every year's. */
function targetFor(rows: TargetRow[], indicatorId: number, year: number): TargetRule | null {
  const candidates = rows.filter(
    (row) => row.indicatorId === indicatorId && (row.year === year || row.year === null),
  );
  const score = (row: TargetRow) => (row.unitId !== null ? 2 : 0) + (row.year !== null ? 1 : 0);
  return candidates.sort((a, b) => score(b) - score(a))[0]?.rule ?? null;
}

/**
 * The plan's progress for a tertial (a year counts as its third tertial), as the action plan's
 * progress API gives it; null for other periods, whose key indicators the scorecard does not
 * judge. Read as the system: the caller was allowed to read the plan before collection began.
 */
async function progressFor(db: Db, planId: number, period: string): Promise<ActionPlanProgressView | null> {
  const kind = parsePeriod(period).kind;
  if (kind !== "tertial" && kind !== "year") return null;
  return getPlanProgress(db, systemCaller, planId, period);
}

export async function collectActionPlan(
  db: Db,
  found: Found,
  progressPeriod: string | null,
  now: Date,
): Promise<ActionPlanData> {
  const { plan } = found;
  const years = Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, index) => plan.fromYear + index);
  const subGoals = await selectSubGoals(db, plan.id);
  const keyRows = await selectKeyIndicators(
    db,
    subGoals.map((subGoal) => subGoal.id),
  );
  const indicatorIds = [
    ...new Set(keyRows.flatMap(({ row }) => (row.indicatorId === null ? [] : [row.indicatorId]))),
  ];
  const targets = await selectTargets(db, indicatorIds, plan.ownerUnitId);
  const progress = progressPeriod ? await progressFor(db, plan.id, progressPeriod) : null;
  const progressOf = new Map(progress?.keyIndicators.map((each) => [each.keyIndicatorId, each]));
  const standingOf = ({ row, unitLabel, direction }: (typeof keyRows)[number]) => {
    const judged = progressOf.get(row.id);
    if (!progress || !judged) return {};
    const rule =
      row.indicatorId !== null && judged.indicator
        ? targetFor(targets, row.indicatorId, judged.indicator.targetYear)
        : null;
    const facts = {
      ...row,
      unitLabel,
      direction,
      milestoneDone: row.milestoneDone === null ? null : row.milestoneDone === 1,
    };
    return { standing: wordStanding(facts, judged, rule, progress.periodEnd) };
  };
  const keyIndicator = (found: (typeof keyRows)[number]): KeyIndicatorData => {
    const { row, code, unitLabel, direction } = found;
    return {
      text: row.text,
      kind: row.kind,
      indicatorCode: code,
      yearlyTargets:
        row.indicatorId === null || direction === null
          ? []
          : years.flatMap((year) => {
              const rule = targetFor(targets, row.indicatorId ?? 0, year);
              if (!rule) return [];
              return [
                { year, target: describeTarget({ rule, direction, unitLabel: unitLabel ?? "", year }, "nb") },
              ];
            }),
      dueOn: row.dueOn,
      milestoneTarget: row.milestoneTarget,
      milestoneUnit: row.milestoneUnit,
      milestoneDone: row.milestoneDone === null ? null : row.milestoneDone === 1,
      milestoneValue: row.milestoneValue,
      milestoneOn: row.milestoneOn,
      ...standingOf(found),
    };
  };

  const measureRows = await selectPlanMeasures(db, plan.id);
  const named = [...new Set(measureRows.flatMap(({ row }) => row.responsibleUnitIds))];
  const names = new Map((await selectUnitNames(db, named)).map((unit) => [unit.id, unit.name]));
  const numberOf = new Map(subGoals.map((subGoal) => [subGoal.id, subGoal.number]));
  const logs = progressPeriod
    ? await selectLatestLogs(
        db,
        measureRows.map(({ row }) => row.measureId),
        periodLastDay(progressPeriod),
      )
    : [];
  const latestLog = new Map<number, ActionPlanData["measures"][number]["latestLog"]>();
  for (const { measureId, ...log } of logs) if (!latestLog.has(measureId)) latestLog.set(measureId, log);

  return {
    takenAt: now.toISOString(),
    unit: { id: plan.ownerUnitId, name: found.unitName },
    plan: {
      id: plan.id,
      title: plan.title,
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      purpose: plan.purpose,
      mainGoal: plan.mainGoal,
      boardCases: plan.boardCases,
      status: plan.status,
      adoptedOn: plan.adoptedOn,
      versionNumber: plan.versionNumber,
      revisedInYear: plan.revisedInYear,
    },
    subGoals: subGoals.map((subGoal) => ({
      number: subGoal.number,
      text: subGoal.text,
      keyIndicators: keyRows.filter(({ row }) => row.subGoalId === subGoal.id).map(keyIndicator),
    })),
    measures: measureRows.map(({ row, title, description, phase, status }) => ({
      subGoal: row.subGoalId === null ? null : (numberOf.get(row.subGoalId) ?? null),
      label: row.label,
      title,
      description,
      priority: row.priority,
      years: row.years,
      resource: row.resource,
      responsible:
        row.responsibility === "named_units"
          ? listed(row.responsibleUnitIds.map((id) => names.get(id) ?? "").filter(Boolean)) || "–"
          : row.responsibility === "owner"
            ? found.unitName
            : responsibilityWords[row.responsibility],
      phase,
      status,
      latestLog: latestLog.get(row.measureId) ?? null,
    })),
    progressPeriod,
  };
}
