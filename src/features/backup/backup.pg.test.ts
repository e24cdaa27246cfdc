import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { backupDatabase, restoreDatabase } from "./service.ts";

// On PostgreSQL only (the project runs *.pg.test.ts only when TEST_DATABASE_URL is set): a backup
// taken while another connection writes is one snapshot, and a backup of the embedded database
// restores into PostgreSQL, the way from a trial on PGlite to production.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-backup-cross-"));
const opened: { drop(): Promise<void> }[] = [];

afterAll(async () => {
  for (const database of opened) await database.drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function contents(db: Db) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = (
      (await tx.execute(
        sql`select table_schema as schema, table_name as name from information_schema.tables
            where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
      )) as unknown as { rows: { schema: string; name: string }[] }
    ).rows;
    const result: Record<string, string[]> = {};
    for (const { schema, name } of tables) {
      const query = sql.raw(`select t::text as row from "${schema}"."${name}" t order by 1`);
      const rows = ((await tx.execute(query)) as unknown as { rows: { row: string }[] }).rows;
      result[`${schema}.${name}`] = rows.map((r) => r.row);
    }
    return result;
  });
}

describe("a PGlite backup", { timeout: 120_000 }, () => {
  it("restores into PostgreSQL with every table equal", async () => {
    const embedded: Database = await openDatabase({ dataDir: "memory://" });
    opened.push({ drop: () => embedded.close() });
    await embedded.migrate();
    await loadDemoData(embedded.db);
    const file = path.join(folder, "from-pglite.tertial.gz");
    await backupDatabase(embedded, file);

    const target = await createTestDatabase();
    opened.push(target);
    expect(target.kind).toBe("postgres");
    await restoreDatabase(target, file);
    const restored = await contents(target.db);
    expect(Object.keys(restored).length).toBeGreaterThan(10);
    expect(restored).toEqual(await contents(embedded.db));
  });
});

/** The rows of one table in a backup file, as objects by column name. */
function rowsInFile(file: string, table: string): Record<string, string | null>[] {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
  const start = lines.findIndex((line) => line.startsWith(`{"table":"${table}"`));
  const { columns } = JSON.parse(lines[start] as string) as { columns: string[] };
  const rows: Record<string, string | null>[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("[")) break;
    const values = JSON.parse(line) as (string | null)[];
    rows.push(Object.fromEntries(columns.map((column, index) => [column, values[index] ?? null])));
  }
  return rows;
}

describe("a backup while another connection writes", { timeout: 120_000 }, () => {
  it("holds each of its transactions wholly or not at all", async () => {
    const database = await createTestDatabase();
    opened.push(database);
    await loadDemoData(database.db);
    // Each transaction writes an audit entry and then a unit; the audit log is read first, so
    // a backup without one snapshot would find units without their entries.
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    let committed = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const code = `W-${committed + 1}`;
        await writer.query("begin");
        await writer.query(
          `insert into audit_log (actor_name, action, entity_type, entity_id) values ('test', 'pair', 'unit', $1)`,
          [code],
        );
        await writer.query(
          `insert into units (code, name, kind, path, valid_from) values ($1, $1, 'clinic', '/', '2020-01-01')`,
          [code],
        );
        await writer.query("commit");
        committed++;
      }
    })();
    while (committed < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    const file = path.join(folder, "while-writing.tertial.gz");
    const before = committed;
    await backupDatabase(database, file);
    const after = committed;
    writing = false;
    await writes;
    await writer.end();

    expect(after).toBeGreaterThan(before);
    const entries = rowsInFile(file, "public.audit_log").filter((row) => row.action === "pair");
    const units = rowsInFile(file, "public.units").filter((row) => row.code?.startsWith("W-"));
    expect(units.map((unit) => unit.code).sort()).toEqual(entries.map((entry) => entry.entity_id).sort());
    expect(units.length).toBeGreaterThanOrEqual(before);
  });
});
