// SQL of action plans: the plan versions, their sub-goals, key indicators and measure links, and
// what the views name (units, indicators, the measures and their logs).

import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  actionPlanKeyIndicators,
  actionPlanMeasures,
  actionPlanSubGoals,
  actionPlans,
  indicators,
  measureLog,
  measures,
  units,
} from "../../db/schema.ts";

export type PlanRow = typeof actionPlans.$inferSelect;
export type SubGoalRow = typeof actionPlanSubGoals.$inferSelect;
export type KeyIndicatorRow = typeof actionPlanKeyIndicators.$inferSelect;
export type PlanMeasureRow = typeof actionPlanMeasures.$inferSelect;
export type PlanValues = Partial<Omit<typeof actionPlans.$inferInsert, "id" | "version" | "createdAt">>;
export type UnitRef = { id: number; code: string; name: string; path: string };

export async function findPlan(db: Db, id: number): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.id, id));
  return row;
}

/** The plan's owner unit, for the features that hang on a plan (benefits, documents). */
export async function findActionPlanOwner(
  db: Db,
  planId: number,
): Promise<{ id: number; ownerUnitId: number; ownerPath: string } | null> {
  const [row] = await db
    .select({ id: actionPlans.id, ownerUnitId: actionPlans.ownerUnitId, ownerPath: units.path })
    .from(actionPlans)
    .innerJoin(units, eq(units.id, actionPlans.ownerUnitId))
    .where(eq(actionPlans.id, planId));
  return row ?? null;
}

export async function findUnitRef(db: Db, id: number): Promise<UnitRef | undefined> {
  const [row] = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

export async function selectUnitRefs(db: Db, ids: number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(inArray(units.id, ids));
}

/** Every plan version with its owner unit, newest plans first; the caller filters what it may read. */
export async function selectPlansWithOwners(db: Db, underPath: string | null) {
  return db
    .select({
      plan: actionPlans,
      owner: { id: units.id, code: units.code, name: units.name, path: units.path },
    })
    .from(actionPlans)
    .innerJoin(units, eq(units.id, actionPlans.ownerUnitId))
    .where(underPath === null ? undefined : sql`${units.path} like ${`${underPath}%`}`)
    .orderBy(desc(actionPlans.fromYear), asc(actionPlans.title), asc(actionPlans.versionNumber));
}

export async function selectSeries(db: Db, seriesId: number): Promise<PlanRow[]> {
  return db
    .select()
    .from(actionPlans)
    .where(eq(actionPlans.seriesId, seriesId))
    .orderBy(asc(actionPlans.versionNumber));
}

/** Whether a newer version of the plan exists: then this one is kept as it was. */
export async function hasNewerVersion(db: Db, plan: Pick<PlanRow, "seriesId" | "versionNumber">) {
  if (plan.seriesId === null) return false;
  const [row] = await db
    .select({ id: actionPlans.id })
    .from(actionPlans)
    .where(and(eq(actionPlans.seriesId, plan.seriesId), gt(actionPlans.versionNumber, plan.versionNumber)))
    .limit(1);
  return row !== undefined;
}

export async function insertPlan(db: Db, values: typeof actionPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(actionPlans).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  // The first version names itself as its series.
  if (row.seriesId !== null) return row;
  const [withSeries] = await db
    .update(actionPlans)
    .set({ seriesId: row.id })
    .where(eq(actionPlans.id, row.id))
    .returning();
  return withSeries ?? row;
}

/** Writes a change if the plan is still at `version`, raising it; nothing when someone came first. */
export async function updatePlan(db: Db, id: number, version: number, values: PlanValues) {
  const [row] = await db
    .update(actionPlans)
    .set({ ...values, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlans.id, id), eq(actionPlans.version, version)))
    .returning();
  return row;
}

export async function selectSubGoals(db: Db, planId: number): Promise<SubGoalRow[]> {
  return db
    .select()
    .from(actionPlanSubGoals)
    .where(eq(actionPlanSubGoals.planId, planId))
    .orderBy(asc(actionPlanSubGoals.number));
}

export async function findSubGoal(db: Db, id: number): Promise<SubGoalRow | undefined> {
  const [row] = await db.select().from(actionPlanSubGoals).where(eq(actionPlanSubGoals.id, id));
  return row;
}

export async function insertSubGoal(db: Db, values: typeof actionPlanSubGoals.$inferInsert) {
  const [row] = await db.insert(actionPlanSubGoals).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateSubGoal(
  db: Db,
  id: number,
  version: number,
  values: Partial<Pick<SubGoalRow, "number" | "text">>,
) {
  const [row] = await db
    .update(actionPlanSubGoals)
    .set({ ...values, version: sql`${actionPlanSubGoals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlanSubGoals.id, id), eq(actionPlanSubGoals.version, version)))
    .returning();
  return row;
}

export async function selectKeyIndicators(db: Db, planId: number): Promise<KeyIndicatorRow[]> {
  return db
    .select({ keyIndicator: actionPlanKeyIndicators })
    .from(actionPlanKeyIndicators)
    .innerJoin(actionPlanSubGoals, eq(actionPlanSubGoals.id, actionPlanKeyIndicators.subGoalId))
    .where(eq(actionPlanSubGoals.planId, planId))
    .orderBy(
      asc(actionPlanSubGoals.number),
      asc(actionPlanKeyIndicators.position),
      asc(actionPlanKeyIndicators.id),
    )
    .then((rows) => rows.map((row) => row.keyIndicator));
}

/** A key indicator with the plan its sub-goal belongs to. */
export async function findKeyIndicator(db: Db, id: number) {
  const [row] = await db
    .select({ keyIndicator: actionPlanKeyIndicators, planId: actionPlanSubGoals.planId })
    .from(actionPlanKeyIndicators)
    .innerJoin(actionPlanSubGoals, eq(actionPlanSubGoals.id, actionPlanKeyIndicators.subGoalId))
    .where(eq(actionPlanKeyIndicators.id, id));
  return row;
}

export async function insertKeyIndicator(db: Db, values: typeof actionPlanKeyIndicators.$inferInsert) {
  const [row] = await db.insert(actionPlanKeyIndicators).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Deletes a row at the version read; nothing when another save came first. */
export async function deleteSubGoal(db: Db, id: number, version: number) {
  const [row] = await db
    .delete(actionPlanSubGoals)
    .where(and(eq(actionPlanSubGoals.id, id), eq(actionPlanSubGoals.version, version)))
    .returning();
  return row;
}

export async function deleteKeyIndicator(db: Db, id: number, version: number) {
  const [row] = await db
    .delete(actionPlanKeyIndicators)
    .where(and(eq(actionPlanKeyIndicators.id, id), eq(actionPlanKeyIndicators.version, version)))
    .returning();
  return row;
}

/** How many key indicators and measures a sub-goal still holds. */
export async function countSubGoalParts(db: Db, subGoalId: number) {
  const [keyIndicators] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(actionPlanKeyIndicators)
    .where(eq(actionPlanKeyIndicators.subGoalId, subGoalId));
  const [measures] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(actionPlanMeasures)
    .where(eq(actionPlanMeasures.subGoalId, subGoalId));
  return { keyIndicators: keyIndicators?.count ?? 0, measures: measures?.count ?? 0 };
}

export async function updateKeyIndicator(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof actionPlanKeyIndicators.$inferInsert>,
) {
  const [row] = await db
    .update(actionPlanKeyIndicators)
    .set({ ...values, version: sql`${actionPlanKeyIndicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlanKeyIndicators.id, id), eq(actionPlanKeyIndicators.version, version)))
    .returning();
  return row;
}

export type PlanMeasureWithMeasure = {
  link: PlanMeasureRow;
  measure: {
    title: string;
    phase: (typeof measures.$inferSelect)["phase"];
    status: (typeof measures.$inferSelect)["status"];
    deadline: string | null;
  };
};

/** The plan's measures, by sub-goal (none last), then label and position. */
export async function selectPlanMeasures(db: Db, planId: number): Promise<PlanMeasureWithMeasure[]> {
  return db
    .select({
      link: actionPlanMeasures,
      measure: {
        title: measures.title,
        phase: measures.phase,
        status: measures.status,
        deadline: measures.deadline,
      },
    })
    .from(actionPlanMeasures)
    .innerJoin(measures, eq(measures.id, actionPlanMeasures.measureId))
    .leftJoin(actionPlanSubGoals, eq(actionPlanSubGoals.id, actionPlanMeasures.subGoalId))
    .where(eq(actionPlanMeasures.planId, planId))
    .orderBy(
      sql`${actionPlanSubGoals.number} asc nulls last`,
      asc(actionPlanMeasures.position),
      asc(actionPlanMeasures.id),
    );
}

export async function findPlanMeasure(db: Db, id: number): Promise<PlanMeasureRow | undefined> {
  const [row] = await db.select().from(actionPlanMeasures).where(eq(actionPlanMeasures.id, id));
  return row;
}

export async function insertPlanMeasure(db: Db, values: typeof actionPlanMeasures.$inferInsert) {
  const [row] = await db.insert(actionPlanMeasures).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePlanMeasure(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof actionPlanMeasures.$inferInsert>,
) {
  const [row] = await db
    .update(actionPlanMeasures)
    .set({ ...values, version: sql`${actionPlanMeasures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlanMeasures.id, id), eq(actionPlanMeasures.version, version)))
    .returning();
  return row;
}

/** The measure ids linked to a plan version. */
export async function selectMeasureIdsOf(db: Db, planId: number): Promise<Set<number>> {
  const rows = await db
    .select({ measureId: actionPlanMeasures.measureId })
    .from(actionPlanMeasures)
    .where(eq(actionPlanMeasures.planId, planId));
  return new Set(rows.map((row) => row.measureId));
}

export async function selectLogEntries(db: Db, measureIds: number[]) {
  if (measureIds.length === 0) return [];
  return db
    .select({
      id: measureLog.id,
      measureId: measureLog.measureId,
      on: measureLog.on,
      phase: measureLog.phase,
      status: measureLog.status,
    })
    .from(measureLog)
    .where(inArray(measureLog.measureId, measureIds));
}

export async function selectIndicatorsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(indicators).where(inArray(indicators.id, ids));
}

export async function findIndicatorRow(db: Db, id: number) {
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function deletePlanMeasure(db: Db, id: number, version: number) {
  const [row] = await db
    .delete(actionPlanMeasures)
    .where(and(eq(actionPlanMeasures.id, id), eq(actionPlanMeasures.version, version)))
    .returning();
  return row;
}
