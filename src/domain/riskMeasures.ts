// Risk-reducing measures (tiltak) and units' own risks: value lists and the rules on dates,
// lateness and the period log (DOMAIN.md "Risk"; seed 003 l. 4655-4700, seed 001, seed 002).

/** Seed 003's phases: decided (Vedtatt), in progress (I gjennomføring), completed (Gjennomført); and stopped. */
export const measurePhases = ["decided", "in_progress", "completed", "cancelled"] as const;
export type MeasurePhase = (typeof measurePhases)[number];

/** Seed 003's statuses: as planned (iht plan), delayed (forsinket), not started (ikke startet). */
export const measureStatuses = ["as_planned", "delayed", "not_started"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** A unit's own risks are seen this year or in the 1-4 year perspective of the long-term plan. */
export const riskHorizons = ["this_year", "one_to_four_years"] as const;
export type RiskHorizon = (typeof riskHorizons)[number];

/** The areas of Helse Nord's risk table (seed 003 Tabell 3 "Område"); an organisation may add its own. */
export const riskAreas = [
  "quality_capacity",
  "personnel",
  "hse",
  "security_preparedness",
  "finances",
  "research_innovation",
] as const;
export type RiskArea = (typeof riskAreas)[number];

const openPhases: ReadonlySet<MeasurePhase> = new Set(["decided", "in_progress"]);

/** Whether the measure is still to be carried out: decided or in progress. */
export const isOpenPhase = (phase: MeasurePhase) => openPhases.has(phase);

/**
 * Past its deadline and neither completed nor cancelled. Dates are ISO days; the deadline day
 * itself is still in time. No deadline, never overdue.
 */
export function isMeasureOverdue(
  measure: { phase: MeasurePhase; deadline: string | null },
  today: string,
): boolean {
  return measure.deadline !== null && isOpenPhase(measure.phase) && today > measure.deadline;
}

/** For the inbox: overdue, or reported delayed while still open. */
export function needsAttention(
  measure: { phase: MeasurePhase; status: MeasureStatus | null; deadline: string | null },
  today: string,
): boolean {
  return isMeasureOverdue(measure, today) || (isOpenPhase(measure.phase) && measure.status === "delayed");
}

/** A real calendar day between 1900-01-01 and 2999-12-31 written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type MeasureDateField = "start" | "deadline" | "fullEffectDate";
export type MeasureDateProblem = {
  field: MeasureDateField;
  reason: "date_invalid" | "deadline_before_start" | "full_effect_before_start";
};

/** What is wrong with a measure's dates, by field: not a date, or before the start. */
export function measureDateProblems(measure: {
  start: string | null;
  deadline: string | null;
  fullEffectDate: string | null;
}): MeasureDateProblem[] {
  const problems: MeasureDateProblem[] = [];
  const valid = (field: MeasureDateField) => {
    const value = measure[field];
    if (value === null) return null;
    if (isCalendarDate(value)) return value;
    problems.push({ field, reason: "date_invalid" });
    return null;
  };
  const start = valid("start");
  const deadline = valid("deadline");
  const fullEffect = valid("fullEffectDate");
  if (start !== null && deadline !== null && deadline < start) {
    problems.push({ field: "deadline", reason: "deadline_before_start" });
  }
  if (start !== null && fullEffect !== null && fullEffect < start) {
    problems.push({ field: "fullEffectDate", reason: "full_effect_before_start" });
  }
  return problems;
}

/** An open measure needs a log entry each period; a completed or cancelled one does not. */
export function missingLogFor(
  measure: { phase: MeasurePhase },
  loggedPeriods: readonly string[],
  period: string,
) {
  return isOpenPhase(measure.phase) && !loggedPeriods.includes(period);
}

const normalised = (word: string) =>
  word
    .toLowerCase()
    .replace(/\(\?\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();

const phaseWords = new Map<string, MeasurePhase>([
  ["vedtatt", "decided"],
  ["i gjennomføring", "in_progress"],
  ["gjennomført", "completed"],
  ["avsluttet", "completed"],
  ["avbrutt", "cancelled"],
]);

const statusWords = new Map<string, MeasureStatus>([
  ["iht plan", "as_planned"],
  ["i henhold til plan", "as_planned"],
  ["forsinket", "delayed"],
  ["ikke startet", "not_started"],
]);

/** A phase as the seed writes it ("I gjennomføring"); unknown or unreadable words give null. */
export function phaseFromNorwegian(word: string): MeasurePhase | null {
  return phaseWords.get(normalised(word)) ?? null;
}

/** A status as the seed writes it ("iht plan", "forsinket"); unknown or unreadable words give null. */
export function statusFromNorwegian(word: string): MeasureStatus | null {
  return statusWords.get(normalised(word)) ?? null;
}
