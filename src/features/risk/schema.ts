// What the risk routes take and return (issue 12): risk scales, assessments of goals in a round,
// and the comparison of two rounds ("Tabell 3").

import { z } from "zod";
import { riskLevelColours } from "../../domain/risk.ts";
import { riskAssessmentKinds } from "../../domain/riskKinds.ts";
import { answerActions, answerStates, approvalCommentMaxLength } from "../../domain/workflow.ts";
import { markdownText, text, version, wholeNumber } from "../../schemas/common.ts";
import { unitRefView } from "../steering/schema.ts";

const int = z.number().int();
const words = z.object({ nb: z.string(), en: z.string() });

export const riskLevelView = z
  .object({
    key: z.string(),
    rank: int,
    colour: z.enum(riskLevelColours),
    label: words,
    definition: words,
  })
  .meta({ id: "RiskLevel" });

const areaChoices = z
  .array(z.object({ key: z.string(), label: words }))
  .optional()
  .meta({
    description: "The organisation's own risk areas for its units' own risks; absent: the built-in list",
  });

export const riskScaleDefinition = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("levels"), levels: z.array(riskLevelView), areas: areaChoices }),
    z.object({
      kind: z.literal("matrix"),
      levels: z.array(riskLevelView),
      areas: areaChoices,
      likelihoods: z.array(words),
      consequences: z.array(words),
      cells: z.array(z.array(z.string())),
    }),
  ])
  .meta({ id: "RiskScaleDefinition" });

export const riskScaleView = z
  .object({
    /** The unit the scale is set on; null for the built-in default. */
    unitId: int.nullable(),
    scale: riskScaleDefinition,
    inherited: z
      .boolean()
      .meta({ description: "True when the scale is set on a unit above, or is the default" }),
    version: int
      .nullable()
      .meta({ description: "The version to send with a change; null when none is set here" }),
    canEdit: z.boolean(),
  })
  .meta({ id: "RiskScale" });

/** The body is checked by the domain rule, which names every problem by its path. */
export const saveRiskScaleInput = z.object({
  version: wholeNumber(0, 2_147_483_647).meta({ description: "0 when the unit has no scale of its own yet" }),
  scale: z.unknown(),
});

export const riskChange = z.enum(["new", "improved", "unchanged", "worsened", "not_assessed"]);

export const riskAssessmentView = z
  .object({
    id: int,
    roundId: int,
    period: z.string(),
    requirement: z.object({ id: int, number: z.string(), text: z.string() }),
    kind: z.enum(riskAssessmentKinds),
    unit: unitRefView,
    level: z.string().nullable(),
    likelihood: int.nullable(),
    consequence: int.nullable(),
    residualLevel: z.string().nullable(),
    residualLikelihood: int.nullable(),
    residualConsequence: int.nullable(),
    justification: z.string(),
    carriedForward: z.boolean().meta({ description: "Copied from the period before and not yet saved" }),
    previousLevel: z.string().nullable(),
    change: riskChange,
    state: z.enum(answerStates),
    returnComment: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    version: int,
    allowedActions: z.array(z.enum(answerActions)),
  })
  .meta({ id: "RiskAssessment" });

const point = wholeNumber(1, 10).nullable().optional();

export const saveRiskAssessmentInput = z.object({
  version,
  level: z.string().max(32).nullable().optional(),
  likelihood: point,
  consequence: point,
  residualLevel: z.string().max(32).nullable().optional(),
  residualLikelihood: point,
  residualConsequence: point,
  justification: markdownText(50_000).optional(),
});

export const riskVersionInput = z.object({ version });

export const approveRiskInput = z.object({ version, comment: text(approvalCommentMaxLength).optional() });

export const returnRiskInput = z.object({ version, comment: text(5000).min(1) });

export const riskAssessmentVersionView = z
  .object({
    version: int,
    action: z.string(),
    level: z.string().nullable(),
    residualLevel: z.string().nullable(),
    justification: z.string(),
    state: z.enum(answerStates),
    comment: z.string().nullable(),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: "RiskAssessmentVersion" });

/** One goal of a round: the issuing unit's overall assessment beside its units' assessments. */
export const riskGoalView = z
  .object({
    requirement: z.object({ id: int, number: z.string(), text: z.string() }),
    area: z
      .string()
      .nullable()
      .meta({ description: "The goal's chapter (main goal) in the steering document" }),
    overall: riskAssessmentView.nullable(),
    units: z.array(riskAssessmentView),
  })
  .meta({ id: "RiskGoal" });

export const roundRiskView = z
  .object({
    roundId: int,
    period: z.string(),
    issuer: unitRefView,
    scale: riskScaleDefinition,
    goals: z.array(riskGoalView),
  })
  .meta({ id: "RoundRisk" });

export const riskTableQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

const changeCounts = z.object({
  new: int,
  improved: int,
  unchanged: int,
  worsened: int,
  not_assessed: int,
});

/** Tabell 3: the issuing unit's overall assessment of each goal in two periods, and the change. */
export const riskTableView = z
  .object({
    documentId: int,
    title: z.string(),
    issuer: unitRefView,
    from: z.string(),
    to: z.string(),
    scale: riskScaleDefinition,
    rows: z.array(
      z.object({
        requirementId: int,
        area: z.string().nullable(),
        goal: z.string(),
        fromLevel: z.string().nullable(),
        toLevel: z.string().nullable(),
        change: riskChange,
        approved: z.boolean().meta({ description: "Both assessments are approved" }),
      }),
    ),
    counts: changeCounts,
  })
  .meta({ id: "RiskTable" });

export type RiskScaleView = z.infer<typeof riskScaleView>;
export type RiskAssessmentView = z.infer<typeof riskAssessmentView>;
export type RiskAssessmentVersionView = z.infer<typeof riskAssessmentVersionView>;
export type RoundRiskView = z.infer<typeof roundRiskView>;
export type RiskTableView = z.infer<typeof riskTableView>;

/** A person's risk assessments to write or approve in open rounds, per round and unit. */
export const riskWorkView = z
  .array(
    z.object({
      round: z.object({ id: int, period: z.string(), deadline: z.string() }),
      document: z.object({ id: int, title: z.string() }),
      unit: unitRefView,
      toWrite: int,
      returned: int,
      carriedForward: int.meta({
        description: "Drafts carried forward from the round before, not yet reviewed",
      }),
      toApprove: int,
    }),
  )
  .meta({ id: "RiskWork" });
export type RiskWorkView = z.infer<typeof riskWorkView>;
