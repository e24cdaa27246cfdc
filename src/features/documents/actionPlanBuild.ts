// An action plan as a document in seed 004's form: purpose and main goal, the board cases it builds
// on, then per sub-goal ("Delmål n") its text, key indicators with their yearly targets and a table
// of measures with priority, year(s), resource and responsible; "Andre tiltak"; and at the end the
// summary of the measures for the whole period by year with priority. With a period, the progress:
// each measure's phase and status and the latest note on it. Pure.

import { parsePeriod } from "../../domain/periods.ts";
import type { MeasureStatus } from "../../domain/riskMeasures.ts";
import type { ActionPlanData, KeyIndicatorData, PlanMeasureData } from "./actionPlanModel.ts";
import { verdict } from "./actionPlanStanding.ts";
import { TableNumbers } from "./buildTables.ts";
import type { Block, DocumentContent } from "./model.ts";
import { assembleContent, ownText, paragraph, table, type Unnumbered } from "./programmeContent.ts";
import {
  formatAmount,
  longDate,
  measurePhaseWords,
  measureStatusCells,
  osloDay,
  periodWords,
  tableWord,
} from "./programmeLabels.ts";

const statusWords = {
  draft: "Utkast",
  adopted: "Vedtatt",
  revised: "Erstattet av en revidert versjon",
} as const;

/** "2009", "2009–2010", "2009, 2011". */
export function yearsInWords(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return "–";
  const consecutive = last - first === sorted.length - 1;
  return consecutive && sorted.length > 1 ? `${first}–${last}` : sorted.join(", ");
}

const planYears = (data: ActionPlanData) =>
  Array.from({ length: data.plan.toYear - data.plan.fromYear + 1 }, (_, index) => data.plan.fromYear + index);

/** By sub-goal ("Andre tiltak" last), each in the plan's own order. */
const sortMeasures = (measures: readonly PlanMeasureData[]) =>
  [...measures].sort(
    (a, b) => (a.subGoal ?? Number.MAX_SAFE_INTEGER) - (b.subGoal ?? Number.MAX_SAFE_INTEGER),
  );

/** A specification written as a list ("- Identifisere ...") in one cell: its points after each other. */
export function specification(description: string): string {
  const points = description
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•o]|\d+[.)])\s+/, "").trim())
    .filter((line) => line !== "");
  if (points.length <= 1) return points[0] ?? "";
  return `${points.map((point) => point.replace(/[.;]$/, "")).join("; ")}.`;
}

/** One line per key indicator: its text, then what it is measured against. */
export function keyIndicatorLine(indicator: KeyIndicatorData): string {
  const text = indicator.text.trim();
  if (indicator.kind === "indicator") {
    const targets = indicator.yearlyTargets.map((each) => `${each.year}: ${each.target}`).join("; ");
    return targets ? `${text} (mål ${targets})` : text;
  }
  const due = indicator.dueOn ? `innen ${longDate(indicator.dueOn)}` : "";
  if (indicator.kind === "milestone_value" && indicator.milestoneTarget !== null) {
    const target = `${formatAmount(indicator.milestoneTarget)} ${indicator.milestoneUnit}`.trim();
    return `${text} (mål ${target}${due ? ` ${due}` : ""})`;
  }
  return due ? `${text} (${due})` : text;
}

function measureTitle(measure: PlanMeasureData): string {
  const label = measure.label.trim();
  return label ? `${label} ${measure.title.trim()}` : measure.title.trim();
}

function measureTable(measures: PlanMeasureData[], tables: TableNumbers, caption: string): Block[] {
  // The seed's "Tiltak spesifisert" column, when any measure is specified further.
  const specified = measures.some((measure) => measure.description.trim() !== "");
  const rows = sortMeasures(measures).map((measure) => [
    measureTitle(measure),
    ...(specified ? [specification(measure.description) || "–"] : []),
    String(measure.priority),
    yearsInWords(measure.years),
    measure.resource.trim() || "–",
    measure.responsible,
  ]);
  const header = [
    "Tiltak",
    ...(specified ? ["Tiltak spesifisert"] : []),
    "Pri",
    "Gjennomføring",
    "Ressurs",
    "Ansvar",
  ];
  // Specified measures run to many lines: a row may break across pages.
  return [table(tables, caption, header, rows, undefined, specified)];
}

function subGoalSections(data: ActionPlanData, tables: TableNumbers): Unnumbered[] {
  return [...data.subGoals]
    .sort((a, b) => a.number - b.number)
    .map((subGoal) => {
      const blocks: Block[] = [paragraph(`**${subGoal.text.trim()}**`)];
      if (subGoal.keyIndicators.length > 0) {
        blocks.push(paragraph("Nøkkelindikatorer:"), {
          kind: "list",
          style: "bullet",
          items: subGoal.keyIndicators.map(keyIndicatorLine),
        });
      }
      const measures = data.measures.filter((measure) => measure.subGoal === subGoal.number);
      if (measures.length > 0)
        blocks.push(...measureTable(measures, tables, `Tiltak for delmål ${subGoal.number}`));
      else blocks.push(paragraph("_Ingen tiltak er knyttet til delmålet._"));
      return {
        key: `sub_goal/${subGoal.number}`,
        level: 1 as const,
        heading: `Delmål ${subGoal.number}`,
        blocks,
      };
    });
}

/** The seed's closing table: every measure with its priority and a mark in each year it runs. */
function summaryBlocks(data: ActionPlanData, tables: TableNumbers): Block[] {
  const years = planYears(data);
  const perYear = years.length <= 6;
  const header = [
    "Referanse",
    "Pri",
    "Tiltak",
    ...(perYear ? years.map(String) : ["Gjennomføring"]),
    "Ressurs",
    "Ansvar",
  ];
  const rows = sortMeasures(data.measures).map((measure) => [
    measure.subGoal === null ? "Andre tiltak" : `Delmål ${measure.subGoal}`,
    String(measure.priority),
    measureTitle(measure),
    ...(perYear
      ? years.map((year) => (measure.years.includes(year) ? "X" : ""))
      : [yearsInWords(measure.years)]),
    measure.resource.trim() || "–",
    measure.responsible,
  ]);
  const lead = paragraph(
    `${tables.peek()} oppsummerer tiltakene for hele planperioden ${data.plan.fromYear}–${data.plan.toYear} med prioritet og år for gjennomføring${perYear ? " (X)" : ""}. Prioritet 1 går foran prioritet 2.`,
  );
  return [
    lead,
    table(
      tables,
      `Oppsummering og prioritering av tiltak ${data.plan.fromYear}–${data.plan.toYear}`,
      header,
      rows,
    ),
  ];
}

function progressBlocks(data: ActionPlanData, period: string, tables: TableNumbers): Block[] {
  const words = periodWords(parsePeriod(period));
  const blocks: Block[] = [];
  if (data.measures.length > 0) {
    const rows = sortMeasures(data.measures).map((measure) => [
      measureTitle(measure),
      // Where the measure stood at the period's end, by its note then; without one, where it stands now.
      measurePhaseWords[measure.latestLog?.phase ?? measure.phase],
      (measure.latestLog ? measure.latestLog.status : measure.status)
        ? measureStatusCells[(measure.latestLog ? measure.latestLog.status : measure.status) as MeasureStatus]
        : "–",
      measure.latestLog
        ? `${longDate(measure.latestLog.on)}: ${measure.latestLog.text.trim()}`
        : "Ingen statusnotat",
    ]);
    blocks.push(
      paragraph(`${tables.peek()} viser status for tiltakene per ${words}.`),
      table(
        tables,
        `Status for tiltakene ${words}`,
        ["Tiltak", "Fase", "Status", "Siste statusnotat"],
        rows,
        undefined,
        true,
      ),
    );
  }
  blocks.push(...keyIndicatorProgress(data, words, tables));
  return blocks;
}

/** Each key indicator's target and latest value at the period's end, met or not in words. */
function keyIndicatorProgress(data: ActionPlanData, periodText: string, tables: TableNumbers): Block[] {
  const judged = data.subGoals.flatMap((subGoal) =>
    subGoal.keyIndicators.flatMap((indicator) =>
      indicator.standing ? [{ subGoal: subGoal.number, indicator, standing: indicator.standing }] : [],
    ),
  );
  if (judged.length === 0) return [];
  const rows = judged.map(({ subGoal, indicator, standing }) => [
    `Delmål ${subGoal}`,
    indicator.text.trim(),
    standing.target ?? "–",
    standing.value ?? "–",
    verdict(standing, indicator.dueOn),
  ]);
  const met = judged.filter(({ standing }) => standing.met === true).length;
  return [
    paragraph(
      `${tables.peek()} viser nøkkelindikatorene med mål og siste verdi per ${periodText}: ${met} av ${judged.length} er nådd. Indikatorer fra indikatorkatalogen er vurdert etter de samme reglene som i målekortet; milepæler etter om de er gjennomført eller verdien som er nådd.`,
    ),
    table(
      tables,
      `Nøkkelindikatorer ${periodText}`,
      ["Delmål", "Nøkkelindikator", "Mål", "Siste verdi", "Vurdering"],
      rows,
    ),
  ];
}

export function buildActionPlanDocument(data: ActionPlanData): DocumentContent {
  const tables = new TableNumbers(tableWord);
  const { plan } = data;
  const sections: Unnumbered[] = [];
  const purpose: Block[] = [...ownText(plan.purpose)];
  if (plan.mainGoal.trim()) {
    purpose.push(
      paragraph(`Hovedmålet for planperioden frem til ${plan.toYear}:`),
      paragraph(`**${plan.mainGoal.trim()}**`),
    );
  }
  if (purpose.length > 0) sections.push({ key: "purpose", level: 1, heading: "Formål", blocks: purpose });
  if (plan.boardCases.length > 0) {
    sections.push({
      key: "board_cases",
      level: 1,
      heading: "Bakgrunn",
      blocks: [
        paragraph(`Handlingsplanen bygger på følgende styresaker i ${data.unit.name}:`),
        { kind: "list", style: "bullet", items: plan.boardCases },
      ],
    });
  }
  sections.push(...subGoalSections(data, tables));
  const others = data.measures.filter((measure) => measure.subGoal === null);
  if (others.length > 0) {
    sections.push({
      key: "other_measures",
      level: 1,
      heading: "Andre tiltak",
      blocks: measureTable(others, tables, "Andre tiltak"),
    });
  }
  if (data.measures.length > 0) {
    sections.push({
      key: "summary",
      level: 1,
      heading: "Oppsummering og prioritering av tiltak",
      blocks: summaryBlocks(data, tables),
    });
  }
  const hasKeyIndicators = data.subGoals.some((subGoal) => subGoal.keyIndicators.length > 0);
  if (data.progressPeriod && (data.measures.length > 0 || hasKeyIndicators)) {
    sections.push({
      key: "progress",
      level: 1,
      heading: `Status per ${periodWords(parsePeriod(data.progressPeriod))}`,
      blocks: progressBlocks(data, data.progressPeriod, tables),
    });
  }
  const taken = osloDay(data.takenAt);
  const lines = [
    { label: "Periode", value: `${plan.fromYear}–${plan.toYear}` },
    {
      label: "Status",
      value:
        plan.status === "adopted" && plan.adoptedOn
          ? `Vedtatt ${longDate(plan.adoptedOn)}`
          : statusWords[plan.status],
    },
  ];
  if (plan.versionNumber > 1) {
    lines.push({
      label: "Versjon",
      value: `${plan.versionNumber}${plan.revisedInYear ? ` (revidert ${plan.revisedInYear})` : ""}`,
    });
  }
  lines.push({ label: "Dato", value: longDate(taken) });
  return assembleContent({
    type: "annual_report",
    title: plan.title.trim(),
    organisation: { name: data.unit.name, code: String(plan.id) },
    period: `${plan.fromYear}-${plan.toYear}`,
    periodLabel: `${plan.fromYear}–${plan.toYear}`,
    caseNumber: null,
    date: taken,
    takenAt: data.takenAt,
    lines,
    sections,
  });
}
