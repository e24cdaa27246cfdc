import { describe, expect, it } from "vitest";
import type { Direction, TargetRule } from "../../domain/targets.ts";
import { type ComputedTarget, describeTarget, formatTargetNumber } from "./targetWording.ts";

const word = (
  rule: TargetRule,
  options: { direction?: Direction; unitLabel?: string; computed?: ComputedTarget | null } = {},
  locale: "nb" | "en" = "nb",
) =>
  describeTarget(
    {
      rule,
      direction: options.direction ?? "higher",
      unitLabel: options.unitLabel ?? "%",
      year: 2024,
      computed: options.computed ?? null,
    },
    locale,
  );

describe("a target in a board document", () => {
  it("words a threshold with its own comparator and the unit, whatever the direction", () => {
    expect(word({ kind: "threshold", comparator: "gte", value: 70 })).toBe("≥ 70 %");
    expect(word({ kind: "threshold", comparator: "lt", value: 7.5 }, { direction: "lower" })).toBe("< 7,5 %");
    expect(word({ kind: "threshold", comparator: "lte", value: 45 }, { unitLabel: "dager" })).toBe(
      "≤ 45 dager",
    );
    expect(word({ kind: "threshold", comparator: "gt", value: 0 }, { unitLabel: "antall" })).toBe("> 0");
    expect(word({ kind: "threshold", comparator: "gte", value: 7.5 }, {}, "en")).toBe("≥ 7.5 %");
  });

  it("words limits as the green comparison and the yellow one, in the indicator's direction", () => {
    const lower: TargetRule = { kind: "limits", greenLimit: 4, yellowLimit: 6 };
    expect(word(lower, { direction: "lower" })).toBe("≤ 4 %; gul ≤ 6 %");
    expect(word(lower, { direction: "lower" }, "en")).toBe("≤ 4 %; yellow ≤ 6 %");
    const higher: TargetRule = { kind: "limits", greenLimit: 90, yellowLimit: 80.5 };
    expect(word(higher)).toBe("≥ 90 %; gul ≥ 80,5 %");
    expect(word(higher, {}, "en")).toBe("≥ 90 %; yellow ≥ 80.5 %");
  });

  it("words a yearly step as the year's comparison, and every step when the year has none", () => {
    const rule: TargetRule = {
      kind: "yearly_steps",
      steps: { "2025": { comparator: "gte", value: 80 }, "2024": { comparator: "gte", value: 75 } },
    };
    expect(word(rule)).toBe("≥ 75 %");
    expect(
      describeTarget({ rule, direction: "higher", unitLabel: "%", year: 2030, computed: null }, "nb"),
    ).toBe("2024: ≥ 75 %; 2025: ≥ 80 %");
    const down: TargetRule = { kind: "yearly_steps", steps: { "2024": { comparator: "lte", value: 60 } } };
    expect(word(down, { direction: "lower", unitLabel: "dager" }, "en")).toBe("≤ 60 dager");
  });

  it("words a stepped reduction from a baseline with this year's figure when it is known", () => {
    const rule: TargetRule = {
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: -0.05,
      limit: 7.5,
    };
    expect(word(rule, { direction: "lower", computed: { comparator: "lte", value: 8.1 } })).toBe(
      "≤ 8,1 % (ned 5 % per år fra 2023, grense 7,5 %)",
    );
    expect(word(rule, { direction: "lower" })).toBe("ned 5 % per år fra 2023, grense 7,5 %");
    expect(word(rule, { direction: "lower", computed: { comparator: "lte", value: 8.1 } }, "en")).toBe(
      "≤ 8.1 % (down 5 % a year from 2023, limit 7.5 %)",
    );
    const up: TargetRule = {
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: 0.1,
      limit: 95,
    };
    expect(word(up, { computed: { comparator: "gte", value: 88 } })).toBe(
      "≥ 88 % (opp 10 % per år fra 2023, grense 95 %)",
    );
  });

  it("words better than last year with last year's figure as the comparison, both directions", () => {
    const rule: TargetRule = { kind: "better_than_last_year" };
    expect(word(rule, { computed: { comparator: "gt", value: 64.2 } })).toBe(
      "> 64,2 % (bedre enn samme periode året før)",
    );
    expect(
      word(rule, { direction: "lower", unitLabel: "dager", computed: { comparator: "lt", value: 58 } }),
    ).toBe("< 58 dager (bedre enn samme periode året før)");
    expect(word(rule, {}, "en")).toBe("better than the same period last year");
  });

  it("words a change against a baseline with the share and, when known, the figure it gives", () => {
    const more: TargetRule = { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 };
    expect(word(more, { unitLabel: "antall", computed: { comparator: "gte", value: 1150 } })).toBe(
      "≥ 1\u202f150 (+15 % mot 2023)",
    );
    expect(word(more, { unitLabel: "antall" }, "en")).toBe("+15 % against 2023");
    const less: TargetRule = { kind: "change_vs_baseline", baselineYear: 2022, share: -0.2 };
    expect(
      word(less, { direction: "lower", unitLabel: "MNOK", computed: { comparator: "lte", value: 380 } }),
    ).toBe("≤ 380 MNOK (−20 % mot 2022)");
  });

  it("formats figures without floating-point noise, with the language's decimal sign", () => {
    expect(formatTargetNumber(0.1 + 0.2, "nb")).toBe("0,3");
    expect(formatTargetNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatTargetNumber(-3, "nb")).toBe("−3");
  });
});
