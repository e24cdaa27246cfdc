// Benefits realisation (DFØ's gevinstrealisering): a benefit has a baseline (value and day) and a
// target (value and day); it is expected to move from one to the other in a straight line, and
// what is realised is read from its measurements. Pure: days are ISO dates, values plain numbers.

export type BenefitPlan = {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
};
export type Reading = { date: string; value: number };

const dayNumber = (isoDate: string) =>
  Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000;

/**
 * The value expected on `day`: the baseline until the baseline day, the target from the target
 * day on, and in between on the straight line from one to the other (days counted in the
 * calendar, leap days and year ends included).
 */
export function expectedOn(plan: BenefitPlan, day: string): number {
  const start = dayNumber(plan.baselineDate);
  const end = dayNumber(plan.targetDate);
  const now = dayNumber(day);
  if (now <= start) return plan.baselineValue;
  if (now >= end) return plan.targetValue;
  return plan.baselineValue + ((plan.targetValue - plan.baselineValue) * (now - start)) / (end - start);
}

/**
 * The reading that stands on `day`: the latest taken on or before it and not before the baseline
 * day (a reading from before the baseline says nothing of the benefit); of two on one day, the
 * one listed last.
 */
export function realisedOn(
  plan: BenefitPlan,
  readings: readonly Reading[],
  day: string,
): Reading | undefined {
  let standing: Reading | undefined;
  for (const reading of readings) {
    if (reading.date < plan.baselineDate || reading.date > day || !Number.isFinite(reading.value)) continue;
    if (!standing || reading.date >= standing.date) standing = reading;
  }
  return standing;
}

/**
 * How much of the planned change a value is: 0 at the baseline, 1 at the target, more beyond it
 * and below 0 when it went the other way, for a benefit that rises as for one that falls (fewer
 * hours, lower cost). None when the target is the baseline: there is no change to measure against.
 */
export function realisationShare(plan: BenefitPlan, value: number): number | null {
  const planned = plan.targetValue - plan.baselineValue;
  if (planned === 0 || !Number.isFinite(value)) return null;
  const share = (value - plan.baselineValue) / planned;
  // No change on a falling benefit divides 0 by a negative: -0, which prints as "-0 %".
  return share === 0 ? 0 : share;
}

export type BenefitToDate = {
  expected: number;
  expectedShare: number | null;
  realised: Reading | null;
  realisedShare: number | null;
  /** Realised against expected on the day, in the benefit's direction; null without a reading. */
  behindPlan: boolean | null;
};

/** A benefit on `day`: what was expected by then, what the latest reading shows, and whether it lags. */
export function benefitToDate(plan: BenefitPlan, readings: readonly Reading[], day: string): BenefitToDate {
  const expected = expectedOn(plan, day);
  const realised = realisedOn(plan, readings, day) ?? null;
  const expectedShare = realisationShare(plan, expected);
  const realisedShare = realised ? realisationShare(plan, realised.value) : null;
  const behindPlan =
    realisedShare === null || expectedShare === null ? null : realisedShare < expectedShare - 1e-9;
  return { expected, expectedShare, realised, realisedShare, behindPlan };
}

// ---------------------------------------------------------------------------------------------
// Series and sums for the benefits plan, its chart and the portfolio.

/** The longest chart: 50 years of months, so a far target date cannot make a huge answer. */
export const MAX_SERIES_POINTS = 600;

export type SeriesPoint = {
  /** The day the point stands for: the baseline day, then each month's last day, the end day last. */
  date: string;
  expected: number;
  /** The reading standing on the day; null before the first one. */
  realised: number | null;
};

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The last day of the month `isoDate` is in. */
export function monthEnd(isoDate: string): string {
  return isoOf(Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7), 0) / 86_400_000);
}

/**
 * Expected against realised month by month, from the baseline day to the target day, or to
 * `today` when that is later (the benefit keeps being followed after its target day): one point on
 * the baseline day, one on each month's last day between, and one on the end day. Readings may
 * come in any order; the one standing on each day is realisedOn's (the latest not after it).
 */
export function benefitSeries(plan: BenefitPlan, readings: readonly Reading[], today: string): SeriesPoint[] {
  const end = today > plan.targetDate ? today : plan.targetDate;
  const usable = readings
    .filter((reading) => reading.date >= plan.baselineDate && Number.isFinite(reading.value))
    .map((reading, index) => ({ reading, index }))
    // Of two on one day the one listed last stands, as in realisedOn.
    .sort((a, b) =>
      a.reading.date < b.reading.date ? -1 : a.reading.date > b.reading.date ? 1 : a.index - b.index,
    )
    .map(({ reading }) => reading);
  const days: string[] = [plan.baselineDate];
  let cursor = monthEnd(plan.baselineDate);
  while (cursor < end && days.length < MAX_SERIES_POINTS - 1) {
    if (cursor > plan.baselineDate) days.push(cursor);
    const next = isoOf(dayNumber(cursor) + 1);
    cursor = monthEnd(next);
  }
  if (days[days.length - 1] !== end) days.push(end);
  const points: SeriesPoint[] = [];
  let next = 0;
  let standing: number | null = null;
  for (const date of days) {
    while (next < usable.length && (usable[next] as Reading).date <= date) {
      standing = (usable[next] as Reading).value;
      next += 1;
    }
    points.push({ date, expected: expectedOn(plan, date), realised: standing });
  }
  return points;
}

/**
 * An economic benefit's contribution to the sums on `day`: the planned yearly gain (target less
 * baseline), and the gain expected and realised by then, each counted in the benefit's direction
 * (a cost that falls from 500 to 300 gains 200). The sums add gains, not levels: a programme's
 * benefits start from different baselines. No reading yet counts as nothing realised.
 */
export function economicContribution(
  plan: BenefitPlan,
  readings: readonly Reading[],
  day: string,
): { target: number; expected: number; realised: number } {
  const direction = plan.targetValue < plan.baselineValue ? -1 : 1;
  const gain = (value: number) => {
    const change = (value - plan.baselineValue) * direction;
    return change === 0 ? 0 : change;
  };
  const realised = realisedOn(plan, readings, day);
  return {
    target: gain(plan.targetValue),
    expected: gain(expectedOn(plan, day)),
    realised: realised ? gain(realised.value) : 0,
  };
}
