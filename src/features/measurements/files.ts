// Streaming readers for measurement files. Each yields one row at a time, so a file of any size
// is read in constant memory; the importer reads a file twice (check, then write).

import fs from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "../../errors.ts";
import type { RawCell } from "./rows.ts";

export type FileFormat = "csv" | "xlsx";

/** A row as read: its number as the user sees it (header = 1) and its cells left to right. */
export type FileRow = { row: number; cells: RawCell[] };

export function formatOfFileName(fileName: string): FileFormat {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return "csv";
  if (extension === ".xlsx") return "xlsx";
  throw new AppError(
    "bad_request",
    `${fileName} is neither a CSV file (.csv) nor an Excel workbook (.xlsx). Old .xls files must be saved as .xlsx first.`,
    { problems: [{ field: "file", message: "unsupported file type" }] },
  );
}

export function readFileRows(filePath: string, format: FileFormat): AsyncIterable<FileRow> {
  return format === "csv" ? readCsvRows(filePath) : readXlsxRows(filePath);
}

/**
 * The delimiter from the header line: `;` (what Norwegian Excel writes, as the comma is the
 * decimal mark) when the header has one, else `,`.
 */
async function sniffDelimiter(filePath: string): Promise<";" | ","> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const firstLine = buffer.toString("utf8", 0, bytesRead).split(/\r?\n/, 1)[0] ?? "";
    return firstLine.includes(";") ? ";" : ",";
  } finally {
    await handle.close();
  }
}

type CsvRecord = { record: string[]; info: { lines: number } };

function isCsvRecord(value: unknown): value is CsvRecord {
  return (
    typeof value === "object" &&
    value !== null &&
    "record" in value &&
    Array.isArray(value.record) &&
    "info" in value &&
    typeof value.info === "object" &&
    value.info !== null &&
    "lines" in value.info
  );
}

async function* readCsvRows(filePath: string): AsyncIterable<FileRow> {
  const delimiter = await sniffDelimiter(filePath);
  const parser = fs.createReadStream(filePath).pipe(
    parseCsv({
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  try {
    for await (const item of parser) {
      if (!isCsvRecord(item)) throw new Error("csv-parse returned an unexpected record shape");
      yield { row: item.info.lines, cells: item.record };
    }
  } catch (error) {
    if (
      error instanceof Error &&
      "code" in error &&
      typeof error.code === "string" &&
      error.code.startsWith("CSV_")
    ) {
      // A broken quote and the like: say where, as for any other bad row.
      const line = "lines" in error && typeof error.lines === "number" ? error.lines : undefined;
      throw new AppError("validation_failed", `The CSV file cannot be read: ${error.message}`, {
        problems: [{ field: "file", message: error.message, ...(line ? { row: line } : {}) }],
      });
    }
    throw error;
  }
}

/** exceljs cell values normalised to what a row parser understands. */
function plainCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return plainCell(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return null;
}

async function* readXlsxRows(filePath: string): AsyncIterable<FileRow> {
  // Styles are read so that date cells come back as dates rather than Excel serial numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs row values are 1-based: index 0 is always empty.
        const cells: RawCell[] = [];
        for (let index = 1; index < values.length; index++) cells.push(plainCell(values[index]));
        yield { row: row.number, cells };
      }
      // Only the first worksheet holds data; others (notes, lookups) are not read.
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `The Excel file cannot be read: ${message}`, {
      problems: [{ field: "file", message: "not a readable .xlsx workbook" }],
    });
  }
}
