// An action plan version as an Excel workbook, in bokmål like the other workbooks: one sheet of
// measures per sub-goal in the seed's form (priority, years, resource, responsible, phase and status
// in the tertial), one for the measures under no sub-goal ("Andre tiltak"), and one of key
// indicators with their target for the year and the latest value. Every status is in words.

import ExcelJS from "exceljs";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { getActionPlan } from "./plans.ts";
import { getPlanProgress } from "./progress.ts";
import type { ActionPlanProgressView, ActionPlanView, PlanMeasureView } from "./schema.ts";

/** A plan holds at most this many rows per sheet in the workbook; more would not be a plan. */
export const MAX_ROWS_PER_SHEET = 2000;

const headerFill = "FFDCE6F0";

const phaseWords = {
  decided: "Vedtatt",
  in_progress: "I gjennomføring",
  completed: "Gjennomført",
  cancelled: "Avbrutt",
} as const;
const statusWords = { as_planned: "Iht. plan", delayed: "Forsinket", not_started: "Ikke startet" } as const;
const comparatorSigns = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const;
const colourWords = {
  green: "Nådd",
  yellow: "Nesten nådd",
  red: "Ikke nådd",
  grey: "Ingen vurdering",
} as const;
const fills = { green: "FFB7E1CD", yellow: "FFFCE8B2", red: "FFF4C7C3", grey: "FFE0E0E0" } as const;

function header(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "top" };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: headerFill } };
  });
}

function responsibleWords(plan: ActionPlanView, measure: PlanMeasureView): string {
  if (measure.responsibility === "owner") return plan.owner.name;
  if (measure.responsibility === "all_trusts") return "Alle HF";
  return measure.responsibleUnits.map((unit) => unit.name).join(", ");
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 28)
      .trim() || "Ark";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function measureSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  plan: ActionPlanView,
  measures: PlanMeasureView[],
  progress: ActionPlanProgressView,
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 8 },
    { width: 60 },
    { width: 10 },
    { width: 16 },
    { width: 24 },
    { width: 28 },
    { width: 14 },
    { width: 14 },
  ];
  const title = sheet.addRow([heading]);
  title.font = { bold: true, size: 13 };
  title.alignment = { wrapText: true };
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow([]);
  header(sheet, [
    "Nr.",
    "Tiltak",
    "Prioritet",
    "År",
    "Ressurs",
    "Ansvar",
    `Fase ${progress.period}`,
    `Status ${progress.period}`,
  ]);
  const standing = new Map(progress.measures.map((entry) => [entry.planMeasureId, entry]));
  for (const measure of measures.slice(0, MAX_ROWS_PER_SHEET)) {
    const now = standing.get(measure.id);
    const row = sheet.addRow([
      measure.label,
      measure.title,
      measure.priority,
      measure.years.join(", "),
      measure.resource,
      responsibleWords(plan, measure),
      phaseWords[now?.phase ?? measure.phase],
      (now?.status ?? measure.status) === null
        ? ""
        : statusWords[(now?.status ?? measure.status) as keyof typeof statusWords],
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
}

function keyIndicatorSheet(
  workbook: ExcelJS.Workbook,
  plan: ActionPlanView,
  progress: ActionPlanProgressView,
) {
  const sheet = workbook.addWorksheet("Nøkkelindikatorer", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.columns = [{ width: 10 }, { width: 60 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const title = sheet.addRow([`Nøkkelindikatorer, ${progress.period}`]);
  title.font = { bold: true, size: 13 };
  sheet.addRow([]);
  header(sheet, ["Delmål", "Nøkkelindikator", "Mål for året", "Siste verdi", "Vurdering", "Frist"]);
  const numberOf = new Map(plan.subGoals.map((subGoal) => [subGoal.id, subGoal.number]));
  for (const entry of progress.keyIndicators.slice(0, MAX_ROWS_PER_SHEET)) {
    let target = "";
    let value = "";
    let verdict: string;
    let colour: keyof typeof fills;
    if (entry.indicator) {
      const { attainment } = entry.indicator;
      target =
        attainment.targetValue === null || attainment.comparator === null
          ? ""
          : `${comparatorSigns[attainment.comparator]} ${attainment.targetValue} ${entry.indicator.unitLabel}`;
      value =
        attainment.displayedValue === null ? "" : `${attainment.displayedValue} ${entry.indicator.unitLabel}`;
      colour = attainment.colour;
      verdict = colourWords[colour];
    } else {
      if (entry.kind === "milestone_value") {
        target =
          entry.milestoneTarget === null ? "" : `${entry.milestoneTarget} ${entry.milestoneUnit}`.trim();
        value = entry.milestoneValue === null ? "" : `${entry.milestoneValue} ${entry.milestoneUnit}`.trim();
      } else {
        target = "Gjennomført";
        value = entry.met ? "Gjennomført" : "Ikke gjennomført";
      }
      colour = entry.met === true ? "green" : entry.met === false ? "red" : "grey";
      verdict = entry.overdue ? "Forfalt" : colourWords[colour];
    }
    const row = sheet.addRow([
      numberOf.get(entry.subGoalId) ?? "",
      entry.text,
      target,
      value,
      verdict,
      entry.dueOn ?? "",
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(5).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fills[colour] } };
  }
}

/** The tertial a download shows unless asked: today's, kept within the plan's years. */
export function defaultTertial(
  plan: Pick<ActionPlanView, "fromYear" | "toYear">,
  today = new Date(),
): string {
  const year = today.getUTCFullYear();
  if (year > plan.toYear) return `${plan.toYear}-T3`;
  if (year < plan.fromYear) return `${plan.fromYear}-T1`;
  const month = today.getUTCMonth() + 1;
  return `${year}-T${month <= 4 ? 1 : month <= 8 ? 2 : 3}`;
}

export async function actionPlanWorkbook(
  db: Db,
  caller: Caller,
  id: number,
  period: string | undefined,
): Promise<{ fileName: string; workbook: Buffer }> {
  const plan = await getActionPlan(db, caller, id);
  const progress = await getPlanProgress(db, caller, id, period ?? defaultTertial(plan));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  const taken = new Set<string>();
  for (const subGoal of plan.subGoals) {
    measureSheet(
      workbook,
      sheetName(`Delmål ${subGoal.number}`, taken),
      `Delmål ${subGoal.number}: ${subGoal.text}`,
      plan,
      plan.measures.filter((measure) => measure.subGoalId === subGoal.id),
      progress,
    );
  }
  const others = plan.measures.filter((measure) => measure.subGoalId === null);
  if (others.length > 0 || plan.subGoals.length === 0) {
    measureSheet(workbook, sheetName("Andre tiltak", taken), "Andre tiltak", plan, others, progress);
  }
  keyIndicatorSheet(workbook, plan, progress);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `handlingsplan-${plan.owner.code}-${plan.fromYear}-${plan.toYear}-versjon-${plan.versionNumber}.xlsx`;
  return { fileName, workbook: buffer };
}
