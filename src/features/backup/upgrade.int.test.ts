import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { backupDatabase, buildSchema, knownMigrations, restoreDatabase } from "./service.ts";

// A backup taken before an upgrade restores into the upgraded Tertial: restore builds the older
// schema, writes the rows, then runs the newer migrations.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-backup-upgrade-"));
const databases: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");

afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

const firstValue = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: { value: unknown }[] }).rows[0]?.value;

describe("a backup from the Tertial before the last migration", { timeout: 120_000 }, () => {
  it("restores and is migrated to this version, its rows kept", async () => {
    const older = knownMigrations().length - 1;
    const old = await createTestDatabase();
    databases.push(old);
    // The database as the previous Tertial left it: its schema, drizzle's record of it, a unit.
    await old.db.execute(sql.raw("drop schema drizzle cascade"));
    await old.db.execute(sql.raw("drop schema public cascade"));
    await old.db.execute(sql.raw("create schema public"));
    await old.db.transaction(async (tx) => {
      await buildSchema(tx, older);
      for (const migration of readMigrationFiles({ migrationsFolder }).slice(0, older)) {
        await tx.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
        );
      }
      await tx.execute(
        sql`insert into units (code, name, kind, path, valid_from) values ('OLD', 'Fra før', 'clinic', '/', '2020-01-01')`,
      );
    });
    const file = path.join(folder, "older.tertial.gz");
    const summary = await backupDatabase(old, file);
    expect(summary.schemaVersion).toBe(knownMigrations()[older - 1]?.tag);

    const target = await createTestDatabase();
    databases.push(target);
    await restoreDatabase(target, file);
    expect(
      await firstValue(target.db, sql`select count(*)::int as value from drizzle.__drizzle_migrations`),
    ).toBe(knownMigrations().length);
    expect(await firstValue(target.db, sql`select name as value from units where code = 'OLD'`)).toBe(
      "Fra før",
    );
  });
});
