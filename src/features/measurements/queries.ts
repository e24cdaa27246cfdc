import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { CopyTarget, Db } from "../../db/client.ts";
import { indicators, measurementHistory, measurements, units } from "../../db/schema.ts";
import type { Actor } from "../audit/service.ts";

/**
 * Rows of a raw query. Both drivers (node-postgres and PGlite) answer with `{ rows }`; the SQL
 * casts every column to a type both turn into the same JavaScript value (int, float8, text).
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error("the database driver returned no rows array");
}

export type IndicatorLookup = { id: number; code: string; valueKind: string; retired: boolean };

export async function selectIndicatorLookup(db: Db): Promise<IndicatorLookup[]> {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      valueKind: indicators.valueKind,
      retired: sql<boolean>`${indicators.retiredAt} is not null`,
    })
    .from(indicators);
}

export type UnitLookup = { id: number; code: string; name: string; path: string };

export async function selectUnitLookup(db: Db): Promise<UnitLookup[]> {
  return db.select({ id: units.id, code: units.code, name: units.name, path: units.path }).from(units);
}

/**
 * The checked rows of the file being imported, in a temporary table that belongs to the import's
 * transaction and goes with it. The database then finds keys given twice, compares the rows with
 * the stored values and writes them, each in one statement, however large the file.
 */
export const importRowsTable: CopyTarget = {
  name: "import_rows",
  columns: [
    { name: "row", type: "int" },
    { name: "indicator_id", type: "int" },
    { name: "unit_id", type: "int" },
    { name: "month", type: "date" },
    { name: "numerator", type: "float8" },
    { name: "denominator", type: "float8" },
  ],
};

/** The key of one measurement: `month` as `YYYY-MM-01`. */
export type MeasurementKey = { indicatorId: number; unitId: number; month: string };

export async function createImportTables(db: Db) {
  // "if not exists" and the truncate let a second import run inside the same outer transaction.
  await db.execute(
    sql`create temporary table if not exists import_rows (row int not null, indicator_id int not null,
          unit_id int not null, month date not null, numerator float8 not null, denominator float8)
        on commit drop`,
  );
  await db.execute(sql`truncate import_rows`);
}

/** Rows whose key an earlier row has: the first `limit` of them in row order, and how many in all. */
export async function selectRepeatedImportKeys(db: Db, limit: number) {
  const rows = await selectRows<{
    row: number;
    firstRow: number;
    indicatorId: number;
    unitId: number;
    month: string;
    total: number;
  }>(
    db,
    sql`select row, "firstRow", "indicatorId", "unitId", to_char(month, 'YYYY-MM') as month,
               (count(*) over ())::int as total
        from (select row, indicator_id as "indicatorId", unit_id as "unitId", month,
                     min(row) over (partition by indicator_id, unit_id, month) as "firstRow"
              from import_rows) as keys
        where row <> "firstRow"
        order by row
        limit ${limit}`,
  );
  return { keys: rows, count: rows[0]?.total ?? 0 };
}

/**
 * Compares the checked rows with the stored values, once: the rows that are new or differ go into
 * a second temporary table with the stored values they replace.
 */
export async function compareImportRows(db: Db) {
  // The planner needs to know how many rows the file had to choose between index probes and a scan.
  await db.execute(sql`analyze import_rows`);
  await db.execute(sql`drop table if exists import_changes`);
  await db.execute(
    sql`create temporary table import_changes on commit drop as
        select s.row, s.indicator_id, s.unit_id, s.month, s.numerator, s.denominator,
               m.id as measurement_id, m.numerator as old_numerator, m.denominator as old_denominator,
               m.recorded_at as old_recorded_at, m.recorded_by_name as old_recorded_by_name
        from import_rows s
        -- One probe of the key per row. Left to itself, the planner hashes the whole measurements
        -- table for a large file, which reads every stored value to find a few.
        left join lateral (
          select m.id, m.numerator, m.denominator, m.recorded_at, m.recorded_by_name from measurements m
          where m.indicator_id = s.indicator_id and m.unit_id = s.unit_id and m.month = s.month
          offset 0
        ) as m on true
        where m.id is null or m.numerator <> s.numerator or m.denominator is distinct from s.denominator`,
  );
  const [counts] = await selectRows<{ inserted: number; updated: number }>(
    db,
    sql`select (count(*) filter (where measurement_id is null))::int as inserted,
               (count(*) filter (where measurement_id is not null))::int as updated
        from import_changes`,
  );
  return counts ?? { inserted: 0, updated: 0 };
}

export type ImportChange = {
  row: number;
  indicator: string;
  unit: string;
  month: string;
  isNew: boolean;
  oldNumerator: number | null;
  oldDenominator: number | null;
  numerator: number;
  denominator: number | null;
};

/** The first changes in row order, with codes, so a report (and a dry run) shows what happens. */
export async function selectFirstImportChanges(db: Db, limit: number): Promise<ImportChange[]> {
  return selectRows<ImportChange>(
    db,
    sql`select c.row, i.code as indicator, u.code as unit, to_char(c.month, 'YYYY-MM') as month,
               c.measurement_id is null as "isNew", c.old_numerator as "oldNumerator",
               c.old_denominator as "oldDenominator", c.numerator, c.denominator
        from (select * from import_changes order by row limit ${limit}) as c
        join indicators i on i.id = c.indicator_id
        join units u on u.id = c.unit_id
        order by c.row`,
  );
}

/**
 * Writes the compared changes: the values replaced go to history first, then they are updated,
 * then the new ones are inserted. Three statements, whatever the number of rows.
 */
export async function applyImportChanges(db: Db, actor: Actor, source: string) {
  await db.execute(
    sql`insert into measurement_history (measurement_id, old_numerator, old_denominator, old_recorded_at,
          old_recorded_by_name, replaced_by_id, replaced_by_name, source)
        select measurement_id, old_numerator, old_denominator, old_recorded_at, old_recorded_by_name,
               ${actor.id}::int, ${actor.name}, ${source}
        from import_changes where measurement_id is not null`,
  );
  await db.execute(
    sql`update measurements as m
        set numerator = c.numerator, denominator = c.denominator, version = m.version + 1,
            recorded_at = now(), recorded_by_id = ${actor.id}::int, recorded_by_name = ${actor.name}
        from import_changes c
        where c.measurement_id is not null and m.id = c.measurement_id`,
  );
  await db.execute(
    sql`insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_id, recorded_by_name)
        select indicator_id, unit_id, month, numerator, denominator, ${actor.id}::int, ${actor.name}
        from import_changes where measurement_id is null`,
  );
}

export async function selectMeasurementsOf(
  db: Db,
  filter: { indicatorId: number; unitId: number; from: string; to: string },
) {
  return db
    .select({
      id: measurements.id,
      month: measurements.month,
      numerator: measurements.numerator,
      denominator: measurements.denominator,
      version: measurements.version,
      recordedAt: measurements.recordedAt,
      recordedByName: measurements.recordedByName,
    })
    .from(measurements)
    .where(
      and(
        eq(measurements.indicatorId, filter.indicatorId),
        eq(measurements.unitId, filter.unitId),
        gte(measurements.month, filter.from),
        lte(measurements.month, filter.to),
      ),
    )
    .orderBy(asc(measurements.month));
}

export async function selectHistoryOf(db: Db, key: MeasurementKey) {
  return db
    .select({
      oldNumerator: measurementHistory.oldNumerator,
      oldDenominator: measurementHistory.oldDenominator,
      oldRecordedAt: measurementHistory.oldRecordedAt,
      oldRecordedByName: measurementHistory.oldRecordedByName,
      replacedAt: measurementHistory.replacedAt,
      replacedByName: measurementHistory.replacedByName,
      source: measurementHistory.source,
    })
    .from(measurementHistory)
    .innerJoin(measurements, eq(measurements.id, measurementHistory.measurementId))
    .where(
      and(
        eq(measurements.indicatorId, key.indicatorId),
        eq(measurements.unitId, key.unitId),
        eq(measurements.month, key.month),
      ),
    )
    .orderBy(desc(measurementHistory.id));
}

export async function findMeasurement(db: Db, key: MeasurementKey) {
  const [row] = await db
    .select()
    .from(measurements)
    .where(
      and(
        eq(measurements.indicatorId, key.indicatorId),
        eq(measurements.unitId, key.unitId),
        eq(measurements.month, key.month),
      ),
    );
  return row;
}
