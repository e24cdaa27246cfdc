// `tertial import measurements FILE [--dry-run]`: the same import as the upload, for files of any
// size, run on the server with the operator's rights.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { operatorPrincipal } from "../../caller.ts";
import type { Config } from "../../config.ts";
import { openDatabase } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { MessageValues } from "../../i18n/render.ts";
import type { Actor } from "../audit/service.ts";
import { type ImportCliMessage, importCliText } from "./cliText.ts";
import type { ImportProgress, ImportReport } from "./import.ts";
import { importMeasurementFile } from "./service.ts";

/** The command's help in `locale`. */
export const importMeasurementsHelp = (locale: Locale) => importCliText(locale, "help");

/** Who the audit trail names; the name is stored, so it is in the language the operator reads. */
function operatorActor(locale: Locale): Actor {
  let who = "operator";
  try {
    who = os.userInfo().username;
  } catch {
    // Some containers run as a user without a name; "operator" then says enough.
  }
  return { id: null, name: importCliText(locale, "commandLine", { who }) };
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat("nb-NO"),
  en: new Intl.NumberFormat("en-GB"),
};
const thousands = (locale: Locale, value: number) => numberFormats[locale].format(value);

export function describeProgress(locale: Locale, progress: ImportProgress): string {
  const key =
    progress.phase === "checking"
      ? progress.done
        ? "checked"
        : "checking"
      : progress.done
        ? "written"
        : "writing";
  // The count goes in as a number for the plural, then is written with the language's grouping.
  return importCliText(locale, key, { rows: progress.rows }).replace(
    String(progress.rows),
    thousands(locale, progress.rows),
  );
}

const pair = (values: { numerator: number; denominator: number | null } | null) =>
  values === null
    ? "–"
    : values.denominator === null
      ? String(values.numerator)
      : `${values.numerator}/${values.denominator}`;

/** The report of an import as the lines printed, in `locale`. */
export function describeReport(locale: Locale, report: ImportReport): string[] {
  const say = (key: ImportCliMessage, values?: MessageValues) => importCliText(locale, key, values);
  const { inserted, updated, unchanged } = report;
  const counts = say("counts", { inserted, updated, unchanged });
  const summary = { source: report.source, rows: report.rows, changed: report.changed, counts };
  const lines = [say(report.dryRun ? "dryRun" : "imported", summary)];
  if (report.ignoredColumns.length > 0) {
    lines.push(say("ignoredColumns", { columns: report.ignoredColumns.join(", ") }));
  }
  const shown = report.changes.slice(0, 20);
  for (const change of shown) {
    lines.push(
      say("change", {
        row: change.row,
        indicator: change.indicator,
        unit: change.unit,
        month: change.month,
        before: pair(change.before),
        after: pair(change.after),
      }),
    );
  }
  const more = report.changed - shown.length;
  if (more > 0) lines.push(say("more", { count: thousands(locale, more) }));
  return lines;
}

export async function runImportMeasurements(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, help: { type: "boolean" } },
  });
  const locale = config.cliLocale;
  if (values.help) return console.log(importMeasurementsHelp(locale));
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(importMeasurementsHelp(locale));
    throw new AppError("bad_request", "measurement_cli_one_file");
  }
  if (!fs.existsSync(file))
    throw new AppError("bad_request", "measurement_cli_no_file", { params: { file } });

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: "import measurements",
  });
  try {
    await database.migrate();
    const report = await importMeasurementFile(
      database.db,
      { principal: operatorPrincipal, actor: operatorActor(locale) },
      { path: file, name: path.basename(file) },
      {
        dryRun: values["dry-run"] === true,
        onProgress: (progress) => process.stderr.write(`${describeProgress(locale, progress)}\n`),
      },
    );
    for (const line of describeReport(locale, report)) console.log(line);
  } finally {
    await database.close();
  }
}
