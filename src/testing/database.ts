import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadTestDatabaseSettings } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (the "postgres" test project), dropped
 * again by `drop()`.
 */
export async function createTestDatabase(): Promise<Database & { url?: string; drop(): Promise<void> }> {
  const settings = loadTestDatabaseSettings();
  if (settings.kind === "pglite" || !settings.postgresUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    return { ...database, drop: () => database.close() };
  }
  const name = `tertial_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: settings.postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(settings.postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: settings.postgresUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}
