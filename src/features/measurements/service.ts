import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { canReadScorecard, type Principal } from "../../domain/access.ts";
import { addMonths, formatMonth, type MonthKey, PeriodError, parseMonth } from "../../domain/periods.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { id, monthText, textProblem } from "../../schemas/common.ts";
import type { Actor } from "../audit/service.ts";
import { findIndicatorById } from "../indicators/queries.ts";
import { findUnitById } from "../units/queries.ts";
import { formatOfFileName } from "./files.ts";
import { fileSource, type ImportOptions, importMeasurements, rowsSource } from "./import.ts";
import { findMeasurement, selectHistoryOf, selectMeasurementsOf } from "./queries.ts";
import { dateToMonth, monthToDate } from "./rows.ts";

// A cell as JSON: text or a number, as a file would have it; the importer checks what it means.
const cell = z.union([z.string().max(200), z.number(), z.null()]).optional();

export const importRowsInput = z.object({
  rows: z
    .array(z.object({ indicator: cell, unit: cell, month: cell, numerator: cell, denominator: cell }))
    .max(50_000, { message: "send at most 50 000 rows at a time; use a file for more" }),
  dryRun: z.boolean().default(false),
});

/** Measurements sent as JSON go through exactly the same checks as a file. */
export function importMeasurementRows(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: z.input<typeof importRowsInput>,
) {
  const data = importRowsInput.parse(input);
  return importMeasurements(db, principal, actor, rowsSource(data.rows), { dryRun: data.dryRun });
}

export function importMeasurementFile(
  db: Db,
  principal: Principal,
  actor: Actor,
  file: { path: string; name: string },
  options: ImportOptions,
) {
  // The name is stored (audit trail, history of replaced values), so it is checked as any text is.
  const problem = file.name.length > 255 ? "is longer than 255 characters" : textProblem(file.name, false);
  if (problem) {
    throw new AppError(
      "validation_failed",
      `The file name ${problem}. Rename the file and import it again.`,
      {
        problems: [{ field: "file", message: `the file name ${problem}` }],
      },
    );
  }
  const source = fileSource(file.path, file.name, formatOfFileName(file.name));
  return importMeasurements(db, principal, actor, source, options);
}

export const measurementQuery = z.object({
  indicatorId: id,
  unitId: id,
  from: monthText.optional(),
  to: monthText.optional(),
});

export const historyQuery = z.object({
  indicatorId: id,
  unitId: id,
  month: monthText,
});

function month(input: string, field: string): MonthKey {
  try {
    return parseMonth(input);
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new AppError("validation_failed", error.message, {
        problems: [{ field, message: error.message }],
      });
    }
    throw error;
  }
}

async function loadReadable(db: Db, principal: Principal, indicatorId: number, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound(`Unit ${unitId}`);
  if (!canReadScorecard(principal, unit.path)) {
    throw forbidden(`You need a role on ${unit.name} (or above it) to see its figures.`);
  }
  const indicator = await findIndicatorById(db, indicatorId);
  if (!indicator) throw notFound(`Indicator ${indicatorId}`);
  return { unit, indicator };
}

/** The figures stored for one unit itself (not its subtree), month by month. */
export async function listMeasurements(
  db: Db,
  principal: Principal,
  query: z.infer<typeof measurementQuery>,
) {
  await loadReadable(db, principal, query.indicatorId, query.unitId);
  const to = query.to ? month(query.to, "to") : parseMonth(new Date().toISOString().slice(0, 7));
  const from = query.from ? month(query.from, "from") : addMonths(to, -35);
  const rows = await selectMeasurementsOf(db, {
    indicatorId: query.indicatorId,
    unitId: query.unitId,
    from: monthToDate(from),
    to: monthToDate(to),
  });
  return rows.map((row) => ({ ...row, month: formatMonth(dateToMonth(row.month)) }));
}

/** The current value of one cell and every value it replaced, newest first. */
export async function measurementHistory(db: Db, principal: Principal, query: z.infer<typeof historyQuery>) {
  await loadReadable(db, principal, query.indicatorId, query.unitId);
  const key = {
    indicatorId: query.indicatorId,
    unitId: query.unitId,
    month: monthToDate(month(query.month, "month")),
  };
  const current = await findMeasurement(db, key);
  if (!current) throw notFound(`A value for ${query.month}`);
  return {
    month: query.month,
    current: {
      numerator: current.numerator,
      denominator: current.denominator,
      version: current.version,
      recordedAt: current.recordedAt,
      recordedByName: current.recordedByName,
    },
    replaced: await selectHistoryOf(db, key),
  };
}
