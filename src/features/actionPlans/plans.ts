// Action plans: create a draft, list the readable ones, read one version whole, change it (a stale
// version gets 409) and adopt it (the owner's approver). Every change is audited.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { yearsOutsidePlan } from "../../domain/actionPlans.ts";
import { canDecideForOwner, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { todayIso } from "../../domain/units.ts";
import { AppError, type FieldProblem, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import { loadEditablePlan, loadReadablePlan, planEntity, refuseNonEditors } from "./access.ts";
import { presentPlan, unitView } from "./present.ts";
import {
  findPlan,
  findUnitRef,
  insertPlan,
  type PlanRow,
  selectPlanMeasures,
  selectPlansWithOwners,
  updatePlan,
} from "./queries.ts";
import type {
  ActionPlanListItemView,
  ActionPlanView,
  CreateActionPlanInput,
  UpdateActionPlanInput,
} from "./schema.ts";

export const MAX_PLAN_SPAN = 20;

export function invalid(problems: FieldProblem[]): AppError {
  return new AppError("validation_failed", "action_plan_invalid", { problems });
}

function yearProblems(fromYear: number, toYear: number): FieldProblem[] {
  return toYear < fromYear || toYear - fromYear >= MAX_PLAN_SPAN
    ? [fieldProblem("toYear", "plan_years_order", { fromYear, toYear })]
    : [];
}

export async function createActionPlan(db: Db, { principal, actor }: Caller, input: CreateActionPlanInput) {
  const owner = await findUnitRef(db, input.ownerUnitId);
  if (!owner) throw invalid([fieldProblem("ownerUnitId", "plan_unit_unknown", { id: input.ownerUnitId })]);
  refuseNonEditors(principal, owner);
  const problems = yearProblems(input.fromYear, input.toYear);
  if (problems.length > 0) throw invalid(problems);
  return db.transaction(async (tx): Promise<ActionPlanView> => {
    const plan = await insertPlan(tx, {
      ownerUnitId: owner.id,
      title: input.title,
      fromYear: input.fromYear,
      toYear: input.toYear,
      purpose: input.purpose ?? "",
      mainGoal: input.mainGoal ?? "",
      boardCases: input.boardCases ?? [],
      status: "draft",
      updatedBy: actor.name,
    });
    await auditCreation(tx, actor, planEntity, plan);
    return presentPlan(tx, principal, { plan, owner });
  });
}

/** The plans (every version) the caller may read, under a unit when asked. */
export async function listActionPlans(
  db: Db,
  { principal }: Caller,
  query: { unitId?: number | undefined },
): Promise<ActionPlanListItemView[]> {
  let underPath: string | null = null;
  if (query.unitId !== undefined) {
    const unit = await findUnitRef(db, query.unitId);
    if (!unit || !canReadPortfolio(principal, unit.path))
      throw notFound("unit_not_found", { id: query.unitId });
    underPath = unit.path;
  }
  const rows = (await selectPlansWithOwners(db, underPath)).filter(({ owner }) =>
    canReadPortfolio(principal, owner.path),
  );
  const newest = new Map<number, number>();
  for (const { plan } of rows) {
    const series = plan.seriesId ?? plan.id;
    newest.set(series, Math.max(newest.get(series) ?? 0, plan.versionNumber));
  }
  return rows.map(({ plan, owner }) => ({
    id: plan.id,
    owner: unitView(owner),
    title: plan.title,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    status: plan.status,
    versionNumber: plan.versionNumber,
    seriesId: plan.seriesId ?? plan.id,
    latest: newest.get(plan.seriesId ?? plan.id) === plan.versionNumber,
    adoptedOn: plan.adoptedOn,
  }));
}

export async function getActionPlan(db: Db, { principal }: Caller, id: number): Promise<ActionPlanView> {
  return presentPlan(db, principal, await loadReadablePlan(db, principal, id));
}

/** New years may not leave any of the plan's measures outside them. */
async function measureYearProblems(db: Db, plan: PlanRow, fromYear: number, toYear: number) {
  const outside = (await selectPlanMeasures(db, plan.id)).flatMap(({ link }) =>
    yearsOutsidePlan(link.years, { from: fromYear, to: toYear }),
  );
  const years = [...new Set(outside)].sort((a, b) => a - b);
  return years.length === 0
    ? []
    : [fieldProblem("fromYear", "plan_years_exclude_measures", { years: years.join(", ") })];
}

export async function updateActionPlan(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateActionPlanInput,
) {
  return db.transaction(async (tx): Promise<ActionPlanView> => {
    const { owner } = await loadEditablePlan(tx, principal, id);
    const plan = await loadForChange(tx, planEntity, id, input.version, "action_plan_not_found");
    const fromYear = input.fromYear ?? plan.fromYear;
    const toYear = input.toYear ?? plan.toYear;
    const problems = yearProblems(fromYear, toYear);
    if (problems.length === 0 && (fromYear !== plan.fromYear || toYear !== plan.toYear)) {
      problems.push(...(await measureYearProblems(tx, plan, fromYear, toYear)));
    }
    if (problems.length > 0) throw invalid(problems);
    const updated = await applyChange(tx, actor, planEntity, plan, "update", () =>
      updatePlan(tx, id, plan.version, {
        title: input.title ?? plan.title,
        fromYear,
        toYear,
        purpose: input.purpose ?? plan.purpose,
        mainGoal: input.mainGoal ?? plan.mainGoal,
        boardCases: input.boardCases ?? plan.boardCases,
        updatedBy: actor.name,
      }),
    );
    return presentPlan(tx, principal, { plan: updated, owner });
  });
}

/**
 * Adopts a draft: the owner's approver decides. Adopting a revision marks the version it revised
 * "revised", so one version of a plan is in force at a time.
 */
export async function adoptActionPlan(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: { version: number; adoptedOn?: string | undefined },
) {
  return db.transaction(async (tx): Promise<ActionPlanView> => {
    const { owner } = await loadReadablePlan(tx, principal, id);
    if (!canDecideForOwner(principal, owner.path)) {
      throw forbidden("action_plan_adopt_not_permitted", { unit: owner.name });
    }
    const plan = await loadForChange(tx, planEntity, id, input.version, "action_plan_not_found");
    if (plan.status !== "draft")
      throw new AppError("conflict", "action_plan_not_draft", { params: { title: plan.title } });
    const adopted = await applyChange(tx, actor, planEntity, plan, "action_plan_adopt", () =>
      updatePlan(tx, id, plan.version, {
        status: "adopted",
        adoptedOn: input.adoptedOn ?? todayIso(),
        updatedBy: actor.name,
      }),
    );
    const previous = plan.previousVersionId === null ? undefined : await findPlan(tx, plan.previousVersionId);
    if (previous && previous.status !== "revised") {
      await applyChange(tx, actor, planEntity, previous, "action_plan_revised", () =>
        updatePlan(tx, previous.id, previous.version, { status: "revised", updatedBy: actor.name }),
      );
    }
    return presentPlan(tx, principal, { plan: adopted, owner });
  });
}
