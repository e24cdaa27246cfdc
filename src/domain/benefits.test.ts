import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BenefitPlan,
  benefitSeries,
  benefitToDate,
  economicContribution,
  expectedOn,
  MAX_SERIES_POINTS,
  realisationShare,
  realisedOn,
} from "./benefits.ts";

// Seed 000: net savings of about 1 bn NOK a year, from nothing, over the programme's years.
const savings: BenefitPlan = {
  baselineValue: 0,
  baselineDate: "2024-01-01",
  targetValue: 1000,
  targetDate: "2028-01-01",
};
// A benefit that falls: hours spent on manual invoice handling, from 400 to 100 a month.
const hours: BenefitPlan = {
  baselineValue: 400,
  baselineDate: "2024-01-01",
  targetValue: 100,
  targetDate: "2025-01-01",
};

describe("the expected value", () => {
  it("is the baseline until the baseline day and the target from the target day", () => {
    expect(expectedOn(savings, "2023-06-01")).toBe(0);
    expect(expectedOn(savings, "2024-01-01")).toBe(0);
    expect(expectedOn(savings, "2028-01-01")).toBe(1000);
    expect(expectedOn(savings, "2031-01-01")).toBe(1000);
  });

  it("runs on a straight line between, counted in calendar days across year ends and a leap day", () => {
    // 2024 is a leap year: 2024-01-01 to 2025-01-01 is 366 days; 1 July is day 182.
    expect(expectedOn(hours, "2024-07-01")).toBeCloseTo(400 - (300 * 182) / 366, 9);
    expect(expectedOn(savings, "2026-01-01")).toBeCloseTo((1000 * 731) / 1461, 9);
  });

  it("never leaves the span between baseline and target", () => {
    const day = fc
      .date({ min: new Date("2020-01-01"), max: new Date("2032-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (on) => {
        const value = expectedOn(hours, on);
        expect(value).toBeGreaterThanOrEqual(100);
        expect(value).toBeLessThanOrEqual(400);
      }),
    );
  });
});

describe("the realised value", () => {
  const readings = [
    { date: "2023-12-01", value: 999 },
    { date: "2024-03-31", value: 350 },
    { date: "2024-06-30", value: 300 },
    { date: "2024-06-30", value: 290 },
    { date: "2024-09-30", value: Number.NaN },
  ];

  it("is the latest reading on or before the day, the last listed of one day", () => {
    expect(realisedOn(hours, readings, "2024-07-15")).toEqual({ date: "2024-06-30", value: 290 });
    expect(realisedOn(hours, readings, "2024-04-01")?.value).toBe(350);
  });

  it("leaves out readings from before the baseline and values that are not numbers", () => {
    expect(realisedOn(hours, readings, "2024-01-15")).toBeUndefined();
    expect(realisedOn(hours, readings, "2024-12-31")?.value).toBe(290);
  });
});

describe("the share realised", () => {
  it("is 0 at the baseline and 1 at the target, rising or falling", () => {
    expect(realisationShare(savings, 0)).toBe(0);
    expect(realisationShare(savings, 1000)).toBe(1);
    expect(realisationShare(hours, 400)).toBe(0);
    expect(realisationShare(hours, 100)).toBe(1);
    expect(realisationShare(hours, 250)).toBe(0.5);
  });

  it("goes past 1 beyond the target and below 0 the wrong way", () => {
    expect(realisationShare(hours, 50)).toBeCloseTo(1 + 1 / 6, 9);
    expect(realisationShare(hours, 460)).toBeCloseTo(-0.2, 9);
  });

  it("is none when the target is the baseline, or the value not a number", () => {
    expect(realisationShare({ ...hours, targetValue: 400 }, 300)).toBeNull();
    expect(realisationShare(hours, Number.NaN)).toBeNull();
  });
});

describe("a benefit to date", () => {
  it("says it lags when less is realised than expected by the day", () => {
    const result = benefitToDate(hours, [{ date: "2024-06-30", value: 300 }], "2024-07-01");
    expect(result.realised?.value).toBe(300);
    expect(result.realisedShare).toBeCloseTo(1 / 3, 9);
    expect(result.expectedShare).toBeCloseTo(182 / 366, 9);
    expect(result.behindPlan).toBe(true);
  });

  it("says it is on plan when ahead, and knows nothing without a reading", () => {
    expect(benefitToDate(hours, [{ date: "2024-03-01", value: 200 }], "2024-03-01").behindPlan).toBe(false);
    const none = benefitToDate(savings, [], "2026-01-01");
    expect(none.realised).toBeNull();
    expect(none.behindPlan).toBeNull();
  });
});

describe("the monthly series of expected against realised", () => {
  it("has the baseline day, each month's end and the target day, expected on the line", () => {
    const series = benefitSeries(hours, [], "2024-03-15");
    expect(series[0]).toEqual({ date: "2024-01-01", expected: 400, realised: null });
    expect(series.map((point) => point.date).slice(1, 4)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
    expect(series.at(-2)?.date).toBe("2024-12-31");
    expect(series.at(-1)).toEqual({ date: "2025-01-01", expected: 100, realised: null });
    expect(series).toHaveLength(14);
  });

  it("goes on to today after the target day, at the target", () => {
    const series = benefitSeries(hours, [], "2025-03-10");
    expect(series.at(-1)).toEqual({ date: "2025-03-10", expected: 100, realised: null });
    expect(series.at(-2)?.date).toBe("2025-02-28");
  });

  it("shows on each day the reading standing then, whatever order they come in", () => {
    const readings = [
      { date: "2024-02-10", value: 350 },
      { date: "2023-12-01", value: 999 },
      { date: "2024-01-20", value: 390 },
      { date: "2024-02-10", value: 340 },
    ];
    const series = benefitSeries(hours, readings, "2024-06-01");
    expect(series[0]?.realised).toBeNull();
    expect(series[1]?.realised).toBe(390);
    expect(series[2]?.realised).toBe(340);
    for (const point of series)
      expect(point.realised).toEqual(realisedOn(hours, readings, point.date)?.value ?? null);
  });

  it("agrees with realisedOn and expectedOn on every point, and is bounded", () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        day,
        fc.array(fc.record({ date: day, value: fc.double({ noNaN: false }) }), { maxLength: 30 }),
        (a, b, today, readings) => {
          fc.pre(a < b);
          const plan = { baselineValue: 1, baselineDate: a, targetValue: 5, targetDate: b };
          const series = benefitSeries(plan, readings, today);
          expect(series.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
          expect(series[0]?.date).toBe(a);
          for (let i = 1; i < series.length; i++)
            expect((series[i] as { date: string }).date > (series[i - 1] as { date: string }).date).toBe(
              true,
            );
          for (const point of series) {
            expect(point.expected).toBe(expectedOn(plan, point.date));
            expect(point.realised).toEqual(realisedOn(plan, readings, point.date)?.value ?? null);
          }
        },
      ),
    );
  });
});

describe("an economic benefit's contribution to the sums", () => {
  it("counts gains from the baseline, in the benefit's direction", () => {
    const costs = {
      baselineValue: 500,
      baselineDate: "2024-01-01",
      targetValue: 300,
      targetDate: "2026-01-01",
    };
    expect(economicContribution(costs, [{ date: "2025-01-01", value: 450 }], "2025-01-01")).toEqual({
      target: 200,
      expected: expect.closeTo(100, 0) as unknown as number,
      realised: 50,
    });
    expect(economicContribution(savings, [], "2026-01-01")).toEqual({
      target: 1000,
      expected: expect.closeTo(500, 0) as unknown as number,
      realised: 0,
    });
  });
});
