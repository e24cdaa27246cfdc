import { describe, expect, it } from "vitest";
import { formatMonth } from "../../domain/periods.ts";
import { CellError, mapHeader, parseMonthCell, parseNumberCell, valuesAt } from "./rows.ts";

describe("parseNumberCell", () => {
  it("reads Norwegian decimal commas and grouped thousands", () => {
    expect(parseNumberCell("12,5")).toBe(12.5);
    expect(parseNumberCell("1 234,5")).toBe(1234.5);
    expect(parseNumberCell("1\u00a0234")).toBe(1234);
    expect(parseNumberCell("−3,25")).toBe(-3.25);
  });

  it("reads plain numbers and numbers from Excel", () => {
    expect(parseNumberCell("12.5")).toBe(12.5);
    expect(parseNumberCell("0")).toBe(0);
    expect(parseNumberCell(" 7 ")).toBe(7);
    expect(parseNumberCell(42.25)).toBe(42.25);
    expect(parseNumberCell("1e3")).toBe(1000);
  });

  it("treats an empty cell as no value", () => {
    expect(parseNumberCell(null)).toBeNull();
    expect(parseNumberCell("  ")).toBeNull();
    expect(parseNumberCell(undefined)).toBeNull();
  });

  it("refuses what is not a number, saying why", () => {
    expect(() => parseNumberCell("abc")).toThrow(CellError);
    expect(() => parseNumberCell("12%")).toThrow(/not a number/);
    expect(() => parseNumberCell("1.234,5")).toThrow(/both a comma and a dot/);
    expect(() => parseNumberCell("1,2,3")).toThrow(/not a number/);
    expect(() => parseNumberCell(new Date())).toThrow(/date/);
    expect(() => parseNumberCell(Number.NaN)).toThrow(/finite/);
  });
});

describe("parseMonthCell", () => {
  it("reads YYYY-MM through the one period parser", () => {
    expect(formatMonth(parseMonthCell("2024-03"))).toBe("2024-03");
    expect(formatMonth(parseMonthCell(" 2024-12 "))).toBe("2024-12");
  });

  it("reads a date as Excel stores a typed month", () => {
    expect(formatMonth(parseMonthCell(new Date(Date.UTC(2024, 2, 1))))).toBe("2024-03");
  });

  it("refuses other spellings with the period parser's explanation", () => {
    expect(() => parseMonthCell("2024-3")).toThrow(/YYYY-MM/);
    expect(() => parseMonthCell("2024-13")).toThrow(/month must be 01-12/);
    expect(() => parseMonthCell("2024-T1")).toThrow('"2024-T1" is not a month; write YYYY-MM');
    expect(() => parseMonthCell(202403)).toThrow(/is a number/);
    expect(() => parseMonthCell("")).toThrow(/empty/);
  });
});

describe("mapHeader", () => {
  it("finds columns in any order, English or Norwegian, any case", () => {
    const header = mapHeader(["Måned", "Enhet", "INDIKATOR", "teller", "nevner", "kommentar"]);
    expect(header.problems).toEqual([]);
    expect(header.positions).toEqual({ month: 0, unit: 1, indicator: 2, numerator: 3, denominator: 4 });
    expect(header.ignored).toEqual(["kommentar"]);
    expect(valuesAt(["2024-01", "UNN", "EPI", "7", "10", "x"], header.positions)).toEqual({
      month: "2024-01",
      unit: "UNN",
      indicator: "EPI",
      numerator: "7",
      denominator: "10",
    });
  });

  it("lets the denominator column be left out, for counts", () => {
    expect(mapHeader(["indicator", "unit", "month", "numerator"]).problems).toEqual([]);
  });

  it("names missing and repeated columns", () => {
    const header = mapHeader(["indicator", "unit", "unit", "numerator"]);
    expect(header.problems.map((problem) => problem.field).sort()).toEqual(["month", "unit"]);
  });
});
