// What an action plan document reads, straight from the tables (the action plans feature owns
// them). Every list is bounded.

import { and, asc, desc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  actionPlanKeyIndicators,
  actionPlanMeasures,
  actionPlanSubGoals,
  actionPlans,
  indicators,
  indicatorTargets,
  measureLog,
  measures,
  units,
} from "../../db/schema.ts";

const listLimit = 500;

export async function findActionPlanForDocument(db: Db, id: number) {
  const [row] = await db
    .select({ plan: actionPlans, unitName: units.name, unitPath: units.path })
    .from(actionPlans)
    .innerJoin(units, eq(units.id, actionPlans.ownerUnitId))
    .where(eq(actionPlans.id, id));
  return row;
}

export function selectSubGoals(db: Db, planId: number) {
  return db
    .select()
    .from(actionPlanSubGoals)
    .where(eq(actionPlanSubGoals.planId, planId))
    .orderBy(asc(actionPlanSubGoals.number))
    .limit(listLimit);
}

export function selectKeyIndicators(db: Db, subGoalIds: number[]) {
  if (subGoalIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      row: actionPlanKeyIndicators,
      code: indicators.code,
      unitLabel: indicators.unitLabel,
      direction: indicators.direction,
    })
    .from(actionPlanKeyIndicators)
    .leftJoin(indicators, eq(indicators.id, actionPlanKeyIndicators.indicatorId))
    .where(inArray(actionPlanKeyIndicators.subGoalId, subGoalIds))
    .orderBy(asc(actionPlanKeyIndicators.position), asc(actionPlanKeyIndicators.id))
    .limit(listLimit);
}

/** The targets of the indicators for the organisation or the plan's owner unit. */
export function selectTargets(db: Db, indicatorIds: number[], ownerUnitId: number) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        inArray(indicatorTargets.indicatorId, indicatorIds),
        or(isNull(indicatorTargets.unitId), eq(indicatorTargets.unitId, ownerUnitId)),
      ),
    )
    .limit(listLimit * 4);
}

export function selectPlanMeasures(db: Db, planId: number) {
  return db
    .select({
      row: actionPlanMeasures,
      title: measures.title,
      description: measures.description,
      phase: measures.phase,
      status: measures.status,
    })
    .from(actionPlanMeasures)
    .innerJoin(measures, eq(measures.id, actionPlanMeasures.measureId))
    .where(eq(actionPlanMeasures.planId, planId))
    .orderBy(asc(actionPlanMeasures.position), asc(actionPlanMeasures.id))
    .limit(listLimit * 4);
}

export function selectUnitNames(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, ids))
    .limit(listLimit);
}

/** Each measure's log entries up to a day, newest first; the collector keeps the first of each. */
export function selectLatestLogs(db: Db, measureIds: number[], until: string) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      measureId: measureLog.measureId,
      on: measureLog.on,
      text: measureLog.text,
      phase: measureLog.phase,
      status: measureLog.status,
    })
    .from(measureLog)
    .where(and(inArray(measureLog.measureId, measureIds), lte(measureLog.on, until)))
    .orderBy(desc(measureLog.on), desc(measureLog.id))
    .limit(listLimit * 20);
}
