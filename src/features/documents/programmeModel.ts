// A programme's status board case (styresak): the data it is built from, read at one moment. Plain
// JSON with raw values (ISO dates, numbers, value keys); the builder words and formats them, so
// the same data always give the same document.

import type { BenefitKind, CostKind, ProgrammeKind } from "../../domain/programmeKinds.ts";
import type { GateDecision, StatusColour } from "../../domain/programmes.ts";
import type { RiskLevelColour } from "../../domain/risk.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import type { AnswerState } from "../../domain/workflow.ts";

export interface ProgrammePhaseData {
  number: number;
  name: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
}

export interface GateDecisionData {
  decision: GateDecision;
  decidedOn: string;
  text: string;
  conditions: string;
}

export interface ProgrammeGateData {
  toPhase: number;
  name: string;
  /** When a decision was asked for (ISO date), null when not asked. */
  requestedOn: string | null;
  /** Every decision, oldest first; the last is the standing one. */
  decisions: GateDecisionData[];
}

export const statusDimensions = ["scope", "time", "cost", "benefits", "risk"] as const;
export type StatusDimension = (typeof statusDimensions)[number];

export interface StatusReportData {
  /** "2026-11" or "2026-T2". */
  period: string;
  state: AnswerState;
  dimensions: Record<StatusDimension, { colour: StatusColour | null; text: string }>;
  overall: { colour: StatusColour | null; text: string };
}

/** A level of the owner's risk scale, as a cell prints it. */
export interface RiskLevelWords {
  label: string;
  colour: RiskLevelColour;
}

export interface ProgrammeMeasureData {
  title: string;
  phase: MeasurePhase;
  status: MeasureStatus | null;
  responsible: string;
  deadline: string | null;
}

export interface ProgrammeRiskData {
  /** The area in words ("Personell og kompetanse"). */
  area: string;
  title: string;
  likelyEvents: string;
  consequences: string;
  /** The latest assessment's period, null when the risk is not yet assessed. */
  period: string | null;
  before: RiskLevelWords | null;
  after: RiskLevelWords | null;
  measures: ProgrammeMeasureData[];
}

export interface BenefitData {
  title: string;
  kind: BenefitKind;
  ownerName: string;
  /** "NOK", "timer"; empty for qualitative benefits. */
  measureUnit: string;
  baselineValue: number | null;
  baselineText: string;
  baselineDate: string;
  targetValue: number | null;
  targetText: string;
  targetDate: string;
  /** Readings (or the indicator's values) up to the case's date, oldest first. */
  readings: { date: string; value: number }[];
}

export interface CostData {
  kind: CostKind;
  year: number;
  plannedNok: number;
  actualNok: number | null;
}

export interface ProgrammeCaseData {
  /** ISO 8601 time the data were read. */
  takenAt: string;
  /** The day the case shows the programme on (YYYY-MM-DD). */
  asOf: string;
  unit: { id: number; name: string };
  programme: {
    id: number;
    kind: ProgrammeKind;
    code: string;
    title: string;
    sponsorName: string;
    managerName: string;
    approverTitle: string;
    purpose: string;
    scope: string;
  };
  phases: ProgrammePhaseData[];
  gates: ProgrammeGateData[];
  /** The latest submitted or approved report up to the day, and the one before it. */
  report: StatusReportData | null;
  previousReport: StatusReportData | null;
  risks: ProgrammeRiskData[];
  benefits: BenefitData[];
  costs: CostData[];
  /** What the secretary gives when downloading; all optional. */
  front: { caseNumber: string | null; meetingDate: string | null; caseOfficer: string | null };
}
