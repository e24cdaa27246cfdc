import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { indicators, indicatorTargets, measurements } from "../../db/schema.ts";

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValues = Omit<
  typeof indicators.$inferInsert,
  "id" | "version" | "createdAt" | "updatedAt" | "retiredAt"
>;
export type TargetRow = typeof indicatorTargets.$inferSelect;

export async function selectIndicators(
  db: Db,
  options: { includeRetired: boolean },
): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(options.includeRetired ? undefined : isNull(indicators.retiredAt))
    .orderBy(asc(indicators.code));
}

export async function findIndicatorById(db: Db, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function indicatorCodeTaken(db: Db, code: string, exceptId: number | null): Promise<boolean> {
  const sameCode = sql`lower(${indicators.code}) = lower(${code})`;
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(exceptId === null ? sameCode : and(sameCode, ne(indicators.id, exceptId)));
  return row !== undefined;
}

export async function insertIndicator(db: Db, values: IndicatorValues): Promise<IndicatorRow> {
  const [row] = await db.insert(indicators).values(values).returning();
  if (!row) throw new Error("insert into indicators returned no row");
  return row;
}

/** Updates only when the version still matches; undefined means someone else changed it first. */
export async function updateIndicatorFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<IndicatorValues> & { retiredAt?: Date | null },
): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .update(indicators)
    .set({ ...values, version: sql`${indicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(indicators.id, id), eq(indicators.version, expectedVersion)))
    .returning();
  return row;
}

export async function indicatorHasMeasurements(db: Db, indicatorId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: measurements.id })
    .from(measurements)
    .where(eq(measurements.indicatorId, indicatorId))
    .limit(1);
  return row !== undefined;
}

export async function selectTargetsOf(db: Db, indicatorId: number): Promise<TargetRow[]> {
  return db
    .select()
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, indicatorId))
    .orderBy(
      sql`${indicatorTargets.year} asc nulls first`,
      sql`${indicatorTargets.unitId} asc nulls first`,
      asc(indicatorTargets.id),
    );
}

/** Every target of the given indicators, for scorecards. */
export async function selectTargetsOfIndicators(db: Db, indicatorIds: number[]): Promise<TargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, indicatorIds));
}

export async function findTargetById(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(indicatorTargets).where(eq(indicatorTargets.id, id));
  return row;
}

export async function findTargetByKey(
  db: Db,
  key: { indicatorId: number; year: number | null; unitId: number | null },
): Promise<TargetRow | undefined> {
  const [row] = await db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.indicatorId, key.indicatorId),
        key.year === null ? isNull(indicatorTargets.year) : eq(indicatorTargets.year, key.year),
        key.unitId === null ? isNull(indicatorTargets.unitId) : eq(indicatorTargets.unitId, key.unitId),
      ),
    );
  return row;
}

export async function insertTarget(
  db: Db,
  values: Pick<TargetRow, "indicatorId" | "year" | "unitId" | "rule" | "note">,
): Promise<TargetRow> {
  const [row] = await db.insert(indicatorTargets).values(values).returning();
  if (!row) throw new Error("insert into indicator_targets returned no row");
  return row;
}

export async function updateTargetFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<TargetRow, "rule" | "note">>,
): Promise<TargetRow | undefined> {
  const [row] = await db
    .update(indicatorTargets)
    .set({ ...values, version: sql`${indicatorTargets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(indicatorTargets.id, id), eq(indicatorTargets.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteTargetRow(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(indicatorTargets)
    .where(and(eq(indicatorTargets.id, id), eq(indicatorTargets.version, expectedVersion)))
    .returning({ id: indicatorTargets.id });
  return rows.length > 0;
}
