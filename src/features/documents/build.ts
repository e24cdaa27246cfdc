// The document builder: snapshot + template + language -> content model. Pure and deterministic,
// so a stored snapshot always rebuilds the same document. Sections are numbered (1, 1.1 ...) here,
// the front page and the note on answers not yet approved are worded here; tables and the
// summary are in buildTables.ts.

import { parsePeriod, reportingPoint } from "../../domain/periods.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import { actionPlanProgressBlocks } from "./actionPlanProgress.ts";
import { measuresBlocks, printedRiskApprovals, riskSectionBlocks } from "./buildRisk.ts";
import {
  indicatorBlocks,
  statusLabel,
  summaryBlocks,
  TableNumbers,
  type TablesContext,
} from "./buildTables.ts";
import { type DocumentLabels, formatDocumentDate, labelsFor } from "./labels.ts";
import type {
  Block,
  ChapterData,
  DocumentContent,
  DocumentData,
  DocumentLocale,
  DocumentType,
  FrontPage,
  RequirementBlock,
  RequirementData,
  Section,
} from "./model.ts";
import { riskLabelsFor } from "./riskLabels.ts";
import type { DocumentTemplate, SectionKey, TemplateSection } from "./template.ts";

export { statusTone } from "./buildTables.ts";

interface BuildContext extends TablesContext {
  type: DocumentType;
  template: DocumentTemplate;
}

/** A section before it is numbered. */
type Unnumbered = Omit<Section, "number">;

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
    locale,
    tables: new TableNumbers(labels.table),
  };
  const sections: Unnumbered[] = [];
  for (const templateSection of template.sections) {
    if (!templateSection.visible) continue;
    const built = buildSection(templateSection, context);
    // The summary right after the introduction is part of it, as in seed 003 ("1.2 Sammendrag").
    const previous = sections.at(-1);
    const nested = templateSection.key === "scorecard_summary" && previous?.key === "introduction";
    sections.push(...(nested ? built.map((section) => ({ ...section, level: 2 as const })) : built));
  }
  const title = documentTitle(context);
  return {
    type,
    locale,
    title,
    metadata: {
      unitName: data.unit.name,
      unitCode: data.unit.code,
      period: data.period,
      periodLabel: labels.periodLabel(period),
      caseNumber: data.frontPage?.caseNumber ?? data.boardCase?.caseNumber ?? null,
      date: data.boardCase?.date ?? null,
      takenAt: data.takenAt,
    },
    labels: {
      status: labels.status,
      notAnswered: labels.notAnswered,
      unitAnswers: labels.unitAnswers,
      contents: labels.contents,
      requirement: labels.requirement,
      note: labels.note,
      page: labels.page,
    },
    frontPage: frontPage(context, title),
    notice: notApprovedNotice(context),
    sections: numberSections(sections),
  };
}

/** 1, 2, 3 for the top-level sections and 2.1, 2.2 ... under them, always from 1. */
export function numberSections(sections: readonly Unnumbered[]): Section[] {
  let top = 0;
  let sub = 0;
  return sections.map((section) => {
    if (section.level === 1 || top === 0) {
      top += 1;
      sub = 0;
      return { ...section, level: 1, number: String(top) };
    }
    sub += 1;
    return { ...section, level: 2, number: `${top}.${sub}` };
  });
}

/** The day (in Norway) a moment falls on, YYYY-MM-DD. */
function osloDate(iso: string): string | null {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return null;
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(time);
}

function frontPage(context: BuildContext, title: string): FrontPage {
  const { data, labels, period } = context;
  const words = labels.frontPage;
  const front = data.frontPage ?? null;
  const lines: FrontPage["lines"] = [{ label: words.period, value: labels.periodLabel(period) }];
  const date = front?.date ?? data.boardCase?.date ?? osloDate(data.takenAt);
  if (date) lines.push({ label: words.date, value: formatDocumentDate(date, labels) });
  const caseNumber = front?.caseNumber ?? data.boardCase?.caseNumber ?? null;
  if (caseNumber) lines.push({ label: words.caseNumber, value: caseNumber });
  const meetingDate = front?.meetingDate ? formatDocumentDate(front.meetingDate, labels) : null;
  const meeting = front?.meeting ?? (meetingDate ? words.boardMeeting : null);
  if (meeting)
    lines.push({ label: words.meeting, value: meetingDate ? `${meeting} ${meetingDate}` : meeting });
  return { organisation: data.unit.name, title, lines };
}

/** The answers the document prints and their approval states, where the snapshot knows them. */
function printedApprovals({ data, template }: BuildContext): AnswerState[] {
  const states: (AnswerState | undefined)[] = [];
  for (const requirement of data.chapters.flatMap((chapter) => chapter.requirements)) {
    states.push(requirement.approval);
    if (template.includeUnitAnswers) states.push(...requirement.unitAnswers.map((answer) => answer.approval));
  }
  return states.filter((state): state is AnswerState => state !== undefined);
}

function notApprovedNotice(context: BuildContext): string | null {
  const { labels, locale } = context;
  const shows = (key: SectionKey) =>
    context.template.sections.some((section) => section.visible && section.key === key);
  const parts: string[] = [];
  const notApproved = (states: AnswerState[]) => states.filter((state) => state !== "approved").length;
  const answers = shows("requirements") ? printedApprovals(context) : [];
  if (notApproved(answers) > 0) parts.push(labels.answersPart(notApproved(answers), answers.length));
  // Tabell 3 prints the assessments it compares; one that is not approved says so in its cell.
  const risks = shows("risk") ? printedRiskApprovals(context.data) : [];
  if (notApproved(risks) > 0)
    parts.push(riskLabelsFor(locale).notApprovedPart(notApproved(risks), risks.length));
  return parts.length > 0 ? labels.notApprovedNotice(parts) : null;
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
      .replaceAll("{caseNumber}", data.frontPage?.caseNumber ?? data.boardCase?.caseNumber ?? "");
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

function defaultHeading(key: SectionKey, { labels, type }: BuildContext): string {
  if (key === "scorecard_summary" && type === "board_case") return labels.boardCaseSummaryHeading;
  return labels.sectionHeadings[key];
}

/** The template's introduction, else the document's own words on what it is; then the unit's text. */
function introductionBlocks(templateSection: TemplateSection, context: BuildContext): Block[] {
  const { data, labels, type, period } = context;
  const own = templateSection.introduction?.trim();
  const lead =
    own || labels.defaultIntroduction(type, data.unit.name, labels.periodLabel(period), period.year);
  return [{ kind: "paragraph", markdown: lead }, ...markdownBlocks(data.introduction)];
}

function buildSection(templateSection: TemplateSection, context: BuildContext): Unnumbered[] {
  const key: SectionKey = templateSection.key;
  const heading = templateSection.heading ?? defaultHeading(key, context);
  const single = (blocks: Block[], showWhenEmpty = false): Unnumbered[] => {
    const all = withIntroduction(templateSection, blocks);
    // A visible section with nothing to say is left out rather than printed as a bare heading.
    if (all.length === 0 && !showWhenEmpty) return [];
    return [{ key, level: 1, heading, blocks: all }];
  };
  const { data, labels } = context;
  const visible = (other: SectionKey) =>
    context.template.sections.some((section) => section.visible && section.key === other);
  switch (key) {
    case "resolution":
      return single(resolutionBlocks(context));
    case "introduction":
      return [{ key, level: 1, heading, blocks: introductionBlocks(templateSection, context) }];
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
    case "scorecard_summary": {
      // Tables are numbered in order: the template's words come before the blocks that number them.
      const lead = withIntroduction(templateSection, []);
      const blocks = summaryBlocks(context);
      return blocks.length === 0 ? [] : [{ key, level: 1, heading, blocks: [...lead, ...blocks] }];
    }
    case "scorecard_indicators":
      return single(indicatorBlocks(context));
    case "risk": {
      // The template asked for it: say plainly when there is nothing yet, rather than drop it. The
      // measures come along, unless the template gives them a section of their own.
      const blocks = riskSectionBlocks(context, {
        introduction: templateSection.introduction,
        withMeasures: !visible("measures"),
      });
      return [{ key, level: 1, heading, blocks }];
    }
    case "action_plans":
      return single(actionPlanProgressBlocks(context), true);
    case "measures":
      return single(
        data.measures.length > 0
          ? measuresBlocks(context)
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
): Unnumbered[] {
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

function chapterSection(chapter: ChapterData, context: BuildContext): Unnumbered {
  return {
    key: `requirements/${chapter.key}`,
    level: 2,
    // The document numbers its own headings; the steering document's number (often the same,
    // "2.1") is left to the requirements' numbers.
    heading: chapter.title,
    blocks: [
      ...markdownBlocks(chapter.introduction),
      ...chapter.requirements.map((requirement) => requirementBlock(requirement, context)),
    ],
  };
}

function approvalOf(state: AnswerState | undefined, labels: DocumentLabels) {
  return state === undefined ? null : { state, label: labels.approval[state] };
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
    approval: approvalOf(requirement.approval, labels),
    unitAnswers: template.includeUnitAnswers
      ? requirement.unitAnswers.map((answer) => ({
          unitName: answer.unitName,
          status: answer.status,
          statusLabel: statusLabel(answer.status, labels),
          answer: answer.answer.trim(),
          approval: approvalOf(answer.approval, labels),
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
