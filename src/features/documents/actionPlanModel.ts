// An action plan as a document (seed 004): the data it is built from, read at one moment. Plain
// JSON with raw values; targets are already worded ("≥ 50 %") since their rules are many.

import type { ActionPlanStatus, KeyIndicatorKind } from "../../domain/programmeKinds.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";

export interface KeyIndicatorData {
  text: string;
  kind: KeyIndicatorKind;
  /** For a catalogue indicator: its code and its target for each year of the plan that has one. */
  indicatorCode: string | null;
  yearlyTargets: { year: number; target: string }[];
  /** For a milestone: when it is due, and for a value milestone the value aimed at with its unit. */
  dueOn: string | null;
  milestoneTarget: number | null;
  milestoneUnit: string;
  /** Where the milestone stands: done or not, or the value reached on a day. */
  milestoneDone: boolean | null;
  milestoneValue: number | null;
  milestoneOn: string | null;
  /** With a progress period: where it stood at the period's end; absent for the plan alone. */
  standing?: KeyIndicatorStanding;
}

/**
 * A key indicator against its target at a period's end: a catalogue indicator as the owner's
 * scorecard judges it (src/features/actionPlans/progress.ts), a milestone by its own rule.
 */
export interface KeyIndicatorStanding {
  /** The target the value is judged against, worded ("≥ 80 % (2009)"); null when there is none. */
  target: string | null;
  /** The latest value, worded with its unit and, for a milestone, its day; null when none is known. */
  value: string | null;
  met: boolean | null;
  /** Why a catalogue indicator is not judged (the scorecard's reason: "no_data", "no_target", ...). */
  reason: string | null;
  /** Not met and its due day had passed at the period's end. */
  overdue: boolean;
}

export interface SubGoalData {
  number: number;
  text: string;
  keyIndicators: KeyIndicatorData[];
}

export interface PlanMeasureData {
  /** The sub-goal's number; null for "Andre tiltak". */
  subGoal: number | null;
  /** The plan's label ("1.2"), may be empty. */
  label: string;
  title: string;
  description: string;
  priority: number;
  years: number[];
  resource: string;
  /** Who carries it out, in words ("Alle HF", "Helse Sør-Øst RHF"). */
  responsible: string;
  phase: MeasurePhase;
  status: MeasureStatus | null;
  /** The latest log entry up to the progress period's end, when progress is asked for. */
  latestLog: { on: string; text: string; phase: MeasurePhase; status: MeasureStatus | null } | null;
}

export interface ActionPlanData {
  takenAt: string;
  unit: { id: number; name: string };
  plan: {
    id: number;
    title: string;
    fromYear: number;
    toYear: number;
    purpose: string;
    mainGoal: string;
    boardCases: string[];
    status: ActionPlanStatus;
    adoptedOn: string | null;
    versionNumber: number;
    revisedInYear: number | null;
  };
  subGoals: SubGoalData[];
  measures: PlanMeasureData[];
  /** The period whose progress the document shows ("2009-T2"); null: the plan alone. */
  progressPeriod: string | null;
}
