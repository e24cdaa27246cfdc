import { describe, expect, it } from "vitest";
import type { Direction, TargetRule } from "./targets.ts";
import { evaluateAttainment, TargetError, validateTarget } from "./targets.ts";

// Targets computed from other years' values: a change from a baseline (with a floor), better than
// last year, yearly steps, and computed targets beyond what a number holds.

describe("evaluateAttainment: baseline change with floor (sick leave)", () => {
  const sickLeave: TargetRule = {
    kind: "baseline_change_with_floor",
    baselineYear: 2023,
    changePerYear: -0.05,
    limit: 7.5,
  };
  const sickLeaveIn = (year: number, value: number, baselineValue: number | null = 9) =>
    evaluateAttainment({
      value,
      decimals: 1,
      direction: "lower",
      target: sickLeave,
      context: { year, baselineValue },
    });

  it("compounds 5 % a year from the 2023 level, rounded to the decimals shown", () => {
    // 9 × 0.95 = 8.55 -> 8.6; 9 × 0.95² = 8.1225 -> 8.1; 9 × 0.95³ = 7.716375 -> 7.7
    expect(sickLeaveIn(2023, 9).targetValue).toBe(9);
    expect(sickLeaveIn(2024, 9).targetValue).toBe(8.6);
    expect(sickLeaveIn(2025, 9).targetValue).toBe(8.1);
    expect(sickLeaveIn(2026, 9).targetValue).toBe(7.7);
  });

  it("stops at the 7.5 % goal once the stepped target would pass it", () => {
    // 9 × 0.95⁴ = 7.33 would pass 7.5, so the target is 7.5
    expect(sickLeaveIn(2027, 7.5).targetValue).toBe(7.5);
    expect(sickLeaveIn(2027, 7.5).colour).toBe("green");
    expect(sickLeaveIn(2027, 7.6).colour).toBe("red");
    expect(sickLeaveIn(2030, 7.5).targetValue).toBe(7.5);
  });

  it("a baseline already below 7.5 % gives the target 7.5 %", () => {
    expect(sickLeaveIn(2024, 7.4, 6).targetValue).toBe(7.5);
    expect(sickLeaveIn(2024, 7.4, 6).colour).toBe("green");
  });

  it("met at or below the target, on the rounded figure", () => {
    expect(sickLeaveIn(2024, 8.6).colour).toBe("green");
    expect(sickLeaveIn(2024, 8.64).colour).toBe("green"); // shown 8,6
    expect(sickLeaveIn(2024, 8.65).colour).toBe("red"); // shown 8,7
    expect(sickLeaveIn(2024, 8).colour).toBe("green");
  });

  it("no baseline value: grey, not red", () => {
    expect(sickLeaveIn(2024, 8, null)).toMatchObject({
      colour: "grey",
      reason: "no_baseline",
      displayedValue: "8,0",
    });
  });

  it("a year before the baseline year has no target", () => {
    expect(sickLeaveIn(2022, 8)).toMatchObject({ colour: "grey", reason: "before_baseline_year" });
  });

  it("higher is better: grows to a cap", () => {
    const grow: TargetRule = {
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: 0.1,
      limit: 60,
    };
    const evaluate = (year: number, value: number) =>
      evaluateAttainment({
        value,
        decimals: 1,
        direction: "higher",
        target: grow,
        context: { year, baselineValue: 50 },
      });
    expect(evaluate(2024, 55).targetValue).toBe(55);
    expect(evaluate(2024, 55).colour).toBe("green");
    expect(evaluate(2024, 54.9).colour).toBe("red");
    // 50 × 1.1² = 60.5 would pass the cap of 60
    expect(evaluate(2025, 60).targetValue).toBe(60);
    expect(evaluate(2025, 60).colour).toBe("green");
    expect(evaluate(2025, 59.9).colour).toBe("red");
  });

  it("gives only green or red", () => {
    for (let value = 6; value <= 10; value += 0.1) {
      expect(["green", "red"]).toContain(sickLeaveIn(2024, value).colour);
    }
  });

  it("rejects a cut of 100 % or more", () => {
    expect(() => validateTarget({ ...sickLeave, changePerYear: -1 }, "lower")).toThrow(TargetError);
  });
});

describe("evaluateAttainment: better than last year", () => {
  const better: TargetRule = { kind: "better_than_last_year" };
  const evaluate = (value: number, lastYearValue: number | null, direction: Direction, decimals = 0) =>
    evaluateAttainment({
      value,
      decimals,
      direction,
      target: better,
      context: { year: 2024, lastYearValue },
    });

  it("higher is better: strictly more than last year (outpatient consultations 232 122 vs 229 850)", () => {
    expect(evaluate(232122, 229850, "higher").colour).toBe("green");
    expect(evaluate(229850, 229850, "higher").colour).toBe("red");
    expect(evaluate(229000, 229850, "higher").colour).toBe("red");
    expect(evaluate(232122, 229850, "higher")).toMatchObject({ targetValue: 229850, comparator: "gt" });
  });

  it("lower is better: strictly less than last year", () => {
    expect(evaluate(5, 6, "lower").colour).toBe("green");
    expect(evaluate(6, 6, "lower").colour).toBe("red");
    expect(evaluate(7, 6, "lower").colour).toBe("red");
  });

  it("equal as shown is not better", () => {
    expect(evaluate(10.04, 10, "higher", 1).colour).toBe("red"); // both shown 10,0
    expect(evaluate(10.05, 10, "higher", 1).colour).toBe("green"); // 10,1 > 10,0
  });

  it("last year missing: grey", () => {
    expect(evaluate(5, null, "higher")).toMatchObject({ colour: "grey", reason: "no_last_year_value" });
  });
});

describe("evaluateAttainment: change versus baseline", () => {
  const plus15: TargetRule = { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 };
  const evaluate = (
    rule: TargetRule,
    value: number,
    baselineValue: number | null,
    direction: Direction = "higher",
    year = 2024,
  ) => evaluateAttainment({ value, decimals: 0, direction, target: rule, context: { year, baselineValue } });

  it("clinical studies +15 % versus 2023: at or above baseline × 1.15", () => {
    expect(evaluate(plus15, 230, 200).targetValue).toBe(230);
    expect(evaluate(plus15, 230, 200).colour).toBe("green");
    expect(evaluate(plus15, 229, 200).colour).toBe("red");
  });

  it("the computed target is rounded like the figure: 201 × 1.15 = 231.15 -> 231", () => {
    expect(evaluate(plus15, 230.6, 201)).toMatchObject({
      colour: "green",
      targetValue: 231,
      displayedValue: "231",
    });
    expect(evaluate(plus15, 230.4, 201).colour).toBe("red");
  });

  it("lower is better: a 10 % cut, met at or below the target", () => {
    const minus10: TargetRule = { kind: "change_vs_baseline", baselineYear: 2023, share: -0.1 };
    expect(evaluate(minus10, 45, 50, "lower").targetValue).toBe(45);
    expect(evaluate(minus10, 45, 50, "lower").colour).toBe("green");
    expect(evaluate(minus10, 45.4, 50, "lower").colour).toBe("green"); // shown 45
    expect(evaluate(minus10, 46, 50, "lower").colour).toBe("red");
  });

  it("no baseline value or a year before the baseline: grey", () => {
    expect(evaluate(plus15, 230, null)).toMatchObject({ colour: "grey", reason: "no_baseline" });
    expect(evaluate(plus15, 230, 200, "higher", 2022)).toMatchObject({
      colour: "grey",
      reason: "before_baseline_year",
    });
  });
});

describe("evaluateAttainment: yearly steps", () => {
  const eProcurement: TargetRule = {
    kind: "yearly_steps",
    steps: {
      "2009": { comparator: "gte", value: 50 },
      "2010": { comparator: "gte", value: 70 },
      "2011": { comparator: "gt", value: 80 },
      "2012": { comparator: "gt", value: 90 },
    },
  };
  const inYear = (year: number, value: number, direction: Direction = "higher", rule = eProcurement) =>
    evaluateAttainment({ value, decimals: 0, direction, target: rule, context: { year } });

  it("uses the step of the target year", () => {
    expect(inYear(2009, 50)).toMatchObject({ colour: "green", targetValue: 50, comparator: "gte" });
    expect(inYear(2010, 69).colour).toBe("red");
    expect(inYear(2010, 70).colour).toBe("green");
    expect(inYear(2011, 80).colour).toBe("red");
    expect(inYear(2011, 80.5).colour).toBe("green"); // shown 81
    expect(inYear(2012, 90).colour).toBe("red");
    expect(inYear(2012, 91)).toMatchObject({ colour: "green", targetValue: 90, comparator: "gt" });
  });

  it("no step for the year: grey with a reason", () => {
    expect(inYear(2013, 95)).toMatchObject({ colour: "grey", reason: "no_step_for_year", targetValue: null });
  });

  it("lower is better with at-most steps", () => {
    const fewer: TargetRule = {
      kind: "yearly_steps",
      steps: { "2024": { comparator: "lte", value: 10 }, "2025": { comparator: "lt", value: 8 } },
    };
    expect(inYear(2024, 10, "lower", fewer).colour).toBe("green");
    expect(inYear(2024, 11, "lower", fewer).colour).toBe("red");
    expect(inYear(2025, 8, "lower", fewer).colour).toBe("red");
    expect(inYear(2025, 7, "lower", fewer).colour).toBe("green");
  });

  it("rejects a badly keyed step", () => {
    expect(() =>
      validateTarget({ kind: "yearly_steps", steps: { "24": { comparator: "gte", value: 1 } } }, "higher"),
    ).toThrow(TargetError);
  });
});

describe("evaluateAttainment: computed targets beyond what a number holds", () => {
  const evaluate = (rule: TargetRule, baselineValue: number, direction: Direction = "higher", year = 2999) =>
    evaluateAttainment({ value: 10, decimals: 1, direction, target: rule, context: { year, baselineValue } });

  it("a change compounded over centuries that overflows is grey, unless the limit bounds it", () => {
    const rising: TargetRule = {
      kind: "baseline_change_with_floor",
      baselineYear: 1900,
      changePerYear: 1,
      limit: 50,
    };
    // 2^1099 overflows; the limit still says what the target is.
    expect(evaluate(rising, 10)).toMatchObject({ colour: "red", targetValue: 50 });
    // Lower is better, rising target: nothing bounds it.
    expect(evaluate(rising, 10, "lower")).toMatchObject({ colour: "grey", reason: "out_of_range" });
    // 0 × Infinity is NaN.
    expect(evaluate(rising, 0)).toMatchObject({ colour: "grey", reason: "out_of_range" });
  });

  it("a share of a huge baseline that overflows is grey", () => {
    const rule: TargetRule = { kind: "change_vs_baseline", baselineYear: 2023, share: 10 };
    expect(evaluate(rule, 1.7e308)).toMatchObject({ colour: "grey", reason: "out_of_range" });
  });
});
