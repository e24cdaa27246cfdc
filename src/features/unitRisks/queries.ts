// SQL of units' own risks and their assessments per period.

import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { unitRiskAssessments, unitRisks } from "../../db/schema.ts";

export type UnitRiskRow = typeof unitRisks.$inferSelect;
export type UnitRiskAssessmentRow = typeof unitRiskAssessments.$inferSelect;

export type UnitRiskFields = Partial<
  Pick<UnitRiskRow, "area" | "title" | "likelyEvents" | "consequences" | "ownerName" | "horizon" | "rank">
>;

export type UnitRiskAssessmentFields = Pick<
  UnitRiskAssessmentRow,
  | "level"
  | "likelihood"
  | "consequence"
  | "residualLevel"
  | "residualLikelihood"
  | "residualConsequence"
  | "justification"
  | "updatedBy"
>;

// A unit's own register ("Topp 5") holds only the risks of no programme: a programme's risks share
// the table (unit_risks.programme_id) but are read and changed through the programme.

export async function findUnitRisk(db: Db, id: number): Promise<UnitRiskRow | undefined> {
  const [row] = await db
    .select()
    .from(unitRisks)
    .where(and(eq(unitRisks.id, id), isNull(unitRisks.programmeId)));
  return row;
}

/** A unit's risks: the open ones by rank, then (when asked for) the closed ones by rank. */
export function selectUnitRisks(db: Db, unitId: number, includeClosed: boolean): Promise<UnitRiskRow[]> {
  return db
    .select()
    .from(unitRisks)
    .where(
      and(
        eq(unitRisks.unitId, unitId),
        isNull(unitRisks.programmeId),
        includeClosed ? undefined : isNull(unitRisks.closedAt),
      ),
    )
    .orderBy(sql`${unitRisks.closedAt} is not null`, asc(unitRisks.rank), asc(unitRisks.id));
}

/** The open risk of the unit holding `rank`, other than `exceptId`. */
export async function findOpenRiskWithRank(
  db: Db,
  unitId: number,
  rank: number,
  exceptId: number | null,
): Promise<UnitRiskRow | undefined> {
  const [row] = await db
    .select()
    .from(unitRisks)
    .where(
      and(
        eq(unitRisks.unitId, unitId),
        isNull(unitRisks.programmeId),
        eq(unitRisks.rank, rank),
        isNull(unitRisks.closedAt),
        exceptId === null ? undefined : ne(unitRisks.id, exceptId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Serialises changes to one unit's register until the transaction ends, so that two editors
 * cannot both take a free rank. (A partial unique index on open risks' rank would say it in the
 * schema; until there is one, the lock keeps the rule.)
 */
export async function lockUnitRegister(db: Db, unitId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`unit-risks:${unitId}`}, 0))`);
}

export async function insertUnitRisk(
  db: Db,
  values: Required<UnitRiskFields> & { unitId: number },
): Promise<UnitRiskRow> {
  const [row] = await db.insert(unitRisks).values(values).returning();
  if (!row) throw new Error("insert into unit_risks returned nothing");
  return row;
}

export async function updateUnitRisk(
  db: Db,
  id: number,
  expectedVersion: number,
  values: UnitRiskFields & { closedAt?: Date },
): Promise<UnitRiskRow | undefined> {
  const [row] = await db
    .update(unitRisks)
    .set({ ...values, version: sql`${unitRisks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(unitRisks.id, id), eq(unitRisks.version, expectedVersion)))
    .returning();
  return row;
}

/** The assessments of the risks in the periods, in one round trip. */
export function selectAssessmentsOf(
  db: Db,
  riskIds: readonly number[],
  periods: readonly string[],
): Promise<UnitRiskAssessmentRow[]> {
  if (riskIds.length === 0 || periods.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(unitRiskAssessments)
    .where(
      and(
        inArray(unitRiskAssessments.unitRiskId, [...riskIds]),
        inArray(unitRiskAssessments.period, [...periods]),
      ),
    );
}

export async function findAssessment(db: Db, id: number): Promise<UnitRiskAssessmentRow | undefined> {
  const [row] = await db.select().from(unitRiskAssessments).where(eq(unitRiskAssessments.id, id));
  return row;
}

export async function findAssessmentIn(
  db: Db,
  unitRiskId: number,
  period: string,
): Promise<UnitRiskAssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(unitRiskAssessments)
    .where(and(eq(unitRiskAssessments.unitRiskId, unitRiskId), eq(unitRiskAssessments.period, period)));
  return row;
}

/** Nothing when the period's assessment was created meanwhile: the caller's version 0 is stale then. */
export async function insertAssessment(
  db: Db,
  values: UnitRiskAssessmentFields & { unitRiskId: number; period: string },
): Promise<UnitRiskAssessmentRow | undefined> {
  const [row] = await db.insert(unitRiskAssessments).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateAssessment(
  db: Db,
  id: number,
  expectedVersion: number,
  values: UnitRiskAssessmentFields,
): Promise<UnitRiskAssessmentRow | undefined> {
  const [row] = await db
    .update(unitRiskAssessments)
    .set({ ...values, version: sql`${unitRiskAssessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(unitRiskAssessments.id, id), eq(unitRiskAssessments.version, expectedVersion)))
    .returning();
  return row;
}
