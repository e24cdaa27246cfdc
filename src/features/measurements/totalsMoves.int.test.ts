import { beforeAll, describe, expect, it } from "vitest";
import {
  EPI,
  insert,
  move,
  remove,
  setUpTotalsDatabase,
  total,
  totalsOf,
  tree,
  unit,
  VISITS,
} from "./totalsFixture.ts";

// measurement_totals when units move in the tree (support in totalsFixture.ts).

setUpTotalsDatabase();

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
