// Targets (målkrav) and goal attainment (måloppnåelse), DOMAIN.md "Targets".
// Targets are plain JSON data so they can be stored as they are.

import { MAX_YEAR, MIN_YEAR } from "./periods.ts";
import { formatNumberNb, roundHalfAwayFromZero } from "./rounding.ts";

export type Direction = "higher" | "lower";

export type Comparator = "gte" | "gt" | "lte" | "lt";

export interface ComparatorTarget {
  comparator: Comparator;
  value: number;
}

export type TargetRule =
  /** "At least 70 %", "at most 7.5 %", "> 80 %". */
  | { kind: "threshold"; comparator: Comparator; value: number }
  /** Three colours: green at or beyond greenLimit, yellow at or beyond yellowLimit, else red. */
  | { kind: "limits"; greenLimit: number; yellowLimit: number }
  /**
   * Improve by changePerYear a year, compounding, from the baseline year's value, but never aim past
   * `limit` (sick leave: cut 5 % a year from 2023 until at most 7.5 %).
   */
  | { kind: "baseline_change_with_floor"; baselineYear: number; changePerYear: number; limit: number }
  /** Strictly better than the same window one year earlier. */
  | { kind: "better_than_last_year" }
  /** baseline × (1 + share), e.g. +0.15 = 15 % more clinical studies than in 2023. */
  | { kind: "change_vs_baseline"; baselineYear: number; share: number }
  /** One comparator target per year, keyed by the year as a string (JSON object keys are strings). */
  | { kind: "yearly_steps"; steps: Record<string, ComparatorTarget> };

export type TargetKind = TargetRule["kind"];

/**
 * A stored target. `unitId` null = the general target; `year` null = valid for every year.
 */
export interface TargetCandidate {
  indicatorId: string;
  year: number | null;
  unitId: string | null;
  rule: TargetRule;
}

export interface TargetQuery {
  indicatorId: string;
  year: number;
  unitId: string | null;
  /** Ancestors of the unit, nearest first (parent, grandparent, ...). */
  unitAncestorIds: readonly string[];
}

/** What is wrong with a rule, for wording it in the caller's language (src/i18n/problems). */
export type TargetProblemCode =
  | "invalid_rule"
  | "green_above_yellow"
  | "green_below_yellow"
  | "change_per_year_too_low";

export class TargetError extends Error {
  constructor(
    message: string,
    readonly code: TargetProblemCode = "invalid_rule",
    readonly params: Record<string, number> = {},
  ) {
    super(message);
    this.name = "TargetError";
  }
}

/**
 * Picks the most specific target: one set for the unit itself, else for its nearest ancestor, else
 * the general one (unit null). At the same unit level a target for the year beats one for every year.
 * Two candidates equally specific are a configuration error, reported rather than picked at random.
 */
export function resolveTarget(
  candidates: readonly TargetCandidate[],
  query: TargetQuery,
): TargetCandidate | null {
  const unitLevels: (string | null)[] = [
    ...(query.unitId === null ? [] : [query.unitId]),
    ...query.unitAncestorIds,
    null,
  ];
  const applicable = candidates.filter(
    (candidate) =>
      candidate.indicatorId === query.indicatorId &&
      (candidate.year === null || candidate.year === query.year),
  );
  for (const unitId of unitLevels) {
    const atLevel = applicable.filter((candidate) => candidate.unitId === unitId);
    const forYear = atLevel.filter((candidate) => candidate.year === query.year);
    const chosen = forYear.length > 0 ? forYear : atLevel;
    if (chosen.length > 1) {
      throw new TargetError(
        `Ambiguous targets for indicator ${query.indicatorId}, year ${query.year}, ` +
          `unit ${unitId ?? "(general)"}: ${chosen.length} targets are equally specific`,
      );
    }
    const [only] = chosen;
    if (only !== undefined) return only;
  }
  return null;
}

/** Throws a TargetError that says what is wrong when a rule cannot be used. */
export function validateTarget(rule: TargetRule, direction: Direction): void {
  switch (rule.kind) {
    case "threshold":
      // The comparator is explicit, so it is not checked against the direction.
      checkComparator(rule.comparator, "threshold");
      checkFinite(rule.value, "threshold value");
      return;
    case "limits": {
      checkFinite(rule.greenLimit, "green limit");
      checkFinite(rule.yellowLimit, "yellow limit");
      // Decision: equal limits are rejected too, as yellow could never be reached (that is a threshold).
      const ordered =
        direction === "higher" ? rule.greenLimit > rule.yellowLimit : rule.greenLimit < rule.yellowLimit;
      if (!ordered) {
        const expected = direction === "higher" ? "above" : "below";
        throw new TargetError(
          `Invalid limits: green limit ${rule.greenLimit} must be ${expected} yellow limit ${rule.yellowLimit} ` +
            `for a ${direction}-is-better indicator`,
          direction === "higher" ? "green_above_yellow" : "green_below_yellow",
          { green: rule.greenLimit, yellow: rule.yellowLimit },
        );
      }
      return;
    }
    case "baseline_change_with_floor":
      checkYear(rule.baselineYear);
      checkFinite(rule.changePerYear, "change per year");
      checkFinite(rule.limit, "limit");
      if (rule.changePerYear <= -1) {
        throw new TargetError(
          `Invalid change per year ${rule.changePerYear}: must be above -1 (-100 %)`,
          "change_per_year_too_low",
          { change: rule.changePerYear },
        );
      }
      return;
    case "better_than_last_year":
      return;
    case "change_vs_baseline":
      checkYear(rule.baselineYear);
      checkFinite(rule.share, "share");
      return;
    case "yearly_steps":
      for (const [year, step] of Object.entries(rule.steps)) {
        if (!/^\d{4}$/.test(year)) {
          throw new TargetError(`Invalid year ${JSON.stringify(year)} in yearly steps: expected YYYY`);
        }
        checkComparator(step.comparator, `step for ${year}`);
        checkFinite(step.value, `step value for ${year}`);
      }
      return;
    default:
      // Stored JSON may hold a kind this version does not know; say so instead of colouring it.
      throw new TargetError(`Unknown target kind ${JSON.stringify((rule as { kind: unknown }).kind)}`);
  }
}

export type AttainmentColour = "green" | "yellow" | "red" | "grey";

export type AttainmentReason =
  | "met"
  | "not_met"
  | "between_limits"
  | "no_data"
  | "too_few"
  | "no_target"
  | "no_step_for_year"
  | "before_baseline_year"
  | "no_baseline"
  | "no_last_year_value"
  /** The computed target is beyond what a number can hold (a large change compounded over many years). */
  | "out_of_range";

export interface AttainmentContext {
  /** The year the data describe: the year of the last month after the lag. */
  year: number;
  /** Baseline-year value (unrounded) for the baseline kinds; null or absent = unknown. */
  baselineValue?: number | null;
  /** The same window one year earlier (unrounded), for better_than_last_year. */
  lastYearValue?: number | null;
}

export interface AttainmentInput {
  /** Unrounded value on the evaluation basis; null when there is none. */
  value: number | null;
  /** Set when the value is hidden because there are too few cases: shown as `<N`. */
  tooFewBelow?: number | null;
  decimals: number;
  direction: Direction;
  target: TargetRule | null;
  context: AttainmentContext;
}

export interface Attainment {
  colour: AttainmentColour;
  reason: AttainmentReason;
  /** The value compared: for the computed kinds, rounded to the indicator's decimals. */
  targetValue: number | null;
  /** How the value compares with targetValue when the colour is green: "gte", "lt", ... */
  comparator: Comparator | null;
  /** The figure shown next to the colour: `15`, `<10`, or null when there is no data. */
  displayedValue: string | null;
}

/**
 * Colours follow the figure shown: the value is rounded to the indicator's decimals before it is
 * compared (14.6 shown as 15 meets ">= 15"), and computed targets are rounded the same way, so
 * a figure and its colour never disagree and floating-point noise never flips a colour.
 * No value is grey, never red. Only `limits` gives yellow.
 */
export function evaluateAttainment(input: AttainmentInput): Attainment {
  const { decimals, direction, target, context } = input;
  const tooFewBelow = input.tooFewBelow ?? null;

  if (tooFewBelow !== null) return grey("too_few", `<${tooFewBelow}`);
  if (input.value === null) return grey("no_data", null);
  const shown = roundHalfAwayFromZero(input.value, decimals);
  const displayedValue = formatNumberNb(input.value, decimals);
  if (target === null) return grey("no_target", displayedValue);
  validateTarget(target, direction);

  const atOrBetter = direction === "higher" ? "gte" : "lte";
  const twoColours = (comparator: Comparator, targetValue: number): Attainment => {
    const met = compare(shown, comparator, targetValue);
    return {
      colour: met ? "green" : "red",
      reason: met ? "met" : "not_met",
      targetValue,
      comparator,
      displayedValue,
    };
  };

  switch (target.kind) {
    case "threshold":
      return twoColours(target.comparator, target.value);

    case "limits": {
      const base = { targetValue: target.greenLimit, comparator: atOrBetter, displayedValue } as const;
      if (compare(shown, atOrBetter, target.greenLimit)) return { ...base, colour: "green", reason: "met" };
      if (compare(shown, atOrBetter, target.yellowLimit)) {
        return { ...base, colour: "yellow", reason: "between_limits" };
      }
      return { ...base, colour: "red", reason: "not_met" };
    }

    case "baseline_change_with_floor": {
      const baseline = context.baselineValue ?? null;
      if (baseline === null) return grey("no_baseline", displayedValue);
      const years = context.year - target.baselineYear;
      if (years < 0) return grey("before_baseline_year", displayedValue);
      // Round the stepped target first, then apply the limit: the limit is a stated figure (7.5)
      // that must stay exact even when the indicator shows fewer decimals.
      const raw = baseline * (1 + target.changePerYear) ** years;
      // Compounding over centuries can overflow; the limit may still bound it (min(limit, Infinity)).
      const stepped = Number.isFinite(raw) ? roundHalfAwayFromZero(raw, decimals) : raw;
      const capped = capAtLimit(stepped, target.limit, direction);
      if (!Number.isFinite(capped)) return grey("out_of_range", displayedValue);
      return twoColours(atOrBetter, capped);
    }

    case "better_than_last_year": {
      const lastYear = context.lastYearValue ?? null;
      if (lastYear === null) return grey("no_last_year_value", displayedValue);
      // Strictly better, on the figures as shown: equal figures are not an improvement.
      return twoColours(direction === "higher" ? "gt" : "lt", roundHalfAwayFromZero(lastYear, decimals));
    }

    case "change_vs_baseline": {
      const baseline = context.baselineValue ?? null;
      if (baseline === null) return grey("no_baseline", displayedValue);
      if (context.year < target.baselineYear) return grey("before_baseline_year", displayedValue);
      const raw = baseline * (1 + target.share);
      if (!Number.isFinite(raw)) return grey("out_of_range", displayedValue);
      return twoColours(atOrBetter, roundHalfAwayFromZero(raw, decimals));
    }

    case "yearly_steps": {
      const step = target.steps[String(context.year)];
      if (step === undefined) return grey("no_step_for_year", displayedValue);
      return twoColours(step.comparator, step.value);
    }
  }
}

export function compare(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case "gte":
      return value >= target;
    case "gt":
      return value > target;
    case "lte":
      return value <= target;
    case "lt":
      return value < target;
  }
}

const COMPARATORS: readonly Comparator[] = ["gte", "gt", "lte", "lt"];

// Lower-is-better: the target never goes below the limit (once reached, the limit is the goal);
// higher-is-better: never above it.
function capAtLimit(stepped: number, limit: number, direction: Direction): number {
  return direction === "lower" ? Math.max(limit, stepped) : Math.min(limit, stepped);
}

function grey(reason: AttainmentReason, displayedValue: string | null): Attainment {
  return { colour: "grey", reason, targetValue: null, comparator: null, displayedValue };
}

function checkFinite(value: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TargetError(`Invalid ${what} ${value}: must be a finite number`);
  }
}

function checkComparator(comparator: Comparator, where: string): void {
  if (!COMPARATORS.includes(comparator)) {
    throw new TargetError(
      `Invalid comparator ${JSON.stringify(comparator)} in ${where}: expected one of ${COMPARATORS.join(", ")}`,
    );
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new TargetError(`Invalid baseline year ${year}: must be ${MIN_YEAR}-${MAX_YEAR}`);
  }
}
