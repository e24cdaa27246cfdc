// Streaming readers for measurement files. Each yields one row at a time, so a file of any size
// is read in constant memory, within the limits of src/files/limits.ts.

import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parse as parseCsv } from "csv-parse";
import { AppError } from "../../errors.ts";
import { boundedCsvOptions, csvProblem, sniffDelimiter } from "../../files/csv.ts";
import { measurementFileLimits as limits } from "../../files/limits.ts";
import { detectFileEncoding, readFirstLine, transcodeToUtf8 } from "../../files/text.ts";
import { readFirstSheet } from "../../files/xlsx.ts";
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
  return format === "csv"
    ? readCsvRows(filePath)
    : readFirstSheet(filePath, limits.spreadsheet, "The Excel file");
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
  const name = "The CSV file";
  const encoding = await detectFileEncoding(filePath);
  const parser = parseCsv({
    ...boundedCsvOptions(limits.csv, name),
    delimiter: sniffDelimiter(await readFirstLine(filePath, encoding)),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  // UTF-8 goes to the parser as it is; other encodings are turned into UTF-8 on the way.
  const stages = encoding === "utf-8" ? [] : [transcodeToUtf8(encoding)];
  // The parser is what is read below: a failure anywhere ends up there (pipeline destroys it with
  // the error), and stopping early ends the pipeline, which then has nothing more to say.
  pipeline([fs.createReadStream(filePath), ...stages, parser]).catch(() => {});
  try {
    for await (const item of parser) {
      if (!isCsvRecord(item)) throw new Error("csv-parse returned an unexpected record shape");
      yield { row: item.info.lines, cells: item.record };
    }
  } catch (error) {
    throw csvProblem(error, name) ?? error;
  }
}
