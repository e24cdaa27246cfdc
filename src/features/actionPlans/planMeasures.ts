// Measures in a plan: a new measure is made through the measures service (on the plan's owner unit,
// so it has its owner, phase and log like any other) and linked to the plan version with the plan's
// priority, years, resource and responsibility, under a sub-goal or none ("Andre tiltak").
// A measure's years must lie within the plan's: otherwise nothing is written and the years are named.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { yearsOutsidePlan } from "../../domain/actionPlans.ts";
import type { PlanResponsibility } from "../../domain/programmeKinds.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import { createMeasure } from "../measures/measures.ts";
import { loadEditablePlan, planMeasureEntity, planMeasureOf } from "./access.ts";
import { invalid } from "./plans.ts";
import { presentPlanMeasures } from "./present.ts";
import {
  deletePlanMeasure,
  findSubGoal,
  insertPlanMeasure,
  type PlanRow,
  selectPlanMeasures,
  selectUnitRefs,
  updatePlanMeasure,
} from "./queries.ts";
import { removePlanPart } from "./removePart.ts";
import type { CreatePlanMeasureInput, PlanMeasureView, UpdatePlanMeasureInput } from "./schema.ts";

const distinctSorted = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

/** The years, or 400 naming those outside the plan, before anything is written. */
function checkedYears(plan: PlanRow, years: readonly number[]): number[] {
  const outside = yearsOutsidePlan(years, { from: plan.fromYear, to: plan.toYear });
  if (outside.length > 0) {
    const params = { years: outside.join(", "), from: plan.fromYear, to: plan.toYear };
    throw new AppError("validation_failed", "action_plan_measure_years_outside", {
      params,
      problems: [fieldProblem("years", "plan_measure_years_outside", params)],
    });
  }
  return distinctSorted(years);
}

type Placement = {
  subGoalId: number | null;
  responsibility: PlanResponsibility;
  responsibleUnitIds: number[];
};

async function checkedPlacement(db: Db, planId: number, placement: Placement): Promise<Placement> {
  const problems: FieldProblem[] = [];
  if (placement.subGoalId !== null) {
    const subGoal = await findSubGoal(db, placement.subGoalId);
    if (!subGoal || subGoal.planId !== planId) {
      problems.push(fieldProblem("subGoalId", "plan_sub_goal_unknown", { id: placement.subGoalId }));
    }
  }
  let unitIds: number[] = [];
  if (placement.responsibility === "named_units") {
    unitIds = distinctSorted(placement.responsibleUnitIds);
    if (unitIds.length === 0) problems.push(fieldProblem("responsibleUnitIds", "plan_named_units_required"));
    const known = new Set((await selectUnitRefs(db, unitIds)).map((unit) => unit.id));
    for (const id of unitIds) {
      if (!known.has(id)) problems.push(fieldProblem("responsibleUnitIds", "plan_unit_unknown", { id }));
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return { ...placement, responsibleUnitIds: unitIds };
}

async function presentLink(db: Db, plan: PlanRow, linkId: number): Promise<PlanMeasureView> {
  const view = (await presentPlanMeasures(db, plan)).find((measure) => measure.id === linkId);
  if (!view) throw new Error(`plan measure ${linkId} vanished`);
  return view;
}

export async function addPlanMeasure(db: Db, caller: Caller, planId: number, input: CreatePlanMeasureInput) {
  return db.transaction(async (tx): Promise<PlanMeasureView> => {
    const { plan, owner } = await loadEditablePlan(tx, caller.principal, planId);
    const years = checkedYears(plan, input.years);
    const placement = await checkedPlacement(tx, planId, {
      subGoalId: input.subGoalId ?? null,
      responsibility: input.responsibility,
      responsibleUnitIds: input.responsibleUnitIds ?? [],
    });
    // The measures service checks the caller writes for the unit, and audits the measure.
    const measure = await createMeasure(tx, caller, {
      responsibleUnitId: owner.id,
      title: input.title,
      description: input.description ?? "",
      ownerRole: input.ownerRole || owner.name,
      deadline: input.deadline ?? null,
    });
    const position = (await selectPlanMeasures(tx, planId)).length;
    const link = await insertPlanMeasure(tx, {
      planId,
      measureId: measure.id,
      ...placement,
      label: input.label ?? "",
      position,
      priority: input.priority,
      years,
      resource: input.resource ?? "",
    });
    await auditCreation(tx, caller.actor, planMeasureEntity(plan), link);
    return presentLink(tx, plan, link.id);
  });
}

/** Changes a measure's place in the plan: sub-goal, label, priority, years, resource, responsibility. */
export async function changePlanMeasure(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  linkId: number,
  input: UpdatePlanMeasureInput,
) {
  return db.transaction(async (tx): Promise<PlanMeasureView> => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    await planMeasureOf(tx, planId, linkId);
    const entity = planMeasureEntity(plan);
    const row = await loadForChange(tx, entity, linkId, input.version, "action_plan_part_not_found");
    const years = checkedYears(plan, input.years ?? row.years);
    const responsibility = input.responsibility ?? row.responsibility;
    const placement = await checkedPlacement(tx, planId, {
      subGoalId: input.subGoalId === undefined ? row.subGoalId : input.subGoalId,
      responsibility,
      responsibleUnitIds: input.responsibleUnitIds ?? row.responsibleUnitIds,
    });
    await applyChange(tx, actor, entity, row, "update", () =>
      updatePlanMeasure(tx, linkId, row.version, {
        ...placement,
        label: input.label ?? row.label,
        priority: input.priority ?? row.priority,
        years,
        resource: input.resource ?? row.resource,
      }),
    );
    return presentLink(tx, plan, linkId);
  });
}

/**
 * Takes a measure out of the plan version (the measure itself and its log stay): a revision's
 * editor leaves out what no longer belongs, which the comparison then lists as dropped.
 */
export const removePlanMeasure = (db: Db, caller: Caller, planId: number, linkId: number, version: number) =>
  removePlanPart(db, caller, planId, linkId, version, {
    of: planMeasureOf,
    entity: planMeasureEntity,
    remove: deletePlanMeasure,
  });
