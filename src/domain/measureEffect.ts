// Has a measure's expected effect shown in the figures? A measure may name a value it should bring
// an indicator to by a date of full effect (src/features/measures/schema.ts); the measure's page
// says in words whether the newest monthly figure has reached it. Pure, so it is tested whole.

import { roundHalfAwayFromZero } from "./rounding.ts";
import type { Direction } from "./targets.ts";

/**
 * - no_data: the indicator has no figure for the measure's unit in the months shown
 * - no_target: figures, but the measure names no expected value for this indicator
 * - reached: the newest figure is at the expected value or beyond it, in the indicator's direction
 * - not_yet: not reached, and the date of full effect has not passed (or there is none)
 * - awaiting_data: not reached, the date has passed, but the newest figure is from before its month
 * - missed: not reached, with a figure from the month of full effect or later
 */
export type EffectJudgement = "no_data" | "no_target" | "reached" | "not_yet" | "awaiting_data" | "missed";

export type LatestFigure = { month: string; value: number };

export type EffectInput = {
  direction: Direction;
  /** The indicator's decimals: the figure is judged as shown, so figure and words never disagree. */
  decimals: number;
  target: number | null;
  /** ISO date (YYYY-MM-DD) by which the effect should be full; on the day itself it is not yet late. */
  fullEffectDate: string | null;
  /** ISO date of today. */
  today: string;
  latest: LatestFigure | null;
};

/** Higher is better: at or above the expected value; lower is better: at or below it. */
export function hasReached(value: number, target: number, direction: Direction, decimals: number): boolean {
  const shown = roundHalfAwayFromZero(value, decimals);
  const expected = roundHalfAwayFromZero(target, decimals);
  return direction === "higher" ? shown >= expected : shown <= expected;
}

export function judgeExpectedEffect(input: EffectInput): EffectJudgement {
  const { latest, target, fullEffectDate } = input;
  if (latest === null) return "no_data";
  if (target === null) return "no_target";
  if (hasReached(latest.value, target, input.direction, input.decimals)) return "reached";
  if (fullEffectDate === null || input.today <= fullEffectDate) return "not_yet";
  if (latest.month < fullEffectDate.slice(0, 7)) return "awaiting_data";
  return "missed";
}

/** The newest month with a figure, from months in any order; null when none has one. */
export function latestFigure(
  months: readonly { month: string; value: number | null }[],
): LatestFigure | null {
  let latest: LatestFigure | null = null;
  for (const { month, value } of months) {
    if (value === null || !Number.isFinite(value)) continue;
    if (latest === null || month > latest.month) latest = { month, value };
  }
  return latest;
}
