// What the assessment editor holds, what a save sends, and a refusal because someone saved first.

import { staleCurrent } from "../../api/client.ts";
import type { RiskAssessment, RiskFields, RiskScale } from "../../api/risk.ts";

export type RiskDraft = {
  level: string | null;
  likelihood: number | null;
  consequence: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  justification: string;
};

export function draftOf(assessment: RiskAssessment): RiskDraft {
  return {
    level: assessment.level,
    likelihood: assessment.likelihood,
    consequence: assessment.consequence,
    residualLikelihood: assessment.residualLikelihood,
    residualConsequence: assessment.residualConsequence,
    justification: assessment.justification,
  };
}

/** Whether the person has changed what the scale lets them change. */
export function isDirty(draft: RiskDraft, base: RiskAssessment, scale: RiskScale): boolean {
  const saved = draftOf(base);
  if (draft.justification !== saved.justification) return true;
  if (scale.kind === "levels") return draft.level !== saved.level;
  return (
    draft.likelihood !== saved.likelihood ||
    draft.consequence !== saved.consequence ||
    draft.residualLikelihood !== saved.residualLikelihood ||
    draft.residualConsequence !== saved.residualConsequence
  );
}

/**
 * The body of a save: the level on a level scale; on a matrix the points, from which the server
 * reads the levels (it checks them against the same scale and names any problem by its field).
 */
export function saveFields(draft: RiskDraft, scale: RiskScale): RiskFields {
  if (scale.kind === "levels") return { level: draft.level, justification: draft.justification };
  return {
    likelihood: draft.likelihood,
    consequence: draft.consequence,
    residualLikelihood: draft.residualLikelihood,
    residualConsequence: draft.residualConsequence,
    justification: draft.justification,
  };
}

/** "" (the select's "Choose") is no point; anything else the step's number. */
export function pointFrom(value: string): number | null {
  const point = Number(value);
  return value !== "" && Number.isInteger(point) && point > 0 ? point : null;
}

/** The assessment as saved now, when a step was refused because someone else saved first. */
export function staleAssessment(error: unknown): RiskAssessment | null {
  return staleCurrent<RiskAssessment>(error);
}

/** Someone else saved first: what the person had, and the assessment as it is saved now. */
export type RiskConflict = { mine: RiskDraft; theirs: RiskAssessment };

/** Going on from the saved version with the person's own level and both justifications. */
export function mergeDraft(mine: RiskDraft, theirs: RiskAssessment): RiskDraft {
  const saved = theirs.justification.trim();
  const own = mine.justification.trim();
  return {
    ...mine,
    justification:
      saved === "" || saved === own ? mine.justification : `${theirs.justification}\n\n${mine.justification}`,
  };
}
