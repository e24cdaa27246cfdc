import { describe, expect, it } from "vitest";
import type { MonthKey } from "./periods.ts";
import { addMonths, formatMonth, monthKey, parsePeriod } from "./periods.ts";
import type { MonthWindow } from "./windows.ts";
import {
  calendarYearWindow,
  computeWindows,
  evaluationWindow,
  isInWindow,
  judgedWindowKind,
  latestPeriodWithData,
  latestSpans,
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

describe("latestSpans", () => {
  const month = (text: string) => monthKey(Number(text.slice(0, 4)), Number(text.slice(5)));
  const span = (first: string, last: string): MonthWindow => ({ first: month(first), last: month(last) });
  const spansOf = (windows: MonthWindow[]) => latestSpans(windows).map(show);

  it("returns nothing for nothing", () => {
    expect(latestSpans([])).toEqual([]);
  });

  it("gives a single window back as its own span", () => {
    expect(spansOf([span("2024-02", "2024-04")])).toEqual(["2024-02..2024-04"]);
    expect(spansOf([span("2024-04", "2024-04")])).toEqual(["2024-04..2024-04"]);
  });

  it("collapses windows sharing a last month into one span from the earliest first month", () => {
    expect(
      spansOf([span("2024-06", "2024-08"), span("2023-09", "2024-08"), span("2024-01", "2024-08")]),
    ).toEqual(["2023-09..2024-08"]);
    // The earliest start wins whatever the order the windows come in.
    expect(spansOf([span("2023-09", "2024-08"), span("2024-06", "2024-08")])).toEqual(["2023-09..2024-08"]);
  });

  it("keeps windows with different last months apart, sorted by last month", () => {
    expect(
      spansOf([
        span("2024-06", "2024-08"),
        span("2023-06", "2023-08"),
        span("2024-01", "2024-08"),
        span("2023-01", "2023-08"),
        span("2023-09", "2023-10"),
      ]),
    ).toEqual(["2023-01..2023-08", "2023-09..2023-10", "2024-01..2024-08"]);
  });

  it("does not join overlapping or nested windows that end in different months", () => {
    // Unlike mergeWindows: a unit's latest month in the longer window may lie after the shorter one.
    expect(spansOf([span("2024-06", "2024-09"), span("2024-01", "2024-08")])).toEqual([
      "2024-01..2024-08",
      "2024-06..2024-09",
    ]);
    expect(spansOf([span("2023-09", "2024-08"), span("2024-01", "2024-06")])).toEqual([
      "2024-01..2024-06",
      "2023-09..2024-08",
    ]);
    // Adjacent windows stay two spans as well.
    expect(spansOf([span("2024-04", "2024-06"), span("2024-01", "2024-03")])).toEqual([
      "2024-01..2024-03",
      "2024-04..2024-06",
    ]);
  });

  it("orders across the year boundary: a December end comes before the next January's", () => {
    expect(
      spansOf([
        span("2024-01", "2024-01"),
        span("2023-11", "2024-01"),
        span("2023-10", "2023-12"),
        span("2023-01", "2023-12"),
        span("2022-12", "2022-12"),
      ]),
    ).toEqual(["2022-12..2022-12", "2023-01..2023-12", "2023-11..2024-01"]);
  });

  it("counts duplicate windows once", () => {
    const window = span("2024-02", "2024-04");
    expect(spansOf([window, { ...window }, span("2024-02", "2024-04")])).toEqual(["2024-02..2024-04"]);
    expect(
      spansOf([span("2023-02", "2023-04"), span("2024-02", "2024-04"), span("2023-02", "2023-04")]),
    ).toEqual(["2023-02..2023-04", "2024-02..2024-04"]);
  });

  it("reduces a scorecard's windows to one span per last month", () => {
    // 2024-T1 without lag: this period Feb-Apr 2024, year to date Jan-Apr 2024, rolling year
    // May 2023-Apr 2024, last year to date Jan-Apr 2023 and the trend window Feb-Apr 2023.
    const w = computeWindows(parsePeriod("2024-T1"), 0);
    const spans = latestSpans([
      w.thisPeriod,
      w.yearToDate,
      w.lastYearToDate,
      w.sameWindowLastYear,
      w.rollingYear,
    ]);
    expect(spans.map(show)).toEqual(["2023-01..2023-04", "2023-05..2024-04"]);
  });

  it("does not change the windows it was given", () => {
    const given = [span("2024-06", "2024-08"), span("2024-01", "2024-08")];
    // Changing the spans returned leaves the windows alone too.
    for (const each of latestSpans(given)) each.first = month("2000-01");
    expect(given.map(show)).toEqual(["2024-06..2024-08", "2024-01..2024-08"]);
  });

  // Mulberry32: a small deterministic generator, so a failure can be replayed.
  function generator(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return { next, int: (below: number) => Math.floor(next() * below) };
  }

  const latestIn = (months: readonly MonthKey[], window: MonthWindow): MonthKey | undefined => {
    let latest: MonthKey | undefined;
    for (const m of months) if (isInWindow(m, window) && (latest === undefined || m > latest)) latest = m;
    return latest;
  };

  it("reads the same latest month per window from the spans as from the windows (random cases)", () => {
    const random = generator(20240501);
    const start = month("2022-06");
    let windowsWithAMonth = 0;
    let windowsWithout = 0;
    for (let trial = 0; trial < 2000; trial++) {
      // Few windows over about three years, so that last months are often shared; lengths 1-15.
      const windows = Array.from({ length: random.int(7) }, () => {
        const first = addMonths(start, random.int(30));
        return { first, last: addMonths(first, random.int(15)) };
      });
      // The months in which one unit reported: none, sparse or dense.
      const density = random.next();
      const observed = Array.from({ length: 48 }, (_, i) => addMonths(start, i)).filter(
        () => random.next() < density,
      );

      const spans = latestSpans(windows);
      // One span per distinct last month, sorted, each reaching back to its earliest window.
      const lasts = [...new Set(windows.map((w) => w.last))].sort((a, b) => a - b);
      expect(spans.map((s) => s.last)).toEqual(lasts);
      for (const s of spans) {
        expect(s.first).toBe(Math.min(...windows.filter((w) => w.last === s.last).map((w) => w.first)));
      }

      // Only the unit's latest month of each span is kept ...
      const kept = spans.map((s) => latestIn(observed, s)).filter((m): m is MonthKey => m !== undefined);
      for (const window of windows) {
        const expected = latestIn(observed, window);
        // ... and each window takes the latest of those that falls inside it.
        expect(latestIn(kept, window), `trial ${trial}, window ${show(window)}`).toBe(expected);
        if (expected === undefined) windowsWithout++;
        else windowsWithAMonth++;
      }
    }
    // The cases covered both outcomes plenty of times.
    expect(windowsWithAMonth).toBeGreaterThan(1000);
    expect(windowsWithout).toBeGreaterThan(100);
  });
});

describe("judgedWindowKind", () => {
  const m = (text: string) => {
    const [year, month] = text.split("-").map(Number);
    return monthKey(year ?? 0, month ?? 0);
  };
  it("names the year basis the calendar year only when its window is January-December", () => {
    expect(judgedWindowKind("year", { first: m("2025-01"), last: m("2025-12") })).toBe("calendar_year");
    expect(judgedWindowKind("year", { first: m("2024-05"), last: m("2025-04") })).toBe("rolling_year");
  });
  it("keeps this period and year to date as they are", () => {
    expect(judgedWindowKind("this_period", { first: m("2025-02"), last: m("2025-04") })).toBe("this_period");
    expect(judgedWindowKind("year_to_date", { first: m("2025-01"), last: m("2025-04") })).toBe(
      "year_to_date",
    );
  });
});

describe("latestPeriodWithData", () => {
  const m = (year: number, month: number) => monthKey(year, month);
  it("is the latest period whose last month has data", () => {
    expect(latestPeriodWithData(m(2025, 12), m(2026, 11))).toBe("2025");
    expect(latestPeriodWithData(m(2026, 9), m(2026, 11))).toBe("2026-T2");
    expect(latestPeriodWithData(m(2026, 4), m(2026, 11))).toBe("2026-T1");
  });
  it("goes back to last year's year end before April", () => {
    expect(latestPeriodWithData(m(2026, 3), m(2026, 11))).toBe("2025");
  });
  it("never offers a period that has not ended, even with data in it", () => {
    expect(latestPeriodWithData(m(2026, 12), m(2026, 7))).toBe("2026-T1");
  });
  it("is null without data", () => {
    expect(latestPeriodWithData(null, m(2026, 11))).toBeNull();
  });
});
