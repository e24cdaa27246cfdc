// A unit risk's assessment for one period: created by the first save (version 0), changed by the
// next ones (the version read), checked against the unit's scale exactly as goals' assessments are.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { RiskScale } from "../../domain/risk.ts";
import { formatRiskPeriod } from "../../domain/riskPeriods.ts";
import { AppError, staleVersion } from "../../errors.ts";
import { applyChange, auditCreation } from "../audit/change.ts";
import { savedFields } from "../risk/assessments.ts";
import type { RiskAssessmentRow } from "../risk/queries.ts";
import { scaleAt } from "../risk/scales.ts";
import {
  assessmentEntity,
  checkedPeriod,
  loadRisk,
  presentAssessment,
  refuseClosed,
  refuseReaders,
} from "./access.ts";
import {
  findAssessmentIn,
  insertAssessment,
  type UnitRiskAssessmentFields,
  type UnitRiskRow,
  updateAssessment,
} from "./queries.ts";
import type { SaveUnitRiskAssessmentInput, UnitRiskAssessmentView } from "./schema.ts";

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

// savedFields reads only these fields of the assessment a save starts from, which a unit risk's
// assessment has too; the rest of a goal's assessment (round, workflow state) plays no part.
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

/** The fields to store: the given ones over `from`, each named when it does not fit the scale. */
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

/** Creates or changes the risk's assessment for the period; fields not given keep their value. */
export async function saveUnitRiskAssessment(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  periodText: string,
  input: SaveUnitRiskAssessmentInput,
): Promise<UnitRiskAssessmentView> {
  return db.transaction(async (tx) => {
    const { risk, unit } = await loadRisk(tx, principal, id);
    refuseReaders(principal, unit);
    refuseClosed(risk);
    return storeAssessment(tx, actor, risk, unit.path, periodText, input);
  });
}

/**
 * Saves a risk's assessment for the period once the caller's rights are known: the first save
 * creates it (version 0), the next change it; checked against the scale at `scalePath`. A
 * programme's risks (src/features/programmeRegisters) are saved the same way.
 */
export async function storeAssessment(
  tx: Db,
  actor: Caller["actor"],
  risk: UnitRiskRow,
  scalePath: string,
  periodText: string,
  input: SaveUnitRiskAssessmentInput,
): Promise<UnitRiskAssessmentView> {
  const period = formatRiskPeriod(checkedPeriod(periodText));
  const entity = assessmentEntity(risk);
  const existing = await findAssessmentIn(tx, risk.id, period);
  if ((existing?.version ?? 0) !== input.version) {
    throw staleVersion(risk.title, existing ? presentAssessment(existing) : null);
  }
  const { scale } = await scaleAt(tx, scalePath);
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
}
