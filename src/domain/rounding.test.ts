import { describe, expect, it } from "vitest";
import { cleanFloatNoise, formatNumberNb, NO_BREAK_SPACE, roundHalfAwayFromZero } from "./rounding.ts";

describe("cleanFloatNoise", () => {
  it("removes binary noise", () => {
    expect(cleanFloatNoise((14 / 100) * 100)).toBe(14);
    expect(cleanFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(cleanFloatNoise(1.005 * 100)).toBe(100.5);
  });

  it("never gives -0", () => {
    expect(Object.is(cleanFloatNoise(-0), 0)).toBe(true);
  });

  it("rejects non-finite numbers", () => {
    expect(() => cleanFloatNoise(Number.NaN)).toThrow(RangeError);
    expect(() => cleanFloatNoise(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("roundHalfAwayFromZero", () => {
  it("14/100 as percent is exactly 14", () => {
    expect((14 / 100) * 100).not.toBe(14); // the noise this function exists for
    expect(roundHalfAwayFromZero((14 / 100) * 100, 0)).toBe(14);
    expect(roundHalfAwayFromZero((14 / 100) * 100, 1)).toBe(14);
    expect(roundHalfAwayFromZero((14 / 100) * 100, 3)).toBe(14);
  });

  it("rounds halves away from zero despite their binary representation", () => {
    expect(roundHalfAwayFromZero(0.145, 2)).toBe(0.15);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(0.5, 0)).toBe(1);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(48.45, 1)).toBe(48.5);
  });

  it("is symmetric for negatives", () => {
    expect(roundHalfAwayFromZero(-0.145, 2)).toBe(-0.15);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(-0.5, 0)).toBe(-1);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(-14.4, 0)).toBe(-14);
  });

  it("rounds ordinary values to the nearest", () => {
    expect(roundHalfAwayFromZero(14.6, 0)).toBe(15);
    expect(roundHalfAwayFromZero(14.4, 0)).toBe(14);
    expect(roundHalfAwayFromZero(48.48484848, 1)).toBe(48.5);
    expect(roundHalfAwayFromZero(45.4545, 1)).toBe(45.5);
    expect(roundHalfAwayFromZero(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundHalfAwayFromZero(123456.789, 2)).toBe(123456.79);
  });

  it("gives 0, not -0, when a small negative rounds away", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), 0)).toBe(true);
  });

  it("rejects bad decimals and non-finite values", () => {
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 13)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(Number.NaN, 1)).toThrow(RangeError);
  });

  it("leaves huge finite values whole instead of overflowing while scaling them", () => {
    expect(roundHalfAwayFromZero(1.7e308, 6)).toBe(1.7e308);
    expect(roundHalfAwayFromZero(-1.7e308, 12)).toBe(-1.7e308);
    expect(roundHalfAwayFromZero(1_234_567_890_123.4, 1)).toBe(1_234_567_890_120);
    expect(roundHalfAwayFromZero(999_999_999_999.45, 1)).toBe(999_999_999_999);
  });
});

describe("formatNumberNb", () => {
  it("uses a decimal comma", () => {
    expect(formatNumberNb(48.5, 1)).toBe("48,5");
    expect(formatNumberNb(0.145, 2)).toBe("0,15");
  });

  it("pads to the decimals shown", () => {
    expect(formatNumberNb(50, 1)).toBe("50,0");
    expect(formatNumberNb(7.5, 2)).toBe("7,50");
  });

  it("shows no comma with 0 decimals and rounds half away from zero", () => {
    expect(formatNumberNb(14.6, 0)).toBe("15");
    expect(formatNumberNb(14.5, 0)).toBe("15");
    expect(formatNumberNb(14.4, 0)).toBe("14");
  });

  it("groups thousands with a no-break space", () => {
    expect(formatNumberNb(999, 0)).toBe("999");
    expect(formatNumberNb(1234.5, 1)).toBe(`1${NO_BREAK_SPACE}234,5`);
    expect(formatNumberNb(232122, 0)).toBe(`232${NO_BREAK_SPACE}122`);
    expect(formatNumberNb(1234567.891, 2)).toBe(`1${NO_BREAK_SPACE}234${NO_BREAK_SPACE}567,89`);
  });

  it("shows negatives with a minus and never -0", () => {
    expect(formatNumberNb(-1234.5, 1)).toBe(`-1${NO_BREAK_SPACE}234,5`);
    expect(formatNumberNb(-0.04, 1)).toBe("0,0");
  });

  it("shows noisy values cleanly", () => {
    expect(formatNumberNb((14 / 100) * 100, 1)).toBe("14,0");
    expect(formatNumberNb(0.1 + 0.2, 2)).toBe("0,30");
  });
});
