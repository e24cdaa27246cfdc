// Board documents: the data a document is built from (`DocumentData`, stored as its snapshot) and
// the content model the builder makes of it (`DocumentContent`), which the Word and HTML renderers
// turn into files. Both are plain JSON so that a stored document can be rebuilt byte for byte.

import type { RiskLevelColour } from "../../domain/risk.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import type { SummaryTables } from "../../domain/scorecard.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import type { ActionPlanProgressData } from "./actionPlanProgress.ts";

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

/** A level of the risk scale the goals were assessed on, with its words in both languages. */
export interface RiskLevelData {
  key: string;
  /** 1 is the best level. */
  rank: number;
  colour: RiskLevelColour;
  label: { nb: string; en: string };
  definition: { nb: string; en: string };
}

/** One assessment of a goal in one period, as the reporting unit wrote it. */
export interface RiskCellData {
  /** The level's key on the scale; null when the assessment has none yet. */
  level: string | null;
  approval: AnswerState;
}

/** A goal selected for risk assessment: one row of "Tabell 3 Risikovurdering utvikling fra T1 til T2". */
export interface RiskGoalData {
  /** The goal's chapter in the steering document ("Kvalitet og kapasitet i tjenestetilbudet"). */
  area: string;
  goal: string;
  /** One per period of `RiskAssessmentData.periods`, in order; null when the goal was not assessed then. */
  cells: (RiskCellData | null)[];
}

/**
 * The reporting unit's own assessments of its goals (for a document it issued, its overall
 * assessment) in the latest one or two rounds of the year up to the document's period.
 */
export interface RiskAssessmentData {
  /** The periods compared, oldest first: one or two of "2024-T1", "2024-T2", "2024". */
  periods: string[];
  /** The scale's levels, best first. */
  levels: RiskLevelData[];
  goals: RiskGoalData[];
}

/** A risk-reducing measure under one goal it is linked to (a measure linked to two goals comes twice). */
export interface MeasureData {
  goal: string;
  measure: string;
  /** The responsible unit ("Helse Nord RHF"). */
  unitName: string;
  /** The owner's name, else the named role ("fagdirektør"). */
  owner: string;
  phase: MeasurePhase;
  status: MeasureStatus | null;
  /** The measure's comment, else its latest log entry. */
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
  /**
   * Tabell 3's data; null when the unit has assessed no goals in the year. Absent in snapshots
   * taken before documents had risk assessments (which held an always empty `risks` list).
   */
  riskAssessment?: RiskAssessmentData | null;
  /** The measures of the unit and the units below it on the goals of its documents; empty in older snapshots. */
  measures: MeasureData[];
  boardCase: BoardCaseData | null;
  /** Absent in snapshots taken before documents had a front page. */
  frontPage?: FrontPageData | null;
  /** Action-plan progress, read when the template shows it; absent otherwise and in older snapshots. */
  actionPlans?: ActionPlanProgressData[];
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
