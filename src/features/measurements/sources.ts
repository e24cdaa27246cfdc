// Where imported rows come from: a CSV or XLSX file on disk, or rows sent as JSON. Each source
// yields the cells of its rows by column, numbered as the user sees them; the checks are the same
// for all (check.ts).

import { AppError, fieldProblem } from "../../errors.ts";
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
      for await (const { row, cells } of readFileRows(filePath, format, name)) {
        if (isBlankRow(cells)) continue;
        if (positions === null) {
          const header = mapHeader(cells);
          if (header.problems.length > 0) {
            throw new AppError("validation_failed", "measurement_bad_header", {
              params: { file: name },
              problems: header.problems.map((problem) =>
                fieldProblem(problem.field, problem.code, problem.params, row),
              ),
            });
          }
          positions = header.positions;
          ignored = header.ignored;
          continue;
        }
        yield { row, values: valuesAt(cells, positions) };
      }
      if (positions === null) {
        throw new AppError("validation_failed", "measurement_empty_file", {
          params: { file: name },
          problems: [fieldProblem("file", "measurement_no_header_row")],
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
