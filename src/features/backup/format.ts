// The backup file: gzipped JSON lines, one object or array per line, in this order:
//
//   {"format":"tertial-backup","version":1,"createdAt":"…","source":"pglite","schemaVersion":"0009_unit_risk_rank","migrations":[{"createdAt":…,"hash":"…"}]}
//   {"table":"public.units","columns":["id","code",…]}
//   ["1","NLSH",null,…]                      one array per row: each value as PostgreSQL's text, or null
//   {"tableEnd":"public.units","rows":17}
//   … the next table …
//   {"end":true,"tables":31,"rows":12345}
//
// The closing line and the per-table counts tell a whole file from a cut one; gzip's checksum
// tells a damaged one. The rules here are pure: the service feeds them lines.

export const backupFormat = "tertial-backup";
export const backupFormatVersion = 1;

/** A migration applied to the backed-up database, as drizzle records it. */
export type AppliedMigration = { createdAt: number; hash: string };

export type BackupHeader = {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  source: "pglite" | "postgres";
  /** The last migration's name, for people reading the header. */
  schemaVersion: string;
  migrations: AppliedMigration[];
};

/** A migration the code ships (src/db/migrations/meta/_journal.json). */
export type KnownMigration = { tag: string; when: number };

/** Why a file or a database is refused; the command line words it (cliText.ts). */
export type BackupProblem =
  | { reason: "notABackup" }
  | { reason: "unsupportedVersion"; version: number }
  | { reason: "corrupt"; line: number; detail: string }
  | { reason: "truncated" }
  | { reason: "newerSchema"; fileVersion: string; knownVersion: string }
  | { reason: "unknownMigration"; createdAt: number }
  | { reason: "schemaMismatch"; detail: string }
  | { reason: "notEmpty"; table: string }
  | { reason: "noSchema" };

export class BackupError extends Error {
  override name = "BackupError";
  constructor(readonly problem: BackupProblem) {
    super(`Backup refused: ${JSON.stringify(problem)}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The first line, or BackupError: not a Tertial backup, or one of a format this code cannot read. */
export function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError({ reason: "notABackup" });
  }
  if (!isRecord(value) || value.format !== backupFormat) throw new BackupError({ reason: "notABackup" });
  if (value.version !== backupFormatVersion)
    throw new BackupError({ reason: "unsupportedVersion", version: Number(value.version) });
  const migrations = value.migrations;
  const valid =
    typeof value.createdAt === "string" &&
    (value.source === "pglite" || value.source === "postgres") &&
    typeof value.schemaVersion === "string" &&
    Array.isArray(migrations) &&
    migrations.every((m) => isRecord(m) && typeof m.createdAt === "number" && typeof m.hash === "string");
  if (!valid) throw new BackupError({ reason: "corrupt", line: 1, detail: "header" });
  return value as BackupHeader;
}

/**
 * How many of the code's migrations build the schema the file was taken from: the file's
 * migrations must be the first ones the code knows, in order. A file from a newer Tertial (one
 * migration more than the code has) or from another line of migrations is refused.
 */
export function migrationsToReplay(
  file: readonly AppliedMigration[],
  known: readonly KnownMigration[],
  fileVersion: string,
): number {
  const last = known.at(-1);
  for (const [index, migration] of file.entries()) {
    const ours = known[index];
    if (!ours || (last && migration.createdAt > last.when)) {
      throw new BackupError({
        reason: "newerSchema",
        fileVersion,
        knownVersion: last?.tag ?? "none",
      });
    }
    if (ours.when !== migration.createdAt)
      throw new BackupError({ reason: "unknownMigration", createdAt: migration.createdAt });
  }
  return file.length;
}

/** A table's qualified name as the file writes it, "schema.table". */
export type TableName = { schema: string; name: string };
export const qualifiedName = (table: TableName) => `${table.schema}.${table.name}`;

export type BackupEvent =
  | { kind: "header"; header: BackupHeader }
  | { kind: "table"; table: TableName; columns: string[] }
  | { kind: "row"; values: (string | null)[] }
  | { kind: "tableEnd"; rows: number }
  | { kind: "end"; tables: number; rows: number };

/**
 * Reads a backup line by line and checks its order and counts: header first; each table's rows
 * between its opening and its closing line, as many as the closing line says; the end line last,
 * with the totals. `finish()` refuses a file that stopped before its end line.
 */
export class BackupReader {
  private lineNumber = 0;
  private current: { table: TableName; columns: number; rows: number } | undefined;
  private tables = 0;
  private rows = 0;
  private ended = false;
  header: BackupHeader | undefined;

  private corrupt(detail: string): never {
    throw new BackupError({ reason: "corrupt", line: this.lineNumber, detail });
  }

  read(line: string): BackupEvent {
    this.lineNumber++;
    if (this.lineNumber === 1) {
      this.header = parseHeader(line);
      return { kind: "header", header: this.header };
    }
    if (this.ended) this.corrupt("text after the end");
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.corrupt("not JSON");
    }
    if (Array.isArray(value)) {
      if (!this.current) this.corrupt("a row outside a table");
      if (value.length !== this.current.columns) this.corrupt("a row with the wrong number of values");
      if (!value.every((v) => v === null || typeof v === "string")) this.corrupt("a value that is not text");
      this.current.rows++;
      return { kind: "row", values: value as (string | null)[] };
    }
    if (!isRecord(value)) this.corrupt("neither a row nor a table");
    if (typeof value.table === "string") {
      if (this.current) this.corrupt("a table inside a table");
      const [schema, name, ...rest] = value.table.split(".");
      const columns = value.columns;
      if (!schema || !name || rest.length > 0) this.corrupt("a table without a schema");
      if (!Array.isArray(columns) || columns.length === 0 || !columns.every((c) => typeof c === "string"))
        this.corrupt("a table without columns");
      this.current = { table: { schema, name }, columns: columns.length, rows: 0 };
      return { kind: "table", table: { schema, name }, columns: columns as string[] };
    }
    if (typeof value.tableEnd === "string") {
      const current = this.current;
      if (!current || value.tableEnd !== qualifiedName(current.table))
        this.corrupt("a table's end out of place");
      if (value.rows !== current.rows)
        this.corrupt(`${value.tableEnd} has ${current.rows} rows, not ${value.rows}`);
      this.current = undefined;
      this.tables++;
      this.rows += current.rows;
      return { kind: "tableEnd", rows: current.rows };
    }
    if (value.end === true) {
      if (this.current) this.corrupt("the end inside a table");
      if (value.tables !== this.tables || value.rows !== this.rows) this.corrupt("totals that do not add up");
      this.ended = true;
      return { kind: "end", tables: this.tables, rows: this.rows };
    }
    return this.corrupt("an unknown line");
  }

  /** After the last line: the file must have reached its end line. */
  finish(): { tables: number; rows: number } {
    if (!this.header || !this.ended) throw new BackupError({ reason: "truncated" });
    return { tables: this.tables, rows: this.rows };
  }
}

/** The lines that open and close a table, and the file. */
export const tableLine = (table: TableName, columns: readonly string[]) =>
  JSON.stringify({ table: qualifiedName(table), columns });
export const tableEndLine = (table: TableName, rows: number) =>
  JSON.stringify({ tableEnd: qualifiedName(table), rows });
export const endLine = (tables: number, rows: number) => JSON.stringify({ end: true, tables, rows });

/** Splits text arriving in chunks into lines; a line is handed on only once its newline came. */
export class LineSplitter {
  private rest = "";
  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split("\n");
    this.rest = parts.pop() ?? "";
    return parts;
  }
  /** What is left after the last newline: a file cut mid-line leaves something. */
  end(): string {
    return this.rest;
  }
}
