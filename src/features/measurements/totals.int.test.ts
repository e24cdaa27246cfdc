import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EPI,
  epiFigures,
  insert,
  remove,
  replace,
  rows,
  setUpTotalsDatabase,
  total,
  totalsOf,
  tree,
  unit,
  VISITS,
} from "./totalsFixture.ts";

// measurement_totals after measurements are written, replaced and deleted at several levels of
// the tree (support in totalsFixture.ts).

setUpTotalsDatabase();

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
