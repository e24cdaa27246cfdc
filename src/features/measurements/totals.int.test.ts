import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../caller.ts";
import type { UnitKind } from "../../db/schema.ts";
import { factories } from "../../testing/app.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { createIndicator } from "../indicators/service.ts";
import { moveUnit } from "../units/service.ts";
import { importMeasurementRows } from "./service.ts";

// measurement_totals holds, for every unit, the sums of the measurements of the units strictly
// below it, per indicator and month. Every expected figure below is worked out by hand from the
// measurements each test writes; measurements are written with plain SQL so that each statement
// fires the triggers once (several rows in one statement where a test says so).

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDatabase;
let make: ReturnType<typeof factories>;
/** A ratio (numerator and denominator) and a count (numerator only). */
let EPI: number;
let VISITS: number;

type Total = {
  numerator: string;
  denominator: string | null;
  reports: number;
  children: Record<string, number>;
  childIds: number[];
};
type Figure = [
  unitId: number,
  indicatorId: number,
  month: string,
  numerator: number,
  denominator: number | null,
];

async function rows<T>(query: SQL): Promise<T[]> {
  const result: unknown = await database.db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error("no rows from the driver");
}

const firstOf = (month: string) => sql`${`${month}-01`}::date`;

/** Inserts the figures in one statement. */
async function insert(...figures: Figure[]) {
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
async function replace(...figures: Figure[]) {
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
async function remove(...keys: [unitId: number, indicatorId: number, month: string][]) {
  const values = keys.map(
    ([unitId, indicatorId, month]) => sql`(${indicatorId}::int, ${unitId}::int, ${firstOf(month)})`,
  );
  await database.db.execute(
    sql`delete from measurements m using (values ${sql.join(values, sql`, `)}) as v(indicator_id, unit_id, month)
        where m.indicator_id = v.indicator_id and m.unit_id = v.unit_id and m.month = v.month`,
  );
}

/** A unit's totals for one indicator, by month ("2024-01"); months without a row are absent. */
async function totalsOf(unitId: number, indicatorId: number): Promise<Record<string, Total>> {
  const found = await rows<Total & { month: string }>(
    sql`select to_char(month, 'YYYY-MM') as month, trim_scale(numerator)::text as numerator,
               trim_scale(denominator)::text as denominator, reports, children, to_jsonb(child_ids) as "childIds"
        from measurement_totals where unit_id = ${unitId} and indicator_id = ${indicatorId} order by month`,
  );
  return Object.fromEntries(found.map(({ month, ...total }) => [month, total]));
}

/** The expected row: children as [unit id, measurements] in the order child_ids must have. */
function total(numerator: string, denominator: string | null, children: [number, number][]): Total {
  return {
    numerator,
    denominator,
    reports: children.reduce((sum, [, count]) => sum + count, 0),
    children: Object.fromEntries(children.map(([id, count]) => [String(id), count])),
    childIds: children.map(([id]) => id),
  };
}

/** The whole table, in key order, with numbers written without trailing zeros. */
function wholeTable() {
  return rows<Record<string, unknown>>(
    sql`select unit_id as "unitId", indicator_id as "indicatorId", to_char(month, 'YYYY-MM') as month,
               trim_scale(numerator)::text as numerator, trim_scale(denominator)::text as denominator,
               reports, children, to_jsonb(child_ids) as "childIds"
        from measurement_totals order by unit_id, indicator_id, month`,
  );
}

async function rebuild() {
  await database.db.execute(sql`select rebuild_measurement_totals()`);
}

const unit = (parentId: number | null, kind: UnitKind = "department") => make.unit({ parentId, kind });

async function move(unitId: number, parentId: number | null) {
  const [current] = await rows<{ version: number }>(sql`select version from units where id = ${unitId}`);
  if (!current) throw new Error(`no unit ${unitId}`);
  return moveUnit(database.db, systemCaller, unitId, {
    version: current.version,
    parentId,
  });
}

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

/** region > trust T1 > departments D1 and D2, and region > trust T2 > department D3. */
async function tree() {
  const region = await unit(null, "regional_health_authority");
  const t1 = await unit(region.id, "health_trust");
  const t2 = await unit(region.id, "health_trust");
  const d1 = await unit(t1.id);
  const d2 = await unit(t1.id);
  const d3 = await unit(t2.id);
  return { region: region.id, t1: t1.id, t2: t2.id, d1: d1.id, d2: d2.id, d3: d3.id };
}

/** EPI in January and February: both departments of T1, T1's own January, and D3 under T2. */
function epiFigures(u: Awaited<ReturnType<typeof tree>>): Figure[] {
  return [
    [u.d1, EPI, "2024-01", 30, 50],
    [u.d1, EPI, "2024-02", 32, 50],
    [u.d2, EPI, "2024-01", 9, 10],
    [u.d2, EPI, "2024-02", 8, 10],
    [u.t1, EPI, "2024-01", 100, 200],
    [u.d3, EPI, "2024-01", 5, 20],
  ];
}

describe("totals after measurements at several levels", () => {
  let u: Awaited<ReturnType<typeof tree>>;

  beforeAll(async () => {
    u = await tree();
    await insert(...epiFigures(u));
    await insert([u.d1, VISITS, "2024-01", 7, null]);
    await insert([u.d2, VISITS, "2024-01", 3, null], [u.t1, VISITS, "2024-01", 4, null]);
  });

  it("gives a trust the sums of its departments, without its own figure", async () => {
    expect(await totalsOf(u.t1, EPI)).toEqual({
      // D1 30/50 + D2 9/10; T1's own 100/200 is not in its own totals.
      "2024-01": total("39", "60", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
      // D1 32/50 + D2 8/10.
      "2024-02": total("40", "60", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    });
    expect(await totalsOf(u.t2, EPI)).toEqual({ "2024-01": total("5", "20", [[u.d3, 1]]) });
  });

  it("gives a region its trusts' own figures plus everything below them", async () => {
    expect(await totalsOf(u.region, EPI)).toEqual({
      // T1 100/200 + D1 30/50 + D2 9/10 (T1: 3 measurements) + D3 5/20 (T2: 1).
      "2024-01": total("144", "280", [
        [u.t1, 3],
        [u.t2, 1],
      ]),
      "2024-02": total("40", "60", [[u.t1, 2]]),
    });
  });

  it("leaves units with nothing below them without totals", async () => {
    for (const leaf of [u.d1, u.d2, u.d3]) {
      expect(await totalsOf(leaf, EPI)).toEqual({});
      expect(await totalsOf(leaf, VISITS)).toEqual({});
    }
  });

  it("sums a count's numerators and keeps its denominator empty", async () => {
    expect(await totalsOf(u.t1, VISITS)).toEqual({
      "2024-01": total("10", null, [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    });
    expect(await totalsOf(u.region, VISITS)).toEqual({ "2024-01": total("14", null, [[u.t1, 3]]) });
    expect(await totalsOf(u.t2, VISITS)).toEqual({});
  });

  it("sorts child_ids as numbers, not as text", async () => {
    // Units added until the next id has more digits than D1's, so that text order would differ.
    const trust = await unit(u.region, "health_trust");
    const low = await unit(trust.id);
    let high = await unit(trust.id);
    while (String(high.id).length === String(low.id).length) high = await unit(trust.id);
    await insert([high.id, EPI, "2024-03", 1, 2], [low.id, EPI, "2024-03", 3, 4]);
    const march = (await totalsOf(trust.id, EPI))["2024-03"];
    expect(march?.childIds).toEqual([low.id, high.id]);
    expect(march).toEqual(
      total("4", "6", [
        [low.id, 1],
        [high.id, 1],
      ]),
    );
    await remove([high.id, EPI, "2024-03"], [low.id, EPI, "2024-03"]);
    expect(await totalsOf(trust.id, EPI)).toEqual({});
  });
});

describe("replacing and deleting measurements", () => {
  let u: Awaited<ReturnType<typeof tree>>;

  beforeAll(async () => {
    u = await tree();
    await insert(...epiFigures(u), [u.d1, VISITS, "2024-01", 7, null], [u.d2, VISITS, "2024-01", 3, null]);
  });

  it("changes the sums by the difference when a value is replaced, with the same reports", async () => {
    await replace([u.d1, EPI, "2024-01", 35, 55]);
    // T1: 35/55 + 9/10. Region: 100/200 + 35/55 + 9/10 + 5/20.
    expect((await totalsOf(u.t1, EPI))["2024-01"]).toEqual(
      total("44", "65", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    );
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(
      total("149", "285", [
        [u.t1, 3],
        [u.t2, 1],
      ]),
    );
    // February untouched.
    expect((await totalsOf(u.t1, EPI))["2024-02"]).toEqual(
      total("40", "60", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    );
  });

  it("keeps the sums when replacements in one statement cancel out", async () => {
    // D1 32/50 -> 30/50 and D2 8/10 -> 10/10: the numerators move by -2 and +2.
    await replace([u.d1, EPI, "2024-02", 30, 50], [u.d2, EPI, "2024-02", 10, 10]);
    expect((await totalsOf(u.t1, EPI))["2024-02"]).toEqual(
      total("40", "60", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    );
    // A real change of the denominator only: D2 10/10 -> 10/12.
    await replace([u.d2, EPI, "2024-02", 10, 12]);
    expect((await totalsOf(u.t1, EPI))["2024-02"]).toEqual(
      total("40", "62", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    );
    expect((await totalsOf(u.region, EPI))["2024-02"]).toEqual(total("40", "62", [[u.t1, 2]]));
  });

  it("replaces a count's value and keeps its denominator empty", async () => {
    await replace([u.d1, VISITS, "2024-01", 2, null]);
    expect(await totalsOf(u.t1, VISITS)).toEqual({
      "2024-01": total("5", null, [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    });
    expect(await totalsOf(u.region, VISITS)).toEqual({ "2024-01": total("5", null, [[u.t1, 2]]) });
  });

  it("takes a deleted measurement's share away and drops its unit from children", async () => {
    await remove([u.d2, EPI, "2024-01"]);
    // T1: only D1's 35/55 left. Region: 100/200 + 35/55 + 5/20.
    expect((await totalsOf(u.t1, EPI))["2024-01"]).toEqual(total("35", "55", [[u.d1, 1]]));
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(
      total("140", "275", [
        [u.t1, 2],
        [u.t2, 1],
      ]),
    );
  });

  it("deletes a row whose last measurement goes, and keeps a child that still has its own figure", async () => {
    await remove([u.d1, EPI, "2024-01"]);
    expect((await totalsOf(u.t1, EPI))["2024-01"]).toBeUndefined();
    // T1 still counts in the region's January with its own 100/200.
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(
      total("105", "220", [
        [u.t1, 1],
        [u.t2, 1],
      ]),
    );
    await remove([u.t1, EPI, "2024-01"]);
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(total("5", "20", [[u.t2, 1]]));
  });

  it("deletes several measurements in one statement, down to no rows at all", async () => {
    await remove(
      [u.d3, EPI, "2024-01"],
      [u.d1, EPI, "2024-02"],
      [u.d2, EPI, "2024-02"],
      [u.d1, VISITS, "2024-01"],
      [u.d2, VISITS, "2024-01"],
    );
    for (const id of Object.values(u)) {
      expect(await totalsOf(id, EPI)).toEqual({});
      expect(await totalsOf(id, VISITS)).toEqual({});
    }
    const [empty] = await rows<{ n: number }>(
      sql`select count(*)::int as n from measurement_totals where reports <= 0`,
    );
    expect(empty?.n).toBe(0);
  });

  it("gives the same sums again when a deleted measurement comes back", async () => {
    await insert([u.d1, EPI, "2024-01", 35, 55]);
    expect(await totalsOf(u.t1, EPI)).toEqual({ "2024-01": total("35", "55", [[u.d1, 1]]) });
    expect(await totalsOf(u.region, EPI)).toEqual({ "2024-01": total("35", "55", [[u.t1, 1]]) });
  });
});

describe("moving a department to another trust", () => {
  let u: Awaited<ReturnType<typeof tree>>;
  let section: number;

  beforeAll(async () => {
    u = await tree();
    // D1 has a section below it, so the move takes a subtree with it.
    section = (await unit(u.d1, "department")).id;
    await insert(
      [u.d1, EPI, "2024-01", 30, 50],
      [section, EPI, "2024-01", 1, 2],
      [section, EPI, "2024-02", 3, 4],
      [u.d2, EPI, "2024-01", 9, 10],
      [u.d3, EPI, "2024-01", 5, 20],
      [u.t1, EPI, "2024-01", 100, 200],
      [u.d1, VISITS, "2024-01", 6, null],
    );
  });

  it("starts with D1 and its section under T1", async () => {
    expect(await totalsOf(u.t1, EPI)).toEqual({
      // D1 30/50 + section 1/2 (2 under D1) + D2 9/10.
      "2024-01": total("40", "62", [
        [u.d1, 2],
        [u.d2, 1],
      ]),
      "2024-02": total("3", "4", [[u.d1, 1]]),
    });
    expect(await totalsOf(u.region, EPI)).toEqual({
      "2024-01": total("145", "282", [
        [u.t1, 4],
        [u.t2, 1],
      ]),
      "2024-02": total("3", "4", [[u.t1, 1]]),
    });
  });

  it("moves D1's share, with its section's, from T1 to T2", async () => {
    const moved = await move(u.d1, u.t2);
    expect(moved.parentId).toBe(u.t2);
    // T1 keeps D2 only; its February had only the section's figure and is gone.
    expect(await totalsOf(u.t1, EPI)).toEqual({ "2024-01": total("9", "10", [[u.d2, 1]]) });
    expect(await totalsOf(u.t1, VISITS)).toEqual({});
    // T2: D3 5/20 + D1 30/50 + section 1/2.
    expect(await totalsOf(u.t2, EPI)).toEqual({
      "2024-01": total("36", "72", [
        [u.d1, 2],
        [u.d3, 1],
      ]),
      "2024-02": total("3", "4", [[u.d1, 1]]),
    });
    expect(await totalsOf(u.t2, VISITS)).toEqual({ "2024-01": total("6", null, [[u.d1, 1]]) });
    // D1's own totals (its section) do not change.
    expect(await totalsOf(u.d1, EPI)).toEqual({
      "2024-01": total("1", "2", [[section, 1]]),
      "2024-02": total("3", "4", [[section, 1]]),
    });
  });

  it("keeps the region's sums and moves the counts in its children map", async () => {
    expect(await totalsOf(u.region, EPI)).toEqual({
      // T1: own 100/200 + D2 = 2 measurements; T2: D3 + D1 + section = 3.
      "2024-01": total("145", "282", [
        [u.t1, 2],
        [u.t2, 3],
      ]),
      "2024-02": total("3", "4", [[u.t2, 1]]),
    });
    expect(await totalsOf(u.region, VISITS)).toEqual({ "2024-01": total("6", null, [[u.t2, 1]]) });
  });

  it("counts measurements written after the move under the new trust", async () => {
    await insert([section, EPI, "2024-03", 2, 5]);
    expect((await totalsOf(u.t2, EPI))["2024-03"]).toEqual(total("2", "5", [[u.d1, 1]]));
    expect((await totalsOf(u.t1, EPI))["2024-03"]).toBeUndefined();
    expect((await totalsOf(u.region, EPI))["2024-03"]).toEqual(total("2", "5", [[u.t2, 1]]));
    await remove([section, EPI, "2024-03"]);
  });

  it("moves it back to where it was", async () => {
    await move(u.d1, u.t1);
    expect(await totalsOf(u.t1, EPI)).toEqual({
      "2024-01": total("40", "62", [
        [u.d1, 2],
        [u.d2, 1],
      ]),
      "2024-02": total("3", "4", [[u.d1, 1]]),
    });
    expect(await totalsOf(u.t2, EPI)).toEqual({ "2024-01": total("5", "20", [[u.d3, 1]]) });
    expect(await totalsOf(u.region, EPI)).toEqual({
      "2024-01": total("145", "282", [
        [u.t1, 4],
        [u.t2, 1],
      ]),
      "2024-02": total("3", "4", [[u.t1, 1]]),
    });
  });

  it("moves a unit under its sibling: the trust's sums stay, its children change", async () => {
    await move(section, u.d2);
    // T1: still D1 30/50, section 1/2 and D2 9/10, but the section now counts under D2.
    expect(await totalsOf(u.t1, EPI)).toEqual({
      "2024-01": total("40", "62", [
        [u.d1, 1],
        [u.d2, 2],
      ]),
      "2024-02": total("3", "4", [[u.d2, 1]]),
    });
    expect(await totalsOf(u.d1, EPI)).toEqual({});
    expect(await totalsOf(u.d2, EPI)).toEqual({
      "2024-01": total("1", "2", [[section, 1]]),
      "2024-02": total("3", "4", [[section, 1]]),
    });
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(
      total("145", "282", [
        [u.t1, 4],
        [u.t2, 1],
      ]),
    );
  });

  it("moves a unit to the top: nothing above it counts it any more", async () => {
    await move(section, null);
    expect(await totalsOf(u.d2, EPI)).toEqual({});
    expect(await totalsOf(u.t1, EPI)).toEqual({
      "2024-01": total("39", "60", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    });
    expect(await totalsOf(u.region, EPI)).toEqual({
      "2024-01": total("144", "280", [
        [u.t1, 3],
        [u.t2, 1],
      ]),
    });
    expect(await totalsOf(section, EPI)).toEqual({});
  });
});

describe("decimals", () => {
  let u: Awaited<ReturnType<typeof tree>>;

  beforeAll(async () => {
    u = await tree();
  });

  it("sums 0.1 and 0.2 to exactly 0.3", async () => {
    await insert([u.d1, EPI, "2024-01", 0.1, 0.7], [u.d2, EPI, "2024-01", 0.2, 0.6]);
    const expected = total("0.3", "1.3", [
      [u.d1, 1],
      [u.d2, 1],
    ]);
    expect((await totalsOf(u.t1, EPI))["2024-01"]).toEqual(expected);
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(total("0.3", "1.3", [[u.t1, 2]]));
  });

  it("leaves no residue after replacing a value back and forth", async () => {
    for (const [numerator, denominator] of [
      [0.25, 0.3],
      [0.7, 0.1],
      [1 / 3, 2 / 3],
      [123456.789, 0.001],
      [0.1, 0.7],
    ] as const) {
      await replace([u.d1, EPI, "2024-01", numerator, denominator]);
    }
    expect((await totalsOf(u.t1, EPI))["2024-01"]).toEqual(
      total("0.3", "1.3", [
        [u.d1, 1],
        [u.d2, 1],
      ]),
    );
    expect((await totalsOf(u.region, EPI))["2024-01"]).toEqual(total("0.3", "1.3", [[u.t1, 2]]));
  });

  it("sums ten times 0.1 to exactly 1 and back to 0.1", async () => {
    const many = [];
    for (let i = 0; i < 10; i++) many.push((await unit(u.t2)).id);
    await insert(...many.map((id): Figure => [id, EPI, "2024-02", 0.1, 0.1]));
    expect((await totalsOf(u.t2, EPI))["2024-02"]).toMatchObject({
      numerator: "1",
      denominator: "1",
      reports: 10,
    });
    await remove(...many.slice(1).map((id): [number, number, string] => [id, EPI, "2024-02"]));
    expect((await totalsOf(u.t2, EPI))["2024-02"]).toEqual(total("0.1", "0.1", [[many[0] ?? 0, 1]]));
  });

  it("keeps exact sums on a count too", async () => {
    await insert([u.d1, VISITS, "2024-01", 0.1, null], [u.d2, VISITS, "2024-01", 0.2, null]);
    await replace([u.d2, VISITS, "2024-01", 0.3, null]);
    await replace([u.d2, VISITS, "2024-01", 0.2, null]);
    expect((await totalsOf(u.region, VISITS))["2024-01"]).toEqual(total("0.3", null, [[u.t1, 2]]));
  });
});

describe("figures stored through the importer", () => {
  it("keeps the totals when a file is imported, and again when it replaces values", async () => {
    const code = (name: string) => `IMP-${name}`;
    const region = await make.unit({ kind: "regional_health_authority", code: code("R") });
    const trust = await make.unit({ parentId: region.id, code: code("T") });
    const d1 = await make.unit({ parentId: trust.id, kind: "department", code: code("D1") });
    const d2 = await make.unit({ parentId: trust.id, kind: "department", code: code("D2") });
    const store = async (rows: object[]) =>
      importMeasurementRows(database.db, systemCaller, { rows: rows as never });
    const row = (unitCode: string, month: string, numerator: number, denominator?: number) => ({
      indicator: denominator === undefined ? "VISITS" : "EPI",
      unit: code(unitCode),
      month,
      numerator,
      ...(denominator === undefined ? {} : { denominator }),
    });

    await store([
      row("D1", "2024-01", 30, 50),
      row("D2", "2024-01", 9, 10),
      row("T", "2024-01", 100, 200),
      row("D1", "2024-01", 7),
    ]);
    expect(await totalsOf(trust.id, EPI)).toEqual({
      "2024-01": total("39", "60", [
        [d1.id, 1],
        [d2.id, 1],
      ]),
    });
    expect(await totalsOf(region.id, EPI)).toEqual({ "2024-01": total("139", "260", [[trust.id, 3]]) });
    expect(await totalsOf(region.id, VISITS)).toEqual({ "2024-01": total("7", null, [[trust.id, 1]]) });

    // Again, with D1's January replaced, D2's the same and a new February for D2.
    const report = await store([
      row("D1", "2024-01", 0.1, 0.3),
      row("D2", "2024-01", 9, 10),
      row("D2", "2024-02", 0.2, 0.3),
    ]);
    expect(report).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await totalsOf(trust.id, EPI)).toEqual({
      "2024-01": total("9.1", "10.3", [
        [d1.id, 1],
        [d2.id, 1],
      ]),
      "2024-02": total("0.2", "0.3", [[d2.id, 1]]),
    });
    expect(await totalsOf(region.id, EPI)).toEqual({
      "2024-01": total("109.1", "210.3", [[trust.id, 3]]),
      "2024-02": total("0.2", "0.3", [[trust.id, 1]]),
    });
  });
});

describe("the table after a mix of changes", () => {
  it("equals what rebuild_measurement_totals() makes from scratch", async () => {
    const u = await tree();
    const other = await unit(null, "regional_health_authority");
    const otherTrust = await unit(other.id, "health_trust");
    const section = (await unit(u.d1)).id;
    await insert(
      [u.d1, EPI, "2024-01", 30, 50],
      [u.d1, EPI, "2024-02", 31.5, 50],
      [u.d2, EPI, "2024-01", 9, 10],
      [u.d3, EPI, "2024-01", 5, 20],
      [u.t1, EPI, "2024-01", 100, 200],
      [section, EPI, "2024-01", 0.1, 0.3],
      [section, EPI, "2024-03", 2, 3],
      [u.d2, VISITS, "2024-02", 4, null],
      [u.t2, VISITS, "2024-02", 1, null],
    );
    await replace([u.d1, EPI, "2024-01", 29, 50], [section, EPI, "2024-01", 0.2, 0.3]);
    await move(u.d1, u.t2);
    await insert([otherTrust.id, EPI, "2024-01", 7, 8]);
    await remove([u.d2, EPI, "2024-01"], [u.t2, VISITS, "2024-02"]);
    await move(u.t2, other.id);
    await replace([u.d1, EPI, "2024-02", 0.3, 0.9]);
    await move(section, u.d2);
    await insert([u.d1, VISITS, "2024-02", 2.5, null]);
    await move(u.t1, u.t2);
    await move(u.d3, null);

    const before = await wholeTable();
    // Spot checks by hand: other region > T2 > (D1, T1 > D2 > section), the rest moved out.
    // D2's section: 0.2/0.3 in January, 2/3 in March.
    expect(await totalsOf(u.d2, EPI)).toEqual({
      "2024-01": total("0.2", "0.3", [[section, 1]]),
      "2024-03": total("2", "3", [[section, 1]]),
    });
    // The other region in January: its trust 7/8, T1 100/200, D1 29/50, section 0.2/0.3.
    expect((await totalsOf(other.id, EPI))["2024-01"]).toEqual(
      total("136.2", "258.3", [
        [u.t2, 3],
        [otherTrust.id, 1],
      ]),
    );
    expect(await totalsOf(u.region, EPI)).toEqual({});

    await rebuild();
    const after = await wholeTable();
    expect(before.length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });

  it("stays equal to the sums the test works out itself through random changes", async () => {
    // Mulberry32, seeded: the same changes on every run.
    let state = 7;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T => {
      const chosen = list[Math.floor(random() * list.length)];
      if (chosen === undefined) throw new Error("empty list");
      return chosen;
    };

    const top = await unit(null, "owner");
    const ids = [top.id];
    for (let i = 0; i < 11; i++) ids.push((await unit(pick(ids))).id);
    const months = ["2023-12", "2024-01", "2024-02"];
    const keyOf = (unitId: number, indicatorId: number, month: string) => `${unitId}|${indicatorId}|${month}`;
    const stored = new Map<string, Figure>();
    const value = (indicatorId: number): [number, number | null] =>
      indicatorId === EPI
        ? [Math.floor(random() * 40), 40 + Math.floor(random() * 20)]
        : [Math.floor(random() * 9), null];

    /** The totals worked out here from the stored figures and the units' current paths. */
    async function expectedTotals() {
      const paths = new Map(
        (await rows<{ id: number; path: string }>(sql`select id, path from units`)).map((row) => [
          row.id,
          row.path.split("/").filter(Boolean).map(Number),
        ]),
      );
      const sums = new Map<string, { n: number; d: number | null; children: Map<number, number> }>();
      for (const [unitId, indicatorId, month, numerator, denominator] of stored.values()) {
        const path = paths.get(unitId) ?? [];
        for (let i = 0; i < path.length - 1; i++) {
          const above = path[i] as number;
          const child = path[i + 1] as number;
          const key = keyOf(above, indicatorId, month);
          const sum = sums.get(key) ?? { n: 0, d: null, children: new Map<number, number>() };
          sum.n += numerator;
          if (denominator !== null) sum.d = (sum.d ?? 0) + denominator;
          sum.children.set(child, (sum.children.get(child) ?? 0) + 1);
          sums.set(key, sum);
        }
      }
      return [...sums]
        .map(([key, sum]) => {
          const [unitId, indicatorId, month = ""] = key.split("|");
          const children = [...sum.children].sort(([a], [b]) => a - b);
          return {
            unitId: Number(unitId),
            indicatorId: Number(indicatorId),
            month,
            ...total(String(sum.n), sum.d === null ? null : String(sum.d), children),
          };
        })
        .sort((a, b) => a.unitId - b.unitId || a.indicatorId - b.indicatorId || (a.month < b.month ? -1 : 1));
    }
    const actualTotals = async () => (await wholeTable()).filter((row) => ids.includes(row.unitId as number));

    const done = { insert: 0, replace: 0, remove: 0, move: 0 };
    for (let step = 0; step < 40; step++) {
      const action = random();
      const existing = [...stored.values()];
      if (action < 0.4 || existing.length === 0) {
        const batch = new Map<string, Figure>();
        for (let i = 1 + Math.floor(random() * 4); i > 0; i--) {
          const figure: Figure = [pick(ids), pick([EPI, VISITS]), pick(months), 0, null];
          const key = keyOf(figure[0], figure[1], figure[2]);
          if (stored.has(key)) continue;
          [figure[3], figure[4]] = value(figure[1]);
          batch.set(key, figure);
        }
        if (batch.size === 0) continue;
        await insert(...batch.values());
        for (const [key, figure] of batch) stored.set(key, figure);
        done.insert++;
      } else if (action < 0.6) {
        const chosen = new Map(
          Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(existing)).map((figure) => [
            keyOf(figure[0], figure[1], figure[2]),
            figure,
          ]),
        );
        const replaced = [...chosen.values()].map((figure): Figure => {
          const [numerator, denominator] = value(figure[1]);
          return [figure[0], figure[1], figure[2], numerator, denominator];
        });
        await replace(...replaced);
        for (const figure of replaced) stored.set(keyOf(figure[0], figure[1], figure[2]), figure);
        done.replace++;
      } else if (action < 0.75) {
        const chosen = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(existing)));
        await remove(
          ...[...chosen].map((figure): [number, number, string] => [figure[0], figure[1], figure[2]]),
        );
        for (const figure of chosen) stored.delete(keyOf(figure[0], figure[1], figure[2]));
        done.remove++;
      } else {
        const all = await rows<{ id: number; path: string }>(sql`select id, path from units`);
        const pathOf = (id: number) => all.find((row) => row.id === id)?.path ?? "";
        const moving = pick(ids);
        const targets = [null, ...ids.filter((id) => !pathOf(id).startsWith(pathOf(moving)))];
        await move(moving, pick(targets));
        done.move++;
      }
      expect(await actualTotals(), `after step ${step}`).toEqual(await expectedTotals());
    }
    // Every kind of change happened several times.
    for (const count of Object.values(done)) expect(count).toBeGreaterThanOrEqual(5);
    const before = await wholeTable();
    await rebuild();
    expect(await wholeTable()).toEqual(before);
  });
});

// Several servers share one PostgreSQL: two transactions at once, each on its own connection.
// Totals change by differences, so the triggers make writers of measurements and moves of units
// take turns (migration 0006): without that, a measurement written while its unit moves stayed
// counted under the old place, and two imports on different trusts deadlocked on their region.
// Only PostgreSQL has other connections; PGlite is one session, so there the block is not registered.
if (process.env.TEST_DB === "postgres") {
  describe("concurrent transactions on PostgreSQL", () => {
    async function connect() {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return client;
    }
    const date = (month: string) => `${month}-01`;

    it("counts a measurement written while its unit moves under the unit's new trust", async () => {
      const u = await tree();
      await insert([u.d1, EPI, "2024-01", 30, 50], [u.d2, EPI, "2024-01", 9, 10]);
      const [d1, t2] = await rows<{ path: string }>(
        sql`select path from units where id in (${u.d1}, ${u.t2}) order by id = ${u.t2}`,
      );
      const mover = await connect();
      const writer = await connect();
      try {
        // The move, as moveUnit does it, left open...
        await mover.query("begin");
        await mover.query("update units set parent_id = $1, version = version + 1 where id = $2", [
          u.t2,
          u.d1,
        ]);
        await mover.query("update units set path = $1 || substr(path, $2) where path like $3", [
          `${t2?.path}${u.d1}/`,
          (d1?.path.length ?? 0) + 1,
          `${d1?.path}%`,
        ]);
        // ... while another server stores a February figure for D1 ...
        const written = writer.query(
          `insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
         values ($1, $2, $3, 5, 10, 'other server')`,
          [EPI, u.d1, date("2024-02")],
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        // ... then the move commits.
        await mover.query("commit");
        await written;
      } finally {
        await mover.end();
        await writer.end();
      }
      // D1 is under T2 now, with both its figures.
      expect(await totalsOf(u.t1, EPI)).toEqual({ "2024-01": total("9", "10", [[u.d2, 1]]) });
      expect(await totalsOf(u.t2, EPI)).toEqual({
        "2024-01": total("30", "50", [[u.d1, 1]]),
        "2024-02": total("5", "10", [[u.d1, 1]]),
      });
      expect((await totalsOf(u.region, EPI))["2024-02"]).toEqual(total("5", "10", [[u.t2, 1]]));
    });

    it("counts a measurement written just before its unit moves under the unit's new trust", async () => {
      const u = await tree();
      await insert([u.d1, EPI, "2024-01", 30, 50], [u.d2, EPI, "2024-01", 9, 10]);
      const writer = await connect();
      try {
        // Another server stores a February figure for D1 and has not committed yet ...
        await writer.query("begin");
        await writer.query(
          `insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
         values ($1, $2, $3, 5, 10, 'other server')`,
          [EPI, u.d1, date("2024-02")],
        );
        // ... when D1 is moved (today the move does not wait for it) ...
        const moved = move(u.d1, u.t2);
        await Promise.race([moved.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1000))]);
        // ... and then the figure commits.
        await writer.query("commit");
        await moved;
      } finally {
        await writer.end();
      }
      expect(await totalsOf(u.t1, EPI)).toEqual({ "2024-01": total("9", "10", [[u.d2, 1]]) });
      expect(await totalsOf(u.t2, EPI)).toEqual({
        "2024-01": total("30", "50", [[u.d1, 1]]),
        "2024-02": total("5", "10", [[u.d1, 1]]),
      });
    });

    it("lets two trusts' imports (replace, then insert) run at the same time", async () => {
      const u = await tree();
      await insert([u.d1, EPI, "2024-01", 30, 50], [u.d3, EPI, "2024-02", 5, 20]);
      const first = await connect();
      const second = await connect();
      const update = (client: pg.Client, unitId: number, month: string, numerator: number) =>
        client.query(
          "update measurements set numerator = $1 where indicator_id = $2 and unit_id = $3 and month = $4",
          [numerator, EPI, unitId, date(month)],
        );
      const add = (client: pg.Client, unitId: number, month: string) =>
        client.query(
          `insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
         values ($1, $2, $3, 1, 2, 'import')`,
          [EPI, unitId, date(month)],
        );
      const outcome: string[] = [];
      // Each import replaces its existing figures first and then inserts its new ones, as the
      // importer does, in one transaction. The two touch different departments' measurements, in
      // opposite months: without turns, the region's January and February totals would be locked
      // in opposite orders.
      const importing = async (client: pg.Client, unitId: number, replaced: string, added: string) => {
        try {
          await client.query("begin");
          await update(client, unitId, replaced, unitId === u.d1 ? 31 : 6);
          await add(client, unitId, added);
          await client.query("commit");
          outcome.push("committed");
        } catch (error) {
          await client.query("rollback");
          outcome.push((error as { code?: string }).code ?? String(error));
        }
      };
      try {
        await Promise.all([
          importing(first, u.d1, "2024-01", "2024-02"),
          importing(second, u.d3, "2024-02", "2024-01"),
        ]);
      } finally {
        await first.end();
        await second.end();
      }
      // 40P01 would be a deadlock: the region's January and February rows locked in opposite orders.
      expect(outcome).toEqual(["committed", "committed"]);
      const written = await wholeTable();
      await rebuild();
      expect(await wholeTable()).toEqual(written);
    });
  });
}
