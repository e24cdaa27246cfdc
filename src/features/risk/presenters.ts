// Risk assessments as the API shows them: with the change since the period before and the
// workflow steps the caller may take now.

import type { Principal } from "../../domain/access.ts";
import { compareAssessments, levelOf, type RiskScale } from "../../domain/risk.ts";
import { allowedActions } from "../../domain/workflow.ts";
import { capacitiesFor, type RoundContext, unitOf } from "../reporting/context.ts";
import type { RiskAssessmentRow, RiskAssessmentVersionRow } from "./queries.ts";
import type { RiskAssessmentVersionView, RiskAssessmentView } from "./schema.ts";

export type GoalRef = { id: number; number: string; text: string };

/** The workflow treats the overall assessment as the answers treat the consolidated answer. */
export const asWorkflowSubject = (row: Pick<RiskAssessmentRow, "unitId" | "kind">) => ({
  unitId: row.unitId,
  kind: row.kind === "overall" ? ("consolidated" as const) : ("unit" as const),
});

export const rankOf = (scale: RiskScale, key: string | null) =>
  key === null ? null : (levelOf(scale, key)?.rank ?? null);

export function presentAssessment(
  principal: Principal,
  context: RoundContext,
  row: RiskAssessmentRow,
  goal: GoalRef,
  scale: RiskScale,
  previousLevel: string | null,
): RiskAssessmentView {
  const unit = unitOf(context, row.unitId);
  const who = capacitiesFor(principal, context, asWorkflowSubject(row));
  return {
    id: row.id,
    roundId: row.roundId,
    period: context.round.period,
    requirement: { id: goal.id, number: goal.number, text: goal.text },
    kind: row.kind,
    unit: { id: row.unitId, code: unit?.code ?? "", name: unit?.name ?? "" },
    level: row.level,
    likelihood: row.likelihood,
    consequence: row.consequence,
    residualLevel: row.residualLevel,
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    justification: row.justification,
    carriedForward: row.carriedForward,
    previousLevel,
    change:
      row.previousId === null && row.level !== null
        ? "new"
        : compareAssessments(rankOf(scale, previousLevel), rankOf(scale, row.level)),
    state: row.state,
    returnComment: row.returnComment,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
    allowedActions: allowedActions(row.state, who, context.round.state === "open"),
  };
}

export function presentAssessmentVersion(row: RiskAssessmentVersionRow): RiskAssessmentVersionView {
  return {
    version: row.version,
    action: row.action,
    level: row.level,
    residualLevel: row.residualLevel,
    justification: row.justification,
    state: row.state,
    comment: row.comment,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}
