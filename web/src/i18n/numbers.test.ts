import { describe, expect, it } from "vitest";
import { formatCount, formatNumber, formatPercent, formatRatio } from "./numbers.ts";

const nnbsp = "\u202f";
const nbsp = "\u00a0";

describe("formatNumber", () => {
  it("groups bokmål thousands with a narrow no-break space and uses a decimal comma", () => {
    expect(formatNumber(14206.5, "nb", { decimals: 1 })).toBe(`14${nnbsp}206,5`);
    expect(formatNumber(1234567, "nb")).toBe(`1${nnbsp}234${nnbsp}567`);
  });

  it("groups English thousands with a comma and uses a decimal point", () => {
    expect(formatNumber(14206.5, "en", { decimals: 1 })).toBe("14,206.5");
  });

  it("groups four-digit numbers too, as the server's figures do", () => {
    expect(formatNumber(1234, "nb")).toBe(`1${nnbsp}234`);
    expect(formatNumber(1234, "en")).toBe("1,234");
  });

  it("pads to exactly the asked decimals", () => {
    expect(formatNumber(70, "nb", { decimals: 1 })).toBe("70,0");
    expect(formatNumber(70, "en", { decimals: 2 })).toBe("70.00");
  });

  it("keeps whole numbers whole and shows the decimals a value has when none are asked", () => {
    expect(formatNumber(12, "nb")).toBe("12");
    expect(formatNumber(0.25, "nb")).toBe("0,25");
  });

  it("rounds half away from zero, free of floating-point noise, as the server does", () => {
    expect(formatNumber(0.145, "nb", { decimals: 2 })).toBe("0,15");
    expect(formatNumber(1.005, "en", { decimals: 2 })).toBe("1.01");
    expect(formatNumber(-0.145, "nb", { decimals: 2 })).toBe("-0,15");
    expect(formatNumber(0.1 + 0.2, "nb")).toBe("0,3");
  });

  it("writes the minus as a hyphen-minus and never shows -0", () => {
    expect(formatNumber(-12345, "nb")).toBe(`-12${nnbsp}345`);
    expect(formatNumber(-0.01, "nb", { decimals: 1 })).toBe("0,0");
  });

  it("shows a dash for a value that is not a number", () => {
    expect(formatNumber(Number.NaN, "nb")).toBe("–");
    expect(formatNumber(Number.POSITIVE_INFINITY, "en")).toBe("–");
  });
});

describe("formatCount", () => {
  it("writes a whole, grouped count", () => {
    expect(formatCount(20075, "nb")).toBe(`20${nnbsp}075`);
    expect(formatCount(20075, "en")).toBe("20,075");
    expect(formatCount(3, "nb")).toBe("3");
  });
});

describe("formatRatio", () => {
  it("writes part and whole around a slash kept on one line", () => {
    expect(formatRatio(14206, 20075, "nb")).toBe(`14${nnbsp}206${nbsp}/${nbsp}20${nnbsp}075`);
    expect(formatRatio(14206, 20075, "en")).toBe(`14,206${nbsp}/${nbsp}20,075`);
  });
});

describe("formatPercent", () => {
  it("puts a no-break space before the sign in bokmål and none in English", () => {
    expect(formatPercent(48.5, "nb", { decimals: 1 })).toBe(`48,5${nbsp}%`);
    expect(formatPercent(48.5, "en", { decimals: 1 })).toBe("48.5%");
  });

  it("shows a dash alone for a missing percentage", () => {
    expect(formatPercent(Number.NaN, "nb")).toBe("–");
  });
});
