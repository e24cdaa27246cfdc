// Action-plan progress as a section of the annual (or tertial) report, when its template includes
// "action_plans": for each plan of the unit that covers the year, the measures planned for the
// year counted by where they stand at the period's end, and the ones delayed named. The data are
// read when the document is generated and stored with its snapshot, like the rest.

import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { actionPlanMeasures, actionPlans, measures } from "../../db/schema.ts";
import { parsePeriod } from "../../domain/periods.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import type { TablesContext } from "./buildTables.ts";
import type { Block } from "./model.ts";
import { fittedLayout } from "./tableWidths.ts";

export interface ActionPlanProgressData {
  title: string;
  fromYear: number;
  toYear: number;
  /** The plan's measures planned for the document's year. */
  measures: { title: string; phase: MeasurePhase; status: MeasureStatus | null }[];
}

const planLimit = 20;
const measureLimit = 2_000;

/** The unit's adopted plans in force in the period's year (a revised version has given way to its revision). */
export async function collectActionPlanProgress(
  db: Db,
  unitId: number,
  period: string,
): Promise<ActionPlanProgressData[]> {
  const year = parsePeriod(period).year;
  const plans = await db
    .select()
    .from(actionPlans)
    .where(
      and(
        eq(actionPlans.ownerUnitId, unitId),
        eq(actionPlans.status, "adopted"),
        lte(actionPlans.fromYear, year),
        gte(actionPlans.toYear, year),
      ),
    )
    .orderBy(asc(actionPlans.title), asc(actionPlans.id))
    .limit(planLimit);
  if (plans.length === 0) return [];
  const rows = await db
    .select({
      planId: actionPlanMeasures.planId,
      years: actionPlanMeasures.years,
      title: measures.title,
      phase: measures.phase,
      status: measures.status,
    })
    .from(actionPlanMeasures)
    .innerJoin(measures, eq(measures.id, actionPlanMeasures.measureId))
    .where(
      inArray(
        actionPlanMeasures.planId,
        plans.map((plan) => plan.id),
      ),
    )
    .orderBy(asc(actionPlanMeasures.priority), asc(actionPlanMeasures.position), asc(actionPlanMeasures.id))
    .limit(measureLimit);
  return plans.map((plan) => ({
    title: plan.title,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    measures: rows
      .filter((row) => row.planId === plan.id && row.years.includes(year))
      .map(({ title, phase, status }) => ({ title, phase, status })),
  }));
}

type Count = "completed" | "as_planned" | "delayed" | "not_started" | "cancelled";

function countOf(measure: ActionPlanProgressData["measures"][number]): Count {
  if (measure.phase === "completed") return "completed";
  if (measure.phase === "cancelled") return "cancelled";
  return measure.status ?? "not_started";
}

const words = {
  nb: {
    none: "Enheten har ingen vedtatt handlingsplan for året.",
    lead: (table: string, year: number) =>
      `${table} viser status for tiltakene i handlingsplanene som er planlagt gjennomført i ${year}.`,
    caption: (year: number) => `Handlingsplaner – status for tiltakene i ${year}`,
    header: [
      "Handlingsplan",
      "Tiltak i året",
      "Gjennomført",
      "Iht. plan",
      "Forsinket",
      "Ikke startet",
      "Avbrutt",
    ],
    delayed: (plan: string, titles: string[]) => `Forsinket i ${plan}: ${titles.join("; ")}.`,
  },
  en: {
    none: "The unit has no adopted action plan for the year.",
    lead: (table: string, year: number) =>
      `${table} shows the status of the action plans' measures planned for ${year}.`,
    caption: (year: number) => `Action plans – status of the measures in ${year}`,
    header: [
      "Action plan",
      "Measures this year",
      "Completed",
      "As planned",
      "Delayed",
      "Not started",
      "Cancelled",
    ],
    delayed: (plan: string, titles: string[]) => `Delayed in ${plan}: ${titles.join("; ")}.`,
  },
} as const;

export function actionPlanProgressBlocks({ data, tables, locale, period }: TablesContext): Block[] {
  const plans = data.actionPlans ?? [];
  const w = words[locale];
  if (plans.length === 0) return [{ kind: "paragraph", markdown: `_${w.none}_` }];
  const order: Count[] = ["completed", "as_planned", "delayed", "not_started", "cancelled"];
  const rows = plans.map((plan) => {
    const counts = order.map((kind) => plan.measures.filter((m) => countOf(m) === kind).length);
    return [
      `${plan.title} (${plan.fromYear}–${plan.toYear})`,
      String(plan.measures.length),
      ...counts.map(String),
    ];
  });
  const header = [...w.header];
  const blocks: Block[] = [
    { kind: "paragraph", markdown: w.lead(tables.peek(), period.year) },
    {
      kind: "table",
      caption: tables.caption(w.caption(period.year)),
      header,
      rows,
      ...fittedLayout(header, rows),
    },
  ];
  for (const plan of plans) {
    const delayed = plan.measures.filter((m) => countOf(m) === "delayed").map((m) => m.title.trim());
    if (delayed.length > 0) blocks.push({ kind: "paragraph", markdown: w.delayed(plan.title, delayed) });
  }
  return blocks;
}
