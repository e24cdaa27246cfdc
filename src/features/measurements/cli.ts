// `tertial import measurements FILE [--dry-run]`: the same import as the upload, for files of any
// size, run on the server with the operator's rights.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { operatorPrincipal } from "../../caller.ts";
import type { Config } from "../../config.ts";
import { openDatabase } from "../../db/client.ts";
import type { Actor } from "../audit/service.ts";
import type { ImportProgress, ImportReport } from "./import.ts";
import { importMeasurementFile } from "./service.ts";

export const importMeasurementsHelp = `Usage: tertial import measurements FILE [--dry-run]

Imports monthly indicator values from a CSV (.csv, .txt) or Excel (.xlsx) file.
The first row names the columns: indicator, unit, month, numerator, denominator
(or in Norwegian: indikator, enhet, måned, teller, nevner). Indicators and units are given by
code, months as YYYY-MM. CSV files may use ';' or ',' between fields and decimal commas.

The whole file is checked first; if any row is wrong, every problem is listed with its row and
column, and nothing is written. A good file is written in one transaction. Values that differ
from the stored ones replace them and the old values are kept as history; importing the same
file again changes nothing.

  --dry-run   check the file and report what would change, without writing anything`;

function operatorActor(): Actor {
  let who = "operator";
  try {
    who = os.userInfo().username;
  } catch {
    // Some containers run as a user without a name; "operator" then says enough.
  }
  return { id: null, name: `command line (${who})` };
}

const thousands = (value: number) => value.toLocaleString("nb-NO");

function printProgress(progress: ImportProgress) {
  const verb = progress.phase === "checking" ? "Checked" : "Wrote";
  process.stderr.write(`${verb} ${thousands(progress.rows)} rows${progress.done ? "." : "…"}\n`);
}

const pair = (values: { numerator: number; denominator: number | null } | null) =>
  values === null
    ? "–"
    : values.denominator === null
      ? String(values.numerator)
      : `${values.numerator}/${values.denominator}`;

export function describeReport(report: ImportReport): string[] {
  const counts = `${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged`;
  const lines = report.dryRun
    ? [
        `Dry run, nothing written. ${report.source}: ${report.rows} rows; would change ${report.changed} (${counts}).`,
      ]
    : [`Imported ${report.source}: ${report.rows} rows, ${report.changed} changed (${counts}).`];
  if (report.ignoredColumns.length > 0) lines.push(`Ignored columns: ${report.ignoredColumns.join(", ")}.`);
  const shown = report.changes.slice(0, 20);
  for (const change of shown) {
    lines.push(
      `  row ${change.row}: ${change.indicator} ${change.unit} ${change.month}  ${pair(change.before)} -> ${pair(change.after)}`,
    );
  }
  const more = report.changed - shown.length;
  if (more > 0) lines.push(`  … and ${thousands(more)} more.`);
  return lines;
}

export async function runImportMeasurements(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return console.log(importMeasurementsHelp);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new Error(`Give exactly one file.\n\n${importMeasurementsHelp}`);
  if (!fs.existsSync(file)) throw new Error(`There is no file ${file}.`);

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: "import measurements",
  });
  try {
    await database.migrate();
    const report = await importMeasurementFile(
      database.db,
      { principal: operatorPrincipal, actor: operatorActor() },
      { path: file, name: path.basename(file) },
      { dryRun: values["dry-run"] === true, onProgress: printProgress },
    );
    for (const line of describeReport(report)) console.log(line);
  } finally {
    await database.close();
  }
}
