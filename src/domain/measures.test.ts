import { describe, expect, it } from "vitest";
import type { MeasureSpec, MonthlyObservation } from "./measures.ts";
import { computeWindowValue, MeasureError } from "./measures.ts";
import { formatMonth, parseMonth } from "./periods.ts";
import type { MonthWindow } from "./windows.ts";

const obs = (
  unit: string,
  month: string,
  numerator: number,
  denominator?: number | null,
): MonthlyObservation =>
  denominator === undefined
    ? { unit, month: parseMonth(month), numerator }
    : { unit, month: parseMonth(month), numerator, denominator };

const window = (first: string, last: string): MonthWindow => ({
  first: parseMonth(first),
  last: parseMonth(last),
});
const q1 = window("2024-01", "2024-03");

const percent: MeasureSpec = { valueKind: "ratio", scale: 100, decimals: 1 };
const count: MeasureSpec = { valueKind: "count", scale: 1, decimals: 0 };
const stock: MeasureSpec = { valueKind: "stock", scale: 1, decimals: 0 };
const single: MeasureSpec = { valueKind: "not_aggregatable", scale: 1, decimals: 1 };

describe("ratio", () => {
  it("pools numerators and denominators across units: not an average of percentages", () => {
    // A: 90/100 = 90 %, B: 1/10 = 10 %. The average of percentages would be 50 %;
    // the pooled value is 91/110 = 82.727... %.
    const value = computeWindowValue([obs("A", "2024-01", 90, 100), obs("B", "2024-01", 1, 10)], q1, percent);
    expect(value.state).toBe("value");
    expect(value.numeratorSum).toBe(91);
    expect(value.denominatorSum).toBe(110);
    expect(value.value).toBeCloseTo(82.7272727, 6);
    expect(value.roundedValue).toBe(82.7);
    expect(value.displayedValue).toBe("82,7");
    expect(value.value).not.toBeCloseTo(50, 0);
    expect(value.unitsUsed).toEqual(["A", "B"]);
  });

  it("pools across months: months with few cases weigh little", () => {
    // Jan 1/1 = 100 %, Feb 10/100 = 10 %, Mar 10/100 = 10 %: pooled 21/201 = 10.447... %, not 40 %.
    const value = computeWindowValue(
      [obs("A", "2024-01", 1, 1), obs("A", "2024-02", 10, 100), obs("A", "2024-03", 10, 100)],
      q1,
      percent,
    );
    expect(value.numeratorSum).toBe(21);
    expect(value.denominatorSum).toBe(201);
    expect(value.roundedValue).toBe(10.4);
  });

  it("averages such as waiting days are ratios with scale 1: total days / patients", () => {
    const days: MeasureSpec = { valueKind: "ratio", scale: 1, decimals: 0 };
    // 10 patients waited 600 days in all, 2 patients waited 20 days: 620 / 12 = 51.67 -> 52, not (60 + 10) / 2 = 35.
    const value = computeWindowValue([obs("A", "2024-02", 600, 10), obs("B", "2024-02", 20, 2)], q1, days);
    expect(value.value).toBeCloseTo(51.6667, 4);
    expect(value.displayedValue).toBe("52");
  });

  it("applies a per 1 000 scale", () => {
    const perThousand: MeasureSpec = { valueKind: "ratio", scale: 1000, decimals: 1 };
    const value = computeWindowValue([obs("A", "2024-01", 3, 1500)], q1, perThousand);
    expect(value.value).toBe(2);
    expect(value.displayedValue).toBe("2,0");
  });

  it("14/100 is exactly 14 % once rounded for display", () => {
    const value = computeWindowValue([obs("A", "2024-01", 14, 100)], q1, percent);
    expect(value.roundedValue).toBe(14);
    expect(value.displayedValue).toBe("14,0");
  });

  it("ignores observations outside the window", () => {
    const value = computeWindowValue(
      [obs("A", "2023-12", 100, 100), obs("A", "2024-02", 1, 4), obs("A", "2024-04", 100, 100)],
      q1,
      percent,
    );
    expect(value.value).toBe(25);
    expect(value.monthsUsed.map(formatMonth)).toEqual(["2024-02"]);
  });

  it("skips missing months: the value is over the months present, and the gaps are listed", () => {
    const value = computeWindowValue([obs("A", "2024-01", 3, 10), obs("A", "2024-03", 5, 10)], q1, percent);
    expect(value.value).toBe(40);
    expect(value.monthsUsed.map(formatMonth)).toEqual(["2024-01", "2024-03"]);
    expect(value.monthsMissing.map(formatMonth)).toEqual(["2024-02"]);
  });

  it("a month with denominator 0 counts but adds nothing", () => {
    const value = computeWindowValue([obs("A", "2024-01", 0, 0), obs("A", "2024-02", 3, 4)], q1, percent);
    expect(value.value).toBe(75);
    expect(value.monthsUsed.map(formatMonth)).toEqual(["2024-01", "2024-02"]);
  });

  it("no observations at all: no value", () => {
    const value = computeWindowValue([], q1, percent);
    expect(value).toMatchObject({
      state: "no_data",
      value: null,
      roundedValue: null,
      displayedValue: null,
      reason: "no_observations",
      numeratorSum: 0,
      denominatorSum: 0,
      monthsUsed: [],
    });
    expect(value.monthsMissing).toHaveLength(3);
  });

  it("sum of denominators 0: no value, not an error and not Infinity", () => {
    const value = computeWindowValue([obs("A", "2024-01", 0, 0), obs("B", "2024-02", 5, 0)], q1, percent);
    expect(value.state).toBe("no_data");
    expect(value.value).toBeNull();
    expect(value.reason).toBe("zero_denominator");
    expect(value.numeratorSum).toBe(5);
    expect(value.denominatorSum).toBe(0);
  });

  it("an observation without a denominator is skipped like a missing month", () => {
    const value = computeWindowValue([obs("A", "2024-01", 50, null), obs("A", "2024-02", 1, 2)], q1, percent);
    expect(value.value).toBe(50);
    expect(value.numeratorSum).toBe(1);
    expect(value.monthsUsed.map(formatMonth)).toEqual(["2024-02"]);
    expect(value.monthsMissing.map(formatMonth)).toEqual(["2024-01", "2024-03"]);
  });

  it("only observations without a denominator: no value", () => {
    const value = computeWindowValue([obs("A", "2024-01", 50)], q1, percent);
    expect(value.state).toBe("no_data");
    expect(value.reason).toBe("no_observations");
  });

  it("a negative denominator is invalid input", () => {
    expect(() => computeWindowValue([obs("A", "2024-01", 1, -5)], q1, percent)).toThrow(MeasureError);
    expect(() => computeWindowValue([obs("A", "2024-01", 1, -5)], q1, percent)).toThrow(
      /unit A, month 2024-01/,
    );
  });

  it("a numerator or denominator that is not a number is invalid input", () => {
    expect(() => computeWindowValue([obs("A", "2024-01", Number.NaN, 5)], q1, percent)).toThrow(MeasureError);
    expect(() => computeWindowValue([obs("A", "2024-01", 1, Number.NaN)], q1, percent)).toThrow(MeasureError);
  });

  it("two observations for the same unit and month are invalid input", () => {
    expect(() =>
      computeWindowValue([obs("A", "2024-01", 1, 2), obs("A", "2024-01", 1, 2)], q1, percent),
    ).toThrow(/Duplicate observation for unit A, month 2024-01/);
  });

  describe("minimum denominator", () => {
    const guarded: MeasureSpec = { ...percent, minDenominator: 10 };

    it("hides the value below the minimum as <N", () => {
      const value = computeWindowValue([obs("A", "2024-01", 4, 5), obs("B", "2024-02", 3, 4)], q1, guarded);
      expect(value).toMatchObject({
        state: "too_few",
        value: null,
        roundedValue: null,
        displayedValue: "<10",
        reason: "too_few_cases",
        numeratorSum: 7,
        denominatorSum: 9,
        minDenominator: 10,
      });
    });

    it("shows the value at exactly the minimum", () => {
      const value = computeWindowValue([obs("A", "2024-01", 4, 5), obs("B", "2024-02", 3, 5)], q1, guarded);
      expect(value.state).toBe("value");
      expect(value.value).toBe(70);
    });

    it("the minimum applies to the pooled denominator, not to each month or unit", () => {
      const value = computeWindowValue(
        [obs("A", "2024-01", 1, 4), obs("A", "2024-02", 1, 4), obs("B", "2024-03", 1, 4)],
        q1,
        guarded,
      );
      expect(value.state).toBe("value");
      expect(value.value).toBe(25);
    });

    it("zero denominators stay 'no data' rather than too few", () => {
      const value = computeWindowValue([obs("A", "2024-01", 0, 0)], q1, guarded);
      expect(value.state).toBe("no_data");
    });
  });
});

describe("count", () => {
  it("sums over months and units", () => {
    const value = computeWindowValue(
      [obs("A", "2024-01", 10), obs("A", "2024-02", 20), obs("B", "2024-03", 5), obs("B", "2024-04", 1000)],
      q1,
      count,
    );
    expect(value.value).toBe(35);
    expect(value.numeratorSum).toBe(35);
    expect(value.denominatorSum).toBeNull();
    expect(value.unitsUsed).toEqual(["A", "B"]);
  });

  it("a zero count is a value, not missing", () => {
    const value = computeWindowValue([obs("A", "2024-01", 0)], q1, count);
    expect(value.state).toBe("value");
    expect(value.value).toBe(0);
    expect(value.displayedValue).toBe("0");
  });

  it("no observations: no value", () => {
    expect(computeWindowValue([], q1, count).state).toBe("no_data");
  });

  it("ignores a minimum denominator, which applies to ratios", () => {
    const value = computeWindowValue([obs("A", "2024-01", 3)], q1, { ...count, minDenominator: 10 });
    expect(value.value).toBe(3);
  });
});

describe("stock", () => {
  it("takes each unit's latest month in the window and sums the units", () => {
    // A: Jan 10, Feb 12 (no March) -> 12. B: Jan 7, Mar 5 -> 5. Total 17, not 34 (sum of all months).
    const value = computeWindowValue(
      [obs("A", "2024-01", 10), obs("A", "2024-02", 12), obs("B", "2024-01", 7), obs("B", "2024-03", 5)],
      q1,
      stock,
    );
    expect(value.value).toBe(17);
    expect(value.numeratorSum).toBe(17);
    expect(value.monthsUsed.map(formatMonth)).toEqual(["2024-02", "2024-03"]);
  });

  it("does not look past the end of the window", () => {
    const value = computeWindowValue([obs("A", "2024-03", 10), obs("A", "2024-04", 99)], q1, stock);
    expect(value.value).toBe(10);
  });

  it("no observations: no value", () => {
    expect(computeWindowValue([], q1, stock).state).toBe("no_data");
  });
});

describe("not aggregatable", () => {
  it("takes the latest reported month for one unit", () => {
    const value = computeWindowValue([obs("A", "2024-01", 3.25), obs("A", "2024-02", 4.75)], q1, single);
    expect(value.value).toBe(4.75);
    expect(value.displayedValue).toBe("4,8");
  });

  it("has no value across more than one unit", () => {
    const value = computeWindowValue([obs("A", "2024-01", 3), obs("B", "2024-01", 4)], q1, single);
    expect(value.state).toBe("no_data");
    expect(value.value).toBeNull();
    expect(value.reason).toBe("several_units_not_aggregatable");
  });
});

describe("figures already summed over units", () => {
  const summed = (month: string, numerator: number, denominator: number | null, units: string[]) => ({
    ...obs("sum", month, numerator, denominator),
    units,
  });

  it("give the same ratio as the units' own figures, and list every unit summed", () => {
    const own = [obs("A", "2024-01", 30, 50), obs("B", "2024-01", 9, 10), obs("A", "2024-02", 35, 50)];
    const pre = [summed("2024-01", 39, 60, ["A", "B"]), summed("2024-02", 35, 50, ["A"])];
    const fromOwn = computeWindowValue(own, q1, percent);
    const fromSums = computeWindowValue(pre, q1, percent);
    expect(fromSums.value).toBe(fromOwn.value);
    expect(fromSums.numeratorSum).toBe(74);
    expect(fromSums.unitsUsed).toEqual(["A", "B"]);
    expect(fromSums.monthsUsed).toEqual(fromOwn.monthsUsed);
  });

  it("list only the units of the months inside the window", () => {
    const value = computeWindowValue(
      [summed("2023-12", 5, null, ["C"]), summed("2024-03", 7, null, ["A", "B"])],
      q1,
      count,
    );
    expect(value.value).toBe(7);
    expect(value.unitsUsed).toEqual(["A", "B"]);
  });

  it("are refused for stocks and values that cannot be summed", () => {
    const pre = [summed("2024-01", 17, null, ["A", "B"])];
    expect(() => computeWindowValue(pre, q1, stock)).toThrow(MeasureError);
    expect(() => computeWindowValue(pre, q1, single)).toThrow(MeasureError);
  });
});

describe("spec validation", () => {
  it("rejects a zero or non-finite scale", () => {
    expect(() => computeWindowValue([], q1, { ...percent, scale: 0 })).toThrow(MeasureError);
    expect(() => computeWindowValue([], q1, { ...percent, scale: Number.NaN })).toThrow(MeasureError);
  });

  it("rejects an unknown value kind", () => {
    const unknown = { ...percent, valueKind: "median" } as unknown as MeasureSpec;
    expect(() => computeWindowValue([], q1, unknown)).toThrow(/Unknown value kind "median"/);
  });

  it("rejects a negative minimum denominator", () => {
    expect(() => computeWindowValue([], q1, { ...percent, minDenominator: -1 })).toThrow(MeasureError);
  });
});

describe("figures beyond what a number holds (stored before figures were bounded)", () => {
  it("a count whose sum overflows is no data, not an error", () => {
    const value = computeWindowValue([obs("A", "2024-01", 1.7e308), obs("B", "2024-01", 1.7e308)], q1, count);
    expect(value.state).toBe("no_data");
    expect(value.reason).toBe("out_of_range");
    expect(value.value).toBeNull();
    expect(value.displayedValue).toBeNull();
    expect(value.unitsUsed).toEqual(["A", "B"]);
  });

  it("a ratio over a vanishing denominator, or of infinite sums, is no data", () => {
    const tiny = computeWindowValue([obs("A", "2024-01", 1e12, 5e-324)], q1, percent);
    expect(tiny.reason).toBe("out_of_range");
    const both = computeWindowValue(
      [obs("A", "2024-01", 1.7e308, 1.7e308), obs("B", "2024-01", 1.7e308, 1.7e308)],
      q1,
      percent,
    );
    expect(both.reason).toBe("out_of_range");
  });

  it("an observation that is already Infinity (an overflowed sum from the database) is no data", () => {
    const infinite = Number.POSITIVE_INFINITY;
    for (const spec of [percent, count, stock, single]) {
      const value = computeWindowValue(
        [obs("A", "2024-01", infinite, spec === percent ? 5 : undefined)],
        q1,
        spec,
      );
      expect(value).toMatchObject({
        state: "no_data",
        reason: "out_of_range",
        value: null,
        unitsUsed: ["A"],
      });
    }
    const overDenominator = computeWindowValue([obs("A", "2024-01", 1, infinite)], q1, percent);
    expect(overDenominator.reason).toBe("out_of_range");
    // Outside the window it does not matter.
    expect(computeWindowValue([obs("A", "2023-01", infinite), obs("A", "2024-01", 4)], q1, count).value).toBe(
      4,
    );
  });

  it("a huge but finite value is shown, whole", () => {
    const value = computeWindowValue([obs("A", "2024-01", 1e300)], q1, { ...count, decimals: 2 });
    expect(value.state).toBe("value");
    expect(value.roundedValue).toBe(1e300);
  });
});
