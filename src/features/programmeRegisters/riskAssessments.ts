// A programme risk's assessment for a period, before and after measures (the inherent and residual
// levels), saved as a unit risk's is: created by the first save (version 0), changed by the next,
// checked against the owner unit's scale.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../errors.ts";
import { storeAssessment } from "../unitRisks/assessments.ts";
import type { SaveUnitRiskAssessmentInput, UnitRiskAssessmentView } from "../unitRisks/schema.ts";
import { editableProgramme } from "./access.ts";
import { findProgrammeRisk } from "./riskQueries.ts";
import { refuseClosedRisk } from "./risks.ts";

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
    refuseClosedRisk(risk);
    return storeAssessment(tx, actor, risk, programme.ownerPath, periodText, input);
  });
}
