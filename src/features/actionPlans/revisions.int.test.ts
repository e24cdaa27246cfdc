// The yearly revision: a new version carrying exactly the unfinished measures over with the years
// still ahead, the old version read-only and then revised, and the comparison of the two.

import { describe, expect, it } from "vitest";
import {
  addMeasure,
  addSubGoal,
  adopt,
  call,
  createPlan,
  getPlan,
  json,
  logMeasure,
  setUpActionPlansApp,
} from "./actionPlans.fixture.ts";
import type { ActionPlanComparisonView, ActionPlanView } from "./schema.ts";

setUpActionPlansApp();

/** An adopted plan 2009-2012 with two sub-goals and four measures, one completed, one cancelled. */
async function adoptedPlan() {
  const plan = await createPlan();
  const one = await addSubGoal(plan.id, 1, "E-handel");
  const two = await addSubGoal(plan.id, 2, "Logistikk");
  await json("POST", "regEditor", `/api/action-plans/${plan.id}/sub-goals/${one.id}/key-indicators`, {
    kind: "milestone_done",
    text: "Avtale signert",
    dueOn: "2009-07-01",
  });
  const ongoing = await addMeasure(plan.id, {
    title: "E-handel i alle HF",
    subGoalId: one.id,
    label: "1.1",
    years: [2009, 2010, 2011],
  });
  const done = await addMeasure(plan.id, {
    title: "Felles katalog",
    subGoalId: one.id,
    label: "1.2",
    years: [2009],
  });
  const late = await addMeasure(plan.id, {
    title: "Lagerstyring",
    subGoalId: two.id,
    label: "2.1",
    years: [2009],
    priority: 2,
  });
  const stopped = await addMeasure(plan.id, { title: "Nedlagt tiltak", years: [2009, 2010] });
  await logMeasure(done.measureId, "2009-09-01", "completed");
  await logMeasure(stopped.measureId, "2009-09-01", "cancelled");
  const adopted = await adopt(await getPlan(plan.id));
  expect(adopted.statusCode).toBe(200);
  return { plan: adopted.json() as ActionPlanView, ongoing, done, late, stopped };
}

describe("a revision", () => {
  it("carries exactly the unfinished measures over with the years from the revision year on", async () => {
    const { plan, ongoing, late } = await adoptedPlan();
    const response = await call("POST", "regEditor", `/api/action-plans/${plan.id}/revisions`, {
      year: 2010,
    });
    expect(response.statusCode).toBe(201);
    const revision = response.json() as ActionPlanView;
    expect(revision).toMatchObject({
      status: "draft",
      versionNumber: 2,
      seriesId: plan.id,
      previousVersionId: plan.id,
      revisedInYear: 2010,
      title: plan.title,
    });
    expect(revision.subGoals.map((goal) => [goal.number, goal.text, goal.keyIndicators.length])).toEqual([
      [1, "E-handel", 1],
      [2, "Logistikk", 0],
    ]);
    const carried = revision.measures.map((m) => ({
      measureId: m.measureId,
      years: m.years,
      carriedOver: m.carriedOver,
    }));
    expect(carried).toEqual([
      { measureId: ongoing.measureId, years: [2010, 2011], carriedOver: true },
      { measureId: late.measureId, years: [2010], carriedOver: true },
    ]);
    // Measures keep their sub-goal, in the new version's copy of it.
    const goalOf = (id: number | null) => revision.subGoals.find((goal) => goal.id === id)?.number;
    expect(revision.measures.map((m) => goalOf(m.subGoalId))).toEqual([1, 2]);

    // The old version is kept as it was; only the latest can be revised.
    const old = await getPlan(plan.id);
    expect(old).toMatchObject({ status: "adopted", latest: false, can: { edit: false, revise: false } });
    const edit = await call("PATCH", "regEditor", `/api/action-plans/${plan.id}`, {
      version: old.version,
      title: "x",
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().reason).toBe("action_plan_read_only");
    const addToOld = await call("POST", "regEditor", `/api/action-plans/${plan.id}/measures`, {
      title: "x",
      priority: 1,
      years: [2010],
      responsibility: "owner",
    });
    expect(addToOld.statusCode).toBe(409);
    const again = await call("POST", "regEditor", `/api/action-plans/${plan.id}/revisions`, { year: 2011 });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe("action_plan_not_latest");
    const draft = await call("POST", "regEditor", `/api/action-plans/${revision.id}/revisions`, {
      year: 2011,
    });
    expect(draft.json().reason).toBe("action_plan_revise_draft");

    // Adopting the revision marks the old version revised.
    expect((await adopt(revision)).statusCode).toBe(200);
    expect((await getPlan(plan.id)).status).toBe("revised");
    expect((await getPlan(revision.id)).versions.map((v) => [v.versionNumber, v.status])).toEqual([
      [1, "revised"],
      [2, "adopted"],
    ]);
  });

  it("is compared with the version before: kept, changed, added, finished, dropped", async () => {
    const { plan, ongoing, done, late, stopped } = await adoptedPlan();
    const revision = await json<ActionPlanView>(
      "POST",
      "regEditor",
      `/api/action-plans/${plan.id}/revisions`,
      {
        year: 2009,
      },
    );
    // In 2009 the ongoing measure keeps all its years; the late one is moved to priority 1.
    const lateLink = revision.measures.find((m) => m.measureId === late.measureId);
    await json("PATCH", "regEditor", `/api/action-plans/${revision.id}/measures/${lateLink?.id}`, {
      version: lateLink?.version,
      priority: 1,
    });
    const added = await addMeasure(revision.id, { title: "Nytt tiltak", years: [2011] });
    const comparison = await json<ActionPlanComparisonView>(
      "GET",
      "regReader",
      `/api/action-plans/${revision.id}/compare?with=${plan.id}`,
    );
    expect(comparison.earlier).toMatchObject({ id: plan.id, versionNumber: 1, title: plan.title });
    expect(comparison.later).toMatchObject({ id: revision.id, versionNumber: 2 });
    const ids = (list: { measureId: number }[]) => list.map((m) => m.measureId);
    expect(ids(comparison.kept)).toEqual([ongoing.measureId]);
    expect(ids(comparison.changed)).toEqual([late.measureId]);
    expect(comparison.changed[0]).toMatchObject({
      priorityBefore: 2,
      priorityAfter: 1,
      title: "Lagerstyring",
    });
    expect(ids(comparison.added)).toEqual([added.measureId]);
    expect(ids(comparison.finished).sort()).toEqual([done.measureId, stopped.measureId].sort());
    expect(comparison.dropped).toEqual([]);

    const other = await createPlan();
    const foreign = await call("GET", "regReader", `/api/action-plans/${plan.id}/compare?with=${other.id}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().reason).toBe("action_plan_other_series");
  });

  it("lists a measure taken out of the revision as dropped, and keeps the measure itself", async () => {
    const { plan, ongoing } = await adoptedPlan();
    const revision = await json<ActionPlanView>(
      "POST",
      "regEditor",
      `/api/action-plans/${plan.id}/revisions`,
      {
        year: 2010,
      },
    );
    const link = revision.measures.find((m) => m.measureId === ongoing.measureId);
    const url = `/api/action-plans/${revision.id}/measures/${link?.id}`;
    expect((await call("DELETE", "regEditor", `${url}?version=${(link?.version ?? 0) + 1}`)).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", "regReader", `${url}?version=${link?.version}`)).statusCode).toBe(403);
    expect((await call("DELETE", "regEditor", `${url}?version=${link?.version}`)).statusCode).toBe(204);
    const comparison = await json<ActionPlanComparisonView>(
      "GET",
      "regReader",
      `/api/action-plans/${plan.id}/compare?with=${revision.id}`,
    );
    expect(comparison.dropped.map((m) => m.measureId)).toEqual([ongoing.measureId]);
    expect((await call("GET", "regEditor", `/api/measures/${ongoing.measureId}`)).statusCode).toBe(200);
    // The adopted version it came from is kept as it was.
    const old = await getPlan(plan.id);
    expect(old.measures.some((m) => m.measureId === ongoing.measureId)).toBe(true);
  });

  it("must be made in one of the plan's years, and carries nothing it should not", async () => {
    const { plan } = await adoptedPlan();
    for (const year of [2008, 2013]) {
      const response = await call("POST", "regEditor", `/api/action-plans/${plan.id}/revisions`, { year });
      expect(response.statusCode).toBe(400);
      expect(response.json().problems[0]).toMatchObject({ field: "year", code: "plan_revision_year" });
    }
    expect((await getPlan(plan.id)).versions).toHaveLength(1);
    const byReader = await call("POST", "regReader", `/api/action-plans/${plan.id}/revisions`, {
      year: 2010,
    });
    expect(byReader.statusCode).toBe(403);
  });
});
