// SQL of programmes, their phases, gates and gate decisions.

import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { gateDecisionLog, programmeGates, programmePhases, programmes, units } from "../../db/schema.ts";

export type ProgrammeRow = typeof programmes.$inferSelect;
export type PhaseRow = typeof programmePhases.$inferSelect;
export type GateRow = typeof programmeGates.$inferSelect;
export type GateDecisionRow = typeof gateDecisionLog.$inferSelect;
type UnitRow = typeof units.$inferSelect;

export type ProgrammeFields = Partial<
  Pick<
    ProgrammeRow,
    "kind" | "code" | "title" | "sponsorName" | "managerName" | "approverTitle" | "purpose" | "scope"
  >
>;

/**
 * A programme's owner unit, for the features that hang off a programme (registers, benefits):
 * they check access on `ownerPath` with src/domain/programmeAccess.ts.
 */
export async function findProgrammeOwner(
  db: Db,
  programmeId: number,
): Promise<{ id: number; ownerUnitId: number; ownerPath: string } | null> {
  const [row] = await db
    .select({ id: programmes.id, ownerUnitId: programmes.ownerUnitId, ownerPath: units.path })
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.ownerUnitId))
    .where(eq(programmes.id, programmeId));
  return row ?? null;
}

export async function findProgramme(db: Db, id: number): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

/** Programmes whose owner is under `subtreePath` and under one of `readablePaths` (null: any). */
export function selectProgrammes(
  db: Db,
  subtreePath: string | null,
  readablePaths: readonly string[] | null,
): Promise<{ programme: ProgrammeRow; owner: UnitRow }[]> {
  if (readablePaths !== null && readablePaths.length === 0) return Promise.resolve([]);
  return db
    .select({ programme: programmes, owner: units })
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.ownerUnitId))
    .where(
      and(
        subtreePath === null ? undefined : like(units.path, `${escapeLike(subtreePath)}%`),
        readablePaths === null
          ? undefined
          : or(...readablePaths.map((path) => like(units.path, `${escapeLike(path)}%`))),
      ),
    )
    .orderBy(asc(programmes.code), asc(programmes.id));
}

/** Paths are digits and slashes, but a LIKE pattern is built from them: keep it literal anyway. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

export async function codeTakenInOwner(
  db: Db,
  ownerUnitId: number,
  code: string,
  exceptId: number | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(
      and(
        eq(programmes.ownerUnitId, ownerUnitId),
        sql`lower(${programmes.code}) = lower(${code})`,
        exceptId === null ? undefined : sql`${programmes.id} <> ${exceptId}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertProgramme(
  db: Db,
  values: Required<ProgrammeFields> & { ownerUnitId: number },
): Promise<ProgrammeRow> {
  const [row] = await db.insert(programmes).values(values).returning();
  if (!row) throw new Error("insert into programmes returned nothing");
  return row;
}

export async function updateProgrammeRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: ProgrammeFields,
): Promise<ProgrammeRow | undefined> {
  const [row] = await db
    .update(programmes)
    .set({ ...values, version: sql`${programmes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmes.id, id), eq(programmes.version, expectedVersion)))
    .returning();
  return row;
}

/**
 * Serialises changes to one programme's phases, gates and decisions until the transaction ends:
 * the date rules and the start rule read several rows that another change could alter meanwhile.
 */
export async function lockProgramme(db: Db, programmeId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`programme:${programmeId}`}, 0))`);
}

// ---- Phases ----

export function selectPhases(db: Db, programmeId: number): Promise<PhaseRow[]> {
  return db
    .select()
    .from(programmePhases)
    .where(eq(programmePhases.programmeId, programmeId))
    .orderBy(asc(programmePhases.number));
}

export async function findPhase(db: Db, id: number): Promise<PhaseRow | undefined> {
  const [row] = await db.select().from(programmePhases).where(eq(programmePhases.id, id));
  return row;
}

export type PhaseFields = Partial<
  Pick<
    PhaseRow,
    "name" | "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd" | "mainActivities" | "milestones"
  >
>;

export async function insertPhase(
  db: Db,
  values: Required<Omit<PhaseFields, "actualStart" | "actualEnd">> & { programmeId: number; number: number },
): Promise<PhaseRow> {
  const [row] = await db.insert(programmePhases).values(values).returning();
  if (!row) throw new Error("insert into programme_phases returned nothing");
  return row;
}

export async function updatePhaseRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: PhaseFields,
): Promise<PhaseRow | undefined> {
  const [row] = await db
    .update(programmePhases)
    .set({ ...values, version: sql`${programmePhases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmePhases.id, id), eq(programmePhases.version, expectedVersion)))
    .returning();
  return row;
}

export async function deletePhaseRow(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(programmePhases)
    .where(and(eq(programmePhases.id, id), eq(programmePhases.version, expectedVersion)))
    .returning({ id: programmePhases.id });
  return rows.length > 0;
}

// ---- Gates and decisions ----

export function selectGates(db: Db, programmeId: number): Promise<GateRow[]> {
  return db
    .select()
    .from(programmeGates)
    .where(eq(programmeGates.programmeId, programmeId))
    .orderBy(asc(programmeGates.toPhase));
}

export async function findGate(db: Db, id: number): Promise<GateRow | undefined> {
  const [row] = await db.select().from(programmeGates).where(eq(programmeGates.id, id));
  return row;
}

export async function insertGate(
  db: Db,
  values: { programmeId: number; toPhase: number; name: string },
): Promise<GateRow> {
  const [row] = await db.insert(programmeGates).values(values).returning();
  if (!row) throw new Error("insert into programme_gates returned nothing");
  return row;
}

export type GateFields = Partial<
  Pick<GateRow, "name" | "criteria" | "requestedAt" | "requestedBy" | "requestText">
>;

export async function updateGateRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: GateFields,
): Promise<GateRow | undefined> {
  const [row] = await db
    .update(programmeGates)
    .set({ ...values, version: sql`${programmeGates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeGates.id, id), eq(programmeGates.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteGateRow(db: Db, id: number): Promise<void> {
  await db.delete(programmeGates).where(eq(programmeGates.id, id));
}

/** The decisions on the gates, oldest first (the order standingDecision reads them in). */
export function selectDecisions(db: Db, gateIds: readonly number[]): Promise<GateDecisionRow[]> {
  if (gateIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(gateDecisionLog)
    .where(inArray(gateDecisionLog.gateId, [...gateIds]))
    .orderBy(asc(gateDecisionLog.decidedOn), asc(gateDecisionLog.id));
}

export async function insertDecision(
  db: Db,
  values: Omit<GateDecisionRow, "id" | "at">,
): Promise<GateDecisionRow> {
  const [row] = await db.insert(gateDecisionLog).values(values).returning();
  if (!row) throw new Error("insert into gate_decisions returned nothing");
  return row;
}
