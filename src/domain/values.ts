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

/** What is wrong with a figure: a code of the field-problem catalogue and the values it names. */
export type FigureCode =
  | "figure_not_number"
  | "figure_not_finite"
  | "figure_too_large"
  | "figure_too_small"
  | "figure_denominator_negative"
  | "figure_ratio_needs_denominator"
  | "figure_ratio_numerator_negative"
  | "figure_not_ratio"
  | "required";
export type FigureProblem = { code: FigureCode; params: Record<string, string> };
export type ValueProblem = { field: ValueField } & FigureProblem;

/**
 * Why a number cannot be a figure at all, whatever the indicator; null when it can. The value is
 * given as JavaScript writes it (1.7e+308), since rounding it for display could hide the fault.
 */
export function figureProblem(value: number): FigureProblem | null {
  const params = { value: String(value) };
  if (Number.isNaN(value)) return { code: "figure_not_number", params };
  if (!Number.isFinite(value)) return { code: "figure_not_finite", params };
  const size = Math.abs(value);
  if (size > MAX_FIGURE) return { code: "figure_too_large", params };
  if (size > 0 && size < MIN_NONZERO_FIGURE) return { code: "figure_too_small", params };
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
  const problem = (field: ValueField, code: FigureCode, params: Record<string, string> = {}) =>
    problems.push({ field, code, params });
  const numerator = normalised(input.numerator);
  const denominator = normalised(input.denominator);

  const numeratorProblem = typeof numerator === "number" ? figureProblem(numerator) : null;
  const denominatorProblem = typeof denominator === "number" ? figureProblem(denominator) : null;
  if (numeratorProblem) problem("numerator", numeratorProblem.code, numeratorProblem.params);
  if (denominatorProblem) problem("denominator", denominatorProblem.code, denominatorProblem.params);

  if (numerator === null) problem("numerator", "required");
  if (typeof denominator === "number" && denominator < 0 && !denominatorProblem) {
    problem("denominator", "figure_denominator_negative", { value: String(denominator) });
  }
  const { indicator } = input;
  if (indicator?.valueKind === "ratio") {
    if (denominator === null)
      problem("denominator", "figure_ratio_needs_denominator", { indicator: indicator.code });
    if (typeof numerator === "number" && numerator < 0 && !numeratorProblem) {
      problem("numerator", "figure_ratio_numerator_negative", { value: String(numerator) });
    }
  } else if (indicator && typeof denominator === "number") {
    problem("denominator", "figure_not_ratio", {
      indicator: indicator.code,
      valueKind: indicator.valueKind,
      value: String(denominator),
    });
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
