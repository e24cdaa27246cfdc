// What the action plan routes take and return (issue 14, seed 004): a plan in versions with
// numbered sub-goals, their key indicators and measures, a tertial's progress, a revision and the
// comparison of two versions. Shared with the web (web/src/api/actionPlans.ts).

import { z } from "zod";
import { actionPlanStatuses, keyIndicatorKinds, planResponsibilities } from "../../domain/programmeKinds.ts";
import { measurePhases, measureStatuses } from "../../domain/riskMeasures.ts";
import { id, isoDate, plainText, text, version, wholeNumber, year } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";

const int = z.number().int();
const figure = z.number().min(-1e12).max(1e12);

const planFields = {
  title: plainText(300).min(1),
  fromYear: year,
  toYear: year,
  purpose: text(20_000).optional(),
  mainGoal: text(5000).optional(),
  boardCases: z.array(plainText(200).min(1)).max(50).optional(),
};

export const createActionPlanInput = z.object({ ownerUnitId: id, ...planFields });

/** A change: absent fields stay as they are. */
export const updateActionPlanInput = z.object({
  version,
  title: planFields.title.optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
  purpose: planFields.purpose,
  mainGoal: planFields.mainGoal,
  boardCases: planFields.boardCases,
});

export const adoptActionPlanInput = z.object({
  version,
  adoptedOn: isoDate.optional().meta({ description: "The day of the decision; today when absent" }),
});

export const actionPlanListQuery = z.object({
  unitId: id.optional().meta({ description: "Only plans owned by this unit or units below it" }),
});

export const subGoalInput = z.object({ number: wholeNumber(1, 99), text: text(2000).min(1) });
export const updateSubGoalInput = z.object({
  version,
  number: wholeNumber(1, 99).optional(),
  text: text(2000).min(1).optional(),
});

const keyIndicatorFields = {
  text: text(2000).min(1),
  position: wholeNumber(0, 999).optional(),
  indicatorId: id.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  milestoneDone: z.boolean().nullable().optional(),
  milestoneValue: figure.nullable().optional(),
  milestoneTarget: figure.nullable().optional(),
  milestoneUnit: plainText(40).optional(),
  milestoneOn: isoDate.nullable().optional(),
};

export const keyIndicatorInput = z.object({ kind: z.enum(keyIndicatorKinds), ...keyIndicatorFields });
export const updateKeyIndicatorInput = z.object({
  version,
  ...keyIndicatorFields,
  text: keyIndicatorFields.text.optional(),
});

const planYears = z.array(year).min(1).max(20);

const planMeasureFields = {
  subGoalId: id.nullable().optional().meta({ description: "None: the plan's «Andre tiltak»" }),
  label: plainText(20).optional(),
  priority: z.union([z.literal(1), z.literal(2)]),
  years: planYears,
  resource: plainText(300).optional(),
  responsibility: z.enum(planResponsibilities),
  responsibleUnitIds: z.array(id).max(50).optional(),
};

/** A new measure in the plan: made through the measures service, on the plan's owner unit. */
export const createPlanMeasureInput = z.object({
  title: plainText(300).min(1),
  description: text(20_000).optional(),
  ownerRole: plainText(200).optional(),
  deadline: isoDate.nullable().optional(),
  ...planMeasureFields,
});

export const updatePlanMeasureInput = z.object({
  version,
  subGoalId: planMeasureFields.subGoalId,
  label: planMeasureFields.label,
  priority: planMeasureFields.priority.optional(),
  years: planYears.optional(),
  resource: planMeasureFields.resource,
  responsibility: planMeasureFields.responsibility.optional(),
  responsibleUnitIds: planMeasureFields.responsibleUnitIds,
});

export const revisionInput = z.object({
  year: year.meta({ description: "The year the revision is made in; measures keep the years from it on" }),
});

export const progressQuery = z.object({
  period: plainText(10).meta({ description: "A tertial: 2009-T1, 2009-T2 or 2009-T3 (the year)" }),
});

export const compareQuery = z.object({ with: id });

export const planMeasureIdParams = z.object({ id, linkId: id });

const unitRef = z.object({ id: int, code: z.string(), name: z.string() });

export const keyIndicatorView = z
  .object({
    id: int,
    subGoalId: int,
    position: int,
    text: z.string(),
    kind: z.enum(keyIndicatorKinds),
    indicator: z.object({ id: int, code: z.string(), name: z.string(), unitLabel: z.string() }).nullable(),
    dueOn: z.string().nullable(),
    milestoneDone: z.boolean().nullable(),
    milestoneValue: z.number().nullable(),
    milestoneTarget: z.number().nullable(),
    milestoneUnit: z.string(),
    milestoneOn: z.string().nullable(),
    version: int,
  })
  .meta({ id: "ActionPlanKeyIndicator" });

export const planMeasureView = z
  .object({
    id: int.meta({ description: "The link of the measure to this version of the plan" }),
    measureId: int,
    subGoalId: int.nullable(),
    label: z.string(),
    title: z.string(),
    priority: int,
    years: z.array(int),
    resource: z.string(),
    responsibility: z.enum(planResponsibilities),
    responsibleUnits: z.array(unitRef),
    phase: z.enum(measurePhases),
    status: z.enum(measureStatuses).nullable(),
    deadline: z.string().nullable(),
    carriedOver: z.boolean().meta({ description: "Linked to the version before too" }),
    version: int,
  })
  .meta({ id: "ActionPlanMeasure" });

export const subGoalView = z
  .object({
    id: int,
    number: int,
    text: z.string(),
    keyIndicators: z.array(keyIndicatorView),
    version: int,
  })
  .meta({ id: "ActionPlanSubGoal" });

const versionRef = z.object({
  id: int,
  versionNumber: int,
  status: z.enum(actionPlanStatuses),
  revisedInYear: int.nullable(),
  adoptedOn: z.string().nullable(),
});

const planSummaryFields = {
  id: int,
  owner: unitRef,
  title: z.string(),
  fromYear: int,
  toYear: int,
  status: z.enum(actionPlanStatuses),
  versionNumber: int,
  seriesId: int,
  latest: z.boolean().meta({ description: "The newest version of the plan" }),
  adoptedOn: z.string().nullable(),
};

export const actionPlanListItemView = z.object(planSummaryFields).meta({ id: "ActionPlanListItem" });
export const actionPlanListView = z.array(actionPlanListItemView);

export const actionPlanView = z
  .object({
    ...planSummaryFields,
    previousVersionId: int.nullable(),
    revisedInYear: int.nullable(),
    purpose: z.string(),
    mainGoal: z.string(),
    boardCases: z.array(z.string()),
    subGoals: z.array(subGoalView),
    measures: z.array(planMeasureView),
    versions: z.array(versionRef).meta({ description: "Every version of the plan, oldest first" }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    version: int,
    can: capabilities(["edit", "adopt", "revise"] as const),
  })
  .meta({ id: "ActionPlan" });

const attainment = z.object({
  colour: z.enum(["green", "yellow", "red", "grey"]),
  reason: z.string(),
  targetValue: z.number().nullable(),
  comparator: z.enum(["gte", "gt", "lte", "lt"]).nullable(),
  displayedValue: z.string().nullable(),
});

export const keyIndicatorProgressView = z.object({
  keyIndicatorId: int,
  subGoalId: int,
  text: z.string(),
  kind: z.enum(keyIndicatorKinds),
  /** Indicator kind: the scorecard's judgement of the period (lower-is-better respected). */
  indicator: z
    .object({
      code: z.string(),
      unitLabel: z.string(),
      direction: z.enum(["higher", "lower"]),
      value: z.number().nullable(),
      targetYear: int,
      attainment,
    })
    .nullable(),
  met: z.boolean().nullable(),
  overdue: z.boolean(),
  dueOn: z.string().nullable(),
  milestoneValue: z.number().nullable(),
  milestoneTarget: z.number().nullable(),
  milestoneUnit: z.string(),
});

export const measureProgressView = z.object({
  planMeasureId: int,
  measureId: int,
  subGoalId: int.nullable(),
  label: z.string(),
  title: z.string(),
  priority: int,
  years: z.array(int),
  phase: z.enum(measurePhases),
  status: z.enum(measureStatuses).nullable(),
  reportedOn: z.string().nullable().meta({ description: "The log entry's day; null: the measure as it is" }),
});

export const actionPlanProgressView = z
  .object({
    planId: int,
    period: z.string(),
    periodEnd: z.string(),
    measures: z.array(measureProgressView),
    keyIndicators: z.array(keyIndicatorProgressView),
  })
  .meta({ id: "ActionPlanProgress" });

const comparedMeasure = z.object({
  measureId: int,
  title: z.string(),
  label: z.string(),
  yearsBefore: z.array(int).nullable(),
  yearsAfter: z.array(int).nullable(),
  priorityBefore: int.nullable(),
  priorityAfter: int.nullable(),
});

export const actionPlanComparisonView = z
  .object({
    earlier: versionRef.extend({ title: z.string() }),
    later: versionRef.extend({ title: z.string() }),
    kept: z.array(comparedMeasure),
    changed: z.array(comparedMeasure),
    added: z.array(comparedMeasure),
    finished: z.array(comparedMeasure),
    dropped: z.array(comparedMeasure),
  })
  .meta({ id: "ActionPlanComparison" });

export type CreateActionPlanInput = z.infer<typeof createActionPlanInput>;
export type UpdateActionPlanInput = z.infer<typeof updateActionPlanInput>;
export type KeyIndicatorInput = z.infer<typeof keyIndicatorInput>;
export type UpdateKeyIndicatorInput = z.infer<typeof updateKeyIndicatorInput>;
export type CreatePlanMeasureInput = z.infer<typeof createPlanMeasureInput>;
export type UpdatePlanMeasureInput = z.infer<typeof updatePlanMeasureInput>;
export type ActionPlanView = z.infer<typeof actionPlanView>;
export type ActionPlanListItemView = z.infer<typeof actionPlanListItemView>;
export type KeyIndicatorView = z.infer<typeof keyIndicatorView>;
export type PlanMeasureView = z.infer<typeof planMeasureView>;
export type SubGoalView = z.infer<typeof subGoalView>;
export type ActionPlanProgressView = z.infer<typeof actionPlanProgressView>;
export type KeyIndicatorProgressView = z.infer<typeof keyIndicatorProgressView>;
export type MeasureProgressView = z.infer<typeof measureProgressView>;
export type ActionPlanComparisonView = z.infer<typeof actionPlanComparisonView>;
