// A plan's numbered sub-goals and their key indicators: an indicator in the catalogue (its yearly
// targets and values come from there) or a manual milestone, done or not, or a value on a date.
// Only a version that may still change takes them; every change is audited.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { KeyIndicatorKind } from "../../domain/programmeKinds.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import { keyIndicatorEntity, keyIndicatorOf, loadEditablePlan, subGoalEntity, subGoalOf } from "./access.ts";
import { invalid } from "./plans.ts";
import { indicatorRefs, presentKeyIndicator } from "./present.ts";
import {
  countSubGoalParts,
  deleteKeyIndicator,
  deleteSubGoal,
  findIndicatorRow,
  insertKeyIndicator,
  insertSubGoal,
  type KeyIndicatorRow,
  type SubGoalRow,
  updateKeyIndicator,
  updateSubGoal,
} from "./queries.ts";
import { removePlanPart } from "./removePart.ts";
import type { KeyIndicatorInput, KeyIndicatorView, UpdateKeyIndicatorInput } from "./schema.ts";

const subGoalView = (row: SubGoalRow) => ({
  id: row.id,
  number: row.number,
  text: row.text,
  version: row.version,
});

/** Two sub-goals of a plan never share a number; the database says so, the caller hears it by field. */
async function numbered<T>(number: number | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (number !== undefined && isUniqueViolation(error)) {
      throw invalid([fieldProblem("number", "plan_sub_goal_number_taken", { number })]);
    }
    throw error;
  }
}

export async function addSubGoal(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  input: { number: number; text: string },
) {
  return db.transaction(async (tx) => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    const row = await numbered(input.number, () =>
      tx.transaction(() => insertSubGoal(tx, { planId, number: input.number, text: input.text })),
    );
    await auditCreation(tx, actor, subGoalEntity(plan), row);
    return subGoalView(row);
  });
}

export async function changeSubGoal(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  id: number,
  input: { version: number; number?: number | undefined; text?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    await subGoalOf(tx, planId, id);
    const entity = subGoalEntity(plan);
    const row = await loadForChange(tx, entity, id, input.version, "action_plan_part_not_found");
    const updated = await numbered(input.number, () =>
      tx.transaction(() =>
        applyChange(tx, actor, entity, row, "update", () =>
          updateSubGoal(tx, id, row.version, {
            number: input.number ?? row.number,
            text: input.text ?? row.text,
          }),
        ),
      ),
    );
    return subGoalView(updated);
  });
}

type KeyIndicatorFields = Omit<
  typeof import("../../db/schema.ts").actionPlanKeyIndicators.$inferInsert,
  "subGoalId"
>;

/** The stored fields of a key indicator of `kind`, the given over `current`, checked together. */
async function checkedKeyIndicator(
  db: Db,
  kind: KeyIndicatorKind,
  current: Partial<KeyIndicatorRow>,
  given: Omit<UpdateKeyIndicatorInput, "version">,
): Promise<KeyIndicatorFields> {
  const pick = <Value>(value: Value | undefined, fallback: Value) => (value === undefined ? fallback : value);
  const done =
    given.milestoneDone === undefined
      ? current.milestoneDone
      : given.milestoneDone === null
        ? null
        : given.milestoneDone
          ? 1
          : 0;
  const fields: KeyIndicatorFields = {
    kind,
    text: pick(given.text, current.text ?? ""),
    position: pick(given.position, current.position ?? 0),
    indicatorId: pick(given.indicatorId, current.indicatorId ?? null),
    dueOn: pick(given.dueOn, current.dueOn ?? null),
    milestoneDone: done ?? null,
    milestoneValue: pick(given.milestoneValue, current.milestoneValue ?? null),
    milestoneTarget: pick(given.milestoneTarget, current.milestoneTarget ?? null),
    milestoneUnit: pick(given.milestoneUnit, current.milestoneUnit ?? ""),
    milestoneOn: pick(given.milestoneOn, current.milestoneOn ?? null),
  };
  const problems: FieldProblem[] = [];
  const misfit = (field: string) => problems.push(fieldProblem(field, "plan_key_indicator_kind", { kind }));
  if (kind === "indicator") {
    if (fields.indicatorId === null || fields.indicatorId === undefined) misfit("indicatorId");
    else if (!(await findIndicatorRow(db, fields.indicatorId))) {
      problems.push(fieldProblem("indicatorId", "plan_indicator_unknown", { id: fields.indicatorId }));
    }
  } else if (fields.indicatorId !== null && fields.indicatorId !== undefined) misfit("indicatorId");
  if (kind !== "milestone_done" && fields.milestoneDone !== null) misfit("milestoneDone");
  if (kind !== "milestone_value") {
    for (const field of ["milestoneValue", "milestoneTarget", "milestoneOn"] as const) {
      if (fields[field] !== null && fields[field] !== undefined) misfit(field);
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return fields;
}

async function presentOne(db: Db, row: KeyIndicatorRow): Promise<KeyIndicatorView> {
  const refs = await indicatorRefs(db, [row]);
  return presentKeyIndicator(row, row.indicatorId === null ? null : (refs.get(row.indicatorId) ?? null));
}

export async function addKeyIndicator(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  subGoalId: number,
  input: KeyIndicatorInput,
) {
  return db.transaction(async (tx) => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    await subGoalOf(tx, planId, subGoalId);
    const { kind, ...given } = input;
    const fields = await checkedKeyIndicator(tx, kind, {}, given);
    const row = await insertKeyIndicator(tx, { ...fields, subGoalId });
    await auditCreation(tx, actor, keyIndicatorEntity(plan), row);
    return presentOne(tx, row);
  });
}

/** Changes a key indicator: its text, or where a milestone stands (done, a value reached). */
export async function changeKeyIndicator(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  id: number,
  input: UpdateKeyIndicatorInput,
) {
  return db.transaction(async (tx) => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    await keyIndicatorOf(tx, planId, id);
    const entity = keyIndicatorEntity(plan);
    const row = await loadForChange(tx, entity, id, input.version, "action_plan_part_not_found");
    const { version: _version, ...given } = input;
    const fields = await checkedKeyIndicator(tx, row.kind, row, given);
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateKeyIndicator(tx, id, row.version, fields),
    );
    return presentOne(tx, updated);
  });
}

/** Removes a sub-goal that holds nothing: its key indicators and measures are moved or removed first, so none is lost. */
export const removeSubGoal = (db: Db, caller: Caller, planId: number, id: number, version: number) =>
  removePlanPart(db, caller, planId, id, version, {
    of: subGoalOf,
    entity: subGoalEntity,
    remove: deleteSubGoal,
    refuse: async (tx, row) => {
      const parts = await countSubGoalParts(tx, row.id);
      if (parts.keyIndicators > 0 || parts.measures > 0) {
        throw new AppError("conflict", "action_plan_sub_goal_not_empty", { params: { number: row.number } });
      }
    },
  });

export const removeKeyIndicator = (db: Db, caller: Caller, planId: number, id: number, version: number) =>
  removePlanPart(db, caller, planId, id, version, {
    of: keyIndicatorOf,
    entity: keyIndicatorEntity,
    remove: deleteKeyIndicator,
  });
