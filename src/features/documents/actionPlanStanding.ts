// Where each key indicator of an action plan stood at a progress period's end, for the document:
// the judgement comes from the plan's progress (src/features/actionPlans/progress.ts, the
// scorecard's rules for catalogue indicators); here it is only worded. Pure.

import type { KeyIndicatorKind } from "../../domain/programmeKinds.ts";
import type { Direction, TargetRule } from "../../domain/targets.ts";
import type { KeyIndicatorProgressView } from "../actionPlans/schema.ts";
import type { KeyIndicatorStanding } from "./actionPlanModel.ts";
import { longDate, withMeasureUnit } from "./programmeLabels.ts";
import { describeTarget } from "./targetWording.ts";

/** The key indicator as stored, with its catalogue indicator's unit and direction when it has one. */
export interface KeyIndicatorFacts {
  kind: KeyIndicatorKind;
  unitLabel: string | null;
  direction: Direction | null;
  dueOn: string | null;
  milestoneTarget: number | null;
  milestoneUnit: string;
  milestoneDone: boolean | null;
  milestoneValue: number | null;
  milestoneOn: string | null;
}

/** "82,4 %", "<20", "45 dager"; a count ("antall") has no unit. */
function figureWithUnit(figure: string, unitLabel: string): string {
  const label = unitLabel.trim();
  return label === "" || label === "antall" ? figure : `${figure} ${label}`;
}

const by = (dueOn: string | null) => (dueOn ? ` innen ${longDate(dueOn)}` : "");

/**
 * The standing of one key indicator at `periodEnd`, given its progress and, for a catalogue
 * indicator, the target rule of the year the scorecard judged it by.
 */
export function wordStanding(
  facts: KeyIndicatorFacts,
  progress: KeyIndicatorProgressView,
  rule: TargetRule | null,
  periodEnd: string,
): KeyIndicatorStanding {
  const { met, overdue } = progress;
  if (facts.kind === "indicator") {
    const judged = progress.indicator;
    if (!judged) return { target: null, value: null, met: null, reason: "no_data", overdue };
    const { attainment } = judged;
    const computed =
      attainment.comparator !== null && attainment.targetValue !== null
        ? { comparator: attainment.comparator, value: attainment.targetValue }
        : null;
    // A rule without a step for the year sets no target then: its other years' steps would mislead.
    const noTarget = attainment.reason === "no_target" || attainment.reason === "no_step_for_year";
    const target = noTarget
      ? `Ingen mål for ${judged.targetYear}`
      : rule
        ? `${describeTarget({ rule, direction: judged.direction, unitLabel: judged.unitLabel, year: judged.targetYear, computed }, "nb")} (${judged.targetYear})`
        : null;
    const value =
      attainment.displayedValue === null ? null : figureWithUnit(attainment.displayedValue, judged.unitLabel);
    return { target, value, met, reason: attainment.reason, overdue };
  }
  // A value or a completion dated after the period's end was not known then.
  const known = facts.milestoneOn === null || facts.milestoneOn <= periodEnd;
  if (facts.kind === "milestone_done") {
    const done = facts.milestoneDone === true && known;
    const value = done
      ? facts.milestoneOn
        ? `Gjennomført ${longDate(facts.milestoneOn)}`
        : "Gjennomført"
      : "Ikke gjennomført";
    return { target: `Gjennomført${by(facts.dueOn)}`, value, met, overdue, reason: null };
  }
  const target =
    facts.milestoneTarget === null
      ? null
      : `≥ ${withMeasureUnit(facts.milestoneTarget, facts.milestoneUnit)}${by(facts.dueOn)}`;
  const value =
    facts.milestoneValue === null || !known
      ? null
      : `${withMeasureUnit(facts.milestoneValue, facts.milestoneUnit)}${facts.milestoneOn ? ` per ${longDate(facts.milestoneOn)}` : ""}`;
  return { target, value, met, reason: null, overdue };
}

const unjudged: Record<string, string> = {
  between_limits: "Mellom mål og grense",
  no_data: "Ingen data",
  too_few: "For få tilfeller til å vurdere",
  no_target: "Ikke vurdert",
  no_step_for_year: "Ikke vurdert",
};

/** Met or not in words, so the table reads the same printed in black and white. */
export function verdict(standing: KeyIndicatorStanding, dueOn: string | null): string {
  if (standing.met === true) return "Nådd";
  if (standing.met === false) {
    if (standing.overdue) return "Ikke nådd, fristen er passert";
    // Not overdue with a due day: the day had not passed at the period's end.
    return dueOn !== null ? "Ikke nådd ennå" : "Ikke nådd";
  }
  if (standing.reason !== null) return unjudged[standing.reason] ?? "Kan ikke vurderes";
  return standing.target === null ? "Uten mål" : "Ikke målt";
}
