// The rules of programmes in phases and their gates (seed 001: "phase transitions are approved by
// the project owner before a new phase starts") and of status reports' trend. Pure: the services
// ask these before they write.

export const gateDecisions = ["approve", "approve_with_conditions", "postpone", "stop"] as const;
export type GateDecision = (typeof gateDecisions)[number];

/** A decision on the gate before phase `toPhase`, on a day (ISO date). */
export type GateRecord = { toPhase: number; decision: GateDecision; decidedOn: string };

export type PhaseState = { number: number; actualStart: string | null };

export type PhaseStartRefusal =
  | "phase_unknown"
  | "phase_already_started"
  | "programme_stopped"
  | "previous_phase_not_started"
  | "gate_not_decided"
  | "gate_postponed";

/** Whether a decision lets the next phase start. */
export function opensGate(decision: GateDecision): boolean {
  return decision === "approve" || decision === "approve_with_conditions";
}

/**
 * The decision that stands for the gate before `toPhase`: the latest by date, and of two on one
 * day the one recorded last (a postponement may be followed by an approval the same day).
 */
export function standingDecision(decisions: readonly GateRecord[], toPhase: number): GateRecord | undefined {
  let standing: GateRecord | undefined;
  for (const record of decisions) {
    if (record.toPhase !== toPhase) continue;
    if (!standing || record.decidedOn >= standing.decidedOn) standing = record;
  }
  return standing;
}

/**
 * Why the phase numbered `number` may not start now, or null when it may. The first phase needs
 * no gate; every later one needs the phase before it started and its own gate's standing
 * decision to be an approval (with or without conditions). A gate whose standing decision is
 * "stop" ends the programme: no later phase starts.
 */
export function phaseStartRefusal(
  phases: readonly PhaseState[],
  decisions: readonly GateRecord[],
  number: number,
): PhaseStartRefusal | null {
  const ordered = [...phases].sort((a, b) => a.number - b.number);
  const index = ordered.findIndex((phase) => phase.number === number);
  const phase = ordered[index];
  if (!phase) return "phase_unknown";
  if (phase.actualStart !== null) return "phase_already_started";
  const stopped = ordered.some(
    (other) => other.number <= number && standingDecision(decisions, other.number)?.decision === "stop",
  );
  if (stopped) return "programme_stopped";
  if (index === 0) return null;
  if (ordered[index - 1]?.actualStart === null) return "previous_phase_not_started";
  const standing = standingDecision(decisions, number);
  if (!standing) return "gate_not_decided";
  return opensGate(standing.decision) ? null : "gate_postponed";
}

export type PlannedPhase = { number: number; plannedStart: string; plannedEnd: string };

export type PhaseDateProblem =
  | { kind: "ends_before_start"; phase: number }
  | { kind: "overlaps"; phase: number; previous: number };

/**
 * What is wrong with planned phase dates: a phase that ends before it starts, or one that starts
 * before the phase before it ends. A phase may start on the day the one before it ends (seed 001:
 * phase 0 lasts until phase 1 begins).
 */
export function phaseDateProblems(phases: readonly PlannedPhase[]): PhaseDateProblem[] {
  const ordered = [...phases].sort((a, b) => a.number - b.number);
  const problems: PhaseDateProblem[] = [];
  ordered.forEach((phase, index) => {
    if (phase.plannedEnd < phase.plannedStart)
      problems.push({ kind: "ends_before_start", phase: phase.number });
    const previous = ordered[index - 1];
    if (previous && phase.plannedStart < previous.plannedEnd) {
      problems.push({ kind: "overlaps", phase: phase.number, previous: previous.number });
    }
  });
  return problems;
}

export const statusColours = ["green", "yellow", "red"] as const;
export type StatusColour = (typeof statusColours)[number];
export type StatusTrend = "improved" | "unchanged" | "worsened";

/** A report's overall colour against the one before: better, the same or worse; null without one before. */
export function statusTrend(
  previous: StatusColour | null | undefined,
  current: StatusColour,
): StatusTrend | null {
  if (!previous) return null;
  const rank = (colour: StatusColour) => statusColours.indexOf(colour);
  const change = rank(current) - rank(previous);
  return change < 0 ? "improved" : change > 0 ? "worsened" : "unchanged";
}
