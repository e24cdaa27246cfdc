import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
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

/** A good row's key while a file is checked; `month` as a MonthKey. */
export type ImportKey = { row: number; indicatorId: number; unitId: number; month: number };

/**
 * The keys of the file being checked, in a temporary table that belongs to the import's transaction
 * and goes with it. It lets the database find keys given twice, so the import need not keep every
 * key of a large file in memory.
 */
export async function createImportKeyTable(db: Db) {
  // "if not exists" and the truncate let a second import run inside the same outer transaction.
  await db.execute(
    sql`create temporary table if not exists import_keys (row int not null, indicator_id int not null,
          unit_id int not null, month int not null) on commit drop`,
  );
  await db.execute(sql`truncate import_keys`);
}

export async function insertImportKeys(db: Db, keys: ImportKey[]) {
  if (keys.length === 0) return;
  const values = JSON.stringify(keys.map((key) => [key.row, key.indicatorId, key.unitId, key.month]));
  await db.execute(
    sql`insert into import_keys (row, indicator_id, unit_id, month)
        select (k->>0)::int, (k->>1)::int, (k->>2)::int, (k->>3)::int from jsonb_array_elements(${values}::jsonb) as k`,
  );
}

/** Rows whose key an earlier row has: the first `limit` of them in row order, and how many in all. */
export async function selectRepeatedImportKeys(db: Db, limit: number) {
  const rows = await selectRows<ImportKey & { firstRow: number; total: number }>(
    db,
    sql`select row, "firstRow", "indicatorId", "unitId", month, (count(*) over ())::int as total
        from (select row, indicator_id as "indicatorId", unit_id as "unitId", month,
                     min(row) over (partition by indicator_id, unit_id, month) as "firstRow"
              from import_keys) as keys
        where row <> "firstRow"
        order by row
        limit ${limit}`,
  );
  return { keys: rows, count: rows[0]?.total ?? 0 };
}

export type MeasurementKey = { indicatorId: number; unitId: number; month: string };

export type StoredMeasurement = MeasurementKey & {
  id: number;
  numerator: number;
  denominator: number | null;
  recordedAt: string;
  recordedByName: string;
};

/** The stored rows for a batch of keys (`month` as `YYYY-MM-01`), in one round trip. */
export async function selectStoredMeasurements(db: Db, keys: MeasurementKey[]): Promise<StoredMeasurement[]> {
  if (keys.length === 0) return [];
  const wanted = JSON.stringify(keys.map((key) => ({ i: key.indicatorId, u: key.unitId, m: key.month })));
  return selectRows<StoredMeasurement>(
    db,
    sql`select m.id::float8 as "id", m.indicator_id as "indicatorId", m.unit_id as "unitId",
          to_char(m.month, 'YYYY-MM-DD') as "month", m.numerator, m.denominator,
          to_char(m.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "recordedAt",
          m.recorded_by_name as "recordedByName"
        from jsonb_to_recordset(${wanted}::jsonb) as x(i int, u int, m date)
        join measurements m on m.indicator_id = x.i and m.unit_id = x.u and m.month = x.m`,
  );
}

export type NewMeasurement = MeasurementKey & { numerator: number; denominator: number | null };

export async function insertMeasurements(db: Db, rows: NewMeasurement[], actor: Actor) {
  if (rows.length === 0) return;
  // One JSON parameter instead of eight per row: much faster for large batches, on PGlite above all.
  const values = JSON.stringify(
    rows.map((row) => ({
      i: row.indicatorId,
      u: row.unitId,
      m: row.month,
      n: row.numerator,
      d: row.denominator,
    })),
  );
  await db.execute(
    sql`insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_id, recorded_by_name)
        select x.i, x.u, x.m, x.n, x.d, ${actor.id}::int, ${actor.name}
        from jsonb_to_recordset(${values}::jsonb) as x(i int, u int, m date, n float8, d float8)`,
  );
}

/** Replaces values and keeps the replaced ones as history, both for a whole batch at once. */
export async function replaceMeasurements(
  db: Db,
  changes: { stored: StoredMeasurement; numerator: number; denominator: number | null }[],
  actor: Actor,
  source: string,
) {
  if (changes.length === 0) return;
  await db.insert(measurementHistory).values(
    changes.map(({ stored }) => ({
      measurementId: stored.id,
      oldNumerator: stored.numerator,
      oldDenominator: stored.denominator,
      oldRecordedAt: new Date(stored.recordedAt),
      oldRecordedByName: stored.recordedByName,
      replacedById: actor.id,
      replacedByName: actor.name,
      source,
    })),
  );
  const updates = JSON.stringify(
    changes.map((change) => ({ id: change.stored.id, n: change.numerator, d: change.denominator })),
  );
  await db.execute(
    sql`update measurements as m
        set numerator = x.n, denominator = x.d, version = m.version + 1, recorded_at = now(),
            recorded_by_id = ${actor.id}, recorded_by_name = ${actor.name}
        from jsonb_to_recordset(${updates}::jsonb) as x(id bigint, n float8, d float8)
        where m.id = x.id`,
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
