// What both CSV readers share: the delimiter, the limits on records, and problems that name the
// row. csv-parse itself bounds a record's characters; the number of fields and records is
// checked as each field is read (its `cast` hook), so a line of a million delimiters stops at the
// first field too many rather than after building a million-element array.

import type { CastingContext, Options } from "csv-parse";
import { AppError } from "../errors.ts";
import { fileTooLarge, formatCount, unreadableFile } from "./budget.ts";
import type { CsvLimits } from "./limits.ts";

/** The delimiter is the header line's most frequent of `;` (Norwegian Excel), `,` and tab. */
export function sniffDelimiter(headerLine: string): string {
  const counts = [";", ",", "\t"].map((delimiter) => ({
    delimiter,
    count: headerLine.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? (counts[0].delimiter as string) : ",";
}

/** csv-parse options that hold a file to the limits; `name` names the file in messages. */
export function boundedCsvOptions(limits: CsvLimits, name: string): Options {
  return {
    max_record_size: limits.maxRecordChars,
    cast(value: string, context: CastingContext) {
      if (context.index >= limits.maxColumns) {
        throw unreadableFile(
          `${name} has more than ${limits.maxColumns} columns on line ${formatCount(context.lines)}; at most ${limits.maxColumns} are read.`,
          `more than ${limits.maxColumns} columns`,
          context.lines,
        );
      }
      if (context.records >= limits.maxRows) {
        throw fileTooLarge(
          `${name} has more than ${formatCount(limits.maxRows)} rows, more than can be read at once. Split it into smaller files.`,
          `more than ${formatCount(limits.maxRows)} rows`,
          context.lines,
        );
      }
      if (value.includes("\0")) {
        throw unreadableFile(
          `${name} has a NUL character on line ${formatCount(context.lines)}, so it is not a text file. If it is UTF-16, save it as "CSV UTF-8" instead.`,
          "NUL character in the file",
          context.lines,
        );
      }
      return value;
    },
  };
}

/** A csv-parse error (a broken quote, a record too long) as a problem naming its line; else null. */
export function csvProblem(error: unknown, name: string): AppError | null {
  if (error instanceof AppError) return error;
  if (!(error instanceof Error && "code" in error && typeof error.code === "string")) return null;
  if (!error.code.startsWith("CSV_")) return null;
  const line = "lines" in error && typeof error.lines === "number" ? error.lines : undefined;
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return fileTooLarge(
      `${name} has a row longer than can be read${line ? ` (line ${formatCount(line)})` : ""}.`,
      "a row is too long",
      line,
    );
  }
  return unreadableFile(`${name} cannot be read: ${error.message}`, error.message, line);
}
