// Test support for the measurement_totals tests (totals*.int.test.ts): a database per test file
// with a ratio and a count indicator, a small unit tree, and measurements written with plain SQL.
//
// measurement_totals holds, for every unit, the sums of the measurements of the units strictly
// below it, per indicator and month. Every expected figure in the tests is worked out by hand from
// the measurements each test writes; measurements are written with plain SQL so that each statement
// fires the triggers once (several rows in one statement where a test says so).

import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { systemCaller } from "../../caller.ts";
import type { UnitKind } from "../../db/schema.ts";
import { factories } from "../../testing/app.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { createIndicator } from "../indicators/service.ts";
import { moveUnit } from "../units/service.ts";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
export let database: TestDatabase;
export let make: ReturnType<typeof factories>;
/** A ratio (numerator and denominator) and a count (numerator only). */
export let EPI: number;
export let VISITS: number;

export type Total = {
  numerator: string;
  denominator: string | null;
  reports: number;
  children: Record<string, number>;
  childIds: number[];
};
export type Figure = [
  unitId: number,
  indicatorId: number,
  month: string,
  numerator: number,
  denominator: number | null,
];

export async function rows<T>(query: SQL): Promise<T[]> {
  const result: unknown = await database.db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error("no rows from the driver");
}

export const firstOf = (month: string) => sql`${`${month}-01`}::date`;

/** Inserts the figures in one statement. */
export async function insert(...figures: Figure[]) {
  const values = figures.map(
    ([unitId, indicatorId, month, numerator, denominator]) =>
      sql`(${indicatorId}::int, ${unitId}::int, ${firstOf(month)}, ${numerator}::float8, ${denominator}::float8, 'test')`,
  );
  await database.db.execute(
    sql`insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
        values ${sql.join(values, sql`, `)}`,
  );
}

/** Replaces the values of existing measurements, all in one update statement. */
export async function replace(...figures: Figure[]) {
  const values = figures.map(
    ([unitId, indicatorId, month, numerator, denominator]) =>
      sql`(${indicatorId}::int, ${unitId}::int, ${firstOf(month)}, ${numerator}::float8, ${denominator}::float8)`,
  );
  await database.db.execute(
    sql`update measurements m set numerator = v.numerator, denominator = v.denominator, version = m.version + 1
        from (values ${sql.join(values, sql`, `)}) as v(indicator_id, unit_id, month, numerator, denominator)
        where m.indicator_id = v.indicator_id and m.unit_id = v.unit_id and m.month = v.month`,
  );
}

/** Deletes measurements in one statement. */
export async function remove(...keys: [unitId: number, indicatorId: number, month: string][]) {
  const values = keys.map(
    ([unitId, indicatorId, month]) => sql`(${indicatorId}::int, ${unitId}::int, ${firstOf(month)})`,
  );
  await database.db.execute(
    sql`delete from measurements m using (values ${sql.join(values, sql`, `)}) as v(indicator_id, unit_id, month)
        where m.indicator_id = v.indicator_id and m.unit_id = v.unit_id and m.month = v.month`,
  );
}

/** A unit's totals for one indicator, by month ("2024-01"); months without a row are absent. */
export async function totalsOf(unitId: number, indicatorId: number): Promise<Record<string, Total>> {
  const found = await rows<Total & { month: string }>(
    sql`select to_char(month, 'YYYY-MM') as month, trim_scale(numerator)::text as numerator,
               trim_scale(denominator)::text as denominator, reports, children, to_jsonb(child_ids) as "childIds"
        from measurement_totals where unit_id = ${unitId} and indicator_id = ${indicatorId} order by month`,
  );
  return Object.fromEntries(found.map(({ month, ...total }) => [month, total]));
}

/** The expected row: children as [unit id, measurements] in the order child_ids must have. */
export function total(numerator: string, denominator: string | null, children: [number, number][]): Total {
  return {
    numerator,
    denominator,
    reports: children.reduce((sum, [, count]) => sum + count, 0),
    children: Object.fromEntries(children.map(([id, count]) => [String(id), count])),
    childIds: children.map(([id]) => id),
  };
}

/** The whole table, in key order, with numbers written without trailing zeros. */
export function wholeTable() {
  return rows<Record<string, unknown>>(
    sql`select unit_id as "unitId", indicator_id as "indicatorId", to_char(month, 'YYYY-MM') as month,
               trim_scale(numerator)::text as numerator, trim_scale(denominator)::text as denominator,
               reports, children, to_jsonb(child_ids) as "childIds"
        from measurement_totals order by unit_id, indicator_id, month`,
  );
}

export async function rebuild() {
  await database.db.execute(sql`select rebuild_measurement_totals()`);
}

export const unit = (parentId: number | null, kind: UnitKind = "department") => make.unit({ parentId, kind });

export async function move(unitId: number, parentId: number | null) {
  const [current] = await rows<{ version: number }>(sql`select version from units where id = ${unitId}`);
  if (!current) throw new Error(`no unit ${unitId}`);
  return moveUnit(database.db, systemCaller, unitId, {
    version: current.version,
    parentId,
  });
}

/** A fresh database for the test file, with the two indicators; dropped afterwards. */
export function setUpTotalsDatabase() {
  beforeAll(async () => {
    database = await createTestDatabase();
    make = factories(database);
    const indicator = async (code: string, valueKind: "ratio" | "count") =>
      (
        await createIndicator(database.db, systemCaller, {
          code,
          nameNb: code,
          unitLabel: valueKind === "ratio" ? "%" : "antall",
          direction: "higher",
          valueKind,
          ...(valueKind === "ratio" ? { scale: 100, decimals: 1 } : {}),
        })
      ).id;
    EPI = await indicator("EPI", "ratio");
    VISITS = await indicator("VISITS", "count");
  });
  afterAll(() => database?.drop());
}

/** region > trust T1 > departments D1 and D2, and region > trust T2 > department D3. */
export async function tree() {
  const region = await unit(null, "regional_health_authority");
  const t1 = await unit(region.id, "health_trust");
  const t2 = await unit(region.id, "health_trust");
  const d1 = await unit(t1.id);
  const d2 = await unit(t1.id);
  const d3 = await unit(t2.id);
  return { region: region.id, t1: t1.id, t2: t2.id, d1: d1.id, d2: d2.id, d3: d3.id };
}

/** EPI in January and February: both departments of T1, T1's own January, and D3 under T2. */
export function epiFigures(u: Awaited<ReturnType<typeof tree>>): Figure[] {
  return [
    [u.d1, EPI, "2024-01", 30, 50],
    [u.d1, EPI, "2024-02", 32, 50],
    [u.d2, EPI, "2024-01", 9, 10],
    [u.d2, EPI, "2024-02", 8, 10],
    [u.t1, EPI, "2024-01", 100, 200],
    [u.d3, EPI, "2024-01", 5, 20],
  ];
}
