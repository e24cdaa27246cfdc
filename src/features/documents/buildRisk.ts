// The risk section of a document: the scale's levels in words, "Tabell 3 Risikovurdering utvikling
// fra T1 til T2" with the changes counted under it (seed 003 l. 4560-4640), and the status of the
// risk-reducing measures (seed 003 Vedlegg 1 Tabell 3, l. 4655-4700). Only approved assessments
// count: one that is not approved says so in its cell and in the document's note.

import { parsePeriod } from "../../domain/periods.ts";
import {
  compareAssessments,
  countChanges,
  type RiskChange,
  type RiskLevelColour,
} from "../../domain/risk.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import type { TablesContext } from "./buildTables.ts";
import type {
  Block,
  CellTone,
  DocumentData,
  RiskAssessmentData,
  RiskCellData,
  RiskLevelData,
  TableBlock,
} from "./model.ts";
import { type RiskLabels, riskLabelsFor, shortPeriod } from "./riskLabels.ts";
import { fittedLayout } from "./tableWidths.ts";

/** The fill of a level's cell: the documents have four tones, a scale up to seven colours. */
export function riskTone(colour: RiskLevelColour): CellTone {
  switch (colour) {
    case "green":
      return "green";
    case "yellow":
      return "yellow";
    case "orange":
    case "red":
    case "dark_red":
      return "red";
    case "blue":
    case "grey":
      return "grey";
  }
}

/** The assessment data, when there is anything to print. */
function assessmentsOf(data: DocumentData): RiskAssessmentData | null {
  const risk = data.riskAssessment ?? null;
  return risk && risk.goals.length > 0 && risk.periods.length > 0 ? risk : null;
}

/**
 * The approval states of the levels Tabell 3 prints, for the note on what is not approved. An
 * assessment with no level yet is printed as not assessed, and is not in the note.
 */
export function printedRiskApprovals(data: DocumentData): AnswerState[] {
  return (assessmentsOf(data)?.goals ?? []).flatMap((goal) =>
    goal.cells.flatMap((cell) => (cell && cell.level !== null ? [cell.approval] : [])),
  );
}

const approvedRank = (cell: RiskCellData | null, levels: Map<string, RiskLevelData>) =>
  cell?.approval === "approved" && cell.level !== null ? (levels.get(cell.level)?.rank ?? null) : null;

/**
 * The change from the first period to the second. An assessment that is not approved counts as
 * none; one not approved in the first period leaves the goal without a comparison, not new.
 */
export function riskChangeOf(
  from: RiskCellData | null,
  to: RiskCellData | null,
  levels: Map<string, RiskLevelData>,
): RiskChange {
  if (from !== null && from.approval !== "approved") return "not_assessed";
  return compareAssessments(approvedRank(from, levels), approvedRank(to, levels));
}

function cellOf(
  cell: RiskCellData | null,
  levels: Map<string, RiskLevelData>,
  words: RiskLabels,
  locale: "nb" | "en",
): { text: string; tone: CellTone | null } {
  if (cell === null) return { text: words.notAssessed, tone: null };
  if (cell.level === null) return { text: words.noLevel, tone: "grey" };
  if (cell.approval !== "approved") return { text: words.notApproved, tone: "grey" };
  const level = levels.get(cell.level);
  return level
    ? { text: level.label[locale], tone: riskTone(level.colour) }
    : { text: cell.level, tone: null };
}

/** Tabell 3 and the sentence that counts its changes. */
export function riskTableBlocks(context: TablesContext, risk: RiskAssessmentData): Block[] {
  const { tables, locale } = context;
  const words = riskLabelsFor(locale);
  const levels = new Map(risk.levels.map((level) => [level.key, level]));
  const periods = risk.periods.map((period) => words.period(parsePeriod(period)));
  const cells = risk.goals.map((goal) =>
    risk.periods.map((_, index) => cellOf(goal.cells[index] ?? null, levels, words, locale)),
  );
  const header = words.header(risk.periods.map((period) => shortPeriod(parsePeriod(period))));
  const lead: Block = {
    kind: "paragraph",
    markdown: words.tableLead(tables.peek(), context.data.unit.name, periods),
  };
  const rows = risk.goals.map((goal, index) => [
    goal.area,
    goal.goal,
    ...(cells[index] ?? []).map((cell) => cell.text),
  ]);
  const table: TableBlock = {
    kind: "table",
    caption: tables.caption(words.caption(periods)),
    header,
    rows,
    tones: cells.map((row) => [null, null, ...row.map((cell) => cell.tone)]),
    ...fittedLayout(header, rows),
  };
  if (risk.periods.length < 2) return [lead, table];
  const changes = risk.goals.map((goal) =>
    riskChangeOf(goal.cells[0] ?? null, goal.cells[1] ?? null, levels),
  );
  const sentence = words.changes(countChanges(changes));
  return sentence ? [lead, table, { kind: "paragraph", markdown: sentence }] : [lead, table];
}

/** The measures table with the sentence that says what it shows before it. */
export function measuresBlocks(context: TablesContext): Block[] {
  const lead = riskLabelsFor(context.locale).measuresLead(context.tables.peek());
  return [{ kind: "paragraph", markdown: lead }, measuresTable(context)];
}

/** The status of the measures, grouped by goal: the goal is named on its first row. */
export function measuresTable({ data, tables, locale }: TablesContext): TableBlock {
  const words = riskLabelsFor(locale);
  const rows = data.measures.map((measure, index) => [
    index > 0 && data.measures[index - 1]?.goal === measure.goal ? "" : measure.goal,
    measure.measure,
    words.owner(measure.unitName, measure.owner),
    words.phases[measure.phase] ?? String(measure.phase),
    measure.status === null ? "" : (words.statuses[measure.status] ?? String(measure.status)),
    measure.comment,
  ]);
  return {
    kind: "table",
    caption: tables.caption(words.measuresCaption),
    header: words.measuresHeader,
    rows,
    ...fittedLayout(words.measuresHeader, rows),
    // Comments run to many lines: whole rows only would leave pages half empty.
    splitRows: true,
  };
}

/** The template's words, else the method; then the scale's levels with their definitions. */
function methodBlocks(
  context: TablesContext,
  risk: RiskAssessmentData,
  introduction: string | null,
): Block[] {
  const { locale } = context;
  const lead = introduction?.trim() || riskLabelsFor(locale).methodLead;
  const items = [...risk.levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => {
      const definition = level.definition[locale].trim();
      return definition ? `**${level.label[locale]}:** ${definition}` : `**${level.label[locale]}**`;
    });
  return [
    { kind: "paragraph", markdown: lead },
    { kind: "list", style: "bullet", items },
  ];
}

/**
 * The risk section: the method and Tabell 3, or the plain "not yet available" when the unit has
 * assessed nothing; then the measures, unless the template gives them a section of their own.
 */
export function riskSectionBlocks(
  context: TablesContext,
  options: { introduction: string | null; withMeasures: boolean },
): Block[] {
  const { data, labels, locale } = context;
  const risk = assessmentsOf(data);
  const blocks: Block[] = [];
  if (risk) {
    blocks.push(...methodBlocks(context, risk, options.introduction), ...riskTableBlocks(context, risk));
  } else {
    const own = options.introduction?.trim();
    if (own) blocks.push({ kind: "paragraph", markdown: own });
    blocks.push({ kind: "paragraph", markdown: `_${labels.notYetAvailable}_` });
  }
  if (options.withMeasures) {
    if (data.measures.length > 0) blocks.push(...measuresBlocks(context));
    else if (risk) blocks.push({ kind: "paragraph", markdown: riskLabelsFor(locale).noMeasures });
  }
  return blocks;
}
