// The document builder: snapshot + template + language -> content model. Pure and deterministic,
// so a stored snapshot always rebuilds the same document.

import { isYearEnd, type Period, parsePeriod, reportingPoint } from "../../domain/periods.ts";
import type { SummaryTable } from "../../domain/scorecard.ts";
import { type DocumentLabels, formatDocumentDate, labelsFor } from "./labels.ts";
import { markdownToPlainText } from "./markdown.ts";
import type {
  Block,
  ChapterData,
  DocumentContent,
  DocumentData,
  DocumentLocale,
  DocumentType,
  RequirementBlock,
  RequirementData,
  RequirementStatus,
  Section,
  TableBlock,
} from "./model.ts";
import type { DocumentTemplate, SectionKey, TemplateSection } from "./template.ts";

/** Tables are numbered in document order, as board documents do ("Tabell 1", "Tabell 2" ...). */
class TableNumbers {
  private next = 1;
  constructor(private readonly word: string) {}
  caption(text: string): string {
    return `${this.word} ${this.next++} ${text}`;
  }
}

interface BuildContext {
  type: DocumentType;
  data: DocumentData;
  template: DocumentTemplate;
  labels: DocumentLabels;
  period: Period;
  tables: TableNumbers;
}

export function buildDocument(
  type: DocumentType,
  data: DocumentData,
  template: DocumentTemplate,
  locale: DocumentLocale = "nb",
): DocumentContent {
  const labels = labelsFor(locale);
  const period = parsePeriod(data.period);
  const context: BuildContext = {
    type,
    data,
    template,
    labels,
    period,
    tables: new TableNumbers(labels.table),
  };
  const sections: Section[] = [];
  for (const templateSection of template.sections) {
    if (!templateSection.visible) continue;
    sections.push(...buildSection(templateSection, context));
  }
  return {
    type,
    locale,
    title: documentTitle(context),
    metadata: {
      unitName: data.unit.name,
      unitCode: data.unit.code,
      period: data.period,
      periodLabel: labels.periodLabel(period),
      caseNumber: data.boardCase?.caseNumber ?? null,
      date: data.boardCase?.date ?? null,
      takenAt: data.takenAt,
    },
    labels: { status: labels.status, notAnswered: labels.notAnswered, unitAnswers: labels.unitAnswers },
    sections,
  };
}

/** The report's title; a board case on a tertial (T1, T2) wraps the tertial report. */
function reportTitle({ type, data, labels, period }: BuildContext): string {
  // A tertial report, or a board case on T1 or T2; the third tertial is the year's (annual) report.
  const point = reportingPoint(period);
  if (type === "tertial_report" || point === "T1" || point === "T2")
    return labels.tertialReportTitle(labels.periodLabel(period), data.unit.name);
  return labels.annualReportTitle(period.year, data.unit.name);
}

function documentTitle(context: BuildContext): string {
  const { template, data, labels, type, period } = context;
  if (template.title !== null) {
    return template.title
      .replaceAll("{unit}", data.unit.name)
      .replaceAll("{year}", String(period.year))
      .replaceAll("{period}", labels.periodLabel(period))
      .replaceAll("{caseNumber}", data.boardCase?.caseNumber ?? "");
  }
  if (type === "board_case" && data.boardCase) {
    return labels.boardCaseTitle(data.boardCase.caseNumber, data.boardCase.subject ?? reportTitle(context));
  }
  return reportTitle(context);
}

/** The template's own words first, then the data's. */
function withIntroduction(templateSection: TemplateSection, blocks: Block[]): Block[] {
  const introduction = templateSection.introduction?.trim();
  return introduction ? [{ kind: "paragraph", markdown: introduction }, ...blocks] : blocks;
}

function markdownBlocks(markdown: string | null | undefined): Block[] {
  const text = markdown?.trim();
  return text ? [{ kind: "paragraph", markdown: text }] : [];
}

function buildSection(templateSection: TemplateSection, context: BuildContext): Section[] {
  const key: SectionKey = templateSection.key;
  const heading = templateSection.heading ?? context.labels.sectionHeadings[key];
  const single = (blocks: Block[], showWhenEmpty = false): Section[] => {
    const all = withIntroduction(templateSection, blocks);
    // A visible section with nothing to say is left out rather than printed as a bare heading.
    if (all.length === 0 && !showWhenEmpty) return [];
    return [{ key, level: 1, heading, blocks: all }];
  };
  const { data, labels } = context;
  switch (key) {
    case "resolution":
      return single(resolutionBlocks(context));
    case "introduction":
      return single(markdownBlocks(data.introduction));
    case "background":
      return single(markdownBlocks(data.boardCase?.background));
    case "assessment":
      return single(markdownBlocks(data.boardCase?.assessment));
    case "attachments": {
      const attachments = data.boardCase?.attachments ?? [];
      return single(attachments.length > 0 ? [{ kind: "list", style: "numbered", items: attachments }] : []);
    }
    case "requirements":
      return requirementSections(templateSection, heading, context);
    case "scorecard_summary":
      return single(summaryBlocks(context));
    case "scorecard_indicators":
      return single(indicatorBlocks(context));
    case "risk":
      // The template asked for it: say plainly when there is nothing yet, rather than drop it.
      return single(
        data.risks.length > 0
          ? [riskTable(context)]
          : [{ kind: "paragraph", markdown: `_${labels.notYetAvailable}_` }],
        true,
      );
    case "measures":
      return single(
        data.measures.length > 0
          ? [measuresTable(context)]
          : [{ kind: "paragraph", markdown: `_${labels.notYetAvailable}_` }],
        true,
      );
  }
}

function resolutionBlocks({ data, labels }: BuildContext): Block[] {
  const boardCase = data.boardCase;
  if (!boardCase || boardCase.resolutionPoints.length === 0) return [];
  const blocks: Block[] = [
    { kind: "paragraph", markdown: labels.resolutionLead(data.unit.name) },
    { kind: "list", style: "numbered", items: boardCase.resolutionPoints },
  ];
  const date = formatDocumentDate(boardCase.date, labels);
  blocks.push({ kind: "paragraph", markdown: boardCase.place ? `${boardCase.place}, ${date}` : date });
  return blocks;
}

function requirementSections(
  templateSection: TemplateSection,
  heading: string,
  context: BuildContext,
): Section[] {
  const chapters = context.data.chapters.filter(
    (chapter) => chapter.requirements.length > 0 || chapter.introduction,
  );
  const top = withIntroduction(templateSection, []);
  if (chapters.length === 0 && top.length === 0) return [];
  return [
    { key: "requirements", level: 1, heading, blocks: top },
    ...chapters.map((chapter) => chapterSection(chapter, context)),
  ];
}

function chapterSection(chapter: ChapterData, context: BuildContext): Section {
  return {
    key: `requirements/${chapter.key}`,
    level: 2,
    heading: chapter.number ? `${chapter.number} ${chapter.title}` : chapter.title,
    blocks: [
      ...markdownBlocks(chapter.introduction),
      ...chapter.requirements.map((requirement) => requirementBlock(requirement, context)),
    ],
  };
}

function statusLabel(status: RequirementStatus | null, labels: DocumentLabels): string {
  return status === null ? labels.noStatus : labels.statuses[status];
}

function requirementBlock(
  requirement: RequirementData,
  { template, labels }: BuildContext,
): RequirementBlock {
  return {
    kind: "requirement",
    number: requirement.number,
    text: requirement.text,
    status: requirement.status,
    statusLabel: statusLabel(requirement.status, labels),
    answer: requirement.answer.trim(),
    unitAnswers: template.includeUnitAnswers
      ? requirement.unitAnswers.map((answer) => ({
          unitName: answer.unitName,
          status: answer.status,
          statusLabel: statusLabel(answer.status, labels),
          answer: answer.answer.trim(),
        }))
      : [],
    jointReport: requirement.jointReport
      ? {
          label: labels.jointReport(requirement.jointReport.leadName),
          markdown: requirement.jointReport.text.trim(),
        }
      : null,
  };
}

/** "T1, T2 og årets slutt" from the summary table's columns. */
function columnsInWords(table: SummaryTable, labels: DocumentLabels): string {
  const words = table.columns.map((column) => {
    const period = parsePeriod(column.period);
    if (isYearEnd(period)) return labels.yearEnd;
    if (period.kind === "tertial") return `T${period.tertial}`;
    return labels.periodLabel(period);
  });
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${labels.and} ${words.at(-1)}`;
}

/** The domain's column labels are Norwegian ("Årlig melding"); the year-end one is translated here. */
function columnLabel(column: SummaryTable["columns"][number], labels: DocumentLabels): string {
  const period = parsePeriod(column.period);
  return isYearEnd(period) ? labels.yearEndColumn : column.label;
}

function summaryBlocks(context: BuildContext): Block[] {
  const { data, labels, tables, period } = context;
  const summary = data.scorecard?.summary;
  if (!summary) return [];
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
  });
  return [
    table(
      summary.attainment,
      labels.attainmentCaption(period.year, columnsInWords(summary.attainment, labels)),
      labels.attainmentHeader,
      labels.attainmentRows,
    ),
    table(
      summary.trend,
      labels.trendCaption(period.year, columnsInWords(summary.trend, labels)),
      labels.trendHeader,
      labels.trendRows,
    ),
  ];
}

function indicatorBlocks({ data, labels, tables }: BuildContext): Block[] {
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
    },
  ];
}

function riskTable({ data, labels, tables }: BuildContext): TableBlock {
  return {
    kind: "table",
    caption: tables.caption(labels.riskCaption),
    header: labels.riskHeader,
    rows: data.risks.map((risk) => [
      risk.goal,
      risk.unitName,
      risk.previousLevel ? labels.colourNames[risk.previousLevel] : "",
      labels.colourNames[risk.level],
      risk.comment,
    ]),
  };
}

function measuresTable({ data, labels, tables }: BuildContext): TableBlock {
  return {
    kind: "table",
    caption: tables.caption(labels.measuresCaption),
    header: labels.measuresHeader,
    rows: data.measures.map((measure) => [
      measure.goal,
      measure.measure,
      measure.owner,
      measure.phase,
      measure.status,
      measure.comment,
    ]),
  };
}

/** A requirement's heading: its number and the start of its text, short enough for Word's navigation pane. */
export function requirementHeading(
  block: Pick<RequirementBlock, "number" | "text">,
  maxLength = 160,
): {
  heading: string;
  shortened: boolean;
} {
  const text = markdownToPlainText(block.text).replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return { heading: `${block.number} ${text}`.trim(), shortened: false };
  const cut = text.slice(0, maxLength);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2));
  return { heading: `${block.number} ${atWord.trimEnd()} …`, shortened: true };
}
