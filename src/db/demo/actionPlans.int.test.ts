// The demo's action plan as seed 004 has it (issue 14, item 6): Helse Sør-Øst's procurement and
// logistics plan 2009-2012, adopted, with five sub-goals, the measurable key indicators in the
// catalogue with yearly targets and monthly data, the others milestones, and 22 measures followed
// through 2009 and 2010.

import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectIndicatorsFor } from "../../features/scorecards/queries.ts";
import type { ScorecardView } from "../../features/scorecards/schema.ts";
import { findUnitByCode } from "../../features/units/queries.ts";
import { createTestApp } from "../../testing/app.ts";
import {
  actionPlanKeyIndicators,
  actionPlanMeasures,
  actionPlanSubGoals,
  actionPlans,
  auditLog,
  indicators,
  indicatorTargets,
  measureLinks,
  measureLog,
  measurements,
  measures,
} from "../schema.ts";
import { planIndicators } from "./actionPlanIndicators.ts";
import { actionPlanSeed } from "./actionPlans.ts";
import { demo, loadDemoData } from "./load.ts";
import planFile from "./source/action_plan.json" with { type: "json" };

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let hso = 0;
let planId = 0;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  hso = (await findUnitByCode(t.db, "HSO"))?.id ?? 0;
  const [plan] = await t.db.select().from(actionPlans).where(eq(actionPlans.ownerUnitId, hso));
  planId = plan?.id ?? 0;
  // Loading the whole demo takes long on a busy machine.
}, 180_000);
afterAll(() => t.close());

const seedMeasures = actionPlanSeed.sub_goals.flatMap((section) => section.measures);

async function planMeasureRows() {
  return t.db
    .select({ link: actionPlanMeasures, measure: measures })
    .from(actionPlanMeasures)
    .innerJoin(measures, eq(measures.id, actionPlanMeasures.measureId))
    .where(eq(actionPlanMeasures.planId, planId));
}

describe("the demo action plan (seed 004)", () => {
  it("is Helse Sør-Øst's plan for 2009-2012, version 1 and adopted, with its purpose, main goal and board cases", async () => {
    const plans = await t.db.select().from(actionPlans);
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan).toMatchObject({
      ownerUnitId: hso,
      seriesId: planId,
      versionNumber: 1,
      status: "adopted",
      fromYear: 2009,
      toYear: 2012,
      title: "Handlingsplan innkjøp og logistikk 2009-2012",
      mainGoal: planFile.plan.main_goal.text,
      purpose: planFile.plan.purpose.text,
    });
    expect(plan?.boardCases).toHaveLength(5);
    expect(plan?.boardCases[4]).toContain("128-2008");
  });

  it("has the five numbered sub-goals as the plan words them", async () => {
    const subGoals = await t.db
      .select()
      .from(actionPlanSubGoals)
      .where(eq(actionPlanSubGoals.planId, planId))
      .orderBy(actionPlanSubGoals.number);
    expect(subGoals.map((goal) => [goal.number, goal.text])).toEqual(
      planFile.sub_goals.filter((section) => section.number !== null).map((s) => [s.number, s.text]),
    );
  });

  it("has the 22 measures, the six 'Andre tiltak' without a sub-goal, each with priority, years in the plan, resource and responsibility", async () => {
    const rows = await planMeasureRows();
    expect(rows).toHaveLength(22);
    expect(rows.filter((row) => row.link.subGoalId === null)).toHaveLength(6);
    for (const { link, measure } of rows) {
      const seed = seedMeasures.find((each) => each.title === measure.title);
      expect(seed, measure.title).toBeDefined();
      expect([1, 2]).toContain(link.priority);
      if (seed?.priority) expect(link.priority).toBe(seed.priority);
      if (seed && seed.years.length > 0) expect(link.years).toEqual(seed.years);
      expect(link.years.every((year) => year >= 2009 && year <= 2012)).toBe(true);
      expect(measure.responsibleUnitId).toBe(hso);
    }
    const byTitle = (start: string) => rows.find((row) => row.measure.title.startsWith(start))?.link;
    // "Ansvar": the RHF, all trusts, or named trusts (Sykehuset Telemark, Sykehuspartner).
    expect(byTitle("Videreføre regionale")?.responsibility).toBe("owner");
    expect(byTitle("Sikre gode rutiner for fullmakter")?.responsibility).toBe("all_trusts");
    const sthf = (await findUnitByCode(t.db, "STHF"))?.id;
    expect(byTitle("Vurdere felles innkjøp")).toMatchObject({
      responsibility: "named_units",
      resource: "Alle, AHUS, ST, RHF, SP",
    });
    expect(byTitle("Vurdere felles innkjøp")?.responsibleUnitIds).toContain(sthf);
    expect(byTitle("Regional samkjøring")?.resource).toBe("HINAS, SP");
    const jointSystem = rows.find((row) => row.measure.title.startsWith("Vurdere felles innkjøp"))?.measure;
    expect(jointSystem?.ownerRole).toBe("Helse Sør-Øst RHF og Sykehuset Telemark HF");
  });

  it("follows the measures through 2009 and 2010: some completed, some under way, some delayed, each reported from T1 2009", async () => {
    const rows = await planMeasureRows();
    const phases = rows.map((row) => row.measure.phase);
    expect(phases.filter((phase) => phase === "completed").length).toBeGreaterThanOrEqual(10);
    expect(phases.filter((phase) => phase === "in_progress").length).toBeGreaterThanOrEqual(5);
    expect(rows.some((row) => row.measure.status === "delayed")).toBe(true);
    const log = await t.db
      .select()
      .from(measureLog)
      .where(
        inArray(
          measureLog.measureId,
          rows.map((row) => row.measure.id),
        ),
      );
    const firstReport = new Set(
      log.filter((entry) => entry.on === "2009-04-30").map((entry) => entry.measureId),
    );
    expect(firstReport.size).toBe(22);
    expect(new Set(log.map((entry) => entry.period))).toEqual(
      new Set(["2009-T1", "2009-T2", "2009-T3", "2010-T1", "2010-T2"]),
    );
    // The log agrees with the measure: its latest entry is where the measure stands.
    for (const { measure } of rows) {
      const latest = log.filter((entry) => entry.measureId === measure.id).sort((a, b) => b.id - a.id)[0];
      expect([latest?.phase, latest?.status]).toEqual([measure.phase, measure.status]);
    }
  });

  it("links the five measurable key indicators to the catalogue, the others as milestones (NORKAT by 30 June 2009)", async () => {
    const rows = await t.db
      .select({ key: actionPlanKeyIndicators, code: indicators.code })
      .from(actionPlanKeyIndicators)
      .innerJoin(actionPlanSubGoals, eq(actionPlanSubGoals.id, actionPlanKeyIndicators.subGoalId))
      .leftJoin(indicators, eq(indicators.id, actionPlanKeyIndicators.indicatorId))
      .where(eq(actionPlanSubGoals.planId, planId));
    expect(rows).toHaveLength(15);
    expect(
      rows
        .filter((row) => row.key.kind === "indicator")
        .map((row) => row.code)
        .sort(),
    ).toEqual(planIndicators.map((each) => each.code).sort());
    // The measure that moves an indicator is linked to it, so the indicator's chart marks it.
    const [eProcurement] = await t.db.select().from(indicators).where(eq(indicators.code, "HSO-EHANDEL"));
    const linked = await t.db
      .select({ title: measures.title })
      .from(measureLinks)
      .innerJoin(measures, eq(measures.id, measureLinks.measureId))
      .where(and(eq(measureLinks.kind, "indicator"), eq(measureLinks.targetId, eProcurement?.id ?? 0)));
    expect(linked.map((row) => row.title)).toEqual(["Iverksette måling av volum gjennom innkjøpssystem"]);
    const norkat = rows.find((row) => row.key.text.includes("NORKAT"));
    expect(norkat?.key).toMatchObject({ kind: "milestone_done", dueOn: "2009-06-30", milestoneDone: 1 });
  });

  it("gives the e-procurement share its yearly steps, 50 % in 2009 rising to over 90 % in 2012, and monthly data 2009-2012", async () => {
    const [indicator] = await t.db.select().from(indicators).where(eq(indicators.code, "HSO-EHANDEL"));
    expect(indicator?.ownerUnitId).toBe(hso);
    const [target] = await t.db
      .select()
      .from(indicatorTargets)
      .where(eq(indicatorTargets.indicatorId, indicator?.id ?? 0));
    expect(target?.rule).toEqual({
      kind: "yearly_steps",
      steps: {
        "2009": { comparator: "gte", value: 50 },
        "2010": { comparator: "gte", value: 70 },
        "2011": { comparator: "gt", value: 80 },
        "2012": { comparator: "gt", value: 90 },
      },
    });
    for (const each of planIndicators) {
      const [row] = await t.db.select().from(indicators).where(eq(indicators.code, each.code));
      const values = await t.db
        .select()
        .from(measurements)
        .where(and(eq(measurements.indicatorId, row?.id ?? 0), eq(measurements.unitId, hso)));
      expect(values, each.code).toHaveLength(48);
      expect(values.map((value) => value.month).sort()[0]).toBe("2009-01-01");
    }
  });

  it("shows the e-procurement share on Helse Sør-Øst's scorecard against each year's step (met until 2012), and not on Helse Nord's", async () => {
    const cookie = await t.signIn("hso-kontroller", demo.password);
    const colours: Record<string, string | undefined> = {};
    for (const year of [2009, 2010, 2011, 2012]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/units/${hso}/scorecard?period=${year}-T3`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const row = (response.json() as ScorecardView).rows.find(
        (each) => each.indicator.code === "HSO-EHANDEL",
      );
      expect(row?.evaluated.state).toBe("value");
      colours[year] = row?.attainment.colour;
    }
    expect(colours).toEqual({ 2009: "green", 2010: "green", 2011: "green", 2012: "red" });
    const hn = await findUnitByCode(t.db, "HN");
    const onHelseNord = await selectIndicatorsFor(t.db, hn?.path ?? "");
    expect(onHelseNord.some((row) => row.code.startsWith("HSO-"))).toBe(false);
  });

  it("leaves an audit entry for the plan", async () => {
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "action_plan"), eq(auditLog.entityId, String(planId))));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.unitId).toBe(hso);
  });
});
