// Importing monthly measurements, from a file or the JSON API, all or nothing.
//
// Pass 1 reads every row and checks it; the keys of the good rows go, a batch at a time, into a
// temporary table of the import's own transaction, where one query finds keys given twice. Nothing
// is written if any row is wrong. Pass 2 reads the rows again and writes them in batches. Both
// passes run in one transaction, so a failure anywhere leaves the database as it was, and the
// import holds only a batch of rows, the units named and the problems listed: its memory does not
// grow with the size of the file.

import { type Db, tidyAfterBulkWrite } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canImportFor, type Principal } from "../../domain/access.ts";
import { formatMonth, type MonthKey } from "../../domain/periods.ts";
import { idsInPath } from "../../domain/units.ts";
import { AppError, type FieldProblem } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { type FileFormat, readFileRows } from "./files.ts";
import {
  createImportKeyTable,
  type ImportKey,
  type IndicatorLookup,
  insertImportKeys,
  insertMeasurements,
  type MeasurementKey,
  type NewMeasurement,
  replaceMeasurements,
  type StoredMeasurement,
  selectIndicatorLookup,
  selectRepeatedImportKeys,
  selectStoredMeasurements,
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
  /** Opens the rows afresh each time: the import reads them twice. */
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

const BATCH_SIZE = 5000;
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
  const numerator = read("numerator", () => parseNumberCell(values.numerator));
  const denominator = read("denominator", () => parseNumberCell(values.denominator));

  if (numerator === null) problem("numerator", "is empty");
  if (denominator !== undefined && denominator !== null && denominator < 0) {
    problem("denominator", `${denominator} is negative; a denominator counts something and is 0 or more`);
  }
  if (indicator) {
    if (indicator.valueKind === "ratio") {
      if (denominator === null)
        problem("denominator", `is empty; ${indicator.code} is a ratio and needs one`);
      if (typeof numerator === "number" && numerator < 0) {
        problem("numerator", `${numerator} is negative; the numerator of a ratio is 0 or more`);
      }
    } else if (typeof denominator === "number") {
      problem(
        "denominator",
        `${indicator.code} is not a ratio (${indicator.valueKind}); leave the denominator empty and put the value in numerator`,
      );
    }
  }

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
    message: `${indicatorCode.get(key.indicatorId)}, ${unitCode.get(key.unitId)}, ${formatMonth(key.month)} appears again; row ${key.firstRow} has it already`,
  }));
  return { listed, count: repeated.count };
}

type CheckResult = { rows: number; unitFirstRows: Map<number, { unit: UnitLookup; row: number }> };

async function checkAllRows(
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
  await createImportKeyTable(tx);
  let keys: ImportKey[] = [];

  for await (const sourceRow of source.rows()) {
    rows++;
    if (rows % PROGRESS_EVERY === 0) onProgress?.({ phase: "checking", rows, done: false });
    const result = parseRow(sourceRow, lookups);
    if ("problems" in result) {
      addProblems(result.problems);
      continue;
    }
    const { parsed } = result;
    keys.push({
      row: parsed.row,
      indicatorId: parsed.indicator.id,
      unitId: parsed.unit.id,
      month: parsed.month,
    });
    if (keys.length === BATCH_SIZE) {
      await insertImportKeys(tx, keys);
      keys = [];
    }
    if (!unitFirstRows.has(parsed.unit.id))
      unitFirstRows.set(parsed.unit.id, { unit: parsed.unit, row: parsed.row });
  }
  await insertImportKeys(tx, keys);
  // Keys given twice are found after the other problems; the list keeps the order of the rows.
  const repeated = await repeatedKeyProblems(tx, lookups);
  problemCount += repeated.count;
  problems.push(...repeated.listed);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  problems.splice(MAX_REPORTED_PROBLEMS);
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

function sameValues(stored: StoredMeasurement, incoming: ParsedRow) {
  return stored.numerator === incoming.numerator && (stored.denominator ?? null) === incoming.denominator;
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
  let checked: CheckResult = { rows: 0, unitFirstRows: new Map() };

  const report: ImportReport = {
    source: source.name,
    dryRun: options.dryRun,
    rows: 0,
    changed: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    changes: [],
    moreChanges: 0,
    ignoredColumns: [],
  };
  const listChange = (line: ChangeLine) => {
    if (report.changes.length < MAX_LISTED_CHANGES) report.changes.push(line);
    else report.moreChanges++;
  };

  const writeBatch = async (tx: Db, batch: ParsedRow[]) => {
    const keyText = (key: MeasurementKey) => `${key.indicatorId}:${key.unitId}:${key.month}`;
    const keys = batch.map((row) => ({
      indicatorId: row.indicator.id,
      unitId: row.unit.id,
      month: monthToDate(row.month),
    }));
    const stored = new Map(
      (await selectStoredMeasurements(tx, keys)).map((measurement) => [keyText(measurement), measurement]),
    );
    const inserts: NewMeasurement[] = [];
    const replacements: Parameters<typeof replaceMeasurements>[1] = [];
    batch.forEach((row, index) => {
      const key = keys[index] as MeasurementKey;
      const existing = stored.get(keyText(key));
      const after = { numerator: row.numerator, denominator: row.denominator };
      const line = {
        row: row.row,
        indicator: row.indicator.code,
        unit: row.unit.code,
        month: formatMonth(row.month),
      };
      if (!existing) {
        inserts.push({ ...key, ...after });
        listChange({ ...line, change: "new", before: null, after });
      } else if (sameValues(existing, row)) {
        report.unchanged++;
      } else {
        replacements.push({ stored: existing, ...after });
        listChange({
          ...line,
          change: "updated",
          before: { numerator: existing.numerator, denominator: existing.denominator },
          after,
        });
      }
    });
    report.inserted += inserts.length;
    report.updated += replacements.length;
    if (!options.dryRun) {
      await insertMeasurements(tx, inserts, actor);
      await replaceMeasurements(tx, replacements, actor, source.name);
    }
  };

  const writeAll = async (tx: Db) => {
    let batch: ParsedRow[] = [];
    let rows = 0;
    for await (const sourceRow of source.rows()) {
      const result = parseRow(sourceRow, lookups);
      if ("problems" in result) {
        throw new AppError(
          "conflict",
          `${source.name} changed while it was being imported. Nothing was imported.`,
        );
      }
      batch.push(result.parsed);
      rows++;
      if (batch.length === BATCH_SIZE) {
        await writeBatch(tx, batch);
        batch = [];
      }
      if (rows % PROGRESS_EVERY === 0) options.onProgress?.({ phase: "writing", rows, done: false });
    }
    await writeBatch(tx, batch);
    options.onProgress?.({ phase: "writing", rows, done: true });
    if (rows !== checked.rows) {
      throw new AppError(
        "conflict",
        `${source.name} changed while it was being imported. Nothing was imported.`,
      );
    }
    report.changed = report.inserted + report.updated;
    // Importing the same data again is a no-op: no audit row when nothing changed.
    if (!options.dryRun && report.changed > 0) {
      const unitsInFile = [...checked.unitFirstRows.values()].map((entry) => entry.unit);
      await recordAudit(tx, actor, {
        action: "import",
        entityType: "measurement_import",
        entityId: source.name,
        unitId: commonUnitId(unitsInFile.map((unit) => unit.path)),
        after: {
          source: source.name,
          rows: report.rows,
          inserted: report.inserted,
          updated: report.updated,
          unchanged: report.unchanged,
          units: unitsInFile.map((unit) => unit.code).sort(),
        },
      });
    }
  };

  try {
    // One transaction from the first row read to the last one written: the check keeps its keys in
    // a temporary table of this connection, and whatever fails leaves nothing behind.
    await db.transaction(async (tx) => {
      checked = await checkAllRows(tx, source, lookups, principal, options.onProgress);
      report.rows = checked.rows;
      report.ignoredColumns = source.ignoredColumns();
      await writeAll(tx);
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
  if (!options.dryRun && report.changed > 0) await tidyAfterBulkWrite(db, "measurements");
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
