// Streaming readers for measurement files. Each yields one row at a time, so a file of any size
// is read in constant memory, within the limits of src/files/limits.ts.

import fs from "node:fs";
import path from "node:path";
import { AppError, fieldProblem } from "../../errors.ts";
import { readCsvRecords, sniffDelimiter } from "../../files/csv.ts";
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
  throw new AppError("bad_request", "measurement_unsupported_file_type", {
    params: { file: fileName, extension },
    problems: [fieldProblem("file", "measurement_unsupported_file_type", { value: extension })],
  });
}

/** `name` is the file as the user named it, for problems. */
export function readFileRows(filePath: string, format: FileFormat, name: string): AsyncIterable<FileRow> {
  return format === "csv" ? readCsvRows(filePath, name) : readFirstSheet(filePath, limits.spreadsheet, name);
}

async function* readCsvRows(filePath: string, name: string): AsyncIterable<FileRow> {
  const encoding = await detectFileEncoding(filePath);
  // UTF-8 goes to the parser as it is; other encodings are turned into UTF-8 on the way.
  const stages = encoding === "utf-8" ? [] : [transcodeToUtf8(encoding)];
  const records = readCsvRecords([fs.createReadStream(filePath), ...stages], {
    limits: limits.csv,
    name,
    delimiter: sniffDelimiter(await readFirstLine(filePath, encoding)),
    lenient: true,
  });
  for await (const { line, cells } of records) yield { row: line, cells };
}
