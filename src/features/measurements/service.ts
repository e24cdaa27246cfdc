import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadScorecard, type Principal } from "../../domain/access.ts";
import { addMonths, formatMonth, type MonthKey, PeriodError, parseMonth } from "../../domain/periods.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { textProblem } from "../../schemas/common.ts";
import { findIndicatorById } from "../indicators/queries.ts";
import { findUnitById } from "../units/queries.ts";
import { formatOfFileName } from "./files.ts";
import { type ImportOptions, importMeasurements } from "./import.ts";
import { findMeasurement, selectHistoryOf, selectMeasurementsOf } from "./queries.ts";
import { dateToMonth, monthToDate } from "./rows.ts";
import {
  type historyQuery,
  importRowsInput,
  type MeasurementHistoryView,
  type MeasurementView,
  type measurementQuery,
} from "./schema.ts";
import { fileSource, rowsSource } from "./sources.ts";

/** Measurements sent as JSON go through exactly the same checks as a file. */
export function importMeasurementRows(db: Db, caller: Caller, input: z.input<typeof importRowsInput>) {
  const data = importRowsInput.parse(input);
  return importMeasurements(db, caller, rowsSource(data.rows), { dryRun: data.dryRun });
}

export function importMeasurementFile(
  db: Db,
  caller: Caller,
  file: { path: string; name: string },
  options: ImportOptions,
) {
  // The name is stored (audit trail, history of replaced values), so it is checked as any text is.
  const problem =
    file.name.length > 255
      ? ({ code: "too_big", params: { origin: "string", maximum: 255 } } as const)
      : textProblem(file.name, false);
  if (problem) {
    throw new AppError("validation_failed", "bad_file_name", {
      problems: [fieldProblem("file", problem.code, problem.params)],
    });
  }
  const source = fileSource(file.path, file.name, formatOfFileName(file.name));
  return importMeasurements(db, caller, source, options);
}

function month(input: string, field: string): MonthKey {
  try {
    return parseMonth(input);
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new AppError("validation_failed", "measurement_invalid_month", {
        params: { month: input },
        problems: [fieldProblem(field, error.code, error.params)],
      });
    }
    throw error;
  }
}

async function loadReadable(db: Db, principal: Principal, indicatorId: number, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("unit_not_found", { id: unitId });
  if (!canReadScorecard(principal, unit.path)) {
    throw forbidden("measurement_read_needs_role", { unit: unit.name });
  }
  const indicator = await findIndicatorById(db, indicatorId);
  if (!indicator) throw notFound("measurement_indicator_not_found", { id: indicatorId });
  return { unit, indicator };
}

/** The figures stored for one unit itself (not its subtree), month by month. */
export async function listMeasurements(
  db: Db,
  { principal }: Caller,
  query: z.infer<typeof measurementQuery>,
): Promise<MeasurementView[]> {
  await loadReadable(db, principal, query.indicatorId, query.unitId);
  const to = query.to ? month(query.to, "to") : parseMonth(new Date().toISOString().slice(0, 7));
  const from = query.from ? month(query.from, "from") : addMonths(to, -35);
  const rows = await selectMeasurementsOf(db, {
    indicatorId: query.indicatorId,
    unitId: query.unitId,
    from: monthToDate(from),
    to: monthToDate(to),
  });
  return rows.map((row) => ({
    ...row,
    month: formatMonth(dateToMonth(row.month)),
    recordedAt: row.recordedAt.toISOString(),
  }));
}

/** The current value of one cell and every value it replaced, newest first. */
export async function measurementHistory(
  db: Db,
  { principal }: Caller,
  query: z.infer<typeof historyQuery>,
): Promise<MeasurementHistoryView> {
  await loadReadable(db, principal, query.indicatorId, query.unitId);
  const key = {
    indicatorId: query.indicatorId,
    unitId: query.unitId,
    month: monthToDate(month(query.month, "month")),
  };
  const current = await findMeasurement(db, key);
  if (!current) throw notFound("measurement_value_not_found", { month: query.month });
  const replaced = await selectHistoryOf(db, key);
  return {
    month: query.month,
    current: {
      numerator: current.numerator,
      denominator: current.denominator,
      version: current.version,
      recordedAt: current.recordedAt.toISOString(),
      recordedByName: current.recordedByName,
    },
    replaced: replaced.map((entry) => ({
      ...entry,
      oldRecordedAt: entry.oldRecordedAt.toISOString(),
      replacedAt: entry.replacedAt.toISOString(),
    })),
  };
}
