// Checking imported rows: each row on its own (codes, month, figures), then what needs every row
// (keys given twice) and the caller's rights on the units named. The good rows wait in the
// import's temporary table; nothing is written if any row is wrong.

import { type Db, openRowWriter } from "../../db/client.ts";
import { canImportFor, type Principal } from "../../domain/access.ts";
import type { MonthKey } from "../../domain/periods.ts";
import { checkMeasurementValues } from "../../domain/values.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import type { FieldProblemCode } from "../../i18n/problems/index.ts";
import type { ProblemParams } from "../../schemas/contract.ts";
import {
  createImportTables,
  type IndicatorLookup,
  importRowsTable,
  selectIndicatorLookup,
  selectRepeatedImportKeys,
  selectUnitLookup,
  type UnitLookup,
} from "./queries.ts";
import {
  CellError,
  type Column,
  cellText,
  monthToDate,
  parseMonthCell,
  parseNumberCell,
  type RawCell,
} from "./rows.ts";
import type { ImportSource, SourceRow } from "./sources.ts";

export type ImportProgress = { phase: "checking" | "writing"; rows: number; done: boolean };

const PROGRESS_EVERY = 10_000;
/** Problems listed in full; the rest are counted. A file with a wrong column has one per row. */
export const MAX_REPORTED_PROBLEMS = 200;

export type Lookups = {
  indicatorsByCode: Map<string, IndicatorLookup>;
  unitsByCode: Map<string, UnitLookup>;
};

export async function loadLookups(db: Db): Promise<Lookups> {
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
  // Every problem names its row and column and the value found in the cell (as written, cut short).
  const problem = (field: Column, code: FieldProblemCode, params: ProblemParams = {}) =>
    problems.push(fieldProblem(field, code, { column: field, value: shown(values[field]), ...params }, row));

  const lookup = <T extends { code: string }>(
    column: Column,
    map: Map<string, T>,
    unknown: "measurement_unknown_indicator" | "measurement_unknown_unit",
  ) => {
    const code = cellText(values[column]);
    if (code === "") {
      problem(column, "required");
      return undefined;
    }
    const found = map.get(code.toLowerCase());
    if (!found) problem(column, unknown);
    return found;
  };
  const indicator = lookup("indicator", lookups.indicatorsByCode, "measurement_unknown_indicator");
  if (indicator?.retired) problem("indicator", "measurement_retired_indicator", { code: indicator.code });
  const unit = lookup("unit", lookups.unitsByCode, "measurement_unknown_unit");

  const read = <T>(column: Column, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof CellError) {
        problem(column, error.code, error.params);
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
  for (const each of checked.problems) problem(each.field, each.code, each.params);
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

/** A cell's value as found, for a problem: text as written, cut short when long. */
function shown(cell: RawCell | undefined): string {
  const text = cellText(cell);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
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
  const listed: FieldProblem[] = repeated.keys.map((key) =>
    fieldProblem(
      "month",
      "measurement_repeated_key",
      {
        column: "month",
        value: key.month,
        indicator: indicatorCode.get(key.indicatorId) ?? null,
        unit: unitCode.get(key.unitId) ?? null,
        month: key.month,
        firstRow: key.firstRow,
      },
      key.row,
    ),
  );
  return { listed, count: repeated.count };
}

/** The units named, each with the first row that named it. */
export type UnitFirstRows = Map<number, { unit: UnitLookup; row: number }>;

export type CheckResult = { rows: number; unitFirstRows: UnitFirstRows };

/** The rows naming units `principal` may not write figures for: one problem per unit, at its first row. */
function forbiddenUnitProblems(principal: Principal, unitFirstRows: UnitFirstRows): FieldProblem[] {
  const forbidden: FieldProblem[] = [];
  for (const { unit, row } of unitFirstRows.values()) {
    if (!canImportFor(principal, unit.path)) {
      forbidden.push(
        fieldProblem(
          "unit",
          "measurement_not_allowed",
          { column: "unit", value: unit.code, unit: unit.code, unitName: unit.name },
          row,
        ),
      );
    }
  }
  return forbidden;
}

/** Reads every row once: checks it, and puts the good ones into the import table. */
export async function checkAndStageRows(
  tx: Db,
  source: ImportSource,
  lookups: Lookups,
  principal: Principal,
  onProgress: ((progress: ImportProgress) => void) | undefined,
): Promise<CheckResult> {
  const problems: FieldProblem[] = [];
  let problemCount = 0;
  const addProblems = (more: FieldProblem[]) => {
    problemCount += more.length;
    for (const each of more) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(each);
  };
  const unitFirstRows: UnitFirstRows = new Map();
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

  const forbidden = forbiddenUnitProblems(principal, unitFirstRows);
  addProblems(forbidden);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  problems.splice(MAX_REPORTED_PROBLEMS);

  if (problemCount > 0) {
    const onlyForbidden = forbidden.length === problemCount;
    const reason = onlyForbidden
      ? "measurement_import_units_forbidden"
      : problemCount > problems.length
        ? "measurement_import_has_problems_listed"
        : "measurement_import_has_problems";
    throw new AppError(onlyForbidden ? "forbidden" : "validation_failed", reason, {
      params: { file: source.name, count: problemCount, listed: problems.length, rows },
      problems,
      problemCount,
      rows,
    });
  }
  return { rows, unitFirstRows };
}
