// Demo action plan from seed 004 (source/action_plan.json): Helse Sør-Øst RHF's action plan for
// procurement and logistics 2009-2012, version 1, adopted; its five sub-goals with their key
// indicators (the measurable ones in the catalogue with yearly targets and monthly data, the others
// milestones) and its 22 measures with priority, years, resource and responsibility, followed
// through 2009 and 2010 (actionPlanProgress.ts). The measures and indicators go through their
// services; the plan's own rows and the measures' logs are written straight into the tables, as
// the demo answers are.

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { PlanResponsibility } from "../../domain/programmeKinds.ts";
import { type Actor, recordAudit } from "../../features/audit/service.ts";
import { createMeasure, setLinks } from "../../features/measures/measures.ts";
import { operatorPrincipal } from "../../features/users/service.ts";
import type { Db } from "../client.ts";
import {
  actionPlanKeyIndicators,
  actionPlanMeasures,
  actionPlanSubGoals,
  actionPlans,
  measureLog,
  units,
} from "../schema.ts";
import { loadPlanIndicators } from "./actionPlanIndicators.ts";
import { manualKeyIndicators, measureTimeline, reportedTertials } from "./actionPlanProgress.ts";
import planFile from "./source/action_plan.json" with { type: "json" };

const lines = z.array(z.tuple([z.number(), z.number()]));
const planSchema = z.object({
  plan: z.object({
    title: z.string(),
    period: z.object({ from_year: z.number(), to_year: z.number() }),
    purpose: z.object({ text: z.string() }),
    main_goal: z.object({ text: z.string() }),
    builds_on_board_cases: z.array(z.object({ number: z.string(), title: z.string() })),
  }),
  sub_goals: z.array(
    z.object({
      id: z.string(),
      number: z.number().nullable(),
      text: z.string().nullable(),
      key_indicators: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          targets: z.array(z.object({ kind: z.string(), deadline: z.string().optional() })),
          related_measures: z.array(z.string()),
        }),
      ),
      measures: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          priority: z.number().nullable(),
          years: z.array(z.number()),
          narrative_year: z.number().nullable(),
          resource: z.array(z.string()),
          responsible: z.array(z.string()),
          sub_points: z.array(z.string()),
          source_lines: lines,
        }),
      ),
    }),
  ),
});

export const actionPlanSeed = planSchema.parse(planFile);

/** Seed 004's "Ansvar" cells by the units they name: the RHF, the trusts, or named trusts. */
const namedTrusts: Record<string, string[]> = { SP: ["SP"], STHF: ["STHF"], "RHF/SP": ["HSO", "SP"] };
const trustWords = new Set(["HF", "Alle", "AD HF", "RHF og HF"]);

/**
 * Named trusts (Sykehuspartner, Sykehuset Telemark) make the measure theirs, beside the RHF when
 * it is named too; else any trust column makes it all trusts'; else (the RHF or an empty cell,
 * the plan's owner by default) the owner's.
 */
export function responsibilityOf(responsible: string[]): { kind: PlanResponsibility; codes: string[] } {
  const named = [...new Set(responsible.flatMap((cell) => namedTrusts[cell] ?? []))];
  if (named.length > 0) {
    const withOwner = responsible.includes("RHF") && !named.includes("HSO") ? ["HSO", ...named] : named;
    return { kind: "named_units", codes: withOwner };
  }
  if (responsible.some((cell) => trustWords.has(cell))) return { kind: "all_trusts", codes: [] };
  return { kind: "owner", codes: [] };
}

/** Who owns the measure, in the plan's words: the RHF, every trust's CEO, or the units named. */
function ownerRole(
  responsibility: { kind: PlanResponsibility; codes: string[] },
  nameOf: (code: string) => string,
) {
  if (responsibility.kind === "owner") return "Helse Sør-Øst RHF";
  if (responsibility.kind === "all_trusts") return "Administrerende direktør i hvert helseforetak";
  return responsibility.codes.map(nameOf).join(" og ");
}

async function unitsByCode(db: Db): Promise<Map<string, { id: number; name: string }>> {
  const rows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units);
  return new Map(rows.map((row) => [row.code, row]));
}

/** Loads the plan; returns its id and what it holds. */
export async function loadActionPlanDemo(db: Db, actor: Actor) {
  const caller: Caller = { principal: operatorPrincipal, actor };
  const known = await unitsByCode(db);
  const unitNamed = (code: string) => {
    const unit = known.get(code);
    if (unit === undefined) throw new Error(`demo action plan names unknown unit ${code}`);
    return unit;
  };
  const unitOf = (code: string) => unitNamed(code).id;
  const nameOf = (code: string) => unitNamed(code).name;
  const owner = unitOf("HSO");
  const { plan: seedPlan, sub_goals: sections } = actionPlanSeed;
  const indicators = await loadPlanIndicators(db, caller, owner, "HSO");

  const [plan] = await db
    .insert(actionPlans)
    .values({
      ownerUnitId: owner,
      versionNumber: 1,
      title: seedPlan.title,
      fromYear: seedPlan.period.from_year,
      toYear: seedPlan.period.to_year,
      purpose: seedPlan.purpose.text,
      mainGoal: seedPlan.main_goal.text,
      boardCases: seedPlan.builds_on_board_cases.map((c) => `Styresak ${c.number}: ${c.title}`),
      status: "adopted",
      // The seed gives no adoption date (action_plan.json plan.status): a day early in 2009.
      adoptedOn: "2009-02-19",
      updatedBy: actor.name,
    })
    .returning({ id: actionPlans.id });
  if (!plan) throw new Error("the demo action plan was not written");
  await db.update(actionPlans).set({ seriesId: plan.id }).where(eq(actionPlans.id, plan.id));

  let subGoals = 0;
  let keyIndicators = 0;
  let measures = 0;
  for (const section of sections) {
    let subGoalId: number | null = null;
    if (section.number !== null && section.text !== null) {
      const [row] = await db
        .insert(actionPlanSubGoals)
        .values({ planId: plan.id, number: section.number, text: section.text })
        .returning({ id: actionPlanSubGoals.id });
      subGoalId = row?.id ?? null;
      subGoals++;
    }
    if (subGoalId !== null) {
      for (const [position, keyIndicator] of section.key_indicators.entries()) {
        await db.insert(actionPlanKeyIndicators).values({
          subGoalId,
          position,
          text: keyIndicator.text,
          ...keyIndicatorFields(keyIndicator, indicators.ids.get(keyIndicator.id)),
        });
        keyIndicators++;
      }
    }
    for (const [position, measure] of section.measures.entries()) {
      await loadMeasure(db, caller, {
        planId: plan.id,
        ownerId: owner,
        subGoalId,
        label: section.number === null ? `A.${position + 1}` : `${section.number}.${position + 1}`,
        position,
        measure,
        unitOf,
        nameOf,
        indicatorIds: indicatorsOfMeasure(measure.id, indicators.ids),
      });
      measures++;
    }
  }
  await recordAudit(db, actor, {
    action: "import",
    entityType: "action_plan",
    entityId: String(plan.id),
    unitId: owner,
    after: { source: "demo data", title: seedPlan.title, subGoals, keyIndicators, measures },
  });
  return { planId: plan.id, subGoals, keyIndicators, measures, measurements: indicators.measurements };
}

type SeedKeyIndicator = (typeof actionPlanSeed)["sub_goals"][number]["key_indicators"][number];

function keyIndicatorFields(keyIndicator: SeedKeyIndicator, indicatorId: number | undefined) {
  if (indicatorId !== undefined) return { kind: "indicator" as const, indicatorId };
  const manual = manualKeyIndicators[keyIndicator.id];
  const dueOn = keyIndicator.targets.find((target) => target.kind === "deadline")?.deadline ?? null;
  if (manual?.kind === "milestone_value") {
    return {
      kind: "milestone_value" as const,
      dueOn,
      milestoneValue: manual.value,
      milestoneTarget: manual.target,
      milestoneUnit: manual.unit,
      milestoneOn: manual.on,
    };
  }
  const state = manual?.done ?? null;
  return {
    kind: "milestone_done" as const,
    dueOn,
    milestoneDone: state === null ? null : state ? 1 : 0,
    milestoneOn: manual?.on ?? null,
  };
}

/** The catalogue indicators whose key indicator names the measure as the one that moves it. */
function indicatorsOfMeasure(measureId: string, catalogue: Map<string, number>): number[] {
  return actionPlanSeed.sub_goals.flatMap((section) =>
    section.key_indicators.flatMap((key) => {
      const id = catalogue.get(key.id);
      return id !== undefined && key.related_measures.includes(measureId) ? [id] : [];
    }),
  );
}

type SeedMeasure = (typeof actionPlanSeed)["sub_goals"][number]["measures"][number];

async function loadMeasure(
  db: Db,
  caller: Caller,
  input: {
    planId: number;
    ownerId: number;
    subGoalId: number | null;
    label: string;
    position: number;
    measure: SeedMeasure;
    unitOf: (code: string) => number;
    nameOf: (code: string) => string;
    indicatorIds: number[];
  },
) {
  const { measure } = input;
  // D2-M4 has an empty year cell; the narrative lists it under "Tiltak 2009".
  const years = measure.years.length > 0 ? measure.years : [measure.narrative_year ?? 2009];
  const responsibility = responsibilityOf(measure.responsible);
  const notes = [
    // An empty "Pri" cell (D1-M2, D2-M5, AT-M3-5): the plan's lower priority, said so.
    measure.priority === null ? "Prioritet er ikke angitt i planens oppsummeringstabell." : "",
    `Kilde: handlingsplanen, linje ${measure.source_lines.map(([a, b]) => (a === b ? a : `${a}-${b}`)).join(", ")}.`,
  ].filter(Boolean);
  // The log's entries are written in one go, the measure created as the last one leaves it: the
  // same rows as entering each through the service, at a fraction of the demo's start-up time.
  const log = reportedTertials.flatMap(({ period, on }) => {
    const step = measureTimeline[measure.id]?.[period];
    return step ? [{ period, on, ...step }] : [];
  });
  const standing = log.at(-1) ?? { phase: "decided" as const, status: "not_started" as const };
  const created = await createMeasure(db, caller, {
    responsibleUnitId: input.ownerId,
    title: measure.title,
    description: measure.sub_points.map((point) => `- ${point}`).join("\n"),
    ownerRole: ownerRole(responsibility, input.nameOf),
    phase: standing.phase,
    status: standing.status,
    start: `${Math.min(...years)}-01-01`,
    deadline: `${Math.max(...years)}-12-31`,
    comment: notes.join(" "),
  });
  if (log.length > 0) {
    const { actor } = caller;
    await db
      .insert(measureLog)
      .values(
        log.map((entry) => ({ ...entry, measureId: created.id, actorId: actor.id, actorName: actor.name })),
      );
  }
  await db.insert(actionPlanMeasures).values({
    planId: input.planId,
    subGoalId: input.subGoalId,
    measureId: created.id,
    label: input.label,
    position: input.position,
    priority: measure.priority ?? 2,
    years,
    resource: measure.resource.join(", "),
    responsibility: responsibility.kind,
    responsibleUnitIds: responsibility.codes.map(input.unitOf),
  });
  if (input.indicatorIds.length > 0) {
    const links = input.indicatorIds.map((targetId) => ({ kind: "indicator" as const, targetId }));
    await setLinks(db, caller, created.id, { version: created.version, links });
  }
}
