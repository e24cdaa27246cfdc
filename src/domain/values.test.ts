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
    expect(figureProblem(Number.NaN)).toBe("is not a number");
    expect(figureProblem(Number.POSITIVE_INFINITY)).toBe("Infinity is not a finite number");
    expect(figureProblem(Number.NEGATIVE_INFINITY)).toBe("-Infinity is not a finite number");
  });

  it("refuses figures whose sums could overflow, naming the bound", () => {
    expect(figureProblem(1.7e308)).toMatch(/^1\.7e\+308 is too large; a figure is at most 1 000 000 000 000/);
    expect(figureProblem(-1.7e308)).toMatch(/too large/);
    expect(figureProblem(MAX_FIGURE * (1 + Number.EPSILON))).toMatch(/too large/);
    expect(figureProblem(Number.MAX_VALUE)).toMatch(/too large/);
  });

  it("refuses figures so small that a ratio over them overflows", () => {
    expect(figureProblem(Number.MIN_VALUE)).toMatch(/too small/);
    expect(figureProblem(-2.7e-17)).toMatch(/too small/);
    expect(figureProblem(MIN_NONZERO_FIGURE / 2)).toMatch(/too small/);
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
      { field: "numerator", message: "-1 is negative; the numerator of a ratio is 0 or more" },
    ]);
    expect(check(ratio, 1, -10).problems).toEqual([
      { field: "denominator", message: "-10 is negative; a denominator counts something and is 0 or more" },
    ]);
    expect(fields(check(undefined, 1, -1))).toEqual(["denominator"]);
  });

  it("names each figure out of bounds, for every kind", () => {
    for (const valueKind of kinds) {
      const indicator = { valueKind, code: "X" };
      const denominator = valueKind === "ratio" ? 1.7e308 : null;
      const result = check(indicator, 1.7e308, denominator);
      expect(fields(result)).toEqual(valueKind === "ratio" ? ["numerator", "denominator"] : ["numerator"]);
      expect(result.problems[0]?.message).toMatch(/too large/);
    }
    // One problem per figure: a huge negative is too large, not also negative.
    expect(check(ratio, -1e300, 10).problems).toHaveLength(1);
  });

  it("checks figures even when the indicator is unknown", () => {
    expect(fields(check(undefined, Number.NaN, null))).toEqual(["numerator"]);
    expect(check(undefined, 5, 3).problems).toEqual([]);
  });

  it("wants a numerator, a denominator for ratios and none for other kinds", () => {
    expect(check(count, null, null).problems).toEqual([{ field: "numerator", message: "is empty" }]);
    expect(check(ratio, 3, null).problems).toEqual([
      { field: "denominator", message: "is empty; EPI is a ratio and needs one" },
    ]);
    expect(check(count, 3, 4).problems).toEqual([
      {
        field: "denominator",
        message: "POLI is not a ratio (count); leave the denominator empty and put the value in numerator",
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
