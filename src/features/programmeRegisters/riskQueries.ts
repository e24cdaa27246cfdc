// SQL of a programme's risks: rows of the risk register (unit_risks) with the programme set,
// ranked among that programme's risks only, and the measures linked to them.

import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { measureLinks, measures, unitRisks, units } from "../../db/schema.ts";
import type { UnitRiskFields, UnitRiskRow } from "../unitRisks/queries.ts";

export function selectProgrammeRisks(
  db: Db,
  programmeId: number,
  includeClosed: boolean,
): Promise<UnitRiskRow[]> {
  return db
    .select()
    .from(unitRisks)
    .where(
      and(eq(unitRisks.programmeId, programmeId), includeClosed ? undefined : isNull(unitRisks.closedAt)),
    )
    .orderBy(sql`${unitRisks.closedAt} is not null`, asc(unitRisks.rank), asc(unitRisks.id));
}

export async function findProgrammeRisk(
  db: Db,
  programmeId: number,
  id: number,
): Promise<UnitRiskRow | undefined> {
  const [row] = await db
    .select()
    .from(unitRisks)
    .where(and(eq(unitRisks.id, id), eq(unitRisks.programmeId, programmeId)));
  return row;
}

/** The programme's open risk holding `rank`, other than `exceptId`. */
export async function findOpenProgrammeRiskWithRank(
  db: Db,
  programmeId: number,
  rank: number,
  exceptId: number | null,
): Promise<UnitRiskRow | undefined> {
  const [row] = await db
    .select()
    .from(unitRisks)
    .where(
      and(
        eq(unitRisks.programmeId, programmeId),
        eq(unitRisks.rank, rank),
        isNull(unitRisks.closedAt),
        exceptId === null ? undefined : ne(unitRisks.id, exceptId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertProgrammeRisk(
  db: Db,
  values: Required<UnitRiskFields> & { unitId: number; programmeId: number },
): Promise<UnitRiskRow> {
  const [row] = await db.insert(unitRisks).values(values).returning();
  if (!row) throw new Error("insert into unit_risks returned nothing");
  return row;
}

export type LinkedMeasureRow = {
  riskId: number;
  id: number;
  title: string;
  phase: string;
  status: string | null;
  deadline: string | null;
  responsibleUnitName: string;
};

/** The measures linked to the risks (measure_links kind 'unit_risk'), by deadline. */
export function selectMeasuresOfRisks(db: Db, riskIds: readonly number[]): Promise<LinkedMeasureRow[]> {
  if (riskIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      riskId: measureLinks.targetId,
      id: measures.id,
      title: measures.title,
      phase: measures.phase,
      status: measures.status,
      deadline: measures.deadline,
      responsibleUnitName: units.name,
    })
    .from(measureLinks)
    .innerJoin(measures, eq(measures.id, measureLinks.measureId))
    .innerJoin(units, eq(units.id, measures.responsibleUnitId))
    .where(and(eq(measureLinks.kind, "unit_risk"), inArray(measureLinks.targetId, [...riskIds])))
    .orderBy(sql`${measures.deadline} asc nulls last`, asc(measures.id));
}
