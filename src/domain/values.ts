// What a measurement value may be. One rule for every way figures come in (a file, the JSON API, the
// command line), so a figure that would break a sum up the unit tree is refused where it enters.

import type { ValueKind } from "./measures.ts";

/**
 * The largest size of one monthly figure (and of a target or minimum denominator). Real figures are
 * far below it: a whole region's yearly budget in kroner is about 1e11. With it, a scorecard's sums
 * stay finite and exact enough: ten million rows at the limit sum to 1e19, far from the float
 * maximum (1.8e308); a month's figures stay exact integers in a float up to 9000 such rows (2^53 is
 * 9e15); and the exact numeric sums of measurement_totals always convert back to a float.
 */
export const MAX_FIGURE = 1e12;

/**
 * The smallest size of a figure other than 0. Nothing counted, summed or paid is a millionth, but a
 * tiny denominator turns a ratio into Infinity (1e12 / 5e-324), and Excel leaves noise such as
 * 2.7e-17 where a cell should be 0; both are better refused with a reason.
 */
export const MIN_NONZERO_FIGURE = 1e-6;

export type ValueField = "numerator" | "denominator";
export type ValueProblem = { field: ValueField; message: string };

/** Why a number cannot be a figure at all, whatever the indicator; null when it can. */
export function figureProblem(value: number): string | null {
  if (Number.isNaN(value)) return "is not a number";
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  const size = Math.abs(value);
  if (size > MAX_FIGURE) {
    return `${value} is too large; a figure is at most 1 000 000 000 000 (10^12) either side of 0`;
  }
  if (size > 0 && size < MIN_NONZERO_FIGURE) {
    return `${value} is too small; a figure other than 0 is at least 0.000001 (10^-6) either side of 0`;
  }
  return null;
}

export type MeasurementInput = {
  /** The indicator's kind (a ValueKind) and code; undefined when it is unknown (reported elsewhere). */
  indicator: { valueKind: ValueKind | (string & {}); code: string } | undefined;
  /** undefined: the cell could not be read, and that was reported already. null: the cell is empty. */
  numerator: number | null | undefined;
  denominator: number | null | undefined;
};

/**
 * Checks one row's figures against its indicator: every problem, and the figures to store, with -0
 * turned into 0 (a stored -0 would be shown as "-0" and compare oddly in the import's change check).
 *
 * - every figure: finite, within MAX_FIGURE, 0 or at least MIN_NONZERO_FIGURE in size;
 * - the numerator is required; counts, stocks and values that cannot be summed may be negative
 *   (a cost corrected by a credit, a result below zero), as the user guide says;
 * - a ratio's numerator and denominator count something, so they are 0 or more. A denominator of
 *   0 is allowed: the scorecard shows no value for a window whose denominators sum to 0
 *   (measures.ts "zero_denominator"), never a division by zero;
 * - only ratios have a denominator.
 */
export function checkMeasurementValues(input: MeasurementInput): {
  problems: ValueProblem[];
  numerator: number | null | undefined;
  denominator: number | null | undefined;
} {
  const problems: ValueProblem[] = [];
  const problem = (field: ValueField, message: string) => problems.push({ field, message });
  const numerator = normalised(input.numerator);
  const denominator = normalised(input.denominator);

  const numeratorProblem = typeof numerator === "number" ? figureProblem(numerator) : null;
  const denominatorProblem = typeof denominator === "number" ? figureProblem(denominator) : null;
  if (numeratorProblem) problem("numerator", numeratorProblem);
  if (denominatorProblem) problem("denominator", denominatorProblem);

  if (numerator === null) problem("numerator", "is empty");
  if (typeof denominator === "number" && denominator < 0 && !denominatorProblem) {
    problem("denominator", `${denominator} is negative; a denominator counts something and is 0 or more`);
  }
  const { indicator } = input;
  if (indicator?.valueKind === "ratio") {
    if (denominator === null) problem("denominator", `is empty; ${indicator.code} is a ratio and needs one`);
    if (typeof numerator === "number" && numerator < 0 && !numeratorProblem) {
      problem("numerator", `${numerator} is negative; the numerator of a ratio is 0 or more`);
    }
  } else if (indicator && typeof denominator === "number") {
    problem(
      "denominator",
      `${indicator.code} is not a ratio (${indicator.valueKind}); leave the denominator empty and put the value in numerator`,
    );
  }
  return { problems, numerator, denominator };
}

function normalised(value: number | null | undefined): number | null | undefined {
  // `+ 0` turns -0 into 0 and leaves every other number as it is.
  return typeof value === "number" ? value + 0 : value;
}

/**
 * A sum for display, or null when it is beyond what a number holds: figures stored before they
 * were bounded (1.7e308 twice) add up to Infinity, which JSON and spreadsheet cells cannot hold.
 */
export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
