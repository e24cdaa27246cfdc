// Backup and restore of Tertial's database, the same on PGlite and PostgreSQL (see
// docs/decisions/0010-backup-and-restore.md and format.ts for the file).

import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, Db } from "../../db/client.ts";
import {
  BackupError,
  type BackupHeader,
  BackupReader,
  backupFormat,
  backupFormatVersion,
  endLine,
  type KnownMigration,
  LineSplitter,
  migrationsToReplay,
  qualifiedName,
  type TableName,
  tableEndLine,
  tableLine,
} from "./format.ts";
import {
  addForeignKey,
  advanceSequences,
  appliedMigrations,
  type Column,
  createMigrationsTable,
  dropForeignKey,
  dropTertialObjects,
  firstNonEmptyTable,
  insertRows,
  listColumns,
  listForeignKeys,
  listTables,
  readTable,
  setUserTriggers,
} from "./queries.ts";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");
const statementBreak = "--> statement-breakpoint";

/** The migrations this code ships, oldest first. */
export function knownMigrations(): KnownMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: KnownMigration[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

export type BackupSummary = { tables: number; rows: number; schemaVersion: string };

/**
 * Writes the whole database to `file`, from one snapshot: a REPEATABLE READ, READ ONLY transaction
 * sees every table as it was when the transaction began, whatever servers write meanwhile. The
 * file is written under a temporary name and renamed when complete, so a failed backup never
 * leaves a file that looks whole.
 */
export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  // Opened here, so that a folder that does not exist or cannot be written fails before any work.
  const handle = await fs.promises.open(partial, "w");
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, handle.createWriteStream());
  // A full disk fails the pipeline, which destroys gzip: a write waiting for room then fails too.
  written.catch(() => {});
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    const summary = await database.db.transaction((tx) => dumpTables(tx, database.kind, write), {
      isolationLevel: "repeatable read",
      accessMode: "read only",
    });
    gzip.end();
    await written;
    const done = await fs.promises.open(partial, "r");
    await done.sync();
    await done.close();
    await fs.promises.rename(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

async function dumpTables(
  tx: Db,
  source: Database["kind"],
  write: (line: string) => Promise<void>,
): Promise<BackupSummary> {
  const migrations = await appliedMigrations(tx);
  const last = migrations.at(-1);
  if (!last) throw new BackupError({ reason: "noSchema" });
  const schemaVersion =
    knownMigrations().find((m) => m.when === last?.createdAt)?.tag ??
    (last ? String(last.createdAt) : "none");
  const header: BackupHeader = {
    format: backupFormat,
    version: backupFormatVersion,
    createdAt: new Date().toISOString(),
    source,
    schemaVersion,
    migrations,
  };
  await write(JSON.stringify(header));
  let tables = 0;
  let rows = 0;
  for (const table of await listTables(tx)) {
    const columns = await listColumns(tx, table);
    await write(
      tableLine(
        table,
        columns.map((c) => c.name),
      ),
    );
    let count = 0;
    for await (const batch of readTable(tx, table, columns)) {
      for (const line of batch) await write(line);
      count += batch.length;
    }
    await write(tableEndLine(table, count));
    tables++;
    rows += count;
  }
  await write(endLine(tables, rows));
  return { tables, rows, schemaVersion };
}

/** The file's lines, unzipped as they are read; a damaged or cut gzip stream throws. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  const splitter = new LineSplitter();
  try {
    for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip())) {
      yield* splitter.push(decoder.write(chunk as Buffer));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_"))
      throw new BackupError({ reason: "truncated" });
    throw error;
  }
  const rest = splitter.end() + decoder.end();
  if (rest !== "") yield rest;
}

/** Reads the whole file once and checks it, before anything in the database is touched. */
export async function checkBackupFile(
  file: string,
): Promise<{ header: BackupHeader; tables: number; rows: number }> {
  const reader = new BackupReader();
  for await (const line of fileLines(file)) reader.read(line);
  const { tables, rows } = reader.finish();
  return { header: reader.header as BackupHeader, tables, rows };
}

/**
 * Builds the schema of the code's first `count` migrations inside the current transaction, as
 * drizzle would, and drizzle's table (left empty: the backup holds its rows).
 */
export async function buildSchema(db: Db, count: number) {
  for (const migration of knownMigrations().slice(0, count)) {
    const text = fs.readFileSync(path.join(migrationsFolder, `${migration.tag}.sql`), "utf8");
    for (const statement of text.split(statementBreak)) {
      if (statement.trim() !== "") await db.execute(sql.raw(statement));
    }
  }
  await createMigrationsTable(db);
}

/** Sends rows in batches of a few thousand rows or a few megabytes, whichever comes first. */
function rowBatcher(db: Db) {
  let target: { table: TableName; columns: Column[] } | undefined;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!target || batch.length === 0) return;
    await insertRows(db, target.table, target.columns, `[${batch.join(",")}]`);
    batch = [];
    size = 0;
  };
  return {
    async start(table: TableName, columns: Column[]) {
      await flush();
      target = { table, columns };
    },
    async add(values: (string | null)[]) {
      const json = JSON.stringify(values);
      batch.push(json);
      size += json.length;
      if (batch.length >= 2000 || size >= 4 * 1024 * 1024) await flush();
    },
    flush,
  };
}

export type RestoreOptions = { replace?: boolean };

/**
 * Restores `file` into `database` in one transaction: the schema as it was when the file was made
 * (the code's migrations up to the file's), then every row, then the keys checked; a failure
 * anywhere rolls all of it back. A database that holds rows is refused unless `replace` is set.
 * Afterwards the code's newer migrations run, as at a server's start.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const checked = await checkBackupFile(file);
  const { header } = checked;
  const replay = migrationsToReplay(header.migrations, knownMigrations(), header.schemaVersion);

  await database.db.transaction(async (tx) => {
    const occupied = await firstNonEmptyTable(tx);
    if (occupied && !options.replace) throw new BackupError({ reason: "notEmpty", table: occupied });
    await dropTertialObjects(tx);
    await buildSchema(tx, replay);

    const tables = new Map((await listTables(tx)).map((table) => [qualifiedName(table), table]));
    const keys = await listForeignKeys(tx);
    for (const key of keys) await dropForeignKey(tx, key);
    for (const table of tables.values()) await setUserTriggers(tx, table, false);

    const batcher = rowBatcher(tx);
    const seen = new Set<string>();
    const reader = new BackupReader();
    for await (const line of fileLines(file)) {
      const event = reader.read(line);
      if (event.kind === "table") {
        const name = qualifiedName(event.table);
        const table = tables.get(name);
        if (!table) throw new BackupError({ reason: "schemaMismatch", detail: `no table ${name}` });
        const byName = new Map((await listColumns(tx, table)).map((column) => [column.name, column]));
        const columns = event.columns.map((columnName) => {
          const column = byName.get(columnName);
          if (!column)
            throw new BackupError({ reason: "schemaMismatch", detail: `no column ${name}.${columnName}` });
          return column;
        });
        if (columns.length !== byName.size)
          throw new BackupError({ reason: "schemaMismatch", detail: `${name} has other columns` });
        seen.add(name);
        await batcher.start(table, columns);
      } else if (event.kind === "row") {
        await batcher.add(event.values);
      }
    }
    reader.finish();
    await batcher.flush();
    const missing = [...tables.keys()].filter((name) => !seen.has(name));
    if (missing.length > 0)
      throw new BackupError({ reason: "schemaMismatch", detail: `no rows for ${missing.join(", ")}` });

    for (const table of tables.values()) await setUserTriggers(tx, table, true);
    for (const key of keys) await addForeignKey(tx, key);
    await advanceSequences(tx);
  });
  await database.migrate();
  return { tables: checked.tables, rows: checked.rows, schemaVersion: header.schemaVersion };
}
