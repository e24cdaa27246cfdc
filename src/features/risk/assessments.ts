// Risk assessments of goals: one per unit and goal in a round, and the issuing unit's overall one.
// They follow the answers' workflow (src/domain/workflow.ts) with the same roles, versions and
// stale-save refusal; the level is checked against the scale that applies to the issuing unit.

import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import {
  levelOf,
  matrixCellLevel,
  type RiskLevel,
  type RiskScale,
  residualWithinInherent,
} from "../../domain/risk.ts";
import {
  type AnswerAction,
  type AnswerState,
  approvalComment,
  decide,
  type Refusal,
  refusalReason,
} from "../../domain/workflow.ts";
import { AppError, type FieldProblem, fieldProblem, notFound } from "../../errors.ts";
import type { ProblemReason } from "../../i18n/problems/index.ts";
import { applyChange, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { canReadAnswerOf, capacitiesFor, type RoundContext } from "../reporting/context.ts";
import { readableContext } from "../steering/context.ts";
import {
  asWorkflowSubject,
  type GoalRef,
  presentAssessment,
  presentAssessmentVersion,
  rankOf,
} from "./presenters.ts";
import {
  type AssessmentFields,
  findAssessment,
  findAssessmentWithRound,
  insertAssessmentVersion,
  type RiskAssessmentRow,
  selectAssessmentVersions,
  selectLevelsById,
  updateAssessmentFields,
} from "./queries.ts";
import { scaleAt } from "./scales.ts";
import type {
  approveRiskInput,
  RiskAssessmentVersionView,
  RiskAssessmentView,
  returnRiskInput,
  saveRiskAssessmentInput,
} from "./schema.ts";

type Loaded = { assessment: RiskAssessmentRow; context: RoundContext; goal: GoalRef; scale: RiskScale };

export async function loadAssessment(db: Db, principal: Principal, id: number): Promise<Loaded> {
  const found = await findAssessmentWithRound(db, id);
  if (!found) throw notFound("risk_assessment_not_found", { id });
  const { assessment, round, document, requirement } = found;
  // Someone who may not read the unit's reports cannot learn that the assessment exists.
  const documentContext = await readableContext(db, principal, document, {
    reason: "risk_assessment_not_found",
    params: { id },
  });
  const context: RoundContext = { ...documentContext, round };
  if (!canReadAnswerOf(principal, context, assessment)) throw notFound("risk_assessment_not_found", { id });
  const { scale } = await scaleAt(db, context.issuer.path);
  return { assessment, context, goal: requirement, scale };
}

async function present(db: Db, principal: Principal, loaded: Loaded, row: RiskAssessmentRow) {
  const previous =
    row.previousId === null
      ? null
      : ((await selectLevelsById(db, [row.previousId])).get(row.previousId) ?? null);
  return presentAssessment(principal, loaded.context, row, loaded.goal, loaded.scale, previous);
}

export async function getAssessment(db: Db, { principal }: Caller, id: number): Promise<RiskAssessmentView> {
  const loaded = await loadAssessment(db, principal, id);
  return present(db, principal, loaded, loaded.assessment);
}

// ---- The workflow ----

const refusalError = (state: AnswerState, action: AnswerAction, refusal: Refusal) =>
  new AppError(
    refusal === "not_permitted" ? "forbidden" : "conflict",
    `risk_${refusalReason(state, action, refusal)}` as ProblemReason,
    { params: { state, action, refusal } },
  );

type ActionOptions = {
  id: number;
  action: AnswerAction;
  version: number;
  change: (row: RiskAssessmentRow, scale: RiskScale) => Omit<AssessmentFields, "updatedBy" | "state">;
  comment?: string | null;
};

async function applyAction(
  db: Db,
  { principal, actor }: Caller,
  { id, action, version, change, comment = null }: ActionOptions,
): Promise<RiskAssessmentView> {
  return db.transaction(async (tx) => {
    const loaded = await loadAssessment(tx, principal, id);
    const { context } = loaded;
    const who = capacitiesFor(principal, context, asWorkflowSubject(loaded.assessment));
    const roundOpen = context.round.state === "open";
    const permitted = decide(loaded.assessment.state, action, who, roundOpen);
    if (!permitted.allowed && permitted.refusal !== "wrong_state") {
      throw refusalError(loaded.assessment.state, action, permitted.refusal);
    }
    const entity: VersionedEntity<RiskAssessmentRow> = {
      entityType: "risk_assessment",
      describe: () => null,
      present: (row) => presentAssessment(principal, context, row, loaded.goal, loaded.scale, null),
      unitOf: (row) => row.unitId,
      find: findAssessment,
    };
    const row = await loadForChange(tx, entity, id, version, "risk_assessment_not_found");
    const decision = decide(row.state, action, who, roundOpen);
    if (!decision.allowed) throw refusalError(row.state, action, decision.refusal);
    const values = { ...change(row, loaded.scale), state: decision.next, updatedBy: actor.name };
    const updated = await applyChange(tx, actor, entity, row, `risk_assessment_${action}`, async () => {
      const written = await updateAssessmentFields(tx, id, row.version, values);
      return written && comment !== null ? Object.assign(written, { comment }) : written;
    });
    await insertAssessmentVersion(tx, updated, action, actor, comment);
    return present(tx, principal, loaded, updated);
  });
}

type SaveInput = z.infer<typeof saveRiskAssessmentInput>;

const levelNames = (scale: RiskScale) => scale.levels.map((level) => level.label.nb).join(", ");

/**
 * The level given for one side (inherent or residual): on a level scale a key of the scale; on a
 * matrix, likelihood and consequence together, the level read from the cell. Problems name the field.
 */
function checkedSide(
  scale: RiskScale,
  fields: { level: string; likelihood: string; consequence: string },
  given: { level: string | null; likelihood: number | null; consequence: number | null },
  problems: FieldProblem[],
): { level: RiskLevel | null; likelihood: number | null; consequence: number | null } {
  if (scale.kind === "levels") {
    if (given.level === null) return { level: null, likelihood: null, consequence: null };
    const level = levelOf(scale, given.level);
    if (!level) {
      problems.push(
        fieldProblem(fields.level, "level_not_on_scale", { level: given.level, levels: levelNames(scale) }),
      );
    }
    return { level: level ?? null, likelihood: null, consequence: null };
  }
  if (given.likelihood === null && given.consequence === null) {
    return { level: null, likelihood: null, consequence: null };
  }
  if (given.likelihood === null || given.consequence === null) {
    const missing = given.likelihood === null ? fields.likelihood : fields.consequence;
    problems.push(fieldProblem(missing, "matrix_point_required"));
    return { level: null, likelihood: null, consequence: null };
  }
  const level = matrixCellLevel(scale, given.likelihood, given.consequence);
  if (!level) {
    if (given.likelihood > scale.likelihoods.length) {
      problems.push(
        fieldProblem(fields.likelihood, "matrix_point_outside", { max: scale.likelihoods.length }),
      );
    }
    if (given.consequence > scale.consequences.length) {
      problems.push(
        fieldProblem(fields.consequence, "matrix_point_outside", { max: scale.consequences.length }),
      );
    }
  }
  return { level: level ?? null, likelihood: given.likelihood, consequence: given.consequence };
}

/** The stored fields after a save: the given values over the stored ones, checked against the scale. */
export function savedFields(row: RiskAssessmentRow, scale: RiskScale, input: SaveInput) {
  const problems: FieldProblem[] = [];
  const inherent = checkedSide(
    scale,
    { level: "level", likelihood: "likelihood", consequence: "consequence" },
    {
      level: input.level === undefined ? row.level : input.level,
      likelihood: input.likelihood === undefined ? row.likelihood : input.likelihood,
      consequence: input.consequence === undefined ? row.consequence : input.consequence,
    },
    problems,
  );
  const residual = checkedSide(
    scale,
    { level: "residualLevel", likelihood: "residualLikelihood", consequence: "residualConsequence" },
    {
      level: input.residualLevel === undefined ? row.residualLevel : input.residualLevel,
      likelihood: input.residualLikelihood === undefined ? row.residualLikelihood : input.residualLikelihood,
      consequence:
        input.residualConsequence === undefined ? row.residualConsequence : input.residualConsequence,
    },
    problems,
  );
  if (!residualWithinInherent(inherent.level?.rank ?? null, residual.level?.rank ?? null)) {
    problems.push(fieldProblem("residualLevel", "residual_worse_than_inherent"));
  }
  if (problems.length > 0) throw new AppError("validation_failed", "risk_assessment_invalid", { problems });
  return {
    level: inherent.level?.key ?? null,
    likelihood: inherent.likelihood,
    consequence: inherent.consequence,
    residualLevel: residual.level?.key ?? null,
    residualLikelihood: residual.likelihood,
    residualConsequence: residual.consequence,
    justification: input.justification ?? row.justification,
    carriedForward: false,
  };
}

export const saveAssessment = (db: Db, caller: Caller, id: number, input: SaveInput) =>
  applyAction(db, caller, {
    id,
    action: "save",
    version: input.version,
    change: (row, scale) => savedFields(row, scale, input),
  });

/** Why an assessment cannot be submitted yet: it needs a level on the scale and a justification. */
function submitProblems(row: RiskAssessmentRow, scale: RiskScale): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rankOf(scale, row.level) === null) problems.push(fieldProblem("level", "risk_level_required"));
  if (row.justification.trim() === "") problems.push(fieldProblem("justification", "justification_required"));
  return problems;
}

export const submitAssessment = (db: Db, caller: Caller, id: number, input: { version: number }) =>
  applyAction(db, caller, {
    id,
    action: "submit",
    version: input.version,
    change: (row, scale) => {
      const problems = submitProblems(row, scale);
      if (problems.length > 0)
        throw new AppError("validation_failed", "risk_assessment_incomplete", { problems });
      // Submitting as it stands reviews a carried-forward assessment too.
      return { returnComment: null, carriedForward: false };
    },
  });

export const withdrawAssessment = (db: Db, caller: Caller, id: number, input: { version: number }) =>
  applyAction(db, caller, { id, action: "withdraw", version: input.version, change: () => ({}) });

export const approveAssessment = (
  db: Db,
  caller: Caller,
  id: number,
  input: z.infer<typeof approveRiskInput>,
) =>
  applyAction(db, caller, {
    id,
    action: "approve",
    version: input.version,
    change: () => ({}),
    comment: approvalComment(input.comment),
  });

export const returnAssessment = (
  db: Db,
  caller: Caller,
  id: number,
  input: z.infer<typeof returnRiskInput>,
) =>
  applyAction(db, caller, {
    id,
    action: "return",
    version: input.version,
    change: () => ({ returnComment: input.comment }),
    comment: input.comment,
  });

export async function listAssessmentVersions(
  db: Db,
  { principal }: Caller,
  id: number,
): Promise<RiskAssessmentVersionView[]> {
  await loadAssessment(db, principal, id);
  return (await selectAssessmentVersions(db, id)).map(presentAssessmentVersion);
}
