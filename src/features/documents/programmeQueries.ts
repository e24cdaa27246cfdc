// What a programme's status board case reads, straight from the tables (the programmes, registers
// and benefits features own them; their services are not needed to read). Every list is bounded.

import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  benefitCosts,
  benefitReadings,
  benefits,
  gateDecisionLog,
  measureLinks,
  measures,
  programmeGates,
  programmePhases,
  programmes,
  statusReports,
  unitRiskAssessments,
  unitRisks,
  units,
} from "../../db/schema.ts";

/** No programme has more in a board case; the table would be unreadable long before. */
const listLimit = 200;
const readingLimit = 5_000;

export async function findProgrammeForCase(db: Db, id: number) {
  const [row] = await db
    .select({ programme: programmes, unitName: units.name, unitPath: units.path })
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.ownerUnitId))
    .where(eq(programmes.id, id));
  return row;
}

export function selectPhases(db: Db, programmeId: number) {
  return db
    .select()
    .from(programmePhases)
    .where(eq(programmePhases.programmeId, programmeId))
    .orderBy(asc(programmePhases.number))
    .limit(listLimit);
}

export async function selectGatesWithDecisions(db: Db, programmeId: number, asOf: string) {
  const gates = await db
    .select()
    .from(programmeGates)
    .where(eq(programmeGates.programmeId, programmeId))
    .orderBy(asc(programmeGates.toPhase))
    .limit(listLimit);
  const decisions =
    gates.length === 0
      ? []
      : await db
          .select()
          .from(gateDecisionLog)
          .where(
            and(
              inArray(
                gateDecisionLog.gateId,
                gates.map((gate) => gate.id),
              ),
              lte(gateDecisionLog.decidedOn, asOf),
            ),
          )
          .orderBy(asc(gateDecisionLog.decidedOn), asc(gateDecisionLog.id))
          .limit(listLimit);
  return { gates, decisions };
}

/** The two latest reports that were sent on (submitted or approved) for periods ending by the day. */
export function selectLatestReports(db: Db, programmeId: number, asOf: string) {
  return db
    .select()
    .from(statusReports)
    .where(
      and(
        eq(statusReports.programmeId, programmeId),
        lte(statusReports.periodEnd, asOf),
        inArray(statusReports.state, ["submitted", "approved"]),
      ),
    )
    .orderBy(desc(statusReports.periodEnd))
    .limit(2);
}

export async function selectProgrammeRisks(db: Db, programmeId: number) {
  const risks = await db
    .select()
    .from(unitRisks)
    .where(and(eq(unitRisks.programmeId, programmeId), isNull(unitRisks.closedAt)))
    .orderBy(asc(unitRisks.rank))
    .limit(listLimit);
  const ids = risks.map((risk) => risk.id);
  if (ids.length === 0) return { risks, assessments: [], measures: [] };
  const assessments = await db
    .select()
    .from(unitRiskAssessments)
    .where(inArray(unitRiskAssessments.unitRiskId, ids))
    .limit(listLimit * 20);
  const linked = await db
    .select({
      riskId: measureLinks.targetId,
      id: measures.id,
      title: measures.title,
      phase: measures.phase,
      status: measures.status,
      deadline: measures.deadline,
      ownerRole: measures.ownerRole,
      unitName: units.name,
    })
    .from(measureLinks)
    .innerJoin(measures, eq(measures.id, measureLinks.measureId))
    .innerJoin(units, eq(units.id, measures.responsibleUnitId))
    .where(and(eq(measureLinks.kind, "unit_risk"), inArray(measureLinks.targetId, ids)))
    .orderBy(asc(measures.title), asc(measures.id))
    .limit(listLimit * 5);
  return { risks, assessments, measures: linked };
}

export async function selectProgrammeBenefits(db: Db, programmeId: number, asOf: string) {
  const rows = await db
    .select()
    .from(benefits)
    .where(eq(benefits.programmeId, programmeId))
    .orderBy(asc(benefits.id))
    .limit(listLimit);
  const readings =
    rows.length === 0
      ? []
      : await db
          .select({
            benefitId: benefitReadings.benefitId,
            on: benefitReadings.on,
            value: benefitReadings.value,
          })
          .from(benefitReadings)
          .where(
            and(
              inArray(
                benefitReadings.benefitId,
                rows.map((row) => row.id),
              ),
              lte(benefitReadings.on, asOf),
            ),
          )
          .orderBy(desc(benefitReadings.on))
          .limit(readingLimit);
  const costs = await db
    .select()
    .from(benefitCosts)
    .where(eq(benefitCosts.programmeId, programmeId))
    .orderBy(asc(benefitCosts.year), asc(benefitCosts.id))
    .limit(listLimit);
  return { benefits: rows, readings, costs };
}
