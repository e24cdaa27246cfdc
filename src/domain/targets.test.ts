import { describe, expect, it } from "vitest";
import { colourOf, year2024 } from "../testing/attainment.ts";
import type { TargetCandidate, TargetRule } from "./targets.ts";
import { compare, evaluateAttainment, resolveTarget, TargetError, validateTarget } from "./targets.ts";

// Targets: which one applies, how values compare, what a stored rule may be, and the colours of
// fixed targets (thresholds and limits). Targets computed from other years: targetsComputed.test.ts.

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
