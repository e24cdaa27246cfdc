// Who may see and change a unit's own risks, the loading that goes with it, and the views. Anyone
// with a role on the unit or above reads the register (as its reports); its editors change it.
// Someone who may not read the unit learns nothing, not even that a risk exists.

import type { Db } from "../../db/client.ts";
import { canReadAnswers, canWriteAnswer, type Principal } from "../../domain/access.ts";
import { PeriodError } from "../../domain/periods.ts";
import { parseRiskPeriod, type RiskPeriod } from "../../domain/riskPeriods.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import type { VersionedEntity } from "../audit/change.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import { findAssessment, findUnitRisk, type UnitRiskAssessmentRow, type UnitRiskRow } from "./queries.ts";
import type { UnitRiskAssessmentView, UnitRiskView } from "./schema.ts";

export async function readableUnit(db: Db, principal: Principal, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit || !canReadAnswers(principal, unit.path)) throw notFound("unit_not_found", { id: unitId });
  return unit;
}

export function refuseReaders(principal: Principal, unit: UnitRow): void {
  if (!canWriteAnswer(principal, unit.path)) throw forbidden("unit_risk_not_permitted", { unit: unit.name });
}

/** A risk and its unit, for someone who may read the unit; 404 otherwise. */
export async function loadRisk(
  db: Db,
  principal: Principal,
  id: number,
): Promise<{ risk: UnitRiskRow; unit: UnitRow }> {
  const risk = await findUnitRisk(db, id);
  const unit = risk ? await findUnitById(db, risk.unitId) : undefined;
  if (!risk || !unit || !canReadAnswers(principal, unit.path)) throw notFound("unit_risk_not_found", { id });
  return { risk, unit };
}

/** A risk's register is closed to changes once the risk is. */
export function refuseClosed(risk: UnitRiskRow): void {
  if (risk.closedAt !== null)
    throw new AppError("conflict", "unit_risk_closed", { params: { title: risk.title } });
}

/** A period risks are assessed for, or a field problem "period" saying what is wrong with it. */
export function checkedPeriod(period: string): RiskPeriod {
  try {
    return parseRiskPeriod(period);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new AppError("validation_failed", error.code, {
      params: { ...error.params, period },
      problems: [fieldProblem("period", "risk_period_not_reviewed", { period })],
    });
  }
}

export function presentRisk(row: UnitRiskRow): UnitRiskView {
  return {
    id: row.id,
    unitId: row.unitId,
    area: row.area,
    title: row.title,
    likelyEvents: row.likelyEvents,
    consequences: row.consequences,
    ownerName: row.ownerName,
    horizon: row.horizon,
    rank: row.rank,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentAssessment(row: UnitRiskAssessmentRow): UnitRiskAssessmentView {
  return {
    id: row.id,
    period: row.period,
    level: row.level,
    likelihood: row.likelihood,
    consequence: row.consequence,
    residualLevel: row.residualLevel,
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    justification: row.justification,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
  };
}

export const riskEntity: VersionedEntity<UnitRiskRow> = {
  entityType: "unit_risk",
  describe: (row) => row.title,
  present: presentRisk,
  unitOf: (row) => row.unitId,
  find: findUnitRisk,
};

/** An assessment belongs to its risk's unit, which the caller has loaded. */
export const assessmentEntity = (risk: UnitRiskRow): VersionedEntity<UnitRiskAssessmentRow> => ({
  entityType: "unit_risk_assessment",
  describe: (row) => `${risk.title} (${row.period})`,
  present: presentAssessment,
  unitOf: () => risk.unitId,
  find: findAssessment,
});
