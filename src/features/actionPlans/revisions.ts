// The yearly revision (seed 004: "den årlige revideringen ... innen utgangen av 2009") and the
// comparison of two versions. A revision is a new draft version of the same plan: the sub-goals and
// key indicators are copied, and the unfinished measures are linked again — the same measure rows,
// so their log goes on — with the years from the revision year on (src/domain/actionPlans.ts
// carryOver). The older version is then read-only, and "revised" once the new one is adopted
// (see access.ts). Editors revise, since a revision is a draft the approver must still adopt.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { carryOver, compareVersions, type PlanMeasure } from "../../domain/actionPlans.ts";
import { AppError, fieldProblem } from "../../errors.ts";
import { auditCreation } from "../audit/change.ts";
import { loadReadablePlan, planEntity, refuseNonEditors } from "./access.ts";
import { invalid } from "./plans.ts";
import { presentPlan, versionRef } from "./present.ts";
import {
  hasNewerVersion,
  insertKeyIndicator,
  insertPlan,
  insertPlanMeasure,
  insertSubGoal,
  type PlanMeasureWithMeasure,
  type PlanRow,
  selectKeyIndicators,
  selectPlanMeasures,
  selectSubGoals,
} from "./queries.ts";
import type { ActionPlanComparisonView, ActionPlanView } from "./schema.ts";

const asPlanMeasure = ({ link, measure }: PlanMeasureWithMeasure): PlanMeasure => ({
  key: String(link.measureId),
  title: measure.title,
  priority: link.priority === 2 ? 2 : 1,
  years: link.years,
  phase: measure.phase,
});

function notLatest(plan: PlanRow) {
  return new AppError("conflict", "action_plan_not_latest", {
    params: { title: plan.title, versionNumber: plan.versionNumber },
  });
}

export async function reviseActionPlan(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: { year: number },
) {
  return db.transaction(async (tx): Promise<ActionPlanView> => {
    const { plan, owner } = await loadReadablePlan(tx, principal, id);
    refuseNonEditors(principal, owner);
    if (plan.status === "revised" || (await hasNewerVersion(tx, plan))) throw notLatest(plan);
    if (plan.status === "draft") {
      throw new AppError("conflict", "action_plan_revise_draft", { params: { title: plan.title } });
    }
    if (input.year < plan.fromYear || input.year > plan.toYear) {
      throw invalid([fieldProblem("year", "plan_revision_year", { from: plan.fromYear, to: plan.toYear })]);
    }
    let revision: PlanRow;
    try {
      revision = await tx.transaction(() =>
        insertPlan(tx, {
          ownerUnitId: plan.ownerUnitId,
          seriesId: plan.seriesId ?? plan.id,
          versionNumber: plan.versionNumber + 1,
          previousVersionId: plan.id,
          revisedInYear: input.year,
          title: plan.title,
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          purpose: plan.purpose,
          mainGoal: plan.mainGoal,
          boardCases: plan.boardCases,
          status: "draft",
          updatedBy: actor.name,
        }),
      );
    } catch (error) {
      // Someone revised the same version a moment ago.
      if (isUniqueViolation(error)) throw notLatest(plan);
      throw error;
    }
    const subGoalIds = new Map<number, number>();
    for (const subGoal of await selectSubGoals(tx, plan.id)) {
      const copy = await insertSubGoal(tx, {
        planId: revision.id,
        number: subGoal.number,
        text: subGoal.text,
      });
      subGoalIds.set(subGoal.id, copy.id);
    }
    for (const keyIndicator of await selectKeyIndicators(tx, plan.id)) {
      const { id: _id, subGoalId, version: _version, createdAt: _c, updatedAt: _u, ...fields } = keyIndicator;
      const newSubGoal = subGoalIds.get(subGoalId);
      if (newSubGoal !== undefined) await insertKeyIndicator(tx, { ...fields, subGoalId: newSubGoal });
    }
    const links = await selectPlanMeasures(tx, plan.id);
    const carried = carryOver(links.map(asPlanMeasure), input.year, { from: plan.fromYear, to: plan.toYear });
    const linkOf = new Map(links.map(({ link }) => [String(link.measureId), link]));
    for (const [position, measure] of carried.entries()) {
      const link = linkOf.get(measure.key);
      if (!link) continue;
      await insertPlanMeasure(tx, {
        planId: revision.id,
        measureId: link.measureId,
        subGoalId: link.subGoalId === null ? null : (subGoalIds.get(link.subGoalId) ?? null),
        label: link.label,
        position,
        priority: link.priority,
        years: [...measure.years],
        resource: link.resource,
        responsibility: link.responsibility,
        responsibleUnitIds: link.responsibleUnitIds,
      });
    }
    await auditCreation(
      tx,
      actor,
      planEntity,
      Object.assign(revision, { carriedMeasureIds: carried.map((measure) => Number(measure.key)) }),
      "action_plan_revision",
    );
    return presentPlan(tx, principal, { plan: revision, owner });
  });
}

/** Two versions of one plan compared measure by measure, the earlier first whichever is asked. */
export async function compareActionPlanVersions(
  db: Db,
  { principal }: Caller,
  id: number,
  otherId: number,
): Promise<ActionPlanComparisonView> {
  const [one, other] = [
    await loadReadablePlan(db, principal, id),
    await loadReadablePlan(db, principal, otherId),
  ];
  if ((one.plan.seriesId ?? one.plan.id) !== (other.plan.seriesId ?? other.plan.id)) {
    throw new AppError("validation_failed", "action_plan_other_series", {
      problems: [fieldProblem("with", "plan_version_other_series", { id: otherId })],
    });
  }
  const [earlier, later] =
    one.plan.versionNumber <= other.plan.versionNumber ? [one.plan, other.plan] : [other.plan, one.plan];
  const [before, after] = await Promise.all([
    selectPlanMeasures(db, earlier.id),
    selectPlanMeasures(db, later.id),
  ]);
  const comparison = compareVersions(before.map(asPlanMeasure), after.map(asPlanMeasure));
  const beforeOf = new Map(before.map((row) => [String(row.link.measureId), row]));
  const afterOf = new Map(after.map((row) => [String(row.link.measureId), row]));
  const describe = (key: string) => {
    const was = beforeOf.get(key);
    const is = afterOf.get(key);
    const any = (is ?? was) as PlanMeasureWithMeasure;
    return {
      measureId: any.link.measureId,
      title: any.measure.title,
      label: any.link.label,
      yearsBefore: was?.link.years ?? null,
      yearsAfter: is?.link.years ?? null,
      priorityBefore: was?.link.priority ?? null,
      priorityAfter: is?.link.priority ?? null,
    };
  };
  return {
    earlier: { ...versionRef(earlier), title: earlier.title },
    later: { ...versionRef(later), title: later.title },
    kept: comparison.kept.map(describe),
    changed: comparison.changed.map(describe),
    added: comparison.added.map(describe),
    finished: comparison.finished.map(describe),
    dropped: comparison.dropped.map(describe),
  };
}
