// What `tertial import measurements` prints, in bokmål and English (the terminal's language,
// config.cliLocale). Problems themselves are worded from src/i18n/problems.

import type { Locale } from "../../i18n/locale.ts";
import { fillMessage, type MessageValues } from "../../i18n/render.ts";

const nb = {
  help: `Bruk: tertial import measurements FIL [--dry-run]

Importerer månedlige indikatorverdier fra en CSV-fil (.csv, .txt) eller en Excel-fil (.xlsx).
Første rad navngir kolonnene: indikator, enhet, måned, teller, nevner
(eller på engelsk: indicator, unit, month, numerator, denominator). Indikatorer og enheter oppgis
med kode, måneder som ÅÅÅÅ-MM. CSV-filer kan bruke «;» eller «,» mellom feltene, og desimalkomma.

Hele filen kontrolleres først; er noen rad feil, listes hver feil med rad og kolonne, og ingenting
skrives. En god fil skrives i én transaksjon. Verdier som skiller seg fra de lagrede, erstatter dem,
og de gamle verdiene tas vare på som historikk; å importere samme fil på nytt endrer ingenting.

  --dry-run   kontroller filen og vis hva som ville blitt endret, uten å skrive noe`,
  checking: "Kontrollert {rows, plural, one {# rad} other {# rader}}…",
  checked: "Kontrollert {rows, plural, one {# rad} other {# rader}}.",
  writing: "Skrevet {rows, plural, one {# rad} other {# rader}}…",
  written: "Skrevet {rows, plural, one {# rad} other {# rader}}.",
  counts: "{inserted} nye, {updated} endret, {unchanged} uendret",
  dryRun:
    "Prøvekjøring, ingenting skrevet. {source}: {rows, plural, one {# rad} other {# rader}}; ville endret {changed} ({counts}).",
  imported: "Importert {source}: {rows, plural, one {# rad} other {# rader}}, {changed} endret ({counts}).",
  ignoredColumns: "Kolonner som ble oversett: {columns}.",
  change: "  rad {row}: {indicator} {unit} {month}  {before} -> {after}",
  more: "  … og {count} til.",
  commandLine: "kommandolinjen ({who})",
} as const;

const en: Record<keyof typeof nb, string> = {
  help: `Usage: tertial import measurements FILE [--dry-run]

Imports monthly indicator values from a CSV (.csv, .txt) or Excel (.xlsx) file.
The first row names the columns: indicator, unit, month, numerator, denominator
(or in Norwegian: indikator, enhet, maaned, teller, nevner). Indicators and units are given by
code, months as YYYY-MM. CSV files may use ';' or ',' between fields and decimal commas.

The whole file is checked first; if any row is wrong, every problem is listed with its row and
column, and nothing is written. A good file is written in one transaction. Values that differ
from the stored ones replace them and the old values are kept as history; importing the same
file again changes nothing.

  --dry-run   check the file and report what would change, without writing anything`,
  checking: "Checked {rows, plural, one {# row} other {# rows}}…",
  checked: "Checked {rows, plural, one {# row} other {# rows}}.",
  writing: "Wrote {rows, plural, one {# row} other {# rows}}…",
  written: "Wrote {rows, plural, one {# row} other {# rows}}.",
  counts: "{inserted} new, {updated} updated, {unchanged} unchanged",
  dryRun:
    "Dry run, nothing written. {source}: {rows, plural, one {# row} other {# rows}}; would change {changed} ({counts}).",
  imported: "Imported {source}: {rows, plural, one {# row} other {# rows}}, {changed} changed ({counts}).",
  ignoredColumns: "Ignored columns: {columns}.",
  change: "  row {row}: {indicator} {unit} {month}  {before} -> {after}",
  more: "  … and {count} more.",
  commandLine: "command line ({who})",
};

export const importCliMessages = { nb, en };
export type ImportCliMessage = keyof typeof nb;

export function importCliText(locale: Locale, key: ImportCliMessage, values?: MessageValues): string {
  return fillMessage(locale, importCliMessages[locale][key], values);
}
