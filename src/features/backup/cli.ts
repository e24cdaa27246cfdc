// `tertial backup FILE` and `tertial restore FILE [--replace]` on the database the configuration
// names: PostgreSQL when DATABASE_URL is set, else the embedded database in TERTIAL_DATA_DIR.

import fs from "node:fs";
import { parseArgs } from "node:util";
import type { Config } from "../../config.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { DatabaseInUseError } from "../../db/lock.ts";
import { backupCliText, describeProblem } from "./cliText.ts";
import { BackupError } from "./format.ts";
import { backupDatabase, restoreDatabase } from "./service.ts";

/** A refusal the command line prints as it is, in the terminal's language. */
class BackupCommandError extends Error {
  override name = "BackupCommandError";
}

async function withOpenDatabase<T>(config: Config, holder: string, work: (database: Database) => Promise<T>) {
  const say = (key: Parameters<typeof backupCliText>[1], values?: Parameters<typeof backupCliText>[2]) =>
    backupCliText(config.cliLocale, key, values);
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    const { pid, command } = error.holder;
    throw new BackupCommandError(say("inUse", { dataDir: error.dataDir, pid, command }));
  }
  try {
    return await work(database);
  } catch (error) {
    if (error instanceof BackupError)
      throw new BackupCommandError(describeProblem(config.cliLocale, error.problem));
    throw error;
  } finally {
    await database.close();
  }
}

function oneFile(config: Config, args: string[], options: { replace?: { type: "boolean" } }, help: string) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...options, help: { type: "boolean" } },
  });
  if (values.help) return { help: true as const };
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new BackupCommandError(`${backupCliText(config.cliLocale, "oneFile")}\n\n${help}`);
  return { help: false as const, file, replace: (values as { replace?: boolean }).replace === true };
}

export async function runBackup(config: Config, args: string[]) {
  const help = backupCliText(config.cliLocale, "backupHelp");
  const parsed = oneFile(config, args, {}, help);
  if (parsed.help) return console.log(help);
  const { file } = parsed;
  await withOpenDatabase(config, "backup", async (database) => {
    const summary = await backupDatabase(database, file);
    const { tables, rows, schemaVersion: schema } = summary;
    console.log(backupCliText(config.cliLocale, "backedUp", { file, tables, rows, schema }));
  });
}

export async function runRestore(config: Config, args: string[]) {
  const help = backupCliText(config.cliLocale, "restoreHelp");
  const parsed = oneFile(config, args, { replace: { type: "boolean" } }, help);
  if (parsed.help) return console.log(help);
  const { file, replace } = parsed;
  if (!fs.existsSync(file)) throw new BackupCommandError(backupCliText(config.cliLocale, "noFile", { file }));
  await withOpenDatabase(config, "restore", async (database) => {
    const summary = await restoreDatabase(database, file, { replace });
    const { tables, rows, schemaVersion: schema } = summary;
    console.log(backupCliText(config.cliLocale, "restored", { file, tables, rows, schema }));
  });
}
