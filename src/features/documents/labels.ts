// The words of generated documents, in Norwegian (the default) and English. Headings set in a
// template win over these; everything else comes from here.

import type { Period } from "../../domain/periods.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import type { ColourLevel, DocumentLocale, DocumentType, RequirementStatus } from "./model.ts";
import type { SectionKey } from "./template.ts";

export interface DocumentLabels {
  sectionHeadings: Record<SectionKey, string>;
  status: string;
  notAnswered: string;
  unitAnswers: string;
  notYetAvailable: string;
  statuses: Record<RequirementStatus, string>;
  noStatus: string;
  /** "Fellesrapport Helse Sør-Øst RHF" */
  jointReport: (leadName: string) => string;
  table: string;
  months: readonly string[];
  formatDate: (day: number, monthName: string, year: number) => string;
  /** Tabell 1's caption after "Tabell n": "Måloppnåelse 2024 ved T1, T2 og årets slutt". */
  attainmentCaption: (year: number, when: string) => string;
  trendCaption: (year: number, when: string) => string;
  /** The first header cell of Tabell 1 and 2. */
  attainmentHeader: string;
  trendHeader: string;
  attainmentRows: Record<ColourLevel, string>;
  trendRows: Record<ColourLevel, string>;
  colourNames: Record<ColourLevel, string>;
  yearEnd: string;
  /** The summary tables' column for the December scorecard (seed 003: "Årlig melding"). */
  yearEndColumn: string;
  and: string;
  scorecardCaption: (period: string) => string;
  scorecardHeader: string[];
  resolutionLead: (unitName: string) => string;
  annualReportTitle: (year: number, unitName: string) => string;
  tertialReportTitle: (periodLabel: string, unitName: string) => string;
  boardCaseTitle: (caseNumber: string, subject: string) => string;
  periodLabel: (period: Period) => string;
  /** The summary section's heading in a board case, where it holds the indicators (seed 003). */
  boardCaseSummaryHeading: string;
  contents: string;
  requirement: string;
  note: string;
  page: string;
  approval: Record<AnswerState, string>;
  /** "3 av 7 svar", for the note on what is not approved. */
  answersPart: (count: number, total: number) => string;
  /** Said when answers (or risk assessments) in the document are not approved; from the parts that are. */
  notApprovedNotice: (parts: string[]) => string;
  frontPage: { period: string; date: string; caseNumber: string; meeting: string; boardMeeting: string };
  /** The introduction when the template has none. */
  defaultIntroduction: (type: DocumentType, unitName: string, periodLabel: string, year: number) => string;
  /** "Dokumentet omfatter 24 krav: ..." from the counts, largest status first as given. */
  statusSummary: (total: number, parts: string[]) => string;
  statusCount: (count: number, statusLabel: string) => string;
  approvedSummary: (approved: number, total: number) => string;
  statusCaption: string;
  statusHeader: string[];
  /** The seed's sentence before Tabell 1 ("Tabell 1 viser ..."). */
  attainmentLead: (tableNumber: string, year: number, green: number, total: number, when: string) => string;
  trendLead: (tableNumber: string) => string;
}

/** "a, b og c". */
const listed = (parts: string[], and: string) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}` : (parts[0] ?? "");

const nbMonths = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
] as const;

const enMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const nb: DocumentLabels = {
  sectionHeadings: {
    resolution: "Forslag til vedtak",
    introduction: "Innledning",
    background: "Bakgrunn",
    requirements: "Rapportering på mål og oppdrag",
    scorecard_summary: "Sammendrag",
    scorecard_indicators: "Målekort",
    risk: "Risikovurdering",
    measures: "Risikoreduserende tiltak",
    assessment: "Administrerende direktørs vurdering",
    attachments: "Vedlegg",
    action_plans: "Handlingsplaner",
  },
  status: "Status",
  notAnswered: "Ikke besvart.",
  unitAnswers: "Svar fra underliggende enheter",
  notYetAvailable: "Ikke tilgjengelig ennå.",
  statuses: {
    fulfilled: "Innfridd",
    partly_fulfilled: "Delvis innfridd",
    not_fulfilled: "Ikke innfridd",
    not_relevant: "Ikke relevant",
    not_started: "Ikke påbegynt",
  },
  noStatus: "Ikke vurdert",
  jointReport: (leadName) => `Fellesrapport ${leadName}`,
  table: "Tabell",
  months: nbMonths,
  formatDate: (day, monthName, year) => `${day}. ${monthName} ${year}`,
  attainmentCaption: (year, when) => `Måloppnåelse ${year} ved ${when}`,
  trendCaption: (year, when) => `Trend ${year} ved ${when}`,
  attainmentHeader: "Måloppnåelse",
  trendHeader: "Trend",
  attainmentRows: {
    green: "Grønn (mål nådd)",
    yellow: "Gul (delvis nådd)",
    red: "Rød (mål ikke nådd)",
    grey: "Grå (ingen data)",
  },
  trendRows: {
    green: "Grønn (positiv trend)",
    yellow: "Gul (ingen endring)",
    red: "Rød (negativ trend)",
    grey: "Grå (ingen trend)",
  },
  colourNames: { green: "Grønn", yellow: "Gul", red: "Rød", grey: "Grå" },
  yearEnd: "årets slutt",
  yearEndColumn: "Årlig melding",
  and: "og",
  scorecardCaption: (period) => `Målekort ${period}`,
  scorecardHeader: ["Indikator", "Denne perioden", "Hittil i år", "Mål", "Måloppnåelse", "Trend"],
  resolutionLead: (unitName) => `Styret i ${unitName} inviteres til å fatte følgende vedtak:`,
  annualReportTitle: (year, unitName) => `Årlig melding ${year} for ${unitName}`,
  tertialReportTitle: (periodLabel, unitName) => `Tertialrapport ${periodLabel} for ${unitName}`,
  boardCaseTitle: (caseNumber, subject) => `Styresak ${caseNumber} ${subject}`,
  periodLabel: (period) => {
    if (period.kind === "year") return String(period.year);
    if (period.kind === "tertial") return `${period.tertial}. tertial ${period.year}`;
    return `${nbMonths[period.month - 1]} ${period.year}`;
  },
  boardCaseSummaryHeading: "Indikatorer",
  contents: "Innhold",
  requirement: "Krav",
  note: "Merk",
  page: "Side",
  approval: {
    draft: "Utkast – ikke godkjent",
    submitted: "Sendt til godkjenning – ikke godkjent",
    approved: "Godkjent",
  },
  answersPart: (count, total) => `${count} av ${total} svar`,
  notApprovedNotice: (parts) =>
    `${listed(parts, "og")} i dokumentet er ikke godkjent. De er merket «ikke godkjent» der de står.`,
  frontPage: {
    period: "Periode",
    date: "Dato",
    caseNumber: "Saksnummer",
    meeting: "Møte",
    boardMeeting: "Styremøte",
  },
  defaultIntroduction: (type, unitName, periodLabel, year) => {
    const what =
      type === "tertial_report"
        ? `${unitName}s rapportering for ${periodLabel}`
        : type === "annual_report"
          ? `${unitName}s årlige melding for ${year}`
          : `saken om ${unitName}s rapportering for ${periodLabel}`;
    return (
      `Dette dokumentet er ${what} på mål og oppdrag i styringsdokumentene for ${year}. ` +
      "For hvert krav står kravteksten, status for måloppnåelse, om svaret er godkjent, og svaret. " +
      "Sammendraget viser status for kravene og måloppnåelse og trend for styringsindikatorene."
    );
  },
  statusSummary: (total, parts) =>
    `Dokumentet omfatter ${total} krav: ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} og ${parts.at(-1)}` : (parts[0] ?? "")}.`,
  statusCount: (count, statusLabel) => `${count} ${statusLabel.toLowerCase()}`,
  approvedSummary: (approved, total) => `${approved} av ${total} svar er godkjent.`,
  statusCaption: "Status for kravene",
  statusHeader: ["Status", "Antall krav", "Andel"],
  attainmentLead: (tableNumber, year, green, total, when) =>
    `Det er tilfredsstillende resultater for ${green} av ${total} indikatorer ved ${when}. ` +
    `${tableNumber} viser sammendrag av vurdering av måloppnåelse i løpet av ${year}, fordelt på antall mål som er nådd og ikke nådd:`,
  trendLead: (tableNumber) => `Endring i trendutvikling fremgår av ${tableNumber.toLowerCase()}.`,
};

const en: DocumentLabels = {
  sectionHeadings: {
    resolution: "Proposed resolution",
    introduction: "Introduction",
    background: "Background",
    requirements: "Reporting on goals and assignments",
    scorecard_summary: "Summary",
    scorecard_indicators: "Scorecard",
    risk: "Risk assessment",
    measures: "Risk-reducing measures",
    assessment: "The chief executive's assessment",
    attachments: "Attachments",
    action_plans: "Action plans",
  },
  status: "Status",
  notAnswered: "Not answered.",
  unitAnswers: "Answers from the units",
  notYetAvailable: "Not yet available.",
  statuses: {
    fulfilled: "Fulfilled",
    partly_fulfilled: "Partly fulfilled",
    not_fulfilled: "Not fulfilled",
    not_relevant: "Not relevant",
    not_started: "Not started",
  },
  noStatus: "Not assessed",
  jointReport: (leadName) => `Joint report ${leadName}`,
  table: "Table",
  months: enMonths,
  formatDate: (day, monthName, year) => `${day} ${monthName} ${year}`,
  attainmentCaption: (year, when) => `Goal attainment ${year} at ${when}`,
  trendCaption: (year, when) => `Trend ${year} at ${when}`,
  attainmentHeader: "Goal attainment",
  trendHeader: "Trend",
  attainmentRows: {
    green: "Green (target met)",
    yellow: "Yellow (partly met)",
    red: "Red (target not met)",
    grey: "Grey (no data)",
  },
  trendRows: {
    green: "Green (positive trend)",
    yellow: "Yellow (no change)",
    red: "Red (negative trend)",
    grey: "Grey (no trend)",
  },
  colourNames: { green: "Green", yellow: "Yellow", red: "Red", grey: "Grey" },
  yearEnd: "year end",
  yearEndColumn: "Annual report",
  and: "and",
  scorecardCaption: (period) => `Scorecard ${period}`,
  scorecardHeader: ["Indicator", "This period", "Year to date", "Target", "Attainment", "Trend"],
  resolutionLead: (unitName) => `The board of ${unitName} is invited to resolve as follows:`,
  annualReportTitle: (year, unitName) => `Annual report ${year} for ${unitName}`,
  tertialReportTitle: (periodLabel, unitName) => `Tertial report ${periodLabel} for ${unitName}`,
  boardCaseTitle: (caseNumber, subject) => `Board case ${caseNumber} ${subject}`,
  periodLabel: (period) => {
    if (period.kind === "year") return String(period.year);
    if (period.kind === "tertial") return `T${period.tertial} ${period.year}`;
    return `${enMonths[period.month - 1]} ${period.year}`;
  },
  boardCaseSummaryHeading: "Indicators",
  contents: "Contents",
  requirement: "Requirement",
  note: "Note",
  page: "Page",
  approval: {
    draft: "Draft – not approved",
    submitted: "Submitted for approval – not approved",
    approved: "Approved",
  },
  answersPart: (count, total) => `${count} of ${total} answers`,
  notApprovedNotice: (parts) =>
    `${listed(parts, "and")} in this document are not approved. They are marked "not approved" where they appear.`,
  frontPage: {
    period: "Period",
    date: "Date",
    caseNumber: "Case number",
    meeting: "Meeting",
    boardMeeting: "Board meeting",
  },
  defaultIntroduction: (type, unitName, periodLabel, year) => {
    const what =
      type === "tertial_report"
        ? `the report of ${unitName} for ${periodLabel}`
        : type === "annual_report"
          ? `the annual report of ${unitName} for ${year}`
          : `the case on the report of ${unitName} for ${periodLabel}`;
    return (
      `This document is ${what} on the goals and assignments in the steering documents for ${year}. ` +
      "Each requirement is given with its text, its status, whether the answer is approved, and the answer. " +
      "The summary shows the status of the requirements and the attainment and trend of the indicators."
    );
  },
  statusSummary: (total, parts) =>
    `The document covers ${total} requirements: ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "")}.`,
  statusCount: (count, statusLabel) => `${count} ${statusLabel.toLowerCase()}`,
  approvedSummary: (approved, total) => `${approved} of ${total} answers are approved.`,
  statusCaption: "Status of the requirements",
  statusHeader: ["Status", "Requirements", "Share"],
  attainmentLead: (tableNumber, year, green, total, when) =>
    `${green} of ${total} indicators met their target at ${when}. ` +
    `${tableNumber} summarises goal attainment during ${year}, by the number of targets met and not met:`,
  trendLead: (tableNumber) => `${tableNumber} shows the change in trend.`,
};

const catalogue: Record<DocumentLocale, DocumentLabels> = { nb, en };

export function labelsFor(locale: DocumentLocale): DocumentLabels {
  return catalogue[locale];
}

/** "7. mars 2025" / "7 March 2025" from `2025-03-07`; anything else is shown as given. */
export function formatDocumentDate(isoDate: string, labels: DocumentLabels): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const monthName = match ? labels.months[Number(match[2]) - 1] : undefined;
  if (!match || monthName === undefined) return isoDate;
  return labels.formatDate(Number(match[3]), monthName, Number(match[1]));
}
