// Where imported rows come from: a CSV or XLSX file on disk, or rows sent as JSON. Each source
// yields the cells of its rows by column, numbered as the user sees them; the checks are the same
// for all (check.ts).

import { AppError } from "../../errors.ts";
import { type FileFormat, readFileRows } from "./files.ts";
import { isBlankRow, mapHeader, type RowValues, valuesAt } from "./rows.ts";

export type SourceRow = { row: number; values: RowValues };

export type ImportSource = {
  /** Shown in reports and the audit trail: the file name, or "api". */
  name: string;
  /** Opens the rows afresh each time it is called. */
  rows(): AsyncIterable<SourceRow>;
  /** Columns the source had that are not ours (known once the rows have been read). */
  ignoredColumns(): string[];
};

/** A CSV or XLSX file on disk: the first non-empty row is the header. */
export function fileSource(filePath: string, name: string, format: FileFormat): ImportSource {
  let ignored: string[] = [];
  return {
    name,
    ignoredColumns: () => ignored,
    async *rows() {
      let positions: ReturnType<typeof mapHeader>["positions"] | null = null;
      for await (const { row, cells } of readFileRows(filePath, format)) {
        if (isBlankRow(cells)) continue;
        if (positions === null) {
          const header = mapHeader(cells);
          if (header.problems.length > 0) {
            throw new AppError(
              "validation_failed",
              `The first row of ${name} must name the columns: indicator, unit, month, numerator, denominator.`,
              {
                reason: "bad_header",
                params: { source: name },
                problems: header.problems.map((problem) => ({ ...problem, row })),
              },
            );
          }
          positions = header.positions;
          ignored = header.ignored;
          continue;
        }
        yield { row, values: valuesAt(cells, positions) };
      }
      if (positions === null) {
        throw new AppError("validation_failed", `${name} is empty: it has no header row.`, {
          reason: "empty_file",
          params: { source: name },
          problems: [{ field: "file", code: "no_header", message: "no header row" }],
        });
      }
    },
  };
}

/** Rows sent as JSON: row numbers count from 1 in the order sent. */
export function rowsSource(rows: readonly RowValues[], name = "api"): ImportSource {
  return {
    name,
    ignoredColumns: () => [],
    async *rows() {
      for (const [index, values] of rows.entries()) yield { row: index + 1, values };
    },
  };
}
