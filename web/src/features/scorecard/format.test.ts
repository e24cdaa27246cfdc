import { describe, expect, it } from "vitest";
import type { TargetRule } from "../../api/indicators.ts";
import type { Attainment, RowTarget } from "../../api/scorecards.ts";
import { en } from "../../i18n/en.ts";
import type { Locale, Translate } from "../../i18n/i18n.tsx";
import { nb } from "../../i18n/nb.ts";
import {
  compactSpan,
  describeRowTarget,
  describeRule,
  formatChange,
  formatFigure,
  formatNumber,
  formatShare,
  isComputedTarget,
  judgedKindOf,
  judgedWindowText,
  periodName,
  withUnit,
} from "./format.ts";

// The real catalogues, filled in the way useT() does, so the tests read what people see.
function translator(locale: Locale): Translate {
  const catalogue = locale === "nb" ? nb : en;
  return (key, values) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

const nbsp = "\u00a0";
/** Between thousands: the app's one number format (i18n/numbers.ts) uses a narrow no-break space. */
const group = "\u202f";

describe("formatNumber", () => {
  it("writes Norwegian figures with a decimal comma and no-break spaces between thousands", () => {
    expect(formatNumber(1234.5, "nb", 1)).toBe(`1${group}234,5`);
    expect(formatNumber(1234567, "nb")).toBe(`1${group}234${group}567`);
  });

  it("writes English figures with a decimal point and comma-separated thousands", () => {
    expect(formatNumber(1234.5, "en", 1)).toBe("1,234.5");
  });

  it("shows exactly the indicator's decimals, padding with zeros", () => {
    expect(formatNumber(70, "nb", 1)).toBe("70,0");
    expect(formatNumber(70.55, "nb", 1)).toBe("70,6");
    expect(formatNumber(12.345, "nb", 0)).toBe("12");
  });

  it("without a number of decimals keeps up to six and drops trailing zeros", () => {
    expect(formatNumber(0.5, "nb")).toBe("0,5");
    expect(formatNumber(0.123456789, "nb")).toBe("0,123457");
    expect(formatNumber(3, "nb")).toBe("3");
  });

  it("writes a minus as a plain hyphen, as the server and the exports do", () => {
    expect(formatNumber(-1234.5, "nb", 1)).toBe(`-1${group}234,5`);
    expect(formatNumber(-2, "en")).toBe("-2");
  });
});

describe("formatFigure", () => {
  it("shows the server's own Norwegian figure, so screen and documents agree to the digit", () => {
    const window = { state: "value", roundedValue: 70.6, displayedValue: "70,6" } as const;
    expect(formatFigure(window, 1, "nb")).toBe("70,6");
  });

  it("formats the rounded value when the server sent no Norwegian text", () => {
    const window = { state: "value", roundedValue: 1234.5, displayedValue: null } as const;
    expect(formatFigure(window, 1, "nb")).toBe(`1${group}234,5`);
  });

  it("writes the same rounded value in English notation", () => {
    const window = { state: "value", roundedValue: 1234.5, displayedValue: `1${nbsp}234,5` } as const;
    expect(formatFigure(window, 2, "en")).toBe("1,234.50");
  });

  it("hides small numbers behind the server's text in both languages", () => {
    const window = { state: "too_few", roundedValue: 4, displayedValue: "<10" } as const;
    expect(formatFigure(window, 0, "nb")).toBe("<10");
    expect(formatFigure(window, 0, "en")).toBe("<10");
  });

  it("gives null when there is no figure, so the table can say why instead", () => {
    const window = { state: "no_data", roundedValue: null, displayedValue: null } as const;
    expect(formatFigure(window, 1, "nb")).toBeNull();
    expect(formatFigure(window, 1, "en")).toBeNull();
  });
});

describe("withUnit", () => {
  it("joins figure and unit with a no-break space so they never wrap apart", () => {
    expect(withUnit("70,6", "%")).toBe(`70,6${nbsp}%`);
    expect(withUnit("12", "dager")).toBe(`12${nbsp}dager`);
  });

  it("leaves out unit labels that only say 'a number', whatever their case or spacing", () => {
    expect(withUnit("1 231", "antall")).toBe("1 231");
    expect(withUnit("1 231", " Antall ")).toBe("1 231");
    expect(withUnit("1,231", "count")).toBe("1,231");
    expect(withUnit("1,231", "Number")).toBe("1,231");
  });
});

describe("describeRule", () => {
  const nbContext = { unitLabel: "%", direction: "higher", locale: "nb", t: translator("nb") } as const;

  it("writes a threshold with its sign and unit", () => {
    const rule: TargetRule = { kind: "threshold", comparator: "gte", value: 70 };
    expect(describeRule(rule, nbContext)).toBe(`≥${nbsp}70${nbsp}%`);
    const count: TargetRule = { kind: "threshold", comparator: "lt", value: 1500 };
    expect(describeRule(count, { ...nbContext, unitLabel: "antall" })).toBe(`<${nbsp}1${group}500`);
  });

  it("writes limits with the sign that fits the direction", () => {
    const rule: TargetRule = { kind: "limits", greenLimit: 12, yellowLimit: 14 };
    expect(describeRule(rule, { ...nbContext, direction: "lower" })).toBe(
      `grønn ≤${nbsp}12${nbsp}%, gul ≤${nbsp}14${nbsp}%`,
    );
    expect(describeRule(rule, { ...nbContext, direction: "higher" })).toBe(
      `grønn ≥${nbsp}12${nbsp}%, gul ≥${nbsp}14${nbsp}%`,
    );
  });

  it("writes a yearly change from a baseline with its floor, up or down", () => {
    const down: TargetRule = {
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: -0.1,
      limit: 5,
    };
    expect(describeRule(down, nbContext)).toBe(
      `10 % ned per år fra nivået i 2023, ikke lavere enn 5${nbsp}%`,
    );
    const up: TargetRule = { ...down, changePerYear: 0.025, limit: 90 };
    expect(describeRule(up, { ...nbContext, locale: "en", t: translator("en") })).toBe(
      `2.5 % up a year from the 2023 level, not above 90${nbsp}%`,
    );
  });

  it("writes a change against a baseline year as an increase or a decrease", () => {
    expect(describeRule({ kind: "change_vs_baseline", baselineYear: 2022, share: 0.05 }, nbContext)).toBe(
      "5 % økning mot 2022",
    );
    expect(describeRule({ kind: "change_vs_baseline", baselineYear: 2022, share: -0.05 }, nbContext)).toBe(
      "5 % reduksjon mot 2022",
    );
  });

  it("writes 'better than last year' in words", () => {
    expect(describeRule({ kind: "better_than_last_year" }, nbContext)).toBe("Bedre enn samme periode i fjor");
  });

  describe("yearly steps", () => {
    const rule: TargetRule = {
      kind: "yearly_steps",
      steps: {
        "2026": { comparator: "gte", value: 80 },
        "2025": { comparator: "gte", value: 75.5 },
      },
    };

    it("shows only the step for the year asked about", () => {
      expect(describeRule(rule, { ...nbContext, year: 2025 })).toBe(`≥${nbsp}75,5${nbsp}%`);
    });

    it("lists every step in year order when no year is asked about or the year has none", () => {
      const all = `2025: ≥${nbsp}75,5${nbsp}%; 2026: ≥${nbsp}80${nbsp}%`;
      expect(describeRule(rule, nbContext)).toBe(all);
      expect(describeRule(rule, { ...nbContext, year: 2024 })).toBe(all);
    });
  });
});

describe("isComputedTarget", () => {
  it("is true for the kinds whose figure to beat comes from earlier data", () => {
    expect(isComputedTarget({ kind: "better_than_last_year" })).toBe(true);
    expect(isComputedTarget({ kind: "change_vs_baseline", baselineYear: 2022, share: 0.1 })).toBe(true);
    expect(
      isComputedTarget({
        kind: "baseline_change_with_floor",
        baselineYear: 2022,
        changePerYear: 0.1,
        limit: 1,
      }),
    ).toBe(true);
  });

  it("is false for the kinds that state their figure", () => {
    expect(isComputedTarget({ kind: "threshold", comparator: "gte", value: 1 })).toBe(false);
    expect(isComputedTarget({ kind: "limits", greenLimit: 1, yellowLimit: 2 })).toBe(false);
    expect(isComputedTarget({ kind: "yearly_steps", steps: {} })).toBe(false);
  });
});

describe("describeRowTarget", () => {
  const context = {
    unitLabel: "%",
    direction: "higher",
    decimals: 1,
    locale: "nb",
    t: translator("nb"),
    year: 2025,
  } as const;
  const target = (rule: TargetRule): RowTarget => ({
    id: 1,
    year: null,
    unitId: null,
    level: "general",
    rule,
    note: null,
  });
  const attainment = (targetValue: number | null): Attainment => ({
    colour: "green",
    reason: "met",
    targetValue,
    comparator: targetValue === null ? null : "gt",
    displayedValue: null,
  });

  it("gives null when the row has no target", () => {
    expect(describeRowTarget(null, attainment(null), context)).toBeNull();
  });

  it("adds the figure a computed target came to, with the indicator's decimals", () => {
    expect(describeRowTarget(target({ kind: "better_than_last_year" }), attainment(71.54), context)).toEqual({
      rule: "Bedre enn samme periode i fjor",
      computed: `(gir >${nbsp}71,5${nbsp}%)`,
    });
  });

  it("adds no figure when a computed target could not be worked out", () => {
    expect(describeRowTarget(target({ kind: "better_than_last_year" }), attainment(null), context)).toEqual({
      rule: "Bedre enn samme periode i fjor",
      computed: null,
    });
  });

  it("adds no figure to a target that states its own", () => {
    const threshold = target({ kind: "threshold", comparator: "gte", value: 70 });
    expect(describeRowTarget(threshold, attainment(70), context)?.computed).toBeNull();
  });
});

describe("formatShare", () => {
  const share = { count: 16, total: 33, percent: 48.48, formatted: "16/33 (48,5 %)" };

  it("shows the server's own Norwegian text", () => {
    expect(formatShare(share, "nb")).toBe("16/33 (48,5 %)");
  });

  it("writes English with one decimal, and a dash when there is no share", () => {
    expect(formatShare(share, "en")).toBe("16/33 (48.5 %)");
    expect(formatShare({ count: 0, total: 0, percent: null, formatted: "0/0 (– %)" }, "en")).toBe(
      "0/0 (– %)",
    );
  });
});

describe("formatChange", () => {
  const t = translator("nb");

  it("writes a relative change as a signed percentage with one decimal", () => {
    expect(formatChange(0.032, "relative", "nb", t)).toBe("+3,2 %");
    expect(formatChange(-0.015, "relative", "nb", t)).toBe("−1,5 %");
  });

  it("writes a change in percentage points in words", () => {
    expect(formatChange(2.25, "points", "nb", t)).toBe("+2,3 prosentpoeng");
    expect(formatChange(-1, "points", "en", translator("en"))).toBe("−1.0 percentage points");
  });

  it("writes no change as ±0", () => {
    expect(formatChange(0, "relative", "nb", t)).toBe("±0,0 %");
  });
});

describe("periodName", () => {
  const t = translator("nb");

  it("names tertials and the year end", () => {
    expect(periodName("2024-T1", "nb", t)).toBe("T1 2024");
    expect(periodName("2024-T2", "nb", t)).toBe("T2 2024");
    expect(periodName("2024", "nb", t)).toBe("årets slutt 2024");
    // The third tertial ends with the year.
    expect(periodName("2024-T3", "nb", t)).toBe("årets slutt 2024");
  });

  it("names a month in the reader's language", () => {
    expect(periodName("2024-03", "nb", t)).toBe("mars 2024");
    expect(periodName("2024-12", "en", translator("en"))).toBe("December 2024");
  });

  it("leaves text it does not recognise as it is", () => {
    expect(periodName("2024-T4", "nb", t)).toBe("2024-T4");
    expect(periodName("", "nb", t)).toBe("");
    expect(periodName("mars", "nb", t)).toBe("mars");
  });
});

describe("the judged window named", () => {
  const t = ((key: string, params?: Record<string, unknown>) =>
    `${key}|${JSON.stringify(params ?? {})}`) as never;
  it("writes months compactly: jan–apr 2026, mai 2025–apr 2026, apr 2026", () => {
    expect(compactSpan("2026-01", "2026-04", "nb")).toBe("jan–apr 2026");
    expect(compactSpan("2025-05", "2026-04", "nb")).toBe("mai 2025–apr 2026");
    expect(compactSpan("2026-04", "2026-04", "nb")).toBe("apr 2026");
  });
  it("names the calendar year by its year, and other windows by their months", () => {
    expect(judgedWindowText("calendar_year", { first: "2025-01", last: "2025-12" }, "nb", t)).toBe(
      'scorecard.judged.calendar_year|{"year":"2025"}',
    );
    expect(judgedWindowText("rolling_year", { first: "2025-05", last: "2026-04" }, "nb", t)).toBe(
      'scorecard.judged.rolling_year|{"span":"mai 2025–apr 2026"}',
    );
  });
  it("works out the window of a snapshot published before the server named it", () => {
    const row = { evaluationBasis: "year", evaluated: { first: "2025-01", last: "2025-12" } } as never;
    expect(judgedKindOf(row)).toBe("calendar_year");
  });
});
