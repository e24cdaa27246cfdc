// The builder's tables and the summary: Tabell 1 and 2 as seed 003 has them, the requirements'
// statuses counted and the scorecard (risks and measures are in buildRisk.ts). Every table says how wide its columns are
// (so that no word is broken in a cell) and which cells are filled with a status colour.

import { isYearEnd, type Period, parsePeriod } from "../../domain/periods.ts";
import type { SummaryTable } from "../../domain/scorecard.ts";
import type { DocumentLabels } from "./labels.ts";
import type {
  Block,
  CellTone,
  DocumentData,
  RequirementData,
  RequirementStatus,
  TableBlock,
} from "./model.ts";
import { formatTargetNumber } from "./targetWording.ts";

/** Tables are numbered in document order, as board documents do ("Tabell 1", "Tabell 2" ...). */
export class TableNumbers {
  private next = 1;
  constructor(private readonly word: string) {}
  /** The number the next table gets, "Tabell 3", without taking it. */
  peek(offset = 0): string {
    return `${this.word} ${this.next + offset}`;
  }
  caption(text: string): string {
    return `${this.word} ${this.next++} ${text}`;
  }
}

export interface TablesContext {
  data: DocumentData;
  labels: DocumentLabels;
  period: Period;
  tables: TableNumbers;
  locale: "nb" | "en";
}

/** The fill a requirement's status gets; the status is always in words beside it. */
export function statusTone(status: RequirementStatus | null): CellTone | null {
  switch (status) {
    case "fulfilled":
      return "green";
    case "partly_fulfilled":
      return "yellow";
    case "not_fulfilled":
      return "red";
    case "not_relevant":
    case "not_started":
      return "grey";
    default:
      return null;
  }
}

export function statusLabel(status: RequirementStatus | null, labels: DocumentLabels): string {
  return status === null ? labels.noStatus : labels.statuses[status];
}

/** "T1, T2 og årets slutt" from the summary table's columns. */
function columnsInWords(table: SummaryTable, labels: DocumentLabels): string {
  const words = table.columns.map((column) => columnInWords(column.period, labels));
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${labels.and} ${words.at(-1)}`;
}

function columnInWords(periodText: string, labels: DocumentLabels): string {
  const period = parsePeriod(periodText);
  if (isYearEnd(period)) return labels.yearEnd;
  if (period.kind === "tertial") return `T${period.tertial}`;
  return labels.periodLabel(period);
}

/** The domain's column labels are Norwegian ("Årlig melding"); the year-end one is translated here. */
function columnLabel(column: SummaryTable["columns"][number], labels: DocumentLabels): string {
  const period = parsePeriod(column.period);
  return isYearEnd(period) ? labels.yearEndColumn : column.label;
}

function share(count: number, total: number, locale: "nb" | "en"): string {
  if (total === 0) return "–";
  return `${formatTargetNumber(Math.round((count / total) * 1000) / 10, locale)} %`;
}

const statusOrder: (RequirementStatus | null)[] = [
  "fulfilled",
  "partly_fulfilled",
  "not_fulfilled",
  "not_started",
  "not_relevant",
  null,
];

/** The requirements' statuses counted, in words and as a table, and how many answers are approved. */
function statusBlocks(context: TablesContext): Block[] {
  const { data, labels, tables, locale } = context;
  const requirements: RequirementData[] = data.chapters.flatMap((chapter) => chapter.requirements);
  if (requirements.length === 0) return [];
  const counts = statusOrder
    .map((status) => ({
      status,
      count: requirements.filter((requirement) => requirement.status === status).length,
    }))
    .filter((each) => each.count > 0);
  const parts = counts.map((each) => labels.statusCount(each.count, statusLabel(each.status, labels)));
  let text = labels.statusSummary(requirements.length, parts);
  const known = requirements.filter((requirement) => requirement.approval !== undefined);
  if (known.length > 0) {
    const approved = known.filter((requirement) => requirement.approval === "approved").length;
    text += ` ${labels.approvedSummary(approved, known.length)}`;
  }
  const table: TableBlock = {
    kind: "table",
    caption: tables.caption(labels.statusCaption),
    header: labels.statusHeader,
    rows: counts.map((each) => [
      statusLabel(each.status, labels),
      String(each.count),
      share(each.count, requirements.length, locale),
    ]),
    tones: counts.map((each) => [statusTone(each.status), null, null]),
    widths: [3, 1.4, 1.4],
  };
  return [{ kind: "paragraph", markdown: text }, table];
}

/** The summary: Tabell 1 and 2 with the seed's words around them, then the requirements' statuses. */
export function summaryBlocks(context: TablesContext): Block[] {
  const { data, labels, tables, period } = context;
  const blocks: Block[] = [];
  const summary = data.scorecard?.summary;
  if (summary) {
    const table = (
      source: SummaryTable,
      caption: string,
      firstHeader: string,
      rowLabels: DocumentLabels["attainmentRows"],
    ): TableBlock => ({
      kind: "table",
      caption: tables.caption(caption),
      header: [firstHeader, ...source.columns.map((column) => columnLabel(column, labels))],
      rows: source.rows.map((row) => [rowLabels[row.colour], ...row.cells.map((cell) => cell.formatted)]),
      tones: source.rows.map((row) => [row.colour, ...row.cells.map(() => null)]),
      widths: [2.6, ...source.columns.map(() => 1.5)],
    });
    const lastColumn = summary.attainment.columns.length - 1;
    const green = summary.attainment.rows.find((row) => row.colour === "green")?.cells[lastColumn];
    const lastPeriod = summary.attainment.columns[lastColumn]?.period;
    if (green && lastPeriod) {
      blocks.push({
        kind: "paragraph",
        markdown: labels.attainmentLead(
          tables.peek(),
          period.year,
          green.count,
          green.total,
          columnInWords(lastPeriod, labels),
        ),
      });
    }
    blocks.push(
      table(
        summary.attainment,
        labels.attainmentCaption(period.year, columnsInWords(summary.attainment, labels)),
        labels.attainmentHeader,
        labels.attainmentRows,
      ),
      { kind: "paragraph", markdown: labels.trendLead(tables.peek()) },
      table(
        summary.trend,
        labels.trendCaption(period.year, columnsInWords(summary.trend, labels)),
        labels.trendHeader,
        labels.trendRows,
      ),
    );
  }
  return [...blocks, ...statusBlocks(context)];
}

export function indicatorBlocks({ data, labels, tables }: TablesContext): Block[] {
  const scorecard = data.scorecard;
  if (!scorecard || scorecard.indicators.length === 0) return [];
  return [
    {
      kind: "table",
      caption: tables.caption(labels.scorecardCaption(labels.periodLabel(parsePeriod(scorecard.period)))),
      header: labels.scorecardHeader,
      rows: scorecard.indicators.map((indicator) => [
        indicator.name,
        indicator.thisPeriod,
        indicator.yearToDate,
        indicator.target,
        labels.colourNames[indicator.attainment],
        labels.colourNames[indicator.trend],
      ]),
      tones: scorecard.indicators.map((indicator) => [
        null,
        null,
        null,
        null,
        indicator.attainment,
        indicator.trend,
      ]),
      widths: [3.2, 1.35, 1.35, 2.2, 1.6, 1.1],
    },
  ];
}
