import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_YEAR, MIN_YEAR, PeriodError } from "./periods.ts";
import {
  formatRiskPeriod,
  parseRiskPeriod,
  periodBefore,
  previousRiskPeriod,
  type RiskPeriod,
  riskPeriodOrder,
} from "./riskPeriods.ts";

const codeOf = (input: unknown) => {
  try {
    parseRiskPeriod(input as string);
    return "ok";
  } catch (error) {
    if (error instanceof PeriodError) return error.code;
    throw error;
  }
};

const riskPeriod = fc.oneof(
  fc.record({
    kind: fc.constant("tertial" as const),
    year: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
    tertial: fc.constantFrom(1 as const, 2 as const),
  }),
  fc.record({ kind: fc.constant("year" as const), year: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }) }),
);

describe("parseRiskPeriod", () => {
  it("reads the two reported tertials and the year", () => {
    expect(parseRiskPeriod("2024-T1")).toEqual({ kind: "tertial", year: 2024, tertial: 1 });
    expect(parseRiskPeriod("2024-T2")).toEqual({ kind: "tertial", year: 2024, tertial: 2 });
    expect(parseRiskPeriod("2024")).toEqual({ kind: "year", year: 2024 });
    expect(parseRiskPeriod("1900-T1")).toEqual({ kind: "tertial", year: 1900, tertial: 1 });
    expect(parseRiskPeriod("2999")).toEqual({ kind: "year", year: 2999 });
  });

  it("refuses the third tertial and months, which no report is written for", () => {
    expect(codeOf("2024-T3")).toBe("period_not_reporting_point");
    expect(codeOf("2024-03")).toBe("period_not_reporting_point");
    expect(codeOf("2024-12")).toBe("period_not_reporting_point");
  });

  it("refuses what is no period with the parser's own reason", () => {
    expect(codeOf("2024-T4")).toBe("period_tertial_range");
    expect(codeOf("2024-T0")).toBe("period_tertial_range");
    expect(codeOf("2024-t1")).toBe("period_form");
    expect(codeOf(" 2024")).toBe("period_form");
    expect(codeOf("")).toBe("period_form");
    expect(codeOf("1899")).toBe("period_year_range");
    expect(codeOf("3000-T1")).toBe("period_year_range");
    expect(codeOf(2024)).toBe("period_not_text");
  });

  it("reads back what it formats, and nothing else parses without a problem named", () => {
    fc.assert(
      fc.property(riskPeriod, (period) => {
        expect(parseRiskPeriod(formatRiskPeriod(period))).toEqual(period);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const code = codeOf(text);
        if (code === "ok") expect(formatRiskPeriod(parseRiskPeriod(text))).toBe(text);
      }),
    );
  });
});

describe("periodBefore", () => {
  it("puts T1 before T2 and T2 before the year", () => {
    expect(previousRiskPeriod("2024-T2")).toBe("2024-T1");
    expect(previousRiskPeriod("2024")).toBe("2024-T2");
  });

  it("crosses the year boundary: the year before's annual comes before T1", () => {
    expect(previousRiskPeriod("2024-T1")).toBe("2023");
    expect(previousRiskPeriod("2000-T1")).toBe("1999");
    expect(previousRiskPeriod("1901-T1")).toBe("1900");
    expect(previousRiskPeriod("2999-T1")).toBe("2998");
  });

  it("has nothing before the first period there can be", () => {
    expect(previousRiskPeriod("1900-T1")).toBeNull();
    expect(previousRiskPeriod("1900-T2")).toBe("1900-T1");
    expect(previousRiskPeriod("1900")).toBe("1900-T2");
  });

  it("refuses what parseRiskPeriod refuses", () => {
    expect(() => previousRiskPeriod("2024-T3")).toThrow(PeriodError);
    expect(() => previousRiskPeriod("2024-05")).toThrow(PeriodError);
  });

  it("walks every year from the last period to the first, three periods a year, each once", () => {
    const seen: string[] = [];
    let period: RiskPeriod | null = { kind: "year", year: MAX_YEAR };
    while (period) {
      seen.push(formatRiskPeriod(period));
      period = periodBefore(period);
    }
    expect(seen).toHaveLength((MAX_YEAR - MIN_YEAR + 1) * 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 4)).toEqual(["2999", "2999-T2", "2999-T1", "2998"]);
    expect(seen.at(-1)).toBe("1900-T1");
  });

  it("always answers the period just before in review order", () => {
    fc.assert(
      fc.property(riskPeriod, (period) => {
        const before = periodBefore(period);
        if (before === null) {
          expect(period).toEqual({ kind: "tertial", year: MIN_YEAR, tertial: 1 });
          return;
        }
        expect(riskPeriodOrder(before)).toBeLessThan(riskPeriodOrder(period));
        // Nothing fits between the two: no period of their years sorts strictly between them.
        const candidates = [before.year, period.year].flatMap((year): RiskPeriod[] => [
          { kind: "tertial", year, tertial: 1 },
          { kind: "tertial", year, tertial: 2 },
          { kind: "year", year },
        ]);
        const between = candidates.filter(
          (q) => riskPeriodOrder(q) > riskPeriodOrder(before) && riskPeriodOrder(q) < riskPeriodOrder(period),
        );
        expect(between).toEqual([]);
        expect(parseRiskPeriod(formatRiskPeriod(before))).toEqual(before);
      }),
    );
  });
});

describe("riskPeriodOrder", () => {
  it("sorts the periods in review order across years", () => {
    const periods = ["2024", "2023", "2024-T2", "2025-T1", "2024-T1", "2023-T2"];
    const sorted = [...periods].sort(
      (a, b) => riskPeriodOrder(parseRiskPeriod(a)) - riskPeriodOrder(parseRiskPeriod(b)),
    );
    expect(sorted).toEqual(["2023-T2", "2023", "2024-T1", "2024-T2", "2024", "2025-T1"]);
  });
});
