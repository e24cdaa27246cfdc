import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EffectInput, hasReached, judgeExpectedEffect, latestFigure } from "./measureEffect.ts";

const base: EffectInput = {
  direction: "higher",
  decimals: 1,
  target: 85,
  fullEffectDate: "2025-06-01",
  today: "2025-05-10",
  latest: { month: "2025-04", value: 78 },
};

const judge = (change: Partial<EffectInput>) => judgeExpectedEffect({ ...base, ...change });

describe("whether a measure's expected effect shows in the figures", () => {
  it("says there is no data before anything else, with or without an expected value", () => {
    expect(judge({ latest: null })).toBe("no_data");
    expect(judge({ latest: null, target: null })).toBe("no_data");
    expect(judge({ latest: null, today: "2026-01-01" })).toBe("no_data");
  });

  it("has nothing to compare with when the measure names no expected value", () => {
    expect(judge({ target: null })).toBe("no_target");
    expect(judge({ target: null, fullEffectDate: null })).toBe("no_target");
  });

  it("higher is better: reached at the expected value or above it", () => {
    expect(judge({ latest: { month: "2025-04", value: 85 } })).toBe("reached");
    expect(judge({ latest: { month: "2025-04", value: 91.2 } })).toBe("reached");
    expect(judge({ latest: { month: "2025-04", value: 84.9 } })).toBe("not_yet");
  });

  it("lower is better: reached at the expected value or below it", () => {
    const lower = { direction: "lower" as const, target: 5.5 };
    expect(judge({ ...lower, latest: { month: "2025-04", value: 5.5 } })).toBe("reached");
    expect(judge({ ...lower, latest: { month: "2025-04", value: 4.1 } })).toBe("reached");
    expect(judge({ ...lower, latest: { month: "2025-04", value: 5.6 } })).toBe("not_yet");
    // A high figure is the bad side for a lower-is-better indicator, whatever the date.
    expect(judge({ ...lower, latest: { month: "2025-07", value: 9 }, today: "2025-08-01" })).toBe("missed");
  });

  it("judges the figure as shown: 84.96 shown as 85.0 has reached 85", () => {
    expect(judge({ latest: { month: "2025-04", value: 84.96 } })).toBe("reached");
    expect(judge({ latest: { month: "2025-04", value: 84.94 } })).toBe("not_yet");
    expect(judge({ decimals: 0, latest: { month: "2025-04", value: 84.5 } })).toBe("reached");
    // Floating-point noise never flips it: 0.1 + 0.2 is 0.3.
    expect(hasReached(0.1 + 0.2, 0.3, "lower", 2)).toBe(true);
    expect(hasReached(0.1 + 0.2, 0.3, "higher", 2)).toBe(true);
  });

  it("date of full effect in the future, or on the day itself: not reached yet", () => {
    expect(judge({ today: "2025-05-31" })).toBe("not_yet");
    expect(judge({ today: "2025-06-01" })).toBe("not_yet");
    expect(judge({ fullEffectDate: null, today: "2030-01-01" })).toBe("not_yet");
  });

  it("date of full effect past: missed with a figure from its month or later, else awaiting data", () => {
    expect(judge({ today: "2025-06-02", latest: { month: "2025-06", value: 80 } })).toBe("missed");
    expect(judge({ today: "2025-09-02", latest: { month: "2025-08", value: 80 } })).toBe("missed");
    expect(judge({ today: "2025-06-02", latest: { month: "2025-05", value: 80 } })).toBe("awaiting_data");
    // Across a year boundary.
    expect(
      judge({ fullEffectDate: "2024-12-31", today: "2025-01-15", latest: { month: "2024-11", value: 1 } }),
    ).toBe("awaiting_data");
    // Reached stays reached after the date.
    expect(judge({ today: "2026-01-01", latest: { month: "2025-12", value: 86 } })).toBe("reached");
  });

  it("reached and its opposite direction agree only at the expected value itself", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (value, target, decimals) => {
          const higher = hasReached(value, target, "higher", decimals);
          const lower = hasReached(value, target, "lower", decimals);
          expect(higher || lower).toBe(true);
          if (higher && lower) {
            expect(Math.abs(value - target)).toBeLessThanOrEqual(10 ** -decimals);
          }
        },
      ),
    );
  });
});

describe("the newest figure", () => {
  it("is the latest month with a value, skipping months without one", () => {
    expect(
      latestFigure([
        { month: "2025-02", value: 70 },
        { month: "2025-04", value: null },
        { month: "2025-03", value: 72 },
        { month: "2024-12", value: 90 },
      ]),
    ).toEqual({ month: "2025-03", value: 72 });
  });

  it("is nothing when no month has a value", () => {
    expect(latestFigure([])).toBeNull();
    expect(latestFigure([{ month: "2025-01", value: null }])).toBeNull();
    expect(latestFigure([{ month: "2025-01", value: Number.POSITIVE_INFINITY }])).toBeNull();
  });

  it("keeps a zero: no figure and a figure of zero are different things", () => {
    expect(latestFigure([{ month: "2025-01", value: 0 }])).toEqual({ month: "2025-01", value: 0 });
  });
});
