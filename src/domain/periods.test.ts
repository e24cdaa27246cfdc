import { describe, expect, it } from "vitest";
import {
  addMonths,
  calendarMonthOf,
  formatMonth,
  formatPeriod,
  isYearEnd,
  monthKey,
  monthRange,
  monthsBetween,
  PeriodError,
  parseMonth,
  parsePeriod,
  periodEndMonth,
  reportingPoint,
  tertialOfMonth,
  yearEndPeriods,
  yearOfMonth,
} from "./periods.ts";

describe("parsePeriod", () => {
  it("parses a month", () => {
    expect(parsePeriod("2024-03")).toEqual({ kind: "month", year: 2024, month: 3 });
    expect(parsePeriod("2024-01")).toEqual({ kind: "month", year: 2024, month: 1 });
    expect(parsePeriod("2024-12")).toEqual({ kind: "month", year: 2024, month: 12 });
  });

  it("parses the three tertials", () => {
    expect(parsePeriod("2024-T1")).toEqual({ kind: "tertial", year: 2024, tertial: 1 });
    expect(parsePeriod("2024-T2")).toEqual({ kind: "tertial", year: 2024, tertial: 2 });
    expect(parsePeriod("2024-T3")).toEqual({ kind: "tertial", year: 2024, tertial: 3 });
  });

  it("parses a year", () => {
    expect(parsePeriod("2024")).toEqual({ kind: "year", year: 2024 });
  });

  it("accepts the year bounds 1900 and 2999", () => {
    expect(parsePeriod("1900")).toEqual({ kind: "year", year: 1900 });
    expect(parsePeriod("2999-12")).toEqual({ kind: "month", year: 2999, month: 12 });
  });

  it.each([
    "2024-3",
    "2024-13",
    "2024-00",
    "2024-T4",
    "2024-T0",
    "2024-t1",
    " 2024-03",
    "2024-03 ",
    "2024 -03",
    "2024-03\n",
    "",
    "24-03",
    "1899",
    "3000",
    "2024-003",
    "2024/03",
    "2024-Q1",
    "2024-T",
    "2024-T12",
    "abcd",
    "２０２４",
  ])("rejects %j with a PeriodError naming the input", (input) => {
    expect(() => parsePeriod(input)).toThrow(PeriodError);
    expect(problemOf(() => parsePeriod(input)).params).toMatchObject({ value: input });
  });

  it("says what is wrong, by a code and the values its wording names", () => {
    expect(problemOf(() => parsePeriod("2024-13"))).toEqual({
      code: "period_month_range",
      params: { value: "2024-13" },
      message: "Invalid period “2024-13”: month must be 01-12.",
    });
    expect(problemOf(() => parsePeriod("2024-T4")).code).toBe("period_tertial_range");
    expect(problemOf(() => parsePeriod("1899"))).toMatchObject({
      code: "period_year_range",
      params: { value: "1899", min: 1900, max: 2999 },
    });
    expect(problemOf(() => parsePeriod("2024-3")).code).toBe("period_form");
    expect(problemOf(() => parseMonth("2024")).code).toBe("period_not_month");
    expect(problemOf(() => monthKey(2024, 13))).toMatchObject({
      code: "period_month_number",
      params: { month: 13, year: 2024 },
    });
  });

  it("keeps the bad input on the error", () => {
    try {
      parsePeriod("2024-T4");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PeriodError);
      expect((error as PeriodError).input).toBe("2024-T4");
      expect((error as PeriodError).name).toBe("PeriodError");
    }
  });

  it("rejects a value that is not a string", () => {
    expect(() => parsePeriod(202403 as unknown as string)).toThrow(PeriodError);
  });

  it("round-trips through formatPeriod", () => {
    for (const text of ["2024-03", "2024-T1", "2024-T3", "2024", "1999-12"]) {
      expect(formatPeriod(parsePeriod(text))).toBe(text);
    }
  });
});

/** The code, values and English (log) message of the PeriodError `run` throws. */
function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof PeriodError)
      return { code: error.code, params: error.params, message: error.message };
    throw error;
  }
  throw new Error("no PeriodError");
}

describe("parseMonth", () => {
  it("gives the month key of a month", () => {
    expect(parseMonth("2024-03")).toBe(2024 * 12 + 2);
  });

  it("rejects tertials and years", () => {
    expect(() => parseMonth("2024-T1")).toThrow(PeriodError);
    expect(() => parseMonth("2024")).toThrow(PeriodError);
  });
});

describe("month keys", () => {
  it("are year * 12 + month - 1", () => {
    expect(monthKey(2024, 1)).toBe(24288);
    expect(monthKey(2024, 12)).toBe(24299);
    expect(monthKey(2023, 12) + 1).toBe(monthKey(2024, 1));
  });

  it("give back year and calendar month", () => {
    const key = monthKey(2024, 3);
    expect(yearOfMonth(key)).toBe(2024);
    expect(calendarMonthOf(key)).toBe(3);
    expect(yearOfMonth(monthKey(2024, 12))).toBe(2024);
    expect(calendarMonthOf(monthKey(2024, 12))).toBe(12);
    expect(calendarMonthOf(monthKey(2024, 1))).toBe(1);
  });

  it("reject invalid months and years", () => {
    expect(() => monthKey(2024, 0)).toThrow(PeriodError);
    expect(() => monthKey(2024, 13)).toThrow(PeriodError);
    expect(() => monthKey(2024, 1.5)).toThrow(PeriodError);
    expect(() => monthKey(1899, 1)).toThrow(PeriodError);
    expect(() => monthKey(3000, 1)).toThrow(PeriodError);
  });

  it("format as YYYY-MM", () => {
    expect(formatMonth(monthKey(2024, 3))).toBe("2024-03");
    expect(formatMonth(monthKey(2024, 12))).toBe("2024-12");
    expect(formatMonth(monthKey(1900, 1))).toBe("1900-01");
  });
});

describe("addMonths", () => {
  it("crosses year boundaries both ways", () => {
    expect(formatMonth(addMonths(monthKey(2024, 1), -2))).toBe("2023-11");
    expect(formatMonth(addMonths(monthKey(2024, 11), 3))).toBe("2025-02");
    expect(formatMonth(addMonths(monthKey(2024, 3), -12))).toBe("2023-03");
    expect(formatMonth(addMonths(monthKey(2024, 3), 0))).toBe("2024-03");
  });

  it("rejects fractions of a month", () => {
    expect(() => addMonths(monthKey(2024, 3), 0.5)).toThrow(PeriodError);
  });
});

describe("monthsBetween and monthRange", () => {
  it("monthsBetween is the signed difference", () => {
    expect(monthsBetween(monthKey(2024, 1), monthKey(2024, 3))).toBe(2);
    expect(monthsBetween(monthKey(2023, 11), monthKey(2024, 2))).toBe(3);
    expect(monthsBetween(monthKey(2024, 3), monthKey(2024, 1))).toBe(-2);
    expect(monthsBetween(monthKey(2024, 3), monthKey(2024, 3))).toBe(0);
  });

  it("monthRange lists both ends", () => {
    expect(monthRange(monthKey(2023, 11), monthKey(2024, 1)).map(formatMonth)).toEqual([
      "2023-11",
      "2023-12",
      "2024-01",
    ]);
    expect(monthRange(monthKey(2024, 5), monthKey(2024, 5))).toEqual([monthKey(2024, 5)]);
    expect(monthRange(monthKey(2024, 5), monthKey(2024, 4))).toEqual([]);
  });
});

describe("periodEndMonth", () => {
  it("is the month itself for a month", () => {
    expect(formatMonth(periodEndMonth(parsePeriod("2024-03")))).toBe("2024-03");
  });

  it("is April, August and December for the tertials", () => {
    expect(formatMonth(periodEndMonth(parsePeriod("2024-T1")))).toBe("2024-04");
    expect(formatMonth(periodEndMonth(parsePeriod("2024-T2")))).toBe("2024-08");
    expect(formatMonth(periodEndMonth(parsePeriod("2024-T3")))).toBe("2024-12");
  });

  it("is December for a year", () => {
    expect(formatMonth(periodEndMonth(parsePeriod("2024")))).toBe("2024-12");
  });
});

describe("tertialOfMonth", () => {
  it.each([
    [1, 1],
    [4, 1],
    [5, 2],
    [8, 2],
    [9, 3],
    [12, 3],
  ])("month %i is in T%i", (month, tertial) => {
    expect(tertialOfMonth(monthKey(2024, month))).toBe(tertial);
  });
});

describe("reportingPoint", () => {
  it("gives T1 and T2 for the first two tertials and the annual report for a year", () => {
    expect(reportingPoint(parsePeriod("2024-T1"))).toBe("T1");
    expect(reportingPoint(parsePeriod("2024-T2"))).toBe("T2");
    expect(reportingPoint(parsePeriod("2024"))).toBe("annual");
  });

  it("has no report for the third tertial, which the annual report covers", () => {
    expect(reportingPoint(parsePeriod("2024-T3"))).toBeNull();
  });

  it("has no report for a month, not even April, August or December", () => {
    for (const month of ["2024-01", "2024-04", "2024-08", "2024-12"]) {
      expect(reportingPoint(parsePeriod(month))).toBeNull();
    }
  });
});

describe("isYearEnd", () => {
  it("is true for the year, the third tertial and December", () => {
    for (const period of ["2024", "2024-T3", "2024-12"]) expect(isYearEnd(parsePeriod(period))).toBe(true);
  });

  it("is false for T1, T2 and every other month", () => {
    expect(isYearEnd(parsePeriod("2024-T1"))).toBe(false);
    expect(isYearEnd(parsePeriod("2024-T2"))).toBe(false);
    for (let month = 1; month <= 11; month++) {
      expect(isYearEnd(parsePeriod(`2024-${String(month).padStart(2, "0")}`))).toBe(false);
    }
  });
});

describe("yearEndPeriods", () => {
  it("writes the year first, then the third tertial and December", () => {
    expect(yearEndPeriods(2024)).toEqual(["2024", "2024-T3", "2024-12"]);
  });

  it("names only periods that parse and are year ends", () => {
    for (const period of yearEndPeriods(1900)) expect(isYearEnd(parsePeriod(period))).toBe(true);
  });
});
