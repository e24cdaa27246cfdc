// A programme risk's assessment for a period, before and after measures (the inherent and residual
// levels), saved as a unit risk's is: created by the first save (version 0), changed by the next,
// checked against the owner unit's scale.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { RiskScale } from "../../domain/risk.ts";
import { formatRiskPeriod } from "../../domain/riskPeriods.ts";
import { AppError, notFound, staleVersion } from "../../errors.ts";
import { applyChange, auditCreation } from "../audit/change.ts";
import { savedFields } from "../risk/assessments.ts";
import type { RiskAssessmentRow } from "../risk/queries.ts";
import { scaleAt } from "../risk/scales.ts";
import { assessmentEntity, checkedPeriod, presentAssessment } from "../unitRisks/access.ts";
import {
  findAssessmentIn,
  insertAssessment,
  type UnitRiskAssessmentFields,
  updateAssessment,
} from "../unitRisks/queries.ts";
import type { SaveUnitRiskAssessmentInput, UnitRiskAssessmentView } from "../unitRisks/schema.ts";
import { editableProgramme } from "./access.ts";
import { findProgrammeRisk } from "./riskQueries.ts";
import { refuseClosedRisk } from "./risks.ts";

type Assessed = Pick<
  RiskAssessmentRow,
  | "level"
  | "likelihood"
  | "consequence"
  | "residualLevel"
  | "residualLikelihood"
  | "residualConsequence"
  | "justification"
>;

// savedFields reads only these fields of the assessment a save starts from (as in
// src/features/unitRisks/assessments.ts): a goal's round and workflow state play no part.
const checkedSave = savedFields as (
  row: Assessed,
  scale: RiskScale,
  input: SaveUnitRiskAssessmentInput,
) => ReturnType<typeof savedFields>;

const unassessed: Assessed = {
  level: null,
  likelihood: null,
  consequence: null,
  residualLevel: null,
  residualLikelihood: null,
  residualConsequence: null,
  justification: "",
};

function assessedFields(
  from: Assessed,
  scale: RiskScale,
  input: SaveUnitRiskAssessmentInput,
  updatedBy: string,
): UnitRiskAssessmentFields {
  try {
    const { carriedForward: _carried, ...fields } = checkedSave(from, scale, input);
    return { ...fields, updatedBy };
  } catch (error) {
    if (error instanceof AppError && error.details.reason === "risk_assessment_invalid") {
      throw new AppError("validation_failed", "unit_risk_assessment_invalid", {
        problems: error.details.problems ?? [],
      });
    }
    throw error;
  }
}

export async function saveProgrammeRiskAssessment(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  riskId: number,
  periodText: string,
  input: SaveUnitRiskAssessmentInput,
): Promise<UnitRiskAssessmentView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const risk = await findProgrammeRisk(tx, programme.id, riskId);
    if (!risk) throw notFound("programme_risk_not_found", { id: riskId });
    const period = formatRiskPeriod(checkedPeriod(periodText));
    refuseClosedRisk(risk);
    const entity = assessmentEntity(risk);
    const existing = await findAssessmentIn(tx, risk.id, period);
    if ((existing?.version ?? 0) !== input.version)
      throw staleVersion(risk.title, existing ? presentAssessment(existing) : null);
    const { scale } = await scaleAt(tx, programme.ownerPath);
    const fields = assessedFields(existing ?? unassessed, scale, input, actor.name);
    if (!existing) {
      const created = await insertAssessment(tx, { unitRiskId: risk.id, period, ...fields });
      if (!created) {
        const current = await findAssessmentIn(tx, risk.id, period);
        throw staleVersion(risk.title, current ? presentAssessment(current) : null);
      }
      await auditCreation(tx, actor, entity, created);
      return presentAssessment(created);
    }
    const updated = await applyChange(tx, actor, entity, existing, "update", () =>
      updateAssessment(tx, existing.id, existing.version, fields),
    );
    return presentAssessment(updated);
  });
}
