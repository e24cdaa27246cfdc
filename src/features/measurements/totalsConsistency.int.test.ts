import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  database,
  EPI,
  type Figure,
  insert,
  move,
  rebuild,
  remove,
  replace,
  rows,
  setUpTotalsDatabase,
  total,
  totalsOf,
  tree,
  unit,
  VISITS,
  wholeTable,
} from "./totalsFixture.ts";

// measurement_totals against a rebuild from scratch, after a mix of changes and (on PostgreSQL)
// concurrent transactions (support in totalsFixture.ts).

setUpTotalsDatabase();

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
