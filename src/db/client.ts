import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type DataDirLock, lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** A database or a transaction: both run the same queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Serialises migrations when several servers start at once on the same PostgreSQL.
const migrationLockKey = 7_271_301;

export type OpenOptions = {
  databaseUrl?: string;
  dataDir: string;
  /**
   * What this process does, e.g. "serve on port 3000": written into the embedded database's
   * lock, so that a process refused knows who holds it. Defaults to the command line.
   */
  holder?: string;
  /** Where to report taking over a stale lock, or a lost idle connection; standard error by default. */
  log?: (line: string) => void;
};

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir`
 * (`memory://` keeps it in memory, for tests). Both speak the same SQL through Drizzle.
 * A PGlite folder on disk is locked to this process until `close()`; while another live process
 * holds it, this throws DatabaseInUseError before touching the database.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.log);
  return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const { dataDir } = options;
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith("memory://")) {
    fs.mkdirSync(dataDir, { recursive: true });
    const command = options.holder ?? (process.argv.slice(2).join(" ") || "tertial");
    lock = lockDataDir(dataDir, { command, log: options.log });
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    async close() {
      // The lock goes only once PGlite has written everything, so no one opens a folder mid-close.
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, log: (line: string) => void = console.error): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate) is
  // an 'error' event on the pool; unheard, it would stop the process. The pool drops that
  // connection and opens a new one for the next query, so it is only worth a line in the log.
  pool.on("error", (error) => log(`PostgreSQL ended an idle connection: ${error.message}`));
  const db = drizzleNodePostgres(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [migrationLockKey]);
        await migrateNodePostgres(drizzleNodePostgres(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [migrationLockKey]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function databaseIsReachable(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * After a bulk write to `tables`, on the embedded PGlite, vacuums and analyzes them. PGlite runs one
 * standalone backend without autovacuum, so nothing else would: the visibility map would stay
 * empty (every index-only scan then visits the table too, several times slower for a scorecard)
 * and the planner would keep the statistics of an emptier table. PostgreSQL's autovacuum does
 * this by itself; inside a transaction, where VACUUM cannot run, this does nothing.
 */
export async function tidyAfterBulkWrite(db: Db, tables: readonly ("measurements" | "measurement_totals")[]) {
  if (!("$client" in db) || !(db.$client instanceof PGlite)) return;
  for (const table of tables) await db.execute(sql.raw(`vacuum analyze ${table}`));
}

/** Writes rows into a table of the current transaction; `close` sends what is left. */
export type RowWriter = {
  write(values: readonly (string | number | null)[]): Promise<void>;
  close(): Promise<void>;
};

/** A table and the columns to write, each with its SQL type. */
export type CopyTarget = { name: string; columns: readonly { name: string; type: string }[] };

/** The connection of a node-postgres transaction, which COPY needs; undefined on PGlite or a pool. */
function transactionClient(db: Db): pg.PoolClient | undefined {
  const session: unknown = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (session instanceof pg.Pool || !(session instanceof pg.Client)) return undefined;
  return session as pg.PoolClient;
}

/** COPY's text format: tabs between fields, `\N` for null, backslashes and line breaks escaped. */
function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (character) =>
    character === "\\" ? "\\\\" : character === "\t" ? "\\t" : character === "\n" ? "\\n" : "\\r",
  );
}

/**
 * Writes many rows into a table inside a transaction, as fast as the driver allows: with COPY on
 * PostgreSQL (streamed, so memory stays flat), and on PGlite, which cannot COPY from a client
 * stream, with one insert per few thousand rows. Column types come from the table.
 */
export function openRowWriter(db: Db, target: CopyTarget): RowWriter {
  const client = transactionClient(db);
  const columns = target.columns.map((column) => `"${column.name}"`).join(", ");
  if (client) {
    const stream = client.query(copyFrom(`copy ${target.name} (${columns}) from stdin`));
    let failure: unknown;
    stream.on("error", (error) => {
      failure = error;
    });
    let chunk = "";
    const flush = async () => {
      if (failure) throw failure;
      if (chunk === "") return;
      const accepted = stream.write(chunk);
      chunk = "";
      if (!accepted) await once(stream, "drain");
    };
    return {
      async write(values) {
        chunk += `${values.map(copyField).join("\t")}\n`;
        if (chunk.length >= 64 * 1024) await flush();
      },
      async close() {
        await flush();
        stream.end();
        await finished(stream);
        if (failure) throw failure;
      },
    };
  }
  let batch: (readonly (string | number | null)[])[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = JSON.stringify(batch);
    batch = [];
    // Each row is a JSON array; its fields are cast to the columns' types.
    const fields = target.columns.map((column, index) => `(r->>${index})::${column.type}`).join(", ");
    await db.execute(
      sql`insert into ${sql.raw(target.name)} (${sql.raw(columns)})
          select ${sql.raw(fields)} from jsonb_array_elements(${rows}::jsonb) as r`,
    );
  };
  return {
    async write(values) {
      batch.push(values);
      if (batch.length >= 5000) await flush();
    },
    close: flush,
  };
}
