// The words of generated documents, in Norwegian (the default) and English. Headings set in a
// template win over these; everything else comes from here.

import type { Period } from "../../domain/periods.ts";
import type { ColourLevel, DocumentLocale, RequirementStatus } from "./model.ts";
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
  riskCaption: string;
  riskHeader: string[];
  measuresCaption: string;
  measuresHeader: string[];
  resolutionLead: (unitName: string) => string;
  annualReportTitle: (year: number, unitName: string) => string;
  tertialReportTitle: (periodLabel: string, unitName: string) => string;
  boardCaseTitle: (caseNumber: string, subject: string) => string;
  periodLabel: (period: Period) => string;
}

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
    scorecard_summary: "Måloppnåelse og trend",
    scorecard_indicators: "Målekort",
    risk: "Risikovurdering",
    measures: "Risikoreduserende tiltak",
    assessment: "Administrerende direktørs vurdering",
    attachments: "Vedlegg",
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
  riskCaption: "Risikovurdering",
  riskHeader: ["Mål", "Enhet", "Forrige", "Nå", "Kommentar"],
  measuresCaption: "Status risikoreduserende tiltak",
  measuresHeader: ["Mål", "Tiltak", "Tiltakseier", "Fase", "Status", "Kommentar til tiltak"],
  resolutionLead: (unitName) => `Styret i ${unitName} inviteres til å fatte følgende vedtak:`,
  annualReportTitle: (year, unitName) => `Årlig melding ${year} for ${unitName}`,
  tertialReportTitle: (periodLabel, unitName) => `Tertialrapport ${periodLabel} for ${unitName}`,
  boardCaseTitle: (caseNumber, subject) => `Styresak ${caseNumber} ${subject}`,
  periodLabel: (period) => {
    if (period.kind === "year") return String(period.year);
    if (period.kind === "tertial") return `${period.tertial}. tertial ${period.year}`;
    return `${nbMonths[period.month - 1]} ${period.year}`;
  },
};

const en: DocumentLabels = {
  sectionHeadings: {
    resolution: "Proposed resolution",
    introduction: "Introduction",
    background: "Background",
    requirements: "Reporting on goals and assignments",
    scorecard_summary: "Goal attainment and trend",
    scorecard_indicators: "Scorecard",
    risk: "Risk assessment",
    measures: "Risk-reducing measures",
    assessment: "The chief executive's assessment",
    attachments: "Attachments",
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
  riskCaption: "Risk assessment",
  riskHeader: ["Goal", "Unit", "Previous", "Now", "Comment"],
  measuresCaption: "Status of risk-reducing measures",
  measuresHeader: ["Goal", "Measure", "Owner", "Phase", "Status", "Comment on the measure"],
  resolutionLead: (unitName) => `The board of ${unitName} is invited to resolve as follows:`,
  annualReportTitle: (year, unitName) => `Annual report ${year} for ${unitName}`,
  tertialReportTitle: (periodLabel, unitName) => `Tertial report ${periodLabel} for ${unitName}`,
  boardCaseTitle: (caseNumber, subject) => `Board case ${caseNumber} ${subject}`,
  periodLabel: (period) => {
    if (period.kind === "year") return String(period.year);
    if (period.kind === "tertial") return `T${period.tertial} ${period.year}`;
    return `${enMonths[period.month - 1]} ${period.year}`;
  },
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
