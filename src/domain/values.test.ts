import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValueKind } from "./measures.ts";
import {
  checkMeasurementValues,
  figureProblem,
  finiteOrNull,
  MAX_FIGURE,
  MIN_NONZERO_FIGURE,
} from "./values.ts";

const ratio = { valueKind: "ratio" as const, code: "EPI" };
const count = { valueKind: "count" as const, code: "POLI" };
const kinds: ValueKind[] = ["ratio", "count", "stock", "not_aggregatable"];

const check = (
  indicator: { valueKind: ValueKind; code: string } | undefined,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
) => checkMeasurementValues({ indicator, numerator, denominator });

const fields = (result: ReturnType<typeof check>) => result.problems.map((problem) => problem.field);

describe("figureProblem", () => {
  it("accepts 0, the bounds and ordinary figures", () => {
    for (const value of [0, -0, 1, -1, 12.5, 0.5, MAX_FIGURE, -MAX_FIGURE, MIN_NONZERO_FIGURE, 1234567.891]) {
      expect(figureProblem(value), String(value)).toBeNull();
    }
  });

  it("refuses what is not finite", () => {
    expect(figureProblem(Number.NaN)).toEqual({ code: "figure_not_number", params: { value: "NaN" } });
    expect(figureProblem(Number.POSITIVE_INFINITY)).toEqual({
      code: "figure_not_finite",
      params: { value: "Infinity" },
    });
    expect(figureProblem(Number.NEGATIVE_INFINITY)).toEqual({
      code: "figure_not_finite",
      params: { value: "-Infinity" },
    });
  });

  it("refuses figures whose sums could overflow, naming the bound", () => {
    expect(figureProblem(1.7e308)).toEqual({ code: "figure_too_large", params: { value: "1.7e+308" } });
    expect(figureProblem(-1.7e308)?.code).toBe("figure_too_large");
    expect(figureProblem(MAX_FIGURE * (1 + Number.EPSILON))?.code).toBe("figure_too_large");
    expect(figureProblem(Number.MAX_VALUE)?.code).toBe("figure_too_large");
  });

  it("refuses figures so small that a ratio over them overflows", () => {
    expect(figureProblem(Number.MIN_VALUE)?.code).toBe("figure_too_small");
    expect(figureProblem(-2.7e-17)).toEqual({ code: "figure_too_small", params: { value: "-2.7e-17" } });
    expect(figureProblem(MIN_NONZERO_FIGURE / 2)?.code).toBe("figure_too_small");
  });

  it("keeps every sum of ten million accepted figures finite, and any ratio of them too", () => {
    fc.assert(
      fc.property(fc.double({ min: -MAX_FIGURE, max: MAX_FIGURE, noNaN: true }), (value) => {
        if (figureProblem(value) !== null) return;
        // Ten million rows at this size, over the smallest denominator, times the largest scale.
        expect(Number.isFinite(((Math.abs(value) * 1e7) / MIN_NONZERO_FIGURE) * 1e6)).toBe(true);
      }),
      { seed: 20240301, numRuns: 500 },
    );
  });
});

describe("checkMeasurementValues", () => {
  it("passes good figures on, with -0 made 0", () => {
    const result = check(ratio, -0, -0);
    expect(result.problems).toEqual([]);
    expect(Object.is(result.numerator, 0)).toBe(true);
    expect(Object.is(result.denominator, 0)).toBe(true);
    expect(check(count, -0, null).numerator).toBe(0);
    expect(check(count, 7.5, null)).toEqual({ problems: [], numerator: 7.5, denominator: null });
  });

  it("allows a ratio's denominator of 0: the scorecard shows no value for it", () => {
    expect(check(ratio, 0, 0).problems).toEqual([]);
  });

  it("allows negative counts, stocks and unsummable values (a cost corrected by a credit)", () => {
    for (const valueKind of ["count", "stock", "not_aggregatable"] as const) {
      expect(check({ valueKind, code: "X" }, -12.5, null).problems).toEqual([]);
    }
  });

  it("refuses negative parts of a ratio and a negative denominator anywhere", () => {
    expect(check(ratio, -1, 10).problems).toEqual([
      { field: "numerator", code: "figure_ratio_numerator_negative", params: { value: "-1" } },
    ]);
    expect(check(ratio, 1, -10).problems).toEqual([
      { field: "denominator", code: "figure_denominator_negative", params: { value: "-10" } },
    ]);
    expect(fields(check(undefined, 1, -1))).toEqual(["denominator"]);
  });

  it("names each figure out of bounds, for every kind", () => {
    for (const valueKind of kinds) {
      const indicator = { valueKind, code: "X" };
      const denominator = valueKind === "ratio" ? 1.7e308 : null;
      const result = check(indicator, 1.7e308, denominator);
      expect(fields(result)).toEqual(valueKind === "ratio" ? ["numerator", "denominator"] : ["numerator"]);
      expect(result.problems[0]?.code).toBe("figure_too_large");
    }
    // One problem per figure: a huge negative is too large, not also negative.
    expect(check(ratio, -1e300, 10).problems).toHaveLength(1);
  });

  it("checks figures even when the indicator is unknown", () => {
    expect(fields(check(undefined, Number.NaN, null))).toEqual(["numerator"]);
    expect(check(undefined, 5, 3).problems).toEqual([]);
  });

  it("wants a numerator, a denominator for ratios and none for other kinds", () => {
    expect(check(count, null, null).problems).toEqual([{ field: "numerator", code: "required", params: {} }]);
    expect(check(ratio, 3, null).problems).toEqual([
      { field: "denominator", code: "figure_ratio_needs_denominator", params: { indicator: "EPI" } },
    ]);
    expect(check(count, 3, 4).problems).toEqual([
      {
        field: "denominator",
        code: "figure_not_ratio",
        params: { indicator: "POLI", valueKind: "count", value: "4" },
      },
    ]);
  });

  it("says nothing more of a figure that could not be read", () => {
    expect(check(ratio, undefined, undefined).problems).toEqual([]);
    expect(check(ratio, undefined, 5).problems).toEqual([]);
  });

  it("never lets a non-finite or out-of-bounds figure through, whatever the input", () => {
    const figure = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, MAX_FIGURE, -MAX_FIGURE, Number.MAX_VALUE, Number.MIN_VALUE),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.constantFrom(...kinds), figure, figure, (valueKind, numerator, denominator) => {
        const result = check({ valueKind, code: "X" }, numerator, denominator);
        // undefined: a cell that could not be read, reported by the reader, never stored.
        if (result.problems.length > 0 || numerator === undefined || denominator === undefined) return;
        for (const value of [result.numerator, result.denominator]) {
          if (typeof value !== "number") continue;
          expect(Number.isFinite(value)).toBe(true);
          expect(Math.abs(value)).toBeLessThanOrEqual(MAX_FIGURE);
          expect(Object.is(value, -0)).toBe(false);
        }
        if (valueKind === "ratio") {
          expect(result.numerator).toBeGreaterThanOrEqual(0);
          expect(result.denominator).toBeGreaterThanOrEqual(0);
        } else {
          expect(result.denominator ?? null).toBeNull();
        }
      }),
      { seed: 20240301, numRuns: 2000 },
    );
  });
});

describe("finiteOrNull", () => {
  it("keeps every finite sum, zero and negatives included", () => {
    for (const value of [0, -0, 1.5, -12, 1e12, Number.MAX_VALUE]) expect(finiteOrNull(value)).toBe(value);
  });

  it("gives null for a sum beyond what a number holds, and for no sum", () => {
    expect(finiteOrNull(1.7e308 + 1.7e308)).toBeNull();
    expect(finiteOrNull(Number.NEGATIVE_INFINITY)).toBeNull();
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(finiteOrNull(null)).toBeNull();
  });
});
