import { describe, expect, it } from "vitest";
import {
  formatPeriodChoice,
  isYearEndPeriod,
  latestFinishedPeriod,
  parseFiguresSearch,
  parsePeriodChoice,
  periodEndMonth,
  periodFromSearch,
} from "./periods.ts";

describe("the picker's choice of a period", () => {
  it("reads tertials, the year and months as the API writes them, and back", () => {
    for (const period of ["2024-T1", "2024-T2", "2024", "2024-03", "2024-12"]) {
      expect(formatPeriodChoice(parsePeriodChoice(period))).toBe(period);
    }
    expect(parsePeriodChoice("2024-03")).toEqual({ year: 2024, part: "03" });
  });

  it("shows the third tertial as the year end", () => {
    expect(parsePeriodChoice("2024-T3")).toEqual({ year: 2024, part: "year" });
  });

  it("refuses what the server would refuse", () => {
    for (const period of ["2024-t1", "2024-3", "2024-13", "1899", ""]) {
      expect(() => parsePeriodChoice(period)).toThrow();
    }
  });
});

describe("period rules from the domain", () => {
  it("ends T1 in April, T2 in August, the year, T3 and December in December", () => {
    expect(periodEndMonth("2024-T1")).toBe("2024-04");
    expect(periodEndMonth("2024-T2")).toBe("2024-08");
    expect(periodEndMonth("2024")).toBe("2024-12");
    expect(periodEndMonth("2024-T3")).toBe("2024-12");
    expect(periodEndMonth("2024-05")).toBe("2024-05");
  });

  it("calls the year, T3 and December the year end, and nothing else", () => {
    expect(["2024", "2024-T3", "2024-12"].map(isYearEndPeriod)).toEqual([true, true, true]);
    expect(["2024-T1", "2024-T2", "2024-11"].map(isYearEndPeriod)).toEqual([false, false, false]);
  });

  it("takes the last finished period: last year's in T1, this year's T1 in T2, T2 in T3", () => {
    const on = (month: number) => latestFinishedPeriod(new Date(2025, month - 1, 15));
    expect([1, 4].map(on)).toEqual(["2024", "2024"]);
    expect([5, 8].map(on)).toEqual(["2025-T1", "2025-T1"]);
    expect([9, 12].map(on)).toEqual(["2025-T2", "2025-T2"]);
  });
});

describe("the period in the address", () => {
  it("keeps years within the domain's bounds and known parts", () => {
    expect(parseFiguresSearch({ unit: "2", year: "2024", part: "T1" })).toEqual({
      unit: 2,
      year: 2024,
      part: "T1",
    });
    expect(parseFiguresSearch({ year: 1899, part: "T3" })).toEqual({});
    expect(parseFiguresSearch({ year: 2999, part: 3 })).toEqual({ year: 2999, part: "03" });
  });

  it("falls back when the address names no year, and means the year end without a part", () => {
    expect(periodFromSearch({}, "2024-T2")).toBe("2024-T2");
    expect(periodFromSearch({ year: 2023 }, "2024-T2")).toBe("2023");
  });
});
