import { beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../caller.ts";
import { importMeasurementRows } from "./service.ts";
import {
  database,
  EPI,
  type Figure,
  insert,
  make,
  remove,
  replace,
  setUpTotalsDatabase,
  total,
  totalsOf,
  tree,
  unit,
  VISITS,
} from "./totalsFixture.ts";

// measurement_totals with decimals, and with figures stored through the importer (support in
// totalsFixture.ts).

setUpTotalsDatabase();

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
