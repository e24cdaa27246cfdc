// Deleting a plan's sub-goals and key indicators: a sub-goal only when it holds nothing (none of
// its key indicators or measures is lost), a key indicator at the version read; readers may not;
// each deletion is audited and a refused one changes nothing.

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionPlanKeyIndicators, actionPlanSubGoals, auditLog } from "../../db/schema.ts";
import {
  addMeasure,
  addSubGoal,
  call,
  createPlan,
  getPlan,
  setUpActionPlansApp,
  t,
} from "./actionPlans.fixture.ts";
import type { KeyIndicatorView } from "./schema.ts";

setUpActionPlansApp();

const subGoalsOf = (planId: number) =>
  t.db.select().from(actionPlanSubGoals).where(eq(actionPlanSubGoals.planId, planId));

async function addMilestone(planId: number, subGoalId: number) {
  const response = await call(
    "POST",
    "regEditor",
    `/api/action-plans/${planId}/sub-goals/${subGoalId}/key-indicators`,
    {
      kind: "milestone_done",
      text: "Felles logistikkstrategi vedtatt",
    },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json<KeyIndicatorView>();
}

describe("deleting a sub-goal or a key indicator", () => {
  it("refuses a sub-goal that holds key indicators or measures, and deletes it once empty", async () => {
    const plan = await createPlan({ title: "Plan med delmål som slettes" });
    const goal = await addSubGoal(plan.id, 1);
    const keyIndicator = await addMilestone(plan.id, goal.id);
    const measure = await addMeasure(plan.id, { title: "Tiltak under delmålet", subGoalId: goal.id });

    const full = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/sub-goals/${goal.id}?version=${goal.version}`,
    );
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe(
      "Delmål 1 har fortsatt nøkkelindikatorer eller tiltak. Flytt eller fjern dem før du sletter delmålet.",
    );
    expect(await subGoalsOf(plan.id)).toHaveLength(1);

    const reader = await call(
      "DELETE",
      "regReader",
      `/api/action-plans/${plan.id}/key-indicators/${keyIndicator.id}?version=${keyIndicator.version}`,
    );
    expect(reader.statusCode).toBe(403);
    const stale = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/key-indicators/${keyIndicator.id}?version=${keyIndicator.version + 1}`,
    );
    expect(stale.statusCode).toBe(409);
    const kiRemoved = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/key-indicators/${keyIndicator.id}?version=${keyIndicator.version}`,
    );
    expect(kiRemoved.statusCode, kiRemoved.body).toBe(204);
    expect(
      await t.db.select().from(actionPlanKeyIndicators).where(eq(actionPlanKeyIndicators.subGoalId, goal.id)),
    ).toHaveLength(0);

    // Still a measure under it: refused.
    expect(
      (
        await call(
          "DELETE",
          "regEditor",
          `/api/action-plans/${plan.id}/sub-goals/${goal.id}?version=${goal.version}`,
        )
      ).statusCode,
    ).toBe(409);
    const out = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/measures/${measure.id}?version=${measure.version}`,
    );
    expect(out.statusCode, out.body).toBe(204);
    const removed = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/sub-goals/${goal.id}?version=${goal.version}`,
    );
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await subGoalsOf(plan.id)).toHaveLength(0);
    expect((await getPlan(plan.id)).subGoals).toHaveLength(0);

    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "delete"), eq(auditLog.entityType, "action_plan_sub_goal")));
    expect(audited.map((row) => row.entityId)).toContain(String(goal.id));
  });

  it("answers 404 for a sub-goal of another plan", async () => {
    const plan = await createPlan({ title: "Plan A" });
    const other = await createPlan({ title: "Plan B" });
    const goal = await addSubGoal(other.id, 1);
    const response = await call(
      "DELETE",
      "regEditor",
      `/api/action-plans/${plan.id}/sub-goals/${goal.id}?version=${goal.version}`,
    );
    expect(response.statusCode).toBe(404);
    expect(await subGoalsOf(other.id)).toHaveLength(1);
  });
});
