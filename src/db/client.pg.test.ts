import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase } from "../testing/database.ts";
import { openDatabase } from "./client.ts";

// On PostgreSQL only: a server that ends an idle connection (a restart, a failover) must not stop
// Tertial; the next request gets a new connection.

const database = await createTestDatabase();
afterAll(() => database.drop());

it("survives PostgreSQL ending an idle connection, says so in the log, and answers the next query", async () => {
  const lines: string[] = [];
  const opened = await openDatabase({
    databaseUrl: database.url,
    dataDir: "",
    log: (line) => lines.push(line),
  });
  try {
    await opened.db.execute(sql`select 1`);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    await admin.end();
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/PostgreSQL ended an idle connection/);
    const answer = (await opened.db.execute(sql`select 2 as two`)) as unknown as { rows: { two: number }[] };
    expect(answer.rows[0]?.two).toBe(2);
  } finally {
    await opened.close();
  }
});
