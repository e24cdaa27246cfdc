// The measurements API: monthly figures imported from files or sent as JSON, and read back one
// unit at a time. Shared with the web (types only).

import { z } from "zod";
import { id, monthText } from "../../schemas/common.ts";
import { ruleMessage } from "../../schemas/rules.ts";

// ---------------------------------------------------------------------------------------------
// Requests

// A cell as JSON: text or a number, as a file would have it; the importer checks what it means.
const cell = z.union([z.string().max(200), z.number(), z.null()]).optional();

export const importRowsInput = z.object({
  rows: z
    .array(z.object({ indicator: cell, unit: cell, month: cell, numerator: cell, denominator: cell }))
    .max(50_000, { message: ruleMessage("measurement_too_many_rows", { maximum: 50_000 }) }),
  dryRun: z.boolean().default(false),
});

export const importFileQuery = z.object({ dryRun: z.stringbool().default(false) });

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

// ---------------------------------------------------------------------------------------------
// Answers

const figures = z.object({ numerator: z.number(), denominator: z.number().nullable() });

export const importChangeView = z.object({
  row: z.number().int(),
  indicator: z.string(),
  unit: z.string(),
  month: z.string(),
  change: z.enum(["new", "updated"]),
  before: figures.nullable(),
  after: figures,
});

export const importReportView = z
  .object({
    source: z.string().meta({ description: "The file name, or `api`" }),
    dryRun: z.boolean(),
    rows: z.number().int(),
    changed: z.number().int().meta({ description: "inserted + updated: 0 when the same data comes again" }),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    changes: z.array(importChangeView).meta({ description: "The first changes, row by row" }),
    moreChanges: z.number().int(),
    ignoredColumns: z.array(z.string()),
  })
  .meta({ id: "ImportReport" });

export const measurementView = z
  .object({
    id: z.number().int(),
    month: z.string().meta({ description: "YYYY-MM" }),
    numerator: z.number(),
    denominator: z.number().nullable(),
    version: z.number().int(),
    recordedAt: z.string(),
    recordedByName: z.string(),
  })
  .meta({ id: "Measurement" });

export const measurementHistoryView = z
  .object({
    month: z.string(),
    current: z.object({
      numerator: z.number(),
      denominator: z.number().nullable(),
      version: z.number().int(),
      recordedAt: z.string(),
      recordedByName: z.string(),
    }),
    replaced: z.array(
      z.object({
        oldNumerator: z.number(),
        oldDenominator: z.number().nullable(),
        oldRecordedAt: z.string(),
        oldRecordedByName: z.string(),
        replacedAt: z.string(),
        replacedByName: z.string(),
        source: z.string(),
      }),
    ),
  })
  .meta({ id: "MeasurementHistory" });

export type ImportChangeView = z.infer<typeof importChangeView>;
export type ImportReportView = z.infer<typeof importReportView>;
export type MeasurementView = z.infer<typeof measurementView>;
export type MeasurementHistoryView = z.infer<typeof measurementHistoryView>;
