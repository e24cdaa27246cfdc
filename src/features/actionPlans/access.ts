// Who may see and change an action plan, and which version may change at all. Whoever reads the
// owner unit's reports reads its plans; its editors write them; its approver adopts them. A plan
// id the caller may not read answers 404, as if it did not exist.
//
// Versions: a revision makes a new draft version beside the adopted one. From then on the older
// version is kept as it was (read-only, 409 action_plan_read_only), though it stays "adopted" —
// it is the plan in force — until the new version is adopted; adopting it marks the older one
// "revised". So there is always one plan in force, and only the newest version changes.

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { canDecideForOwner, canEditPortfolio, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import type { VersionedEntity } from "../audit/change.ts";
import {
  findKeyIndicator,
  findPlan,
  findPlanMeasure,
  findSubGoal,
  findUnitRef,
  hasNewerVersion,
  type KeyIndicatorRow,
  type PlanMeasureRow,
  type PlanRow,
  type SubGoalRow,
  type UnitRef,
} from "./queries.ts";

export type LoadedPlan = { plan: PlanRow; owner: UnitRef };

export async function loadReadablePlan(db: Db, principal: Principal, id: number): Promise<LoadedPlan> {
  const plan = await findPlan(db, id);
  const owner = plan && (await findUnitRef(db, plan.ownerUnitId));
  if (!plan || !owner || !canReadPortfolio(principal, owner.path)) {
    throw notFound("action_plan_not_found", { id });
  }
  return { plan, owner };
}

export function refuseNonEditors(principal: Principal, owner: UnitRef): void {
  if (!canEditPortfolio(principal, owner.path))
    throw forbidden("action_plan_not_permitted", { unit: owner.name });
}

/** A version replaced by a newer one is kept as it was. */
export async function refuseOldVersion(db: Db, plan: PlanRow): Promise<void> {
  if (plan.status === "revised" || (await hasNewerVersion(db, plan))) {
    throw new AppError("conflict", "action_plan_read_only", {
      params: { title: plan.title, versionNumber: plan.versionNumber },
    });
  }
}

/** The plan, for an editor, when its version may still change; 404, 403 or 409 otherwise. */
export async function loadEditablePlan(db: Db, principal: Principal, id: number): Promise<LoadedPlan> {
  const loaded = await loadReadablePlan(db, principal, id);
  refuseNonEditors(principal, loaded.owner);
  await refuseOldVersion(db, loaded.plan);
  return loaded;
}

export async function capabilitiesOf(db: Db, principal: Principal, loaded: LoadedPlan) {
  const latest = loaded.plan.status !== "revised" && !(await hasNewerVersion(db, loaded.plan));
  const edit = latest && canEditPortfolio(principal, loaded.owner.path);
  return {
    edit,
    adopt: latest && loaded.plan.status === "draft" && canDecideForOwner(principal, loaded.owner.path),
    revise: edit && loaded.plan.status === "adopted",
  };
}

const partNotFound = (id: number) => notFound("action_plan_part_not_found", { id });

/** A sub-goal of the plan, or 404. */
export async function subGoalOf(db: Db, planId: number, id: number): Promise<SubGoalRow> {
  const row = await findSubGoal(db, id);
  if (!row || row.planId !== planId) throw partNotFound(id);
  return row;
}

export async function keyIndicatorOf(db: Db, planId: number, id: number): Promise<KeyIndicatorRow> {
  const row = await findKeyIndicator(db, id);
  if (!row || row.planId !== planId) throw partNotFound(id);
  return row.keyIndicator;
}

export async function planMeasureOf(db: Db, planId: number, id: number): Promise<PlanMeasureRow> {
  const row = await findPlanMeasure(db, id);
  if (!row || row.planId !== planId) throw partNotFound(id);
  return row;
}

export const planEntity: VersionedEntity<PlanRow> = {
  entityType: "action_plan",
  describe: (row) => row.title,
  present: (row) => ({ id: row.id, title: row.title, status: row.status, version: row.version }),
  unitOf: (row) => row.ownerUnitId,
  find: findPlan,
};

export const subGoalEntity = (plan: PlanRow): VersionedEntity<SubGoalRow> => ({
  entityType: "action_plan_sub_goal",
  describe: (row) => `${plan.title}: ${row.number}`,
  present: (row) => ({ id: row.id, number: row.number, text: row.text, version: row.version }),
  unitOf: () => plan.ownerUnitId,
  find: findSubGoal,
});

export const keyIndicatorEntity = (plan: PlanRow): VersionedEntity<KeyIndicatorRow> => ({
  entityType: "action_plan_key_indicator",
  describe: (row) => row.text.slice(0, 80),
  present: (row) => ({ id: row.id, text: row.text, version: row.version }),
  unitOf: () => plan.ownerUnitId,
  find: async (tx, id) => (await findKeyIndicator(tx, id))?.keyIndicator,
});

export const planMeasureEntity = (plan: PlanRow): VersionedEntity<PlanMeasureRow> => ({
  entityType: "action_plan_measure",
  describe: (row) => row.label || `${plan.title}: ${row.measureId}`,
  present: (row) => ({ id: row.id, measureId: row.measureId, years: row.years, version: row.version }),
  unitOf: () => plan.ownerUnitId,
  find: findPlanMeasure,
});
