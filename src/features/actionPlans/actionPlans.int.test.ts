// Action plans through the API: a plan with sub-goals, key indicators and measures, adopted by the
// owner's approver; a tertial's progress; the Excel export; and every refusal changes nothing.

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionPlanMeasures, auditLog, measures } from "../../db/schema.ts";
import {
  addMeasure,
  addSubGoal,
  adopt,
  call,
  createPlan,
  getPlan,
  indicator,
  json,
  logMeasure,
  region,
  setUpActionPlansApp,
  t,
  trustA,
  trustB,
} from "./actionPlans.fixture.ts";
import type { ActionPlanListItemView, ActionPlanProgressView, KeyIndicatorView } from "./schema.ts";

setUpActionPlansApp();

const countRows = async () => ({
  measures: (await t.db.select({ id: measures.id }).from(measures)).length,
  links: (await t.db.select({ id: actionPlanMeasures.id }).from(actionPlanMeasures)).length,
});

describe("an action plan", () => {
  it("is made as a draft, filled, adopted by the approver, and read by the region's reader", async () => {
    const plan = await createPlan();
    expect(plan).toMatchObject({
      status: "draft",
      versionNumber: 1,
      seriesId: plan.id,
      boardCases: ["Styresak 085-2008"],
    });
    expect(plan.can).toEqual({ edit: true, adopt: false, revise: false });
    const goal = await addSubGoal(plan.id, 1, "Økt bruk av e-handel");
    const ki = await json<KeyIndicatorView>(
      "POST",
      "regEditor",
      `/api/action-plans/${plan.id}/sub-goals/${goal.id}/key-indicators`,
      { kind: "indicator", text: "Andel e-handel", indicatorId: indicator.EHANDEL?.id },
    );
    expect(ki.indicator).toMatchObject({ code: "EHANDEL", unitLabel: "%" });
    const measure = await addMeasure(plan.id, {
      title: "Innføre e-handel i alle HF",
      subGoalId: goal.id,
      label: "1.1",
      years: [2010, 2009, 2009],
      resource: "Prosjektleder",
      responsibility: "named_units",
      responsibleUnitIds: [trustA.id, trustB.id],
    });
    expect(measure).toMatchObject({
      label: "1.1",
      years: [2009, 2010],
      phase: "decided",
      carriedOver: false,
      responsibleUnits: [{ code: "TA" }, { code: "TB" }],
    });
    // The measure is a measure like any other, on the plan's owner unit.
    const made = await json<{ unit: { id: number }; ownerRole: string }>(
      "GET",
      "regEditor",
      `/api/measures/${measure.measureId}`,
    );
    expect(made).toMatchObject({ unit: { id: region.id }, ownerRole: "Region RHF" });

    const asApprover = await getPlan(plan.id, "regApprover");
    expect(asApprover.can.adopt).toBe(true);
    const adopted = await adopt(asApprover);
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ status: "adopted", adoptedOn: "2009-02-01" });
    expect((await adopt(adopted.json())).statusCode).toBe(409);

    const read = await getPlan(plan.id, "regReader");
    expect(read.subGoals).toHaveLength(1);
    expect(read.subGoals[0]?.keyIndicators).toHaveLength(1);
    expect(read.measures.map((m) => m.title)).toEqual(["Innføre e-handel i alle HF"]);
    expect(read.can).toEqual({ edit: false, adopt: false, revise: false });
    const list = await json<ActionPlanListItemView[]>("GET", "regReader", "/api/action-plans");
    expect(list.some((item) => item.id === plan.id && item.latest && item.status === "adopted")).toBe(true);
    expect(await json<ActionPlanListItemView[]>("GET", "othEditor", "/api/action-plans")).toEqual([]);

    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityType, "action_plan"));
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(["create", "action_plan_adopt"]));
  });

  it("refuses measure years outside the plan, naming them, and writes nothing", async () => {
    const plan = await createPlan();
    const before = await countRows();
    const response = await call("POST", "regEditor", `/api/action-plans/${plan.id}/measures`, {
      title: "Utenfor",
      priority: 1,
      years: [2008, 2010, 2013],
      responsibility: "owner",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "action_plan_measure_years_outside",
      params: { years: "2008, 2013" },
      problems: [{ field: "years", code: "plan_measure_years_outside" }],
    });
    expect(await countRows()).toEqual(before);
  });

  it("refuses a stale save with 409 and keeps the newer change", async () => {
    const plan = await createPlan();
    const first = await json<{ version: number }>("PATCH", "regEditor", `/api/action-plans/${plan.id}`, {
      version: plan.version,
      title: "Ny tittel",
    });
    const stale = await call("PATCH", "regEditor", `/api/action-plans/${plan.id}`, {
      version: plan.version,
      title: "Gammel",
    });
    expect(stale.statusCode).toBe(409);
    expect((await getPlan(plan.id)).title).toBe("Ny tittel");
    expect(first.version).toBe(plan.version + 1);
  });

  it("keeps the plan's years around its measures", async () => {
    const plan = await createPlan();
    await addMeasure(plan.id, { title: "Sent tiltak", years: [2012] });
    const response = await call("PATCH", "regEditor", `/api/action-plans/${plan.id}`, {
      version: plan.version,
      toYear: 2011,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({
      field: "fromYear",
      code: "plan_years_exclude_measures",
    });
    const backwards = await call("POST", "regEditor", "/api/action-plans", {
      ownerUnitId: region.id,
      title: "Baklengs",
      fromYear: 2012,
      toYear: 2009,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("lets only the owner's approver adopt (403), and hides plans from those who may not read them (404)", async () => {
    const plan = await createPlan();
    const byEditor = await adopt(plan, "regEditor");
    expect(byEditor.statusCode).toBe(403);
    expect(byEditor.json().reason).toBe("action_plan_adopt_not_permitted");
    expect((await getPlan(plan.id)).status).toBe("draft");
    for (const [method, url, body] of [
      ["GET", `/api/action-plans/${plan.id}`, undefined],
      ["GET", `/api/action-plans/${plan.id}/progress?period=2009-T1`, undefined],
      ["GET", `/api/action-plans/${plan.id}/export.xlsx`, undefined],
      ["PATCH", `/api/action-plans/${plan.id}`, { version: plan.version, title: "x" }],
      ["PATCH", `/api/action-plans/${plan.id}`, { nonsense: true }],
      ["POST", `/api/action-plans/${plan.id}/adopt`, { version: plan.version }],
      ["POST", `/api/action-plans/${plan.id}/revisions`, { year: 2010 }],
      [
        "POST",
        `/api/action-plans/${plan.id}/measures`,
        { title: "x", priority: 1, years: [2009], responsibility: "owner" },
      ],
      ["GET", `/api/action-plans/${plan.id}/compare?with=${plan.id}`, undefined],
      ["GET", "/api/action-plans/2147483647", undefined],
    ] as const) {
      const response = await call(method, "othEditor", url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(
      (await call("PATCH", "regReader", `/api/action-plans/${plan.id}`, { version: 1, title: "x" }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call("POST", "othEditor", "/api/action-plans", {
          ownerUnitId: region.id,
          title: "x",
          fromYear: 2009,
          toYear: 2010,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("checks key indicators against their kind and sub-goals against the plan", async () => {
    const plan = await createPlan();
    const other = await createPlan();
    const goal = await addSubGoal(plan.id, 1);
    const url = `/api/action-plans/${plan.id}/sub-goals/${goal.id}/key-indicators`;
    const noIndicator = await call("POST", "regEditor", url, { kind: "indicator", text: "Uten indikator" });
    expect(noIndicator.json().problems[0]).toMatchObject({
      field: "indicatorId",
      code: "plan_key_indicator_kind",
    });
    const unknown = await call("POST", "regEditor", url, {
      kind: "indicator",
      text: "x",
      indicatorId: 999_999,
    });
    expect(unknown.json().problems[0]).toMatchObject({ code: "plan_indicator_unknown" });
    const doneWithValue = await call("POST", "regEditor", url, {
      kind: "milestone_done",
      text: "x",
      milestoneValue: 3,
    });
    expect(doneWithValue.statusCode).toBe(400);
    expect(
      (await call("POST", "regEditor", `/api/action-plans/${plan.id}/sub-goals`, { number: 1, text: "To" }))
        .statusCode,
    ).toBe(400);
    const foreignGoal = await call(
      "POST",
      "regEditor",
      `/api/action-plans/${other.id}/sub-goals/${goal.id}/key-indicators`,
      {
        kind: "milestone_done",
        text: "x",
      },
    );
    expect(foreignGoal.statusCode).toBe(404);
    const foreignMeasure = await call("POST", "regEditor", `/api/action-plans/${other.id}/measures`, {
      title: "x",
      priority: 1,
      years: [2009],
      responsibility: "owner",
      subGoalId: goal.id,
    });
    expect(foreignMeasure.json().problems[0]).toMatchObject({
      field: "subGoalId",
      code: "plan_sub_goal_unknown",
    });
    const noUnits = await call("POST", "regEditor", `/api/action-plans/${plan.id}/measures`, {
      title: "x",
      priority: 2,
      years: [2009],
      responsibility: "named_units",
    });
    expect(noUnits.json().problems[0]).toMatchObject({ code: "plan_named_units_required" });
  });
});

describe("a tertial's progress", () => {
  it("shows each measure as of the tertial's end and each key indicator against the year's target", async () => {
    const plan = await createPlan();
    const goal = await addSubGoal(plan.id, 1);
    const kiUrl = `/api/action-plans/${plan.id}/sub-goals/${goal.id}/key-indicators`;
    await json("POST", "regEditor", kiUrl, {
      kind: "indicator",
      text: "E-handel",
      indicatorId: indicator.EHANDEL?.id,
    });
    await json("POST", "regEditor", kiUrl, {
      kind: "indicator",
      text: "Avvik",
      indicatorId: indicator.AVVIK?.id,
    });
    await json("POST", "regEditor", kiUrl, {
      kind: "milestone_done",
      text: "Avtale signert",
      dueOn: "2009-07-01",
    });
    await json("POST", "regEditor", kiUrl, {
      kind: "milestone_value",
      text: "HF på e-handel",
      milestoneValue: 7,
      milestoneTarget: 11,
      milestoneUnit: "HF",
      milestoneOn: "2009-06-15",
      dueOn: "2009-12-31",
    });
    const measure = await addMeasure(plan.id, { title: "Kategoristyring", subGoalId: goal.id });
    await logMeasure(measure.measureId, "2009-03-10", "in_progress", "as_planned");
    await logMeasure(measure.measureId, "2009-06-20", "in_progress", "delayed");
    await logMeasure(measure.measureId, "2009-10-01", "completed");

    const at = (period: string) =>
      json<ActionPlanProgressView>(
        "GET",
        "regReader",
        `/api/action-plans/${plan.id}/progress?period=${period}`,
      );
    const t1 = await at("2009-T1");
    expect(t1.periodEnd).toBe("2009-04-30");
    expect(t1.measures[0]).toMatchObject({
      phase: "in_progress",
      status: "as_planned",
      reportedOn: "2009-03-10",
    });
    // E-handel in the first tertial of 2009: 40-46 % against "at least 50 %".
    expect(t1.keyIndicators[0]).toMatchObject({ met: false, indicator: { targetYear: 2009 } });
    expect(t1.keyIndicators[0]?.indicator?.value).toBeGreaterThanOrEqual(40);
    expect(t1.keyIndicators[0]?.indicator?.value).toBeLessThan(50);
    expect(t1.keyIndicators[0]?.indicator?.attainment).toMatchObject({
      colour: "red",
      targetValue: 50,
      comparator: "gte",
    });
    // Delivery errors: 8 % against "at most 10 %", lower is better.
    expect(t1.keyIndicators[1]).toMatchObject({ met: true, indicator: { direction: "lower" } });
    expect(t1.keyIndicators[2]).toMatchObject({ met: false, overdue: false });
    expect(t1.keyIndicators[3]).toMatchObject({ met: null, overdue: false });

    const t2 = await at("2009-T2");
    expect(t2.measures[0]).toMatchObject({ phase: "in_progress", status: "delayed" });
    expect(t2.keyIndicators[0]).toMatchObject({ met: true });
    expect(t2.keyIndicators[2]).toMatchObject({ met: false, overdue: true });
    expect(t2.keyIndicators[3]).toMatchObject({ met: false, overdue: false });

    const t3 = await at("2009");
    expect(t3.period).toBe("2009-T3");
    expect(t3.measures[0]).toMatchObject({ phase: "completed", status: null });

    const early = await at("2008-T3");
    expect(early.measures[0]).toMatchObject({ phase: "completed", reportedOn: null });

    for (const period of ["2009-05", "2009-T4", "x", ""]) {
      const response = await call(
        "GET",
        "regReader",
        `/api/action-plans/${plan.id}/progress?period=${period}`,
      );
      expect(response.statusCode, period).toBe(400);
    }
  });
});

describe("the Excel export", () => {
  it("is a workbook with a sheet per sub-goal and one of key indicators, named in Norwegian", async () => {
    const plan = await createPlan();
    const goal = await addSubGoal(plan.id, 1, "Økt e-handel");
    await addMeasure(plan.id, { title: "Innføre e-handel", subGoalId: goal.id, resource: "2 årsverk" });
    await addMeasure(plan.id, { title: "Annet tiltak" });
    const response = await call(
      "GET",
      "regReader",
      `/api/action-plans/${plan.id}/export.xlsx?period=2009-T1`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(String(response.headers["content-disposition"])).toContain(
      "handlingsplan-REG-2009-2012-versjon-1.xlsx",
    );
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Delmål 1",
      "Andre tiltak",
      "Nøkkelindikatorer",
    ]);
    const first = workbook.getWorksheet("Delmål 1");
    expect(first?.getRow(3).values).toEqual(expect.arrayContaining(["Prioritet", "År", "Ressurs", "Ansvar"]));
    expect(first?.getRow(4).getCell(2).value).toBe("Innføre e-handel");
    expect(first?.getRow(4).getCell(5).value).toBe("2 årsverk");
  });
});
