import { describe, expect, it } from "vitest";
import type { MonthKey } from "./periods.ts";
import { formatMonth, monthKey, parsePeriod } from "./periods.ts";
import type { MonthWindow } from "./windows.ts";
import {
  calendarYearWindow,
  computeWindows,
  evaluationWindow,
  isInWindow,
  mergeWindows,
  shiftWindow,
  WindowError,
  windowMonths,
} from "./windows.ts";

const show = (window: MonthWindow) => `${formatMonth(window.first)}..${formatMonth(window.last)}`;
const windowsFor = (period: string, lag: number) => {
  const windows = computeWindows(parsePeriod(period), lag);
  return {
    lastMonth: formatMonth(windows.lastMonth),
    thisPeriod: show(windows.thisPeriod),
    yearToDate: show(windows.yearToDate),
    lastYearToDate: show(windows.lastYearToDate),
    sameWindowLastYear: show(windows.sameWindowLastYear),
    rollingYear: show(windows.rollingYear),
  };
};

describe("computeWindows", () => {
  it("December (year) without lag", () => {
    expect(windowsFor("2024", 0)).toEqual({
      lastMonth: "2024-12",
      thisPeriod: "2024-10..2024-12",
      yearToDate: "2024-01..2024-12",
      lastYearToDate: "2023-01..2023-12",
      sameWindowLastYear: "2023-10..2023-12",
      rollingYear: "2024-01..2024-12",
    });
  });

  it("T3 is the same as the year", () => {
    expect(windowsFor("2024-T3", 0)).toEqual(windowsFor("2024", 0));
  });

  it("T1 without lag ends in April", () => {
    expect(windowsFor("2024-T1", 0)).toEqual({
      lastMonth: "2024-04",
      thisPeriod: "2024-02..2024-04",
      yearToDate: "2024-01..2024-04",
      lastYearToDate: "2023-01..2023-04",
      sameWindowLastYear: "2023-02..2023-04",
      rollingYear: "2023-05..2024-04",
    });
  });

  it("T2 with the sick-leave lag of 2 ends in June", () => {
    expect(windowsFor("2024-T2", 2)).toEqual({
      lastMonth: "2024-06",
      thisPeriod: "2024-04..2024-06",
      yearToDate: "2024-01..2024-06",
      lastYearToDate: "2023-01..2023-06",
      sameWindowLastYear: "2023-04..2023-06",
      rollingYear: "2023-07..2024-06",
    });
  });

  it("December with lag 2 shows sick leave up to October", () => {
    expect(windowsFor("2024", 2).lastMonth).toBe("2024-10");
    expect(windowsFor("2024", 2).thisPeriod).toBe("2024-08..2024-10");
  });

  it("T1 with lag 5 reaches into the previous year, and so does year to date", () => {
    expect(windowsFor("2024-T1", 5)).toEqual({
      lastMonth: "2023-11",
      thisPeriod: "2023-09..2023-11",
      yearToDate: "2023-01..2023-11",
      lastYearToDate: "2022-01..2022-11",
      sameWindowLastYear: "2022-09..2022-11",
      rollingYear: "2022-12..2023-11",
    });
  });

  it("January with lag 2 ends in the previous November", () => {
    expect(windowsFor("2024-01", 2)).toEqual({
      lastMonth: "2023-11",
      thisPeriod: "2023-09..2023-11",
      yearToDate: "2023-01..2023-11",
      lastYearToDate: "2022-01..2022-11",
      sameWindowLastYear: "2022-09..2022-11",
      rollingYear: "2022-12..2023-11",
    });
  });

  it("this period spans a year boundary in February", () => {
    expect(windowsFor("2024-02", 0)).toMatchObject({
      thisPeriod: "2023-12..2024-02",
      yearToDate: "2024-01..2024-02",
      sameWindowLastYear: "2022-12..2023-02",
    });
  });

  it("year to date in January is January alone", () => {
    expect(windowsFor("2024-01", 0).yearToDate).toBe("2024-01..2024-01");
    expect(windowsFor("2024-01", 0).lastYearToDate).toBe("2023-01..2023-01");
  });

  it("rejects a negative or fractional lag", () => {
    expect(() => computeWindows(parsePeriod("2024"), -1)).toThrow(WindowError);
    expect(() => computeWindows(parsePeriod("2024"), 1.5)).toThrow(/reporting lag 1.5/);
  });
});

describe("evaluationWindow", () => {
  const windows = computeWindows(parsePeriod("2024-T2"), 0);

  it("picks the window of the basis", () => {
    expect(show(evaluationWindow(windows, "this_period"))).toBe("2024-06..2024-08");
    expect(show(evaluationWindow(windows, "year_to_date"))).toBe("2024-01..2024-08");
    expect(show(evaluationWindow(windows, "year"))).toBe("2023-09..2024-08");
  });
});

describe("window helpers", () => {
  const window = { first: monthKey(2023, 11), last: monthKey(2024, 1) };

  it("isInWindow includes both ends", () => {
    const inside = (month: MonthKey) => isInWindow(month, window);
    expect(inside(monthKey(2023, 10))).toBe(false);
    expect(inside(monthKey(2023, 11))).toBe(true);
    expect(inside(monthKey(2024, 1))).toBe(true);
    expect(inside(monthKey(2024, 2))).toBe(false);
  });

  it("windowMonths lists the months", () => {
    expect(windowMonths(window).map(formatMonth)).toEqual(["2023-11", "2023-12", "2024-01"]);
  });

  it("shiftWindow moves both ends", () => {
    expect(show(shiftWindow(window, -12))).toBe("2022-11..2023-01");
  });

  it("calendarYearWindow is January to December", () => {
    expect(show(calendarYearWindow(2023))).toBe("2023-01..2023-12");
  });
});

describe("mergeWindows", () => {
  const span = (first: string, last: string): MonthWindow => ({
    first: monthKey(Number(first.slice(0, 4)), Number(first.slice(5))),
    last: monthKey(Number(last.slice(0, 4)), Number(last.slice(5))),
  });

  it("joins overlapping and adjacent windows and keeps gaps", () => {
    const merged = mergeWindows([
      span("2024-06", "2024-08"),
      span("2023-06", "2023-08"),
      span("2024-01", "2024-08"),
      span("2023-01", "2023-08"),
      span("2023-09", "2023-10"),
      span("2020-01", "2020-12"),
    ]);
    expect(merged.map(show)).toEqual(["2020-01..2020-12", "2023-01..2023-10", "2024-01..2024-08"]);
  });

  it("does not change the windows it was given", () => {
    const given = [span("2024-01", "2024-03"), span("2024-02", "2024-06")];
    mergeWindows(given);
    expect(given.map(show)).toEqual(["2024-01..2024-03", "2024-02..2024-06"]);
  });

  it("returns nothing for nothing", () => {
    expect(mergeWindows([])).toEqual([]);
  });
});
