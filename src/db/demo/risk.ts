// Demo risk data from seed 003 (source/risk.json): the 15 goals Helse Nord risk-assesses, as goals
// of "Styringskrav og rammer 2024" grouped by risk area; the RHF's overall assessment of each in
// T1 and T2 2024 as in Tabell 3 (4 improved, 1 worsened, 10 unchanged); the trusts' assessments
// around it; the 54 risk-reducing measures of Vedlegg 1; and a top-5 register for two trusts.
// Written in bulk, like the demo answers; the same data always gives the same rows.

import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { phaseFromNorwegian, statusFromNorwegian } from "../../domain/riskMeasures.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import { type Actor, recordAudit } from "../../features/audit/service.ts";
import type { RequirementDraft } from "../../features/steering/requirements.ts";
import type { Db } from "../client.ts";
import {
  indicators,
  measureLinks,
  measureLog,
  measures,
  reportingRounds,
  requirements,
  riskAssessments,
  riskAssessmentVersions,
  unitRiskAssessments,
  unitRisks,
  units,
} from "../schema.ts";
import riskFile from "./source/risk.json" with { type: "json" };
import { unitRiskRegister } from "./unitRisks.ts";

const colour = z.enum(["Grønn", "Gul", "Rød"]);
const riskSchema = z.object({
  table3_risk_T1_T2: z.object({
    rows: z.array(z.object({ area: z.string(), goal: z.string(), t1: colour, t2: colour })),
  }),
  table3_status_measures: z.object({
    rows: z.array(
      z.object({
        goal: z.string(),
        measure: z.string(),
        owner: z.string(),
        phase: z.string(),
        status: z.string(),
        comment: z.string(),
      }),
    ),
  }),
});

const seed = riskSchema.parse(riskFile);
const levelKey = { Grønn: "green", Gul: "yellow", Rød: "red" } as const;
const levels = ["green", "yellow", "red"] as const;
type Level = (typeof levels)[number];

/** The goals as requirements of Helse Nord's document: one chapter per risk area, reported yearly. */
export function riskGoalDrafts(): RequirementDraft[] {
  return seed.table3_risk_T1_T2.rows.map((row, index) => ({
    number: `R-${index + 1}`,
    chapterId: null,
    chapterTitle: row.area,
    kind: "goal",
    text: row.goal,
    source: "Styringskrav og rammer 2024, kapittel 8",
    appliesToUnitIds: null,
    frequency: ["annual"],
    deadline: null,
    selectedForRiskAssessment: true,
    derivedFromId: null,
    leadUnitId: null,
    indicatorId: null,
  }));
}

const justifications: Record<Level, string> = {
  green:
    "God oversikt og kontroll. Tiltakene virker som forutsatt, og bare en mindre del av virksomheten berøres.",
  yellow:
    "Oversikten er ikke fullstendig, og det er usikkert om tiltakene vil virke tilstrekkelig. Det skal lite til før risikoen øker.",
  red: "Tiltakene har ikke gitt ønsket effekt, og store deler av virksomheten berøres. Risikoen følges opp månedlig.",
};

/** A stable number 0-99 for a goal and a unit, so the demo always looks the same. */
const dice = (goal: number, unit: number, salt: number) =>
  (goal * 41 + unit * 97 + salt * 17 + ((goal * unit) % 5)) % 100;

/** A trust's level: the region's, now and then one step better or worse. */
function trustLevel(overall: Level, goal: number, unit: number, salt: number): Level {
  const roll = dice(goal, unit, salt);
  const rank = levels.indexOf(overall) + (roll < 18 ? -1 : roll > 84 ? 1 : 0);
  return levels[Math.min(2, Math.max(0, rank))] as Level;
}

type Outcome = "carried" | "draft" | "submitted" | "approved";

const stepsOf: Record<
  Exclude<Outcome, "carried">,
  { action: "save" | "submit" | "approve"; state: AnswerState }[]
> = {
  draft: [{ action: "save", state: "draft" }],
  submitted: [
    { action: "save", state: "draft" },
    { action: "submit", state: "submitted" },
  ],
  approved: [
    { action: "save", state: "draft" },
    { action: "submit", state: "submitted" },
    { action: "approve", state: "approved" },
  ],
};

/**
 * Gives the assessments of one round of Helse Nord's document their levels and states: the RHF's
 * overall ones as in the seed and approved; the trusts' mostly approved in T1, and in T2 partly
 * still carried forward or waiting for approval, as a round in progress looks.
 */
export async function applyRiskDemo(db: Db, actor: Actor, roundId: number, period: string) {
  const [round] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
  if (!round || (period !== "2024-T1" && period !== "2024-T2")) return;
  const rows = await db
    .select({
      id: riskAssessments.id,
      kind: riskAssessments.kind,
      unitId: riskAssessments.unitId,
      text: requirements.text,
    })
    .from(riskAssessments)
    .innerJoin(requirements, eq(requirements.id, riskAssessments.requirementId))
    .where(eq(riskAssessments.roundId, roundId));
  const goalIndex = new Map(seed.table3_risk_T1_T2.rows.map((row, index) => [row.goal, index]));
  const salt = period === "2024-T1" ? 1 : 2;
  const versions: (typeof riskAssessmentVersions.$inferInsert)[] = [];
  const updates = [];
  for (const row of rows) {
    const index = goalIndex.get(row.text);
    const seedRow = index === undefined ? undefined : seed.table3_risk_T1_T2.rows[index];
    if (index === undefined || !seedRow) continue;
    const overall = levelKey[salt === 1 ? seedRow.t1 : seedRow.t2];
    const level = row.kind === "overall" ? overall : trustLevel(overall, index, row.unitId, salt);
    const roll = dice(index, row.unitId, salt + 5);
    const outcome: Outcome =
      row.kind === "overall" || salt === 1
        ? "approved"
        : roll < 55
          ? "approved"
          : roll < 72
            ? "submitted"
            : roll < 86
              ? "draft"
              : "carried";
    if (outcome === "carried") continue;
    const justification = `${justifications[level]}${salt === 2 && row.kind === "overall" ? " Vurderingen er oppdatert etter helseforetakenes vurderinger for T2." : ""}`;
    const steps = stepsOf[outcome];
    for (const [i, step] of steps.entries()) {
      versions.push({
        assessmentId: row.id,
        version: i + 2,
        action: step.action,
        level,
        justification,
        state: step.state,
        actorId: null,
        actorName: actor.name,
      });
    }
    const state = steps[steps.length - 1]?.state ?? "draft";
    updates.push(sql`(${row.id}::int, ${level}, ${justification}, ${state}, ${steps.length + 1}::int)`);
  }
  if (updates.length === 0) return;
  for (let start = 0; start < versions.length; start += 1000) {
    await db.insert(riskAssessmentVersions).values(versions.slice(start, start + 1000));
  }
  await db.execute(sql`
    update risk_assessments set level = v.level, justification = v.justification, state = v.state,
      version = v.version, carried_forward = false, updated_by = ${actor.name}, updated_at = now()
    from (values ${sql.join(updates, sql`, `)}) as v(id, level, justification, state, version)
    where risk_assessments.id = v.id`);
  await recordAudit(db, actor, {
    action: "demo_risk_assessments",
    entityType: "reporting_round",
    entityId: String(roundId),
    unitId: null,
    after: { assessments: updates.length },
  });
}

/** Indicators the measures of some goals work on, by the goal's opening words. */
const indicatorOfGoal: [string, string][] = [
  ["Redusere fristbrudd", "FB-SOM"],
  ["Gjennomsnittlig ventetid", "VT-SOM"],
  ["Andel pakkeforløp", "PF-KREFT"],
  ["Redusert innleie", "INNLEIE"],
  ["Reduksjon i sykefravær", "SYKEFRAV"],
];

async function unitId(db: Db, code: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!row) throw new Error(`demo risk names unknown unit ${code}`);
  return row.id;
}

/** Vedlegg 1's measures, owned by Helse Nord RHF's directors, linked to their goals and indicators. */
export async function loadMeasuresDemo(db: Db, actor: Actor, documentId: number) {
  const hn = await unitId(db, "HN");
  const goals = await db
    .select({ id: requirements.id, text: requirements.text })
    .from(requirements)
    .where(and(eq(requirements.documentId, documentId), eq(requirements.selectedForRiskAssessment, true)));
  const goalId = new Map(goals.map((goal) => [goal.text, goal.id]));
  const indicatorRows = await db.select({ id: indicators.id, code: indicators.code }).from(indicators);
  const indicatorId = new Map(indicatorRows.map((row) => [row.code, row.id]));
  // A measure listed under two goals in the seed is one measure with two links.
  const byTitle = new Map<string, number>();
  let created = 0;
  for (const row of seed.table3_status_measures.rows) {
    const goal = goalId.get(row.goal);
    let id = byTitle.get(row.measure);
    if (id === undefined) {
      const phase = phaseFromNorwegian(row.phase) ?? "decided";
      const status = statusFromNorwegian(row.status);
      const [measure] = await db
        .insert(measures)
        .values({
          responsibleUnitId: hn,
          title: row.measure,
          ownerRole: row.owner.replace(/^Helse Nord RHF, /, ""),
          phase,
          status,
          start: "2024-03-01",
          deadline: phase === "completed" ? "2024-08-31" : status === "delayed" ? "2024-10-31" : "2025-06-30",
          comment: row.comment,
        })
        .returning({ id: measures.id });
      if (!measure) continue;
      id = measure.id;
      byTitle.set(row.measure, id);
      created += 1;
      await db.insert(measureLog).values({
        measureId: id,
        period: "2024-T2",
        on: "2024-09-30",
        phase,
        status,
        text: row.comment || "Status oppdatert til T2-2024.",
        actorId: null,
        actorName: actor.name,
      });
    }
    if (goal !== undefined) {
      await db
        .insert(measureLinks)
        .values({ measureId: id, kind: "requirement", targetId: goal })
        .onConflictDoNothing();
    }
    const code = indicatorOfGoal.find(([opening]) => row.goal.startsWith(opening))?.[1];
    const indicator = code ? indicatorId.get(code) : undefined;
    if (indicator !== undefined) {
      await db
        .insert(measureLinks)
        .values({ measureId: id, kind: "indicator", targetId: indicator })
        .onConflictDoNothing();
    }
  }
  await recordAudit(db, actor, {
    action: "import",
    entityType: "measure",
    entityId: "demo",
    unitId: hn,
    after: { source: "demo data", measures: created },
  });
  return created;
}

/** Two trusts' own five highest risks, assessed in T1 and T2 2024. */
export async function loadUnitRisksDemo(db: Db, actor: Actor) {
  let count = 0;
  for (const [code, risks] of Object.entries(unitRiskRegister)) {
    const unit = await unitId(db, code);
    for (const [index, risk] of risks.entries()) {
      const [row] = await db
        .insert(unitRisks)
        .values({ unitId: unit, rank: index + 1, ...risk.fields })
        .returning({ id: unitRisks.id });
      if (!row) continue;
      count += 1;
      for (const [period, level] of [
        ["2024-T1", risk.t1],
        ["2024-T2", risk.t2],
      ] as const) {
        await db.insert(unitRiskAssessments).values({
          unitRiskId: row.id,
          period,
          level,
          justification: justifications[level],
          updatedBy: actor.name,
        });
      }
    }
  }
  await recordAudit(db, actor, {
    action: "import",
    entityType: "unit_risk",
    entityId: "demo",
    unitId: null,
    after: { source: "demo data", risks: count },
  });
  return count;
}
