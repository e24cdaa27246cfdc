// Trend: this period's value against the same three months a year earlier (DOMAIN.md "Trend").

import { roundHalfAwayFromZero } from "./rounding.ts";
import type { Direction } from "./targets.ts";

/** relative: (now − before) / |before|; points: now − before in percentage points. */
export type TrendMode = "relative" | "points";

export type TrendColour = "green" | "yellow" | "red" | "grey";

export type TrendReason =
  | "improved"
  | "unchanged"
  | "worsened"
  | "no_value_now"
  | "no_value_before"
  | "zero_base"
  | "too_few"
  /** The change is beyond what a number can hold: figures stored before they were bounded. */
  | "out_of_range";

export interface TrendInput {
  /** Unrounded value of this period; null when there is none. */
  now: number | null;
  /** Unrounded value of the same window one year earlier. */
  before: number | null;
  direction: Direction;
  mode: TrendMode;
  /** True when either window's value is hidden for too few cases. */
  tooFew?: boolean;
}

export interface Trend {
  colour: TrendColour;
  /**
   * Improvement (positive = better, whatever the direction): a fraction in relative mode
   * (0.02 = 2 %), percentage points in points mode; null when there is no trend.
   */
  change: number | null;
  mode: TrendMode;
  reason: TrendReason;
}

/** ±2 % relative, or ±2 percentage points. */
const RELATIVE_BAND = 0.02;
const POINTS_BAND = 2;

/**
 * Rounding the change to 10 decimals removes floating-point noise ((0.102 − 0.1) / 0.1 is
 * 0.019999999999999962) so values exactly on a band edge land on it, while no real change is lost.
 */
const CHANGE_DECIMALS = 10;

export function computeTrend(input: TrendInput): Trend {
  const { now, before, direction, mode } = input;
  const noTrend = (reason: TrendReason): Trend => ({ colour: "grey", change: null, mode, reason });

  // A hidden value must not leak through its trend colour.
  if (input.tooFew === true) return noTrend("too_few");
  if (now === null) return noTrend("no_value_now");
  if (before === null) return noTrend("no_value_before");
  // Decision: relative change from 0 is undefined, so no trend; in points mode 0 is a valid base.
  if (mode === "relative" && before === 0) return noTrend("zero_base");

  const raw = mode === "relative" ? (now - before) / Math.abs(before) : now - before;
  if (!Number.isFinite(raw)) return noTrend("out_of_range");
  const improvement = direction === "lower" ? -raw : raw;
  const change = roundHalfAwayFromZero(improvement, CHANGE_DECIMALS);
  const band = mode === "relative" ? RELATIVE_BAND : POINTS_BAND;

  // Settled: the band edges belong to green and red; yellow is the open interval between them.
  if (change >= band) return { colour: "green", change, mode, reason: "improved" };
  if (change <= -band) return { colour: "red", change, mode, reason: "worsened" };
  return { colour: "yellow", change, mode, reason: "unchanged" };
}
