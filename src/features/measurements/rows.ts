// Reading one row of a measurement file: which column is which, and what a cell means.
// Pure functions, so the file format can be tested without files or a database.

import { formatMonth, type MonthKey, monthKey, PeriodError, parseMonth } from "../../domain/periods.ts";
import type { FieldProblemCode } from "../../i18n/problems/index.ts";
import type { ProblemParams } from "../../schemas/contract.ts";

/** A cell as a reader hands it over: CSV gives text, XLSX gives numbers, text and dates. */
export type RawCell = string | number | Date | null;

export const columns = ["indicator", "unit", "month", "numerator", "denominator"] as const;
export type Column = (typeof columns)[number];

export const requiredColumns: readonly Column[] = ["indicator", "unit", "month", "numerator"];

export type RowValues = Partial<Record<Column, RawCell>>;

/** Header names accepted per column, in lower case: English and Norwegian. */
const headerAliases: Record<Column, readonly string[]> = {
  indicator: ["indicator", "indikator", "indicator_code", "indikatorkode"],
  unit: ["unit", "enhet", "unit_code", "enhetskode"],
  month: ["month", "måned", "maaned", "mnd"],
  numerator: ["numerator", "teller", "value", "verdi"],
  denominator: ["denominator", "nevner"],
};

export type HeaderMapping = {
  /** Column index (0-based) of each known column. */
  positions: Partial<Record<Column, number>>;
  /** Headers that are not ours; their cells are ignored. */
  ignored: string[];
  /** Problems of the header row: each names its column and what was found or expected. */
  problems: {
    field: Column;
    code: "measurement_repeated_column" | "measurement_missing_column";
    params: ProblemParams;
  }[];
};

export function mapHeader(header: readonly RawCell[]): HeaderMapping {
  const positions: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  const problems: HeaderMapping["problems"] = [];
  header.forEach((cell, index) => {
    const name = cellText(cell).toLowerCase();
    if (name === "") return;
    const column = columns.find((candidate) => headerAliases[candidate].includes(name));
    if (column === undefined) {
      ignored.push(cellText(cell));
    } else if (positions[column] !== undefined) {
      problems.push({
        field: column,
        code: "measurement_repeated_column",
        params: { column, value: cellText(cell) },
      });
    } else {
      positions[column] = index;
    }
  });
  for (const column of requiredColumns) {
    if (positions[column] === undefined) {
      problems.push({
        field: column,
        code: "measurement_missing_column",
        // `expected` chooses the wording that names the column in the reader's language.
        params: { expected: column, accepted: headerAliases[column].join(", ") },
      });
    }
  }
  return { positions, ignored, problems };
}

export function valuesAt(cells: readonly RawCell[], positions: HeaderMapping["positions"]): RowValues {
  const values: RowValues = {};
  for (const column of columns) {
    const position = positions[column];
    if (position !== undefined) values[column] = cells[position] ?? null;
  }
  return values;
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every((cell) => cellText(cell) === "");
}

export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString();
  return String(cell).trim();
}

/** A cell that cannot be read: a field-problem code and the values its wording names. */
export class CellError extends Error {
  constructor(
    readonly code: FieldProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(code);
    this.name = "CellError";
  }
}

// Thousands may be grouped with spaces (ordinary, no-break or narrow no-break), as Norwegian
// figures are written; anything else between the digits is an error.
const GROUP_SEPARATORS = /[ \u00a0\u202f]/g;
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A number from a cell: `12,5` (Norwegian decimal comma), `12.5`, `1 234,5`, `-3`. Null when the
 * cell is empty. A dot and a comma together (`1.234,5`) are refused: which one is the decimal
 * mark cannot be known for sure, and a wrong guess changes the value a thousandfold.
 */
export function parseNumberCell(cell: RawCell | undefined): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new CellError("measurement_not_finite", { value: String(cell) });
    return cell;
  }
  if (cell instanceof Date) throw new CellError("measurement_date_not_number", { value: cellText(cell) });
  const text = cell.trim().replace(/\u2212/g, "-");
  if (text === "") return null;
  const compact = text.replace(GROUP_SEPARATORS, "");
  if (compact.includes(",") && compact.includes(".")) {
    throw new CellError("measurement_comma_and_dot", { value: text });
  }
  if ((compact.match(/,/g) ?? []).length > 1) throw new CellError("measurement_not_number", { value: text });
  const normalised = compact.replace(",", ".");
  if (!PLAIN_NUMBER.test(normalised)) throw new CellError("measurement_not_number", { value: text });
  const value = Number(normalised);
  if (!Number.isFinite(value)) throw new CellError("measurement_number_too_large", { value: text });
  return value;
}

/**
 * A month from a cell: the text `2024-03` (the one period parser decides), or a date, as Excel
 * turns a typed `2024-03` into 1 March 2024. Excel dates carry no time zone; the reader (src/files/xlsx.ts) gives them
 * as UTC midnight, so the UTC calendar fields are the ones typed.
 */
export function parseMonthCell(cell: RawCell | undefined): MonthKey {
  if (cell === null || cell === undefined || cellText(cell) === "") {
    throw new CellError("required", { value: "" });
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()))
      throw new CellError("measurement_invalid_date", { value: cellText(cell) });
    // A date cell in year 1 or 9999 is a cell problem too, not a server error.
    return asCellError(() => monthKey(cell.getUTCFullYear(), cell.getUTCMonth() + 1));
  }
  if (typeof cell === "number") {
    throw new CellError("measurement_month_is_number", { value: cell });
  }
  const text = cell.trim();
  // Only the month form is meant here; the period parser's list of every form would confuse.
  if (!/^\d{4}-\d{2}$/.test(text)) throw new CellError("measurement_not_month", { value: text });
  return asCellError(() => parseMonth(text));
}

function asCellError(parse: () => MonthKey): MonthKey {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PeriodError) throw new CellError(error.code, error.params);
    throw error;
  }
}

/** `2024-03` -> `2024-03-01`, the month column's storage form. */
export function monthToDate(month: MonthKey): string {
  return `${formatMonth(month)}-01`;
}

/** `2024-03-01` or `2024-03` -> MonthKey. */
export function dateToMonth(value: string): MonthKey {
  return parseMonth(value.slice(0, 7));
}
