import { describe, expect, it } from "vitest";
import type { AttainmentContext, Direction, TargetCandidate, TargetRule } from "./targets.ts";
import { compare, evaluateAttainment, resolveTarget, TargetError, validateTarget } from "./targets.ts";

const year2024: AttainmentContext = { year: 2024 };

function colourOf(
  value: number | null,
  target: TargetRule | null,
  options: { decimals?: number; direction?: Direction; context?: AttainmentContext } = {},
) {
  return evaluateAttainment({
    value,
    decimals: options.decimals ?? 1,
    direction: options.direction ?? "higher",
    target,
    context: options.context ?? year2024,
  }).colour;
}

describe("resolveTarget", () => {
  const general: TargetCandidate = {
    indicatorId: "ia",
    year: 2024,
    unitId: null,
    rule: { kind: "threshold", comparator: "gte", value: 10 },
  };
  const unn: TargetCandidate = {
    indicatorId: "ia",
    year: 2024,
    unitId: "UNN",
    rule: { kind: "threshold", comparator: "gte", value: 30 },
  };
  const nlsh: TargetCandidate = { ...unn, unitId: "NLSH" };
  const helseNord: TargetCandidate = {
    indicatorId: "ia",
    year: 2024,
    unitId: "HN",
    rule: { kind: "threshold", comparator: "gte", value: 20 },
  };
  const query = (unitId: string | null, unitAncestorIds: string[] = [], year = 2024) => ({
    indicatorId: "ia",
    year,
    unitId,
    unitAncestorIds,
  });

  it("IA programme: 30 % at UNN and NLSH, 10 % elsewhere", () => {
    const candidates = [general, unn, nlsh];
    expect(resolveTarget(candidates, query("UNN", ["HN"]))).toBe(unn);
    expect(resolveTarget(candidates, query("NLSH", ["HN"]))).toBe(nlsh);
    expect(resolveTarget(candidates, query("FIN", ["HN"]))).toBe(general);
    expect(resolveTarget(candidates, query(null))).toBe(general);
  });

  it("a clinic inherits its trust's target before the general one", () => {
    expect(resolveTarget([general, unn], query("UNN-clinic", ["UNN", "HN"]))).toBe(unn);
  });

  it("the nearest ancestor wins over a farther one", () => {
    expect(resolveTarget([general, helseNord, unn], query("UNN-clinic", ["UNN", "HN"]))).toBe(unn);
    expect(resolveTarget([general, helseNord], query("UNN-clinic", ["UNN", "HN"]))).toBe(helseNord);
  });

  it("ignores other indicators and other years", () => {
    const otherIndicator = { ...unn, indicatorId: "other" };
    const otherYear = { ...unn, year: 2023 };
    expect(resolveTarget([general, otherIndicator, otherYear], query("UNN", ["HN"]))).toBe(general);
  });

  it("a target for every year (year null) applies to any year; one for the year beats it", () => {
    const everyYear: TargetCandidate = { ...general, year: null };
    expect(resolveTarget([everyYear], query(null, [], 2031))).toBe(everyYear);
    expect(resolveTarget([everyYear, general], query(null))).toBe(general);
  });

  it("the unit is more specific than the year", () => {
    const unnEveryYear: TargetCandidate = { ...unn, year: null };
    expect(resolveTarget([general, unnEveryYear], query("UNN", ["HN"]))).toBe(unnEveryYear);
  });

  it("no applicable target: null", () => {
    expect(resolveTarget([], query("UNN"))).toBeNull();
    expect(resolveTarget([unn], query("FIN", ["HN"]))).toBeNull();
  });

  it("two equally specific targets are a configuration error", () => {
    expect(() => resolveTarget([general, { ...general }], query(null))).toThrow(TargetError);
    expect(() => resolveTarget([unn, { ...unn }], query("UNN"))).toThrow(/unit UNN/);
  });

  it("works per (indicator, year, unit) for yearly kinds too", () => {
    const steps2024: TargetCandidate = {
      indicatorId: "epro",
      year: 2024,
      unitId: null,
      rule: { kind: "yearly_steps", steps: { "2024": { comparator: "gt", value: 90 } } },
    };
    expect(
      resolveTarget([steps2024], { indicatorId: "epro", year: 2024, unitId: null, unitAncestorIds: [] }),
    ).toBe(steps2024);
  });
});

describe("compare", () => {
  it("applies each comparator", () => {
    expect(compare(70, "gte", 70)).toBe(true);
    expect(compare(70, "gt", 70)).toBe(false);
    expect(compare(70, "lte", 70)).toBe(true);
    expect(compare(70, "lt", 70)).toBe(false);
    expect(compare(71, "gt", 70)).toBe(true);
    expect(compare(69, "lt", 70)).toBe(true);
  });
});

describe("evaluateAttainment: no value", () => {
  const atLeast70: TargetRule = { kind: "threshold", comparator: "gte", value: 70 };

  it("no value is grey 'no data', never red", () => {
    expect(
      evaluateAttainment({
        value: null,
        decimals: 1,
        direction: "higher",
        target: atLeast70,
        context: year2024,
      }),
    ).toEqual({
      colour: "grey",
      reason: "no_data",
      targetValue: null,
      comparator: null,
      displayedValue: null,
    });
  });

  it("too few cases is grey and shows <N", () => {
    const result = evaluateAttainment({
      value: null,
      tooFewBelow: 10,
      decimals: 1,
      direction: "higher",
      target: atLeast70,
      context: year2024,
    });
    expect(result.colour).toBe("grey");
    expect(result.reason).toBe("too_few");
    expect(result.displayedValue).toBe("<10");
  });

  it("no target is grey but still shows the figure", () => {
    const result = evaluateAttainment({
      value: 71.25,
      decimals: 1,
      direction: "higher",
      target: null,
      context: year2024,
    });
    expect(result).toMatchObject({ colour: "grey", reason: "no_target", displayedValue: "71,3" });
  });
});

describe("evaluateAttainment: threshold", () => {
  const atLeast70: TargetRule = { kind: "threshold", comparator: "gte", value: 70 };
  const above80: TargetRule = { kind: "threshold", comparator: "gt", value: 80 };
  const atMost7_5: TargetRule = { kind: "threshold", comparator: "lte", value: 7.5 };
  const below5: TargetRule = { kind: "threshold", comparator: "lt", value: 5 };

  it("at least 70 %: on the threshold is green, below is red", () => {
    expect(colourOf(70, atLeast70)).toBe("green");
    expect(colourOf(85, atLeast70)).toBe("green");
    expect(colourOf(69.9, atLeast70)).toBe("red");
  });

  it("colours follow the figure shown: 14.6 shown as 15 is green against >= 15, 14.4 shown as 14 is red", () => {
    const atLeast15: TargetRule = { kind: "threshold", comparator: "gte", value: 15 };
    const green = evaluateAttainment({
      value: 14.6,
      decimals: 0,
      direction: "higher",
      target: atLeast15,
      context: year2024,
    });
    expect(green).toMatchObject({
      colour: "green",
      displayedValue: "15",
      targetValue: 15,
      comparator: "gte",
    });
    const red = evaluateAttainment({
      value: 14.4,
      decimals: 0,
      direction: "higher",
      target: atLeast15,
      context: year2024,
    });
    expect(red).toMatchObject({ colour: "red", displayedValue: "14" });
  });

  it("a value that rounds up to the threshold at the indicator's decimals is green", () => {
    expect(colourOf(69.95, atLeast70, { decimals: 1 })).toBe("green"); // shown 70,0
    expect(colourOf(69.94, atLeast70, { decimals: 1 })).toBe("red"); // shown 69,9
    expect(colourOf(69.94, atLeast70, { decimals: 2 })).toBe("red");
  });

  it("strictly above 80: 80 is red, even when 80.04 is shown as 80,0", () => {
    expect(colourOf(80, above80)).toBe("red");
    expect(colourOf(80.04, above80, { decimals: 1 })).toBe("red");
    expect(colourOf(80.05, above80, { decimals: 1 })).toBe("green"); // shown 80,1
  });

  it("at most 7.5 % for a lower-is-better indicator", () => {
    expect(colourOf(7.5, atMost7_5, { direction: "lower" })).toBe("green");
    expect(colourOf(7.54, atMost7_5, { direction: "lower" })).toBe("green"); // shown 7,5
    expect(colourOf(7.55, atMost7_5, { direction: "lower" })).toBe("red"); // shown 7,6
    expect(colourOf(6, atMost7_5, { direction: "lower" })).toBe("green");
  });

  it("strictly below 5: 5 is red", () => {
    expect(colourOf(5, below5, { direction: "lower" })).toBe("red");
    expect(colourOf(4.9, below5, { direction: "lower" })).toBe("green");
  });

  it("floating noise never flips a colour: 14/100 is exactly 14 %", () => {
    const noisy = (14 / 100) * 100; // 14.000000000000002
    expect(colourOf(noisy, { kind: "threshold", comparator: "lte", value: 14 }, { decimals: 1 })).toBe(
      "green",
    );
    expect(colourOf(noisy, { kind: "threshold", comparator: "gt", value: 14 }, { decimals: 3 })).toBe("red");
    const alsoNoisy = 0.1 + 0.2; // 0.30000000000000004
    expect(colourOf(alsoNoisy, { kind: "threshold", comparator: "lte", value: 0.3 }, { decimals: 2 })).toBe(
      "green",
    );
    expect(colourOf(alsoNoisy, { kind: "threshold", comparator: "gt", value: 0.3 }, { decimals: 2 })).toBe(
      "red",
    );
  });

  it("gives only green or red", () => {
    for (let value = 60; value <= 80; value += 0.5) {
      expect(["green", "red"]).toContain(colourOf(value, atLeast70));
    }
  });
});

describe("evaluateAttainment: limits (three colours)", () => {
  const thrombolysis: TargetRule = { kind: "limits", greenLimit: 20, yellowLimit: 13 };
  const hba1c: TargetRule = { kind: "limits", greenLimit: 12, yellowLimit: 14 };

  it("higher is better: green at or above green, yellow at or above yellow, else red", () => {
    expect(colourOf(25, thrombolysis, { decimals: 0 })).toBe("green");
    expect(colourOf(20, thrombolysis, { decimals: 0 })).toBe("green");
    expect(colourOf(19, thrombolysis, { decimals: 0 })).toBe("yellow");
    expect(colourOf(13, thrombolysis, { decimals: 0 })).toBe("yellow"); // Hammerfest 13 % "moderat"
    expect(colourOf(12, thrombolysis, { decimals: 0 })).toBe("red");
  });

  it("higher is better, on the rounded figure", () => {
    expect(colourOf(19.5, thrombolysis, { decimals: 0 })).toBe("green"); // shown 20
    expect(colourOf(19.4, thrombolysis, { decimals: 0 })).toBe("yellow"); // shown 19
    expect(colourOf(12.5, thrombolysis, { decimals: 0 })).toBe("yellow"); // shown 13
    expect(colourOf(12.4, thrombolysis, { decimals: 0 })).toBe("red"); // shown 12
  });

  it("lower is better (HbA1c > 75): green at or below 12, yellow at or below 14, else red", () => {
    const lower = { direction: "lower" as const, decimals: 1 };
    expect(colourOf(7.7, hba1c, lower)).toBe("green");
    expect(colourOf(12, hba1c, lower)).toBe("green");
    expect(colourOf(12.04, hba1c, lower)).toBe("green"); // shown 12,0
    expect(colourOf(12.1, hba1c, lower)).toBe("yellow");
    expect(colourOf(14, hba1c, lower)).toBe("yellow");
    expect(colourOf(14.1, hba1c, lower)).toBe("red");
    expect(colourOf(15, hba1c, lower)).toBe("red");
  });

  it("matches the coloured values in seed 003", () => {
    const seventyEighty: TargetRule = { kind: "limits", greenLimit: 80, yellowLimit: 70 };
    expect(colourOf(71, seventyEighty)).toBe("yellow");
    expect(colourOf(80, seventyEighty)).toBe("green");
    const twentyNineThirtyTwo: TargetRule = { kind: "limits", greenLimit: 32, yellowLimit: 29 };
    expect(colourOf(28, twentyNineThirtyTwo)).toBe("red");
    expect(colourOf(33, twentyNineThirtyTwo)).toBe("green");
  });

  it("14/100 lands exactly on a yellow limit of 14 %", () => {
    expect(colourOf((14 / 100) * 100, hba1c, { direction: "lower", decimals: 2 })).toBe("yellow");
  });

  it("reports the green limit as the target", () => {
    const result = evaluateAttainment({
      value: 15,
      decimals: 0,
      direction: "lower",
      target: hba1c,
      context: year2024,
    });
    expect(result).toMatchObject({ colour: "red", targetValue: 12, comparator: "lte" });
  });

  it("rejects limits ordered against the direction", () => {
    expect(() => validateTarget(thrombolysis, "lower")).toThrow(TargetError);
    expect(() => validateTarget(hba1c, "higher")).toThrow(/green limit 12 must be above yellow limit 14/);
    expect(() => validateTarget({ kind: "limits", greenLimit: 5, yellowLimit: 5 }, "higher")).toThrow(
      TargetError,
    );
    expect(() => colourOf(15, hba1c)).toThrow(TargetError);
  });
});

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

describe("validateTarget", () => {
  it("rejects stored data this version cannot evaluate", () => {
    const unknownKind = JSON.parse('{"kind":"moon_phase"}') as TargetRule;
    expect(() => validateTarget(unknownKind, "higher")).toThrow(/Unknown target kind "moon_phase"/);
    const badComparator = JSON.parse('{"kind":"threshold","comparator":">=","value":70}') as TargetRule;
    expect(() => colourOf(70, badComparator)).toThrow(/Invalid comparator ">="/);
    const badValue = JSON.parse('{"kind":"threshold","comparator":"gte","value":"70"}') as TargetRule;
    expect(() => colourOf(70, badValue)).toThrow(TargetError);
  });

  it("accepts every valid kind", () => {
    expect(() => validateTarget({ kind: "better_than_last_year" }, "lower")).not.toThrow();
    expect(() =>
      validateTarget({ kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 }, "higher"),
    ).not.toThrow();
  });
});

describe("targets are JSON data", () => {
  it("every kind survives a JSON round trip and evaluates the same", () => {
    const rules: TargetRule[] = [
      { kind: "threshold", comparator: "gte", value: 70 },
      { kind: "limits", greenLimit: 20, yellowLimit: 13 },
      { kind: "baseline_change_with_floor", baselineYear: 2023, changePerYear: 0.05, limit: 90 },
      { kind: "better_than_last_year" },
      { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 },
      { kind: "yearly_steps", steps: { "2024": { comparator: "gt", value: 80 } } },
    ];
    const context = { year: 2024, baselineValue: 60, lastYearValue: 60 };
    for (const rule of rules) {
      const stored = JSON.parse(JSON.stringify(rule)) as TargetRule;
      expect(stored).toEqual(rule);
      const evaluate = (target: TargetRule) =>
        evaluateAttainment({ value: 75, decimals: 1, direction: "higher", target, context });
      expect(evaluate(stored)).toEqual(evaluate(rule));
    }
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
