// SQL of a programme's training plan and its person-months per unit.

import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { programmeResources, programmeTraining, units } from "../../db/schema.ts";
import type { ResourceFields, ResourceRow, TrainingFields, TrainingRow } from "./queries.ts";

// ---------------------------------------------------------------------------------------------
// Training

export function selectTraining(db: Db, programmeId: number): Promise<TrainingRow[]> {
  return db
    .select()
    .from(programmeTraining)
    .where(eq(programmeTraining.programmeId, programmeId))
    .orderBy(sql`${programmeTraining.startsOn} asc nulls last`, asc(programmeTraining.id));
}

export async function findTraining(db: Db, id: number): Promise<TrainingRow | undefined> {
  const [row] = await db.select().from(programmeTraining).where(eq(programmeTraining.id, id));
  return row;
}

export async function findTrainingIn(
  db: Db,
  programmeId: number,
  id: number,
): Promise<TrainingRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeTraining)
    .where(and(eq(programmeTraining.id, id), eq(programmeTraining.programmeId, programmeId)));
  return row;
}

export async function insertTraining(
  db: Db,
  programmeId: number,
  values: TrainingFields,
): Promise<TrainingRow> {
  const [row] = await db
    .insert(programmeTraining)
    .values({ programmeId, ...values })
    .returning();
  if (!row) throw new Error("insert into programme_training returned nothing");
  return row;
}

export async function updateTraining(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<TrainingFields>,
): Promise<TrainingRow | undefined> {
  const [row] = await db
    .update(programmeTraining)
    .set({ ...values, version: sql`${programmeTraining.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeTraining.id, id), eq(programmeTraining.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteTraining(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(programmeTraining)
    .where(and(eq(programmeTraining.id, id), eq(programmeTraining.version, expectedVersion)))
    .returning({ id: programmeTraining.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Resources

export type ResourceWithUnit = ResourceRow & { unitName: string };

/** The programme's rows by unit name, the whole programme before its phases. */
export function selectResources(db: Db, programmeId: number): Promise<ResourceWithUnit[]> {
  return db
    .select({
      id: programmeResources.id,
      programmeId: programmeResources.programmeId,
      unitId: programmeResources.unitId,
      phaseNumber: programmeResources.phaseNumber,
      plannedMonths: programmeResources.plannedMonths,
      usedMonths: programmeResources.usedMonths,
      version: programmeResources.version,
      createdAt: programmeResources.createdAt,
      updatedAt: programmeResources.updatedAt,
      unitName: units.name,
    })
    .from(programmeResources)
    .innerJoin(units, eq(units.id, programmeResources.unitId))
    .where(eq(programmeResources.programmeId, programmeId))
    .orderBy(
      asc(units.name),
      sql`${programmeResources.phaseNumber} asc nulls first`,
      asc(programmeResources.id),
    );
}

export async function findResource(db: Db, id: number): Promise<ResourceRow | undefined> {
  const [row] = await db.select().from(programmeResources).where(eq(programmeResources.id, id));
  return row;
}

export async function findResourceIn(
  db: Db,
  programmeId: number,
  id: number,
): Promise<ResourceRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeResources)
    .where(and(eq(programmeResources.id, id), eq(programmeResources.programmeId, programmeId)));
  return row;
}

/** The row for the unit and phase (null: the whole programme), other than `exceptId`. */
export async function findResourceFor(
  db: Db,
  programmeId: number,
  unitId: number,
  phaseNumber: number | null,
  exceptId: number | null,
): Promise<ResourceRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeResources)
    .where(
      and(
        eq(programmeResources.programmeId, programmeId),
        eq(programmeResources.unitId, unitId),
        sql`coalesce(${programmeResources.phaseNumber}, -1) = ${phaseNumber ?? -1}`,
        exceptId === null ? undefined : sql`${programmeResources.id} <> ${exceptId}`,
      ),
    )
    .limit(1);
  return row;
}

/** Nothing when a row for the unit and phase came meanwhile. */
export async function insertResource(
  db: Db,
  programmeId: number,
  values: ResourceFields,
): Promise<ResourceRow | undefined> {
  const [row] = await db
    .insert(programmeResources)
    .values({ programmeId, ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateResource(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<ResourceFields>,
): Promise<ResourceRow | undefined> {
  const [row] = await db
    .update(programmeResources)
    .set({ ...values, version: sql`${programmeResources.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeResources.id, id), eq(programmeResources.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteResource(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(programmeResources)
    .where(and(eq(programmeResources.id, id), eq(programmeResources.version, expectedVersion)))
    .returning({ id: programmeResources.id });
  return rows.length > 0;
}

/** Serialises changes to the programme's resource rows, so two editors cannot add the same unit and phase. */
export async function lockProgrammeRegister(db: Db, programmeId: number, register: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`programme-${register}:${programmeId}`}, 0))`,
  );
}
