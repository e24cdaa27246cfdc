// Importing monthly measurements, from a file or the JSON API, all or nothing.
//
// The rows are read once, as a stream (sources.ts): each is checked, and the good ones go into a
// temporary table of the import's transaction (with COPY on PostgreSQL; check.ts). Once the last
// row is read, the database finds keys given twice, and nothing is written if any row was wrong.
// Otherwise it compares the rows with the stored values and writes history, updates and new
// values in three set-based statements. A failure anywhere leaves the database as it was, and the
// import holds only a chunk of rows, the units named and the problems listed: its memory does not
// grow with the size of the file.

import type { Caller } from "../../caller.ts";
import { type Db, tidyAfterBulkWrite } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { idsInPath } from "../../domain/units.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { checkAndStageRows, type ImportProgress, loadLookups } from "./check.ts";
import { applyImportChanges, compareImportRows, selectFirstImportChanges } from "./queries.ts";
import type { ImportReportView } from "./schema.ts";
import type { ImportSource } from "./sources.ts";

export type { ImportProgress } from "./check.ts";

export type ImportOptions = {
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportReport = ImportReportView;

const MAX_LISTED_CHANGES = 200;

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
  { principal, actor }: Caller,
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
      throw new AppError("conflict", "measurement_concurrent_import", { params: { file: source.name } });
    }
    throw error;
  }
  if (!options.dryRun && report.changed > 0)
    await tidyAfterBulkWrite(db, ["measurements", "measurement_totals"]);
  return report;
}
