// Board documents: the data a document is built from (`DocumentData`, stored as its snapshot) and
// the content model the builder makes of it (`DocumentContent`), which the Word and HTML renderers
// turn into files. Both are plain JSON so that a stored document can be rebuilt byte for byte.

import type { SummaryTables } from "../../domain/scorecard.ts";
import type { AnswerState } from "../../domain/workflow.ts";

export {
  type DocumentLocale,
  type DocumentType,
  documentLocales,
  documentTypes,
} from "../../domain/documentKinds.ts";

export const requirementStatuses = [
  "fulfilled",
  "partly_fulfilled",
  "not_fulfilled",
  "not_relevant",
  "not_started",
] as const;
export type RequirementStatus = (typeof requirementStatuses)[number];

export type ColourLevel = "green" | "yellow" | "red" | "grey";

// ---------------------------------------------------------------------------------------------
// The snapshot of source data

/** One unit's own answer to a requirement (a trust's answer, seen by the region). */
export interface UnitAnswerData {
  unitCode: string;
  unitName: string;
  status: RequirementStatus | null;
  /** Markdown. */
  answer: string;
  /** Where the answer is in the approval workflow; absent in snapshots taken before it was stored. */
  approval?: AnswerState;
}

export interface RequirementData {
  /** As numbered in the steering document ("2.1.3", "HOD-001"). */
  number: string;
  /** Markdown. */
  text: string;
  status: RequirementStatus | null;
  /** The consolidated answer by the reporting unit, Markdown. */
  answer: string;
  /** Where the answer is in the approval workflow; absent in snapshots taken before it was stored. */
  approval?: AnswerState;
  unitAnswers: UnitAnswerData[];
  /** A joint assignment's shared text, written by the lead region ("Helse Sør-Øst RHF"). */
  jointReport: { leadName: string; text: string } | null;
}

/** A main goal of the steering document: one chapter of the report. */
export interface ChapterData {
  /** Stable across regenerations and periods, so that documents can be compared chapter by chapter. */
  key: string;
  /** "2.1"; null when the chapters are not numbered. */
  number: string | null;
  title: string;
  /** Markdown shown under the chapter heading, before its requirements. */
  introduction: string | null;
  requirements: RequirementData[];
}

/** One indicator's row in the scorecard, with figures already formatted as shown. */
export interface ScorecardIndicatorData {
  code: string;
  name: string;
  thisPeriod: string;
  yearToDate: string;
  target: string;
  attainment: ColourLevel;
  trend: ColourLevel;
}

export interface ScorecardData {
  /** The scorecard's period, e.g. `2024-12` or `2024-T2`. */
  period: string;
  indicators: ScorecardIndicatorData[];
  /** Tabell 1 and 2: attainment and trend at T1, T2 and year end (`summaryTable` in the domain). */
  summary: SummaryTables | null;
}

export interface RiskData {
  goal: string;
  unitName: string;
  level: ColourLevel;
  previousLevel: ColourLevel | null;
  comment: string;
}

export interface MeasureData {
  goal: string;
  measure: string;
  owner: string;
  phase: string;
  status: string;
  comment: string;
}

/** What a board case adds around a report: the fields the secretariat writes. */
export interface BoardCaseData {
  caseNumber: string;
  /** The date the case is signed, YYYY-MM-DD. */
  date: string;
  /** Where it is signed ("Bodø"); shown before the date under the resolution. */
  place: string | null;
  /** The case's subject; by default the title of the report for the period. */
  subject: string | null;
  /** Markdown, one item per point. */
  resolutionPoints: string[];
  /** Markdown. */
  background: string;
  /** Markdown. */
  assessment: string;
  attachments: string[];
}

/** What the front page shows besides the organisation, title and period; all optional. */
export interface FrontPageData {
  caseNumber: string | null;
  /** "Styremøte i Helse Nord RHF"; with a date alone, the document says "Styremøte". */
  meeting: string | null;
  /** YYYY-MM-DD. */
  meetingDate: string | null;
  /** The document's date, YYYY-MM-DD; else the board case's date, else the day the data were read. */
  date: string | null;
}

/**
 * Everything a document shows, taken at one moment. Stored with the document; a document is
 * always rebuilt from its stored snapshot, never from live data.
 */
export interface DocumentData {
  /** ISO 8601 time the data were read; also the Word file's created/modified time. */
  takenAt: string;
  unit: { id: number; code: string; name: string };
  period: string;
  /** Markdown written by the reporting unit for the introduction ("Sammendrag ..."). */
  introduction: string | null;
  chapters: ChapterData[];
  scorecard: ScorecardData | null;
  /** Empty until the risk feature provides them. */
  risks: RiskData[];
  /** Empty until the risk feature provides them. */
  measures: MeasureData[];
  boardCase: BoardCaseData | null;
  /** Absent in snapshots taken before documents had a front page. */
  frontPage?: FrontPageData | null;
}

// ---------------------------------------------------------------------------------------------
// The content model: declared as the API's schema (schema.ts), since documents answer with it.

export type {
  Block,
  CellTone,
  DocumentContent,
  FrontPage,
  HeadingLevel,
  ListBlock,
  ParagraphBlock,
  RenderLabels,
  RequirementBlock,
  Section,
  TableBlock,
} from "./schema.ts";
