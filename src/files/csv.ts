// What both CSV readers share: the delimiter, the limits, and problems that name the row. The
// file is parsed as a stream in slices, giving the event loop a turn between them, so a file at
// the size limit cannot hold other requests (or /api/health) up. csv-parse bounds a record's
// characters; the columns are counted on the raw bytes before parsing, so a line of a million
// delimiters stops at the first one too many rather than after building a million-element array;
// rows, cells and NUL characters are checked as each record is completed. (csv-parse's per-field
// `cast` hook could count columns too, but costs twenty times the parsing itself.)

import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type InfoRecord, parse } from "csv-parse";
import { AppError } from "../errors.ts";
import { fileTooLarge, ReadingBudget, unreadableFile } from "./budget.ts";
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

const tooManyColumns = (name: string, maxColumns: number, line: number) =>
  unreadableFile("file_too_many_columns", { file: name, max: maxColumns, row: line }, line);

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Passes UTF-8 bytes on unchanged, counting the delimiters of each record outside quotes (an
 * escaped quote `""` toggles twice), and fails at the first record with too many columns. ASCII
 * bytes never occur inside a multi-byte UTF-8 letter, so bytes can be compared one by one.
 */
function columnGuard(delimiter: string, maxColumns: number, name: string): Transform {
  const delimiterByte = delimiter.charCodeAt(0);
  let inQuotes = false;
  let columns = 1;
  let line = 1;
  let afterCarriageReturn = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) {
        if (byte === QUOTE) {
          inQuotes = !inQuotes;
        } else if (byte === LINE_FEED || byte === CARRIAGE_RETURN) {
          if (!(byte === LINE_FEED && afterCarriageReturn)) line += 1;
          if (!inQuotes) columns = 1;
        } else if (byte === delimiterByte && !inQuotes) {
          columns += 1;
          if (columns > maxColumns) return done(tooManyColumns(name, maxColumns, line));
        }
        afterCarriageReturn = byte === CARRIAGE_RETURN;
      }
      done(null, chunk);
    },
  });
}

/** Checks a completed record against the limits; `cellsBefore` counts the cells of earlier records. */
function checkRecord(record: string[], line: number, cellsBefore: number, limits: CsvLimits, name: string) {
  if (cellsBefore + record.length > limits.maxCells) {
    throw fileTooLarge("file_too_many_cells", { file: name, max: limits.maxCells }, line);
  }
  if (record.some((value) => value.includes("\0"))) {
    throw unreadableFile("file_nul_character", { file: name, row: line }, line);
  }
}

/** A csv-parse error (a broken quote, a record too long) as a problem naming its line; else null. */
export function csvProblem(error: unknown, name: string): AppError | null {
  if (error instanceof AppError) return error;
  if (!(error instanceof Error && "code" in error && typeof error.code === "string")) return null;
  if (!error.code.startsWith("CSV_")) return null;
  const line = "lines" in error && typeof error.lines === "number" ? error.lines : undefined;
  if (error.code === "CSV_MAX_RECORD_SIZE") return fileTooLarge("file_row_too_long", { file: name }, line);
  // csv-parse's own words are English; its code says which kind of fault it is.
  const reason = /QUOTE/.test(error.code) ? "file_csv_quote" : "file_csv_broken";
  return unreadableFile(reason, { file: name, row: line ?? 1, csvCode: error.code }, line);
}

export type CsvReading = {
  limits: CsvLimits;
  /** The file as named in messages. */
  name: string;
  delimiter: string;
  /** Trims spaces around fields and skips empty lines (measurement files); else kept as written. */
  lenient: boolean;
};

/** A record as read: the line it ends on (the header is line 1) and its fields. */
export type CsvRecord = { line: number; cells: string[] };

type ParsedItem = { record: string[]; info: InfoRecord };

/** Text held in memory as a stream of slices small enough that parsing one takes a few milliseconds. */
export function textSlices(text: string): Readable {
  const bytes = Buffer.from(text, "utf8");
  const sliceBytes = 64 * 1024;
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += sliceBytes) yield bytes.subarray(at, at + sliceBytes);
    })(),
  );
}

/**
 * Reads CSV records one at a time, within the limits, from a source of UTF-8 bytes (through
 * whatever transforms follow it, such as a transcoder).
 */
export async function* readCsvRecords(
  streams: [Readable, ...Transform[]],
  reading: CsvReading,
): AsyncIterable<CsvRecord> {
  const { limits, name } = reading;
  const budget = new ReadingBudget(name, { maxTotalBytes: Number.POSITIVE_INFINITY, ...limits });
  const parser = parse({
    max_record_size: limits.maxRecordChars,
    delimiter: reading.delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: reading.lenient,
    trim: reading.lenient,
  });
  // The parser is what is read below: a failure anywhere ends up there (pipeline destroys it with
  // the error), and stopping early ends the pipeline, which then has nothing more to say.
  pipeline([...streams, columnGuard(reading.delimiter, limits.maxColumns, name), parser]).catch(() => {});
  let records = 0;
  let cells = 0;
  try {
    for await (const item of parser as AsyncIterable<ParsedItem>) {
      const line = item.info.lines;
      records += 1;
      if (records > limits.maxRows) {
        throw fileTooLarge("file_too_many_rows", { file: name, max: limits.maxRows }, line);
      }
      checkRecord(item.record, line, cells, limits, name);
      cells += item.record.length;
      yield { line, cells: item.record };
      await budget.breathe();
    }
  } catch (error) {
    throw csvProblem(error, name) ?? error;
  } finally {
    parser.destroy();
  }
}
