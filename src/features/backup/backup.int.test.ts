import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { BackupError } from "./format.ts";
import { backupDatabase, restoreDatabase } from "./service.ts";

// Backup and restore on the database the project runs (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set): the demo plus random changes, backed up and restored into a new
// database, must come back equal, row for row, in every table.

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
let source: TestDatabase;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-backup-"));
const others: TestDatabase[] = [];

async function newDatabase() {
  const database = await createTestDatabase();
  others.push(database);
  return database;
}

beforeAll(async () => {
  source = await createTestDatabase();
  await loadDemoData(source.db);
});

afterAll(async () => {
  for (const database of others) await database.drop();
  await source?.drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Every table of Tertial's schemas, from the catalogue, each as its rows' text, sorted. */
async function contents(db: Db): Promise<Map<string, string[]>> {
  return db.transaction(async (tx) => {
    // Time stamps written in one zone, whichever the server's default is.
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = (
      (await tx.execute(
        sql`select table_schema || '.' || table_name as name from information_schema.tables
            where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
      )) as unknown as { rows: { name: string }[] }
    ).rows;
    const result = new Map<string, string[]>();
    for (const { name } of tables) {
      const [schema, table] = name.split(".");
      const rows = (
        (await tx.execute(
          sql.raw(`select t::text as row from "${schema}"."${table}" t order by 1`),
        )) as unknown as {
          rows: { row: string }[];
        }
      ).rows;
      result.set(
        name,
        rows.map((r) => r.row),
      );
    }
    return result;
  });
}

const idsOf = async (db: Db, table: string) =>
  (
    (await db.execute(sql.raw(`select id from ${table} order by id`))) as unknown as {
      rows: { id: number }[];
    }
  ).rows.map((r) => Number(r.id));

// Text that COPY, JSON and SQL each escape differently.
const awkwardText = fc
  .array(
    fc.constantFrom("a", "Ø", "å", "\\", '"', "'", "\t", "\n", "\r", "😀", "{", "}", ",", " ", "\\N", "null"),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => `x${parts.join("")}`);

const change = fc.oneof(
  fc.record({ kind: fc.constant("renameUnit" as const), pick: fc.nat(), text: awkwardText }),
  fc.record({ kind: fc.constant("renameUser" as const), pick: fc.nat(), text: awkwardText }),
  fc.record({ kind: fc.constant("dropRole" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("measure" as const),
    pick: fc.nat(),
    value: fc.double({ min: 0, max: 1e9, noNaN: true }),
  }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

async function applyChange(db: Db, step: Change) {
  const pickFrom = async (table: string) => {
    const ids = await idsOf(db, table);
    return ids.length === 0 ? undefined : ids[step.pick % ids.length];
  };
  if (step.kind === "renameUnit") {
    const id = await pickFrom("units");
    await db.execute(sql`update units set name = ${step.text} where id = ${id}`);
  } else if (step.kind === "renameUser") {
    const id = await pickFrom("users");
    await db.execute(sql`update users set display_name = ${step.text} where id = ${id}`);
  } else if (step.kind === "dropRole") {
    const id = await pickFrom("role_assignments");
    await db.execute(sql`delete from role_assignments where id = ${id}`);
  } else {
    // Through the totals trigger: the restored totals must match, not be counted twice.
    const id = await pickFrom("measurements");
    if (id !== undefined)
      await db.execute(sql`update measurements set numerator = ${step.value} where id = ${id}`);
  }
}

// Each round trip opens a new database and restores some 30,000 rows: seconds, not milliseconds.
describe("backup and restore", { timeout: 180_000 }, () => {
  it("restores the demo with random changes into a new database, every table equal row for row", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const step of steps) await applyChange(source.db, step);
        const file = path.join(folder, "round-trip.tertial.gz");
        await backupDatabase(source, file);
        const target = await newDatabase();
        await restoreDatabase(target, file);
        const [before, after] = [await contents(source.db), await contents(target.db)];
        expect([...after.keys()]).toEqual([...before.keys()]);
        for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
        expect(before.get("public.units")?.length).toBeGreaterThan(0);
      }),
      { numRuns: 2 },
    );
  });

  it("sets identity columns past the restored ids, so new rows can be written", async () => {
    const file = path.join(folder, "ids.tertial.gz");
    await backupDatabase(source, file);
    const target = await newDatabase();
    await restoreDatabase(target, file);
    const highest = Math.max(...(await idsOf(target.db, "units")));
    const created = (await target.db.execute(
      sql`insert into units (code, name, kind, path, valid_from) values ('NEW-1', 'Ny', 'clinic', '/', '2020-01-01') returning id`,
    )) as unknown as { rows: { id: number }[] };
    expect(created.rows[0]?.id).toBeGreaterThan(highest);
  });

  it("refuses a database that holds data, and replaces it whole when told", async () => {
    const file = path.join(folder, "replace.tertial.gz");
    await backupDatabase(source, file);
    const target = await newDatabase();
    await target.db.execute(
      sql`insert into units (code, name, kind, path, valid_from) values ('OLD', 'Gammel', 'clinic', '/', '2020-01-01')`,
    );
    const refusal = await restoreDatabase(target, file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).problem).toEqual({ reason: "notEmpty", table: "units" });
    expect((await contents(target.db)).get("public.units")?.length).toBe(1);

    await restoreDatabase(target, file, { replace: true });
    expect(await contents(target.db)).toEqual(await contents(source.db));
  });

  it("refuses a cut or damaged file and leaves the database as it was", async () => {
    const file = path.join(folder, "whole.tertial.gz");
    await backupDatabase(source, file);
    const whole = fs.readFileSync(file);
    const target = await newDatabase();
    await target.db.execute(
      sql`insert into units (code, name, kind, path, valid_from) values ('KEEP', 'Beholdes', 'clinic', '/', '2020-01-01')`,
    );
    const before = await contents(target.db);

    const cut = path.join(folder, "cut.tertial.gz");
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = path.join(folder, "damaged.tertial.gz");
    const flipped = Buffer.from(whole);
    const middle = Math.floor(flipped.length / 2);
    flipped.writeUInt8(flipped.readUInt8(middle) ^ 0xff, middle);
    fs.writeFileSync(damaged, flipped);
    const notGzip = path.join(folder, "plain.txt");
    fs.writeFileSync(notGzip, "id;name\n1;x\n");

    for (const bad of [cut, damaged, notGzip]) {
      const refusal = await restoreDatabase(target, bad, { replace: true }).catch((error: unknown) => error);
      expect(refusal, bad).toBeInstanceOf(BackupError);
      expect(await contents(target.db)).toEqual(before);
    }
  });

  it("refuses a file from a newer Tertial, naming the versions", async () => {
    const file = path.join(folder, "current.tertial.gz");
    await backupDatabase(source, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
    const header = JSON.parse(lines[0] as string);
    header.migrations.push({ createdAt: 4_102_444_800_000, hash: "f".repeat(64) });
    header.schemaVersion = "0099_from_the_future";
    lines[0] = JSON.stringify(header);
    const newer = path.join(folder, "newer.tertial.gz");
    fs.writeFileSync(newer, zlib.gzipSync(lines.join("\n")));
    const target = await newDatabase();
    const refusal = await restoreDatabase(target, newer).catch((error: unknown) => error);
    expect((refusal as BackupError).problem).toMatchObject({
      reason: "newerSchema",
      fileVersion: "0099_from_the_future",
    });
  });

  it("refuses to back up a database Tertial never migrated, and leaves no file", async () => {
    const bare = await createTestDatabase();
    others.push(bare);
    for (const table of ["public", "drizzle"])
      await bare.db.execute(sql.raw(`drop schema if exists ${table} cascade`));
    await bare.db.execute(sql`create schema public`);
    const file = path.join(folder, "nothing.tertial.gz");
    const refusal = await backupDatabase(bare, file).catch((error: unknown) => error);
    expect((refusal as BackupError).problem).toEqual({ reason: "noSchema" });
    expect(fs.existsSync(file) || fs.existsSync(`${file}.partial`)).toBe(false);
  });
});
