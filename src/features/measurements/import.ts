// Importing monthly measurements, from a file or the JSON API, all or nothing.
//
// The rows are read once, as a stream: each is checked, and the good ones go into a temporary
// table of the import's transaction (with COPY on PostgreSQL). Once the last row is read, the
// database finds keys given twice, and nothing is written if any row was wrong. Otherwise it
// compares the rows with the stored values and writes history, updates and new values in three
// set-based statements. A failure anywhere leaves the database as it was, and the import holds
// only a chunk of rows, the units named and the problems listed: its memory does not grow with
// the size of the file.

import { type Db, openRowWriter, tidyAfterBulkWrite } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canImportFor, type Principal } from "../../domain/access.ts";
import type { MonthKey } from "../../domain/periods.ts";
import { idsInPath } from "../../domain/units.ts";
import { checkMeasurementValues } from "../../domain/values.ts";
import { AppError, type FieldProblem } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { type FileFormat, readFileRows } from "./files.ts";
import {
  applyImportChanges,
  compareImportRows,
  createImportTables,
  type IndicatorLookup,
  importRowsTable,
  selectFirstImportChanges,
  selectIndicatorLookup,
  selectRepeatedImportKeys,
  selectUnitLookup,
  type UnitLookup,
} from "./queries.ts";
import {
  CellError,
  type Column,
  cellText,
  isBlankRow,
  mapHeader,
  monthToDate,
  parseMonthCell,
  parseNumberCell,
  type RowValues,
  valuesAt,
} from "./rows.ts";

export type SourceRow = { row: number; values: RowValues };

export type ImportSource = {
  /** Shown in reports and the audit trail: the file name, or "api". */
  name: string;
  /** Opens the rows afresh each time it is called. */
  rows(): AsyncIterable<SourceRow>;
  /** Columns the source had that are not ours (known once the rows have been read). */
  ignoredColumns(): string[];
};

export type ImportProgress = { phase: "checking" | "writing"; rows: number; done: boolean };

export type ImportOptions = {
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
};

export type ChangeLine = {
  row: number;
  indicator: string;
  unit: string;
  month: string;
  change: "new" | "updated";
  before: { numerator: number; denominator: number | null } | null;
  after: { numerator: number; denominator: number | null };
};

export type ImportReport = {
  source: string;
  dryRun: boolean;
  rows: number;
  /** inserted + updated: 0 when the same data is imported again. */
  changed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** The first changes, row by row, so a dry run shows what would happen. */
  changes: ChangeLine[];
  moreChanges: number;
  ignoredColumns: string[];
};

const PROGRESS_EVERY = 10_000;
/** Problems listed in full; the rest are counted. A file with a wrong column has one per row. */
export const MAX_REPORTED_PROBLEMS = 200;
const MAX_LISTED_CHANGES = 200;

type Lookups = {
  indicatorsByCode: Map<string, IndicatorLookup>;
  unitsByCode: Map<string, UnitLookup>;
};

async function loadLookups(db: Db): Promise<Lookups> {
  const [indicatorRows, unitRows] = await Promise.all([selectIndicatorLookup(db), selectUnitLookup(db)]);
  return {
    indicatorsByCode: new Map(indicatorRows.map((row) => [row.code.toLowerCase(), row])),
    unitsByCode: new Map(unitRows.map((row) => [row.code.toLowerCase(), row])),
  };
}

type ParsedRow = {
  row: number;
  indicator: IndicatorLookup;
  unit: UnitLookup;
  month: MonthKey;
  numerator: number;
  denominator: number | null;
};

/** One row checked on its own: the parsed values, or every problem it has. */
function parseRow(source: SourceRow, lookups: Lookups): { parsed: ParsedRow } | { problems: FieldProblem[] } {
  const { row, values } = source;
  const problems: FieldProblem[] = [];
  const problem = (field: Column, message: string) => problems.push({ row, field, message });

  const lookup = <T extends { code: string }>(column: Column, map: Map<string, T>, what: string) => {
    const code = cellText(values[column]);
    if (code === "") {
      problem(column, "is empty");
      return undefined;
    }
    const found = map.get(code.toLowerCase());
    if (!found) problem(column, `unknown ${what} code "${code}"`);
    return found;
  };
  const indicator = lookup("indicator", lookups.indicatorsByCode, "indicator");
  if (indicator?.retired) problem("indicator", `the indicator ${indicator.code} is retired`);
  const unit = lookup("unit", lookups.unitsByCode, "unit");

  const read = <T>(column: Column, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof CellError) {
        problem(column, error.message);
        return undefined;
      }
      throw error;
    }
  };
  const month = read("month", () => parseMonthCell(values.month));
  // What a figure may be is decided in one place, for files and the JSON API alike.
  const checked = checkMeasurementValues({
    indicator,
    numerator: read("numerator", () => parseNumberCell(values.numerator)),
    denominator: read("denominator", () => parseNumberCell(values.denominator)),
  });
  for (const each of checked.problems) problem(each.field, each.message);
  const { numerator, denominator } = checked;

  if (
    problems.length > 0 ||
    !indicator ||
    !unit ||
    month === undefined ||
    numerator === undefined ||
    numerator === null ||
    denominator === undefined
  ) {
    return { problems };
  }
  return { parsed: { row, indicator, unit, month, numerator, denominator } };
}

/**
 * Keys given twice: a problem for each later row (the first ones), naming the row that had the key
 * first, and how many there are in all.
 */
async function repeatedKeyProblems(tx: Db, lookups: Lookups) {
  const repeated = await selectRepeatedImportKeys(tx, MAX_REPORTED_PROBLEMS);
  const indicatorCode = new Map(
    [...lookups.indicatorsByCode.values()].map((entry) => [entry.id, entry.code]),
  );
  const unitCode = new Map([...lookups.unitsByCode.values()].map((entry) => [entry.id, entry.code]));
  const listed: FieldProblem[] = repeated.keys.map((key) => ({
    row: key.row,
    field: "month",
    message: `${indicatorCode.get(key.indicatorId)}, ${unitCode.get(key.unitId)}, ${key.month} appears again; row ${key.firstRow} has it already`,
  }));
  return { listed, count: repeated.count };
}

type CheckResult = { rows: number; unitFirstRows: Map<number, { unit: UnitLookup; row: number }> };

/** Reads every row once: checks it, and puts the good ones into the import table. */
async function checkAndStageRows(
  tx: Db,
  source: ImportSource,
  lookups: Lookups,
  principal: Principal,
  onProgress: ImportOptions["onProgress"],
): Promise<CheckResult> {
  const problems: FieldProblem[] = [];
  let problemCount = 0;
  const addProblems = (more: FieldProblem[]) => {
    problemCount += more.length;
    for (const each of more) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(each);
  };
  const unitFirstRows: CheckResult["unitFirstRows"] = new Map();
  let rows = 0;
  await createImportTables(tx);
  const writer = openRowWriter(tx, importRowsTable);

  try {
    for await (const sourceRow of source.rows()) {
      rows++;
      if (rows % PROGRESS_EVERY === 0) onProgress?.({ phase: "checking", rows, done: false });
      const result = parseRow(sourceRow, lookups);
      if ("problems" in result) {
        addProblems(result.problems);
        continue;
      }
      const { parsed } = result;
      // Good rows go in even after a bad one: keys given twice are found among all of them.
      await writer.write([
        parsed.row,
        parsed.indicator.id,
        parsed.unit.id,
        monthToDate(parsed.month),
        parsed.numerator,
        parsed.denominator,
      ]);
      if (!unitFirstRows.has(parsed.unit.id))
        unitFirstRows.set(parsed.unit.id, { unit: parsed.unit, row: parsed.row });
    }
  } catch (error) {
    // Ends the COPY so the transaction can roll back; the reading error is the one to report.
    await writer.close().catch(() => {});
    throw error;
  }
  await writer.close();
  // Keys given twice are found once every row is in; the list keeps the order of the rows.
  const repeated = await repeatedKeyProblems(tx, lookups);
  problemCount += repeated.count;
  problems.push(...repeated.listed);
  onProgress?.({ phase: "checking", rows, done: true });

  const forbidden: FieldProblem[] = [];
  for (const { unit, row } of unitFirstRows.values()) {
    if (!canImportFor(principal, unit.path)) {
      forbidden.push({
        row,
        field: "unit",
        message: `you may not write data for ${unit.name} (${unit.code}); that needs the editor role there`,
      });
    }
  }
  addProblems(forbidden);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  problems.splice(MAX_REPORTED_PROBLEMS);

  if (problemCount > 0) {
    const onlyForbidden = forbidden.length === problemCount;
    const more = problemCount > problems.length ? ` The first ${problems.length} are listed.` : "";
    throw new AppError(
      onlyForbidden ? "forbidden" : "validation_failed",
      onlyForbidden
        ? `${source.name} has data for units you may not write to. Nothing was imported.`
        : `${source.name} has ${problemCount} problem${problemCount === 1 ? "" : "s"}. Nothing was imported; correct the file and import it again.${more}`,
      { problems, problemCount, rows },
    );
  }
  return { rows, unitFirstRows };
}

/** The nearest unit above or equal to all the given ones, so the audit row shows where the import belongs. */
function commonUnitId(paths: string[]): number | null {
  const [first, ...rest] = paths.map(idsInPath);
  if (!first) return null;
  let length = first.length;
  for (const ids of rest) {
    let same = 0;
    while (same < Math.min(length, ids.length) && ids[same] === first[same]) same++;
    length = same;
  }
  return length === 0 ? null : (first[length - 1] ?? null);
}

export async function importMeasurements(
  db: Db,
  principal: Principal,
  actor: Actor,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const lookups = await loadLookups(db);
  let report: ImportReport;
  try {
    // One transaction from the first row read to the last one written: the rows wait in temporary
    // tables of this connection, and whatever fails leaves nothing behind.
    report = await db.transaction(async (tx) => {
      const checked = await checkAndStageRows(tx, source, lookups, principal, options.onProgress);
      const { inserted, updated } = await compareImportRows(tx);
      const changes = await selectFirstImportChanges(tx, MAX_LISTED_CHANGES);
      const result: ImportReport = {
        source: source.name,
        dryRun: options.dryRun,
        rows: checked.rows,
        changed: inserted + updated,
        inserted,
        updated,
        unchanged: checked.rows - inserted - updated,
        changes: changes.map((change) => ({
          row: change.row,
          indicator: change.indicator,
          unit: change.unit,
          month: change.month,
          change: change.isNew ? "new" : "updated",
          before:
            change.oldNumerator === null
              ? null
              : { numerator: change.oldNumerator, denominator: change.oldDenominator },
          after: { numerator: change.numerator, denominator: change.denominator },
        })),
        moreChanges: Math.max(0, inserted + updated - changes.length),
        ignoredColumns: source.ignoredColumns(),
      };
      // Importing the same data again is a no-op: nothing written, no audit row.
      if (options.dryRun || result.changed === 0) return result;
      options.onProgress?.({ phase: "writing", rows: result.changed, done: false });
      await applyImportChanges(tx, actor, source.name);
      const unitsInFile = [...checked.unitFirstRows.values()].map((entry) => entry.unit);
      await recordAudit(tx, actor, {
        action: "import",
        entityType: "measurement_import",
        entityId: source.name,
        unitId: commonUnitId(unitsInFile.map((unit) => unit.path)),
        after: {
          source: source.name,
          rows: result.rows,
          inserted,
          updated,
          unchanged: result.unchanged,
          units: unitsInFile.map((unit) => unit.code).sort(),
        },
      });
      options.onProgress?.({ phase: "writing", rows: result.changed, done: true });
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        "Someone else stored some of these values at the same moment. Nothing was imported; import again.",
      );
    }
    throw error;
  }
  if (!options.dryRun && report.changed > 0)
    await tidyAfterBulkWrite(db, ["measurements", "measurement_totals"]);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Sources

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
              { problems: header.problems.map((problem) => ({ ...problem, row })) },
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
          problems: [{ field: "file", message: "no header row" }],
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
