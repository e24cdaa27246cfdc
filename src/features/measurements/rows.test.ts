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
    expect(cellProblem(() => parseNumberCell("12%"))).toEqual({
      code: "measurement_not_number",
      params: { value: "12%" },
    });
    expect(cellProblem(() => parseNumberCell("1.234,5"))).toEqual({
      code: "measurement_comma_and_dot",
      params: { value: "1.234,5" },
    });
    expect(cellProblem(() => parseNumberCell("1,2,3")).code).toBe("measurement_not_number");
    expect(cellProblem(() => parseNumberCell(new Date())).code).toBe("measurement_date_not_number");
    expect(cellProblem(() => parseNumberCell(Number.NaN))).toEqual({
      code: "measurement_not_finite",
      params: { value: "NaN" },
    });
  });
});

/** The code and values of the CellError `run` throws. */
function cellProblem(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof CellError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error("no CellError");
}

describe("parseMonthCell", () => {
  it("reads YYYY-MM through the one period parser", () => {
    expect(formatMonth(parseMonthCell("2024-03"))).toBe("2024-03");
    expect(formatMonth(parseMonthCell(" 2024-12 "))).toBe("2024-12");
  });

  it("reads a date as Excel stores a typed month", () => {
    expect(formatMonth(parseMonthCell(new Date(Date.UTC(2024, 2, 1))))).toBe("2024-03");
  });

  it("refuses other spellings with the period parser's explanation", () => {
    expect(cellProblem(() => parseMonthCell("2024-3"))).toEqual({
      code: "measurement_not_month",
      params: { value: "2024-3" },
    });
    expect(cellProblem(() => parseMonthCell("2024-13"))).toEqual({
      code: "period_month_range",
      params: { value: "2024-13" },
    });
    expect(cellProblem(() => parseMonthCell("2024-T1")).code).toBe("measurement_not_month");
    expect(cellProblem(() => parseMonthCell(202403))).toEqual({
      code: "measurement_month_is_number",
      params: { value: 202403 },
    });
    expect(cellProblem(() => parseMonthCell("")).code).toBe("required");
    expect(cellProblem(() => parseMonthCell(new Date(Date.UTC(3000, 0, 1))))).toEqual({
      code: "period_year_range",
      params: { value: "3000-1", min: 1900, max: 2999 },
    });
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
    const header = mapHeader(["indicator", "Unit", "enhet", "numerator"]);
    expect(header.problems).toEqual([
      { field: "unit", code: "measurement_repeated_column", params: { column: "unit", value: "enhet" } },
      {
        field: "month",
        code: "measurement_missing_column",
        params: { expected: "month", accepted: "month, måned, maaned, mnd" },
      },
    ]);
  });
});
