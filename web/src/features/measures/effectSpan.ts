// Which months a measure's page draws an indicator over: from a year before the measure starts (the
// level it set out to change) to its date of full effect or the newest figures, whichever is later.

/** The series endpoint draws at most this many months (src/features/scorecards/indicatorFigures.ts). */
export const maxSeriesMonths = 120;

type Month = `${number}-${string}`;

function monthIndex(month: string): number {
  const [year, monthNumber] = month.split("-").map(Number);
  return (year ?? 0) * 12 + ((monthNumber ?? 1) - 1);
}

function monthOf(index: number): Month {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export type MeasureDates = { start: string | null; deadline: string | null; fullEffectDate: string | null };

/**
 * `lastDataMonth` is the unit's newest month with any figure (YYYY-MM), null when it has none;
 * `today` an ISO date. Every date of the measure falls inside the span, unless the span would pass
 * the endpoint's limit: then the oldest months are left out.
 */
export function effectSeriesSpan(
  measure: MeasureDates,
  lastDataMonth: string | null,
  today: string,
): { from: string; to: string } {
  const dates = [measure.start, measure.deadline, measure.fullEffectDate].filter(
    (day): day is string => day !== null,
  );
  const months = dates.map((day) => monthIndex(day.slice(0, 7)));
  const newest = monthIndex((lastDataMonth ?? today).slice(0, 7));
  const startMonth = measure.start ? monthIndex(measure.start.slice(0, 7)) : Math.min(newest, ...months);
  const to = Math.max(newest, ...months);
  const from = Math.max(startMonth - 12, to - (maxSeriesMonths - 1));
  return { from: monthOf(from), to: monthOf(to) };
}
