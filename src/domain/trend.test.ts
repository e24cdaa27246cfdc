import { describe, expect, it } from "vitest";
import type { Direction } from "./targets.ts";
import type { TrendMode } from "./trend.ts";
import { computeTrend } from "./trend.ts";

const trend = (
  now: number | null,
  before: number | null,
  direction: Direction = "higher",
  mode: TrendMode = "relative",
) => computeTrend({ now, before, direction, mode });

describe("computeTrend: relative (default)", () => {
  it("exactly +2 % is green, exactly -2 % is red (band edges inclusive)", () => {
    expect(trend(102, 100)).toEqual({ colour: "green", change: 0.02, mode: "relative", reason: "improved" });
    expect(trend(98, 100)).toEqual({ colour: "red", change: -0.02, mode: "relative", reason: "worsened" });
  });

  it("band edges hold despite floating noise: 0.102 vs 0.1 is exactly +2 %", () => {
    expect((0.102 - 0.1) / 0.1).not.toBe(0.02); // 0.019999999999999962 before cleaning
    expect(trend(0.102, 0.1)).toMatchObject({ colour: "green", change: 0.02 });
    expect(trend(0.098, 0.1)).toMatchObject({ colour: "red", change: -0.02 });
    expect(trend(0.1 + 0.2, 0.3).colour).toBe("yellow");
  });

  it("yellow is the open interval between -2 % and +2 %", () => {
    expect(trend(101.99, 100)).toMatchObject({ colour: "yellow", reason: "unchanged" });
    expect(trend(98.01, 100).colour).toBe("yellow");
    expect(trend(100, 100)).toMatchObject({ colour: "yellow", change: 0 });
  });

  it("beyond the bands", () => {
    expect(trend(110, 100)).toMatchObject({ colour: "green", change: 0.1 });
    expect(trend(50, 100)).toMatchObject({ colour: "red", change: -0.5 });
  });

  it("lower is better: a fall is an improvement", () => {
    expect(trend(98, 100, "lower")).toMatchObject({ colour: "green", change: 0.02 });
    expect(trend(102, 100, "lower")).toMatchObject({ colour: "red", change: -0.02 });
    expect(trend(101, 100, "lower")).toMatchObject({ colour: "yellow", change: -0.01 });
  });

  it("is relative to |before|, so a negative base keeps the sign of improvement", () => {
    // -100 -> -98 is a rise of 2 on a base of 100: +2 %
    expect(trend(-98, -100)).toMatchObject({ colour: "green", change: 0.02 });
    expect(trend(-98, -100, "lower")).toMatchObject({ colour: "red", change: -0.02 });
  });

  it("before = 0: no trend", () => {
    expect(trend(5, 0)).toEqual({ colour: "grey", change: null, mode: "relative", reason: "zero_base" });
  });

  it("no value now or before: no trend, grey", () => {
    expect(trend(null, 100)).toMatchObject({ colour: "grey", change: null, reason: "no_value_now" });
    expect(trend(100, null)).toMatchObject({ colour: "grey", change: null, reason: "no_value_before" });
    expect(trend(null, null).colour).toBe("grey");
  });

  it("too few cases in either window: no trend", () => {
    expect(
      computeTrend({ now: 50, before: 40, direction: "higher", mode: "relative", tooFew: true }),
    ).toMatchObject({
      colour: "grey",
      reason: "too_few",
      change: null,
    });
  });
});

describe("computeTrend: percentage points", () => {
  it("exactly +2 and -2 points are green and red", () => {
    expect(trend(72, 70, "higher", "points")).toEqual({
      colour: "green",
      change: 2,
      mode: "points",
      reason: "improved",
    });
    expect(trend(68, 70, "higher", "points")).toMatchObject({ colour: "red", change: -2 });
  });

  it("band edges hold despite floating noise", () => {
    expect(2.3 - 0.3).not.toBe(2); // 1.9999999999999998
    expect(trend(2.3, 0.3, "higher", "points")).toMatchObject({ colour: "green", change: 2 });
    expect(trend(0.3, 2.3, "higher", "points")).toMatchObject({ colour: "red", change: -2 });
  });

  it("measures points, not relative change: 72 vs 70 is +2 points but only +2.86 %", () => {
    expect(trend(71.9, 70, "higher", "points").colour).toBe("yellow");
    expect(trend(71.9, 70, "higher", "relative").colour).toBe("green");
  });

  it("lower is better: a fall in points is an improvement", () => {
    expect(trend(7.5, 9.5, "lower", "points")).toMatchObject({ colour: "green", change: 2 });
    expect(trend(9.5, 7.5, "lower", "points")).toMatchObject({ colour: "red", change: -2 });
  });

  it("before = 0 is a valid base in points mode", () => {
    expect(trend(3, 0, "higher", "points")).toMatchObject({ colour: "green", change: 3 });
  });

  it("no value: no trend", () => {
    expect(trend(null, 0, "higher", "points").colour).toBe("grey");
  });
});

describe("computeTrend: figures beyond what a number holds", () => {
  it("a change that overflows is no trend, not an error", () => {
    expect(trend(1e300, 1e-300)).toEqual({
      colour: "grey",
      change: null,
      mode: "relative",
      reason: "out_of_range",
    });
    expect(trend(1.7e308, -1.7e308, "higher", "points").reason).toBe("out_of_range");
  });
});
