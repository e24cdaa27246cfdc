// The one reader of .xlsx workbooks: the first worksheet, row by row, within limits (see
// limits.ts). It streams the sheet's XML and holds only the shared strings, the date formats and
// the row being read, so what a hostile file can cost is bounded whatever its size: a cell far
// to the right or below is refused as soon as it is seen, never padded out to, and so is a
// `<dimension>` that claims such a range.

import fs from "node:fs";
import type { FileReason } from "../i18n/problems/files.ts";
import type { ProblemParams } from "../schemas/contract.ts";
import { fileTooLarge, ReadingBudget, unreadableFile } from "./budget.ts";
import type { SpreadsheetLimits } from "./limits.ts";
import { readDateStyles, readSharedStrings, readWorkbookLayout, type WorkbookLayout } from "./xlsxParts.ts";
import { parsePart } from "./xml.ts";
import { openZip, type ZipArchive } from "./zip.ts";

/** A cell as read: text, a number, a date (a number in a date format), or nothing. */
export type SheetCell = string | number | Date | null;

/** A row by its number as Excel shows it (1 = the first), and its cells from column A. */
export type SheetRow = { row: number; cells: SheetCell[] };

/** `A` is 1, `GR` is 200, `XFD` is 16,384. */
export function columnName(column: number): string {
  let name = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

/** The column and row of a reference such as `B7`; null when it is not one. */
export function parseCellReference(reference: string): { column: number; row: number } | null {
  const match = /^([A-Za-z]{1,3})([1-9]\d{0,6})$/.exec(reference);
  if (!match?.[1] || !match[2]) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { column, row: Number(match[2]) };
}

/** An Excel serial date: days since 1899-12-30 (or 1904-01-01), as a UTC moment, so the UTC calendar fields are the ones typed. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 24 * 60 * 60 * 1000));
}

async function startsWith(source: string | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source.subarray(0, 4);
  const handle = await fs.promises.open(source, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Refuses, by its first bytes, what is not a zip file: an old .xls or an encrypted workbook above all. */
async function checkIsZip(source: string | Buffer, name: string) {
  const head = await startsWith(source);
  if (head.length === 0) throw unreadableFile("file_empty", { file: name });
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw unreadableFile("file_old_xls", { file: name });
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw unreadableFile("file_not_zip", { file: name });
}

type Context = { archive: ZipArchive; limits: SpreadsheetLimits; budget: ReadingBudget };

/**
 * Reads the first worksheet of an .xlsx workbook, from a file on disk or from memory. Rows come
 * in order; rows without any value are left out. Formulas give their cached value; a formula
 * never calculated gives nothing.
 */
export async function* readFirstSheet(
  source: string | Buffer,
  limits: SpreadsheetLimits,
  /** The file as named in problems: the name the user gave it. */
  name: string,
): AsyncGenerator<SheetRow> {
  await checkIsZip(source, name);
  const budget = new ReadingBudget(name, limits);
  const archive = await openZip(source, limits, budget);
  try {
    const context = { archive, limits, budget };
    const layout = await readWorkbookLayout(context);
    const dateStyles = await readDateStyles(context, layout.stylesPart);
    const strings = await readSharedStrings(context, layout.sharedStringsPart);
    yield* readSheet(context, layout, strings, dateStyles);
  } finally {
    archive.zip.close();
  }
}

async function* readSheet(
  context: Context,
  layout: WorkbookLayout,
  strings: readonly string[],
  dateStyles: readonly boolean[],
): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  const sheet = sheetHandlers(context, layout, strings, dateStyles, (row) => ready.push(row));
  const { archive, limits, budget } = context;
  const steps = parsePart(archive, layout.sheetPart, limits.maxPartBytes, limits, budget, sheet.handlers);
  try {
    for (;;) {
      const step = await steps.next();
      for (const row of ready) yield row;
      ready.length = 0;
      if (step.done && !step.value) {
        throw unreadableFile("file_no_worksheet", { file: budget.name, part: layout.sheetPart });
      }
      // Whatever follows the cells (merged ranges, page setup) is not needed.
      if (step.done || sheet.finished()) return;
    }
  } finally {
    await steps.return(true);
  }
}

type CellState = {
  reference: string;
  column: number;
  type: string;
  style: number;
  value: string;
  hasValue: boolean;
};

/** The SAX handlers for a sheet's XML: they build one row at a time and hand each over when it ends. */
function sheetHandlers(
  { limits, budget }: Context,
  layout: WorkbookLayout,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  emit: (row: SheetRow) => void,
) {
  const name = budget.name;
  let finished = false;
  let lastRow = 0;
  let row: SheetRow | null = null;
  let lastColumn = 0;
  let cells = 0;
  let cell: CellState | null = null;
  // Where text goes: the cached value `<v>`, or an inline string's `<t>` (not its phonetic guide).
  let inValue = false;
  let inInlineText = false;
  let inPhonetic = false;

  const beyondColumns = (reference: string) =>
    unreadableFile(
      "file_beyond_columns",
      { file: name, cell: reference, column: columnName(limits.maxColumns), max: limits.maxColumns },
      parseCellReference(reference)?.row,
    );
  const beyondRows = (rowNumber: number) =>
    fileTooLarge("file_row_beyond_max", { file: name, row: rowNumber, max: limits.maxRows }, rowNumber);
  /** The sheet's XML contradicts itself: named by what is wrong, at the row being read. */
  const damaged = (reason: FileReason, params: ProblemParams = {}) =>
    unreadableFile(reason, { file: name, ...params }, row?.row);

  function checkDimension(reference: string) {
    const corner = parseCellReference(reference.split(":").at(-1) ?? "");
    if (!corner) return;
    if (corner.column > limits.maxColumns) {
      throw unreadableFile("file_sheet_spans_beyond", {
        file: name,
        range: reference,
        column: columnName(limits.maxColumns),
        max: limits.maxColumns,
      });
    }
    if (corner.row > limits.maxRows) throw beyondRows(corner.row);
  }

  function startRow(attributes: Record<string, string>) {
    const number = attributes.r === undefined ? lastRow + 1 : Number(attributes.r);
    if (!Number.isInteger(number) || number < 1)
      throw damaged("file_bad_row_number", { value: String(attributes.r).slice(0, 20) });
    if (number > limits.maxRows) throw beyondRows(number);
    if (number <= lastRow) throw damaged("file_rows_out_of_order", { row: number, previous: lastRow });
    lastRow = number;
    lastColumn = 0;
    row = { row: number, cells: [] };
  }

  function startCell(attributes: Record<string, string>) {
    if (!row) throw damaged("file_cell_outside_row");
    let column = lastColumn + 1;
    const reference = attributes.r ?? `${columnName(column)}${row.row}`;
    if (attributes.r !== undefined) {
      const parsed = parseCellReference(attributes.r);
      if (!parsed) {
        // Letters beyond XFD are no cell Excel has, but they are far to the right all the same.
        if (/^[A-Za-z]{4,}\d+$/.test(attributes.r)) throw beyondColumns(attributes.r);
        throw damaged("file_bad_cell_reference", { value: attributes.r.slice(0, 20) });
      }
      column = parsed.column;
    }
    if (column > limits.maxColumns) throw beyondColumns(reference);
    if (column <= lastColumn)
      throw damaged("file_cells_out_of_order", { cell: reference, column: columnName(lastColumn) });
    cells++;
    if (cells > limits.maxCells) {
      throw fileTooLarge("file_too_many_cells", { file: name, max: limits.maxCells }, row.row);
    }
    lastColumn = column;
    cell = {
      reference,
      column,
      type: attributes.t ?? "n",
      style: Number(attributes.s ?? 0),
      value: "",
      hasValue: false,
    };
  }

  function cellValue(current: CellState): SheetCell {
    const text = current.value;
    switch (current.type) {
      case "s": {
        if (!current.hasValue || text.trim() === "") return null;
        const found = strings[Number(text)];
        if (found === undefined) throw damaged("file_missing_shared_text", { cell: current.reference });
        return found;
      }
      case "inlineStr":
      case "str":
      case "e":
        return current.hasValue ? text : null;
      case "b":
        return current.hasValue ? String(text.trim() === "1" || text.trim() === "true") : null;
      case "d": {
        if (!current.hasValue || text.trim() === "") return null;
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (!current.hasValue || text.trim() === "") return null;
        const number = Number(text);
        if (!Number.isFinite(number)) return text;
        return dateStyles[current.style] ? serialToDate(number, layout.date1904) : number;
      }
    }
  }

  function endCell() {
    if (!row || !cell) return;
    const value = cellValue(cell);
    if (value !== null) {
      while (row.cells.length < cell.column - 1) row.cells.push(null);
      row.cells[cell.column - 1] = value;
    }
    cell = null;
  }

  const handlers = {
    open(element: string, attributes: Record<string, string>) {
      if (element === "dimension" && attributes.ref) checkDimension(attributes.ref);
      else if (element === "row") startRow(attributes);
      else if (element === "c") startCell(attributes);
      else if (cell && element === "v") {
        inValue = true;
        cell.hasValue = true;
      } else if (cell && element === "rPh") inPhonetic = true;
      else if (cell && element === "t" && !inPhonetic) {
        inInlineText = true;
        cell.hasValue = true;
      }
    },
    close(element: string) {
      if (element === "v") inValue = false;
      else if (element === "t") inInlineText = false;
      else if (element === "rPh") inPhonetic = false;
      else if (element === "c") endCell();
      else if (element === "row") {
        if (row?.cells.some((value) => value !== null && value !== "")) emit(row);
        row = null;
      } else if (element === "sheetData") finished = true;
    },
    text(text: string) {
      if (!cell || !(inValue || (inInlineText && cell.type === "inlineStr"))) return;
      cell.value += text;
      if (cell.value.length > limits.maxCellChars) {
        throw fileTooLarge(
          "file_cell_too_long",
          { file: name, cell: cell.reference, max: limits.maxCellChars },
          row?.row,
        );
      }
    },
  };
  return { handlers, finished: () => finished };
}
