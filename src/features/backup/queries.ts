// The SQL of backup and restore. Tables, columns, keys and sequences are read from the catalogue,
// never listed by hand, so a table a later migration adds is backed up without a change here.

import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { AppliedMigration, TableName } from "./format.ts";

/** Tertial's tables live in `public`; drizzle keeps the applied migrations in `drizzle`. */
export const backedUpSchemas = ["public", "drizzle"] as const;

const schemaList = sql.join(
  backedUpSchemas.map((schema) => sql`${schema}`),
  sql`, `,
);

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
export const quotedTable = (table: TableName) => `${quote(table.schema)}.${quote(table.name)}`;

type Rows<T> = { rows: T[] };
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

/** The base tables of the backed-up schemas, in a stable order. */
export async function listTables(db: Db): Promise<TableName[]> {
  return rows<TableName>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in (${schemaList}) and table_type = 'BASE TABLE'
        order by table_schema, table_name`,
  );
}

export type Column = { name: string; type: string; identity: boolean };

/** A table's columns that hold data (not generated ones), with their exact types. */
export async function listColumns(db: Db, table: TableName): Promise<Column[]> {
  return rows<Column>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               a.attidentity <> '' as identity
        from pg_attribute a
        where a.attrelid = ${quotedTable(table)}::regclass and a.attnum > 0
          and not a.attisdropped and a.attgenerated = ''
        order by a.attnum`,
  );
}

/** The migrations drizzle recorded, oldest first; none when the database was never migrated. */
export async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const exists = await rows<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!exists[0]?.found) return [];
  const applied = await rows<{ created_at: string; hash: string }>(
    db,
    sql`select created_at::text, hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return applied.map((m) => ({ createdAt: Number(m.created_at), hash: m.hash }));
}

const cursorName = "tertial_backup_rows";

/**
 * Reads a table in batches through a cursor of the current transaction, each row as a JSON array
 * of its values in PostgreSQL's text form, so memory holds one batch whatever the table's size.
 */
export async function* readTable(db: Db, table: TableName, columns: readonly Column[], batch = 1000) {
  const values = columns.map((column) => `${quote(column.name)}::text`).join(", ");
  await db.execute(
    sql.raw(
      `declare ${cursorName} no scroll cursor for select to_json(array[${values}]::text[])::text as line from ${quotedTable(table)}`,
    ),
  );
  try {
    for (;;) {
      const lines = await rows<{ line: string }>(db, sql.raw(`fetch forward ${batch} from ${cursorName}`));
      if (lines.length === 0) return;
      yield lines.map((row) => row.line);
    }
  } finally {
    await db.execute(sql.raw(`close ${cursorName}`));
  }
}

/** Writes rows given as text into a table, each value cast to its column's type. */
export async function insertRows(db: Db, table: TableName, columns: readonly Column[], rowsAsJson: string) {
  const names = columns.map((column) => quote(column.name)).join(", ");
  const casts = columns.map((column, index) => `(r->>${index})::${column.type}`).join(", ");
  // Identity columns that are GENERATED ALWAYS take the backed-up ids only when told.
  const overriding = columns.some((column) => column.identity) ? "overriding system value" : "";
  await db.execute(
    sql`insert into ${sql.raw(quotedTable(table))} (${sql.raw(names)}) ${sql.raw(overriding)}
        select ${sql.raw(casts)} from jsonb_array_elements(${rowsAsJson}::jsonb) as r`,
  );
}

/** The first table of `public` that holds a row, or undefined when all are empty. */
export async function firstNonEmptyTable(db: Db): Promise<string | undefined> {
  for (const table of await listTables(db)) {
    if (table.schema !== "public") continue;
    const found = await rows<{ any: boolean }>(
      db,
      sql.raw(`select exists (select 1 from ${quotedTable(table)}) as any`),
    );
    if (found[0]?.any) return table.name;
  }
  return undefined;
}

/**
 * Drops Tertial's schema objects: the tables of both schemas, drizzle's schema, and the functions
 * and types migrations made in `public` (not an extension's). `public` itself stays: it may
 * belong to another role.
 */
export async function dropTertialObjects(db: Db) {
  for (const table of await listTables(db)) {
    await db.execute(sql.raw(`drop table if exists ${quotedTable(table)} cascade`));
  }
  await db.execute(sql.raw("drop schema if exists drizzle cascade"));
  const notFromExtension = (objectId: string) =>
    `not exists (select 1 from pg_depend d where d.objid = ${objectId} and d.deptype = 'e')`;
  const functions = await rows<{ name: string }>(
    db,
    sql.raw(`select p.oid::regprocedure::text as name from pg_proc p
             where p.pronamespace = 'public'::regnamespace and ${notFromExtension("p.oid")}`),
  );
  for (const fn of functions) await db.execute(sql.raw(`drop function if exists ${fn.name} cascade`));
  const types = await rows<{ name: string }>(
    db,
    sql.raw(`select t.oid::regtype::text as name from pg_type t
             where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd')
               and ${notFromExtension("t.oid")}`),
  );
  for (const type of types) await db.execute(sql.raw(`drop type if exists ${type.name} cascade`));
  const sequences = await rows<{ name: string }>(
    db,
    sql.raw(`select c.oid::regclass::text as name from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
               and ${notFromExtension("c.oid")}`),
  );
  for (const sequence of sequences)
    await db.execute(sql.raw(`drop sequence if exists ${sequence.name} cascade`));
}

/** drizzle's own table, made as its migrator makes it. */
export async function createMigrationsTable(db: Db) {
  await db.execute(sql.raw("create schema if not exists drizzle"));
  await db.execute(
    sql.raw(
      "create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)",
    ),
  );
}

export type ForeignKey = { table: string; name: string; definition: string };

/** The foreign keys of the backed-up schemas, to drop while rows arrive in any order. */
export async function listForeignKeys(db: Db): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as "table", c.conname as name,
               pg_get_constraintdef(c.oid) as definition
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname in (${schemaList})
        order by 1, 2`,
  );
}

export async function dropForeignKey(db: Db, key: ForeignKey) {
  await db.execute(sql.raw(`alter table ${key.table} drop constraint ${quote(key.name)}`));
}

/** Adding a key back checks every row against it: a restore with a dangling reference fails whole. */
export async function addForeignKey(db: Db, key: ForeignKey) {
  await db.execute(sql.raw(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`));
}

/** Triggers keep derived tables (measurement totals) up to date; the backup holds those already. */
export async function setUserTriggers(db: Db, table: TableName, enabled: boolean) {
  await db.execute(
    sql.raw(`alter table ${quotedTable(table)} ${enabled ? "enable" : "disable"} trigger user`),
  );
}

/** Every sequence behind a column (identity or serial) set past the largest value restored. */
export async function advanceSequences(db: Db) {
  const owned = await rows<{ sequence: string; table: string; column: string }>(
    db,
    sql`select s.oid::regclass::text as sequence, t.oid::regclass::text as "table", a.attname as "column"
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
          and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = t.relnamespace
        where s.relkind = 'S' and n.nspname in (${schemaList})`,
  );
  for (const { sequence, table, column } of owned) {
    await db.execute(
      sql.raw(
        `select setval('${sequence.replaceAll("'", "''")}', coalesce(max(${quote(column)}), 0) + 1, false) from ${table}`,
      ),
    );
  }
}
