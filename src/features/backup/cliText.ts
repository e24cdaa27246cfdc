// What `tertial backup` and `tertial restore` print, in bokmål and English (the terminal's
// language, config.cliLocale).

import type { Locale } from "../../i18n/locale.ts";
import { fillMessage, type MessageValues } from "../../i18n/render.ts";
import type { BackupProblem } from "./format.ts";

const nb = {
  backupHelp: `Bruk: tertial backup FIL

Skriver hele databasen (den innebygde i TERTIAL_DATA_DIR, eller PostgreSQL i DATABASE_URL) til FIL:
gzip-komprimerte JSON-linjer med alle tabellene og hvilke migreringer databasen har.
Alt leses fra ett øyeblikksbilde, så på PostgreSQL kan serveren kjøre mens sikkerhetskopien tas.
Den innebygde databasen kan bare åpnes av én prosess: stopp serveren først.
Filen skrives ferdig under et midlertidig navn og får navnet FIL først når den er hel.`,
  restoreHelp: `Bruk: tertial restore FIL [--replace]

Leser inn en sikkerhetskopi fra «tertial backup» i en tom database, i én transaksjon: enten kommer
alt inn, eller ingenting endres. Databasen får skjemaet sikkerhetskopien ble tatt fra, og deretter
kjøres nyere migreringer som ved oppstart. En fil fra en nyere Tertial avvises.
Stopp serverne først.

  --replace   erstatt alt i en database som allerede har data`,
  oneFile: "Oppgi én fil.",
  noFile: "Finner ikke filen {file}.",
  backedUp:
    "Sikkerhetskopi skrevet til {file}: {tables} tabeller, {rows, plural, one {# rad} other {# rader}} (skjema {schema}).",
  restored:
    "Lest inn fra {file}: {tables} tabeller, {rows, plural, one {# rad} other {# rader}} (skjema {schema}). Databasen er migrert til denne versjonen av Tertial.",
  inUse:
    "Den innebygde databasen i {dataDir} brukes av en annen Tertial-prosess (pid {pid}, «{command}»).\nDen kan bare åpnes av én prosess om gangen: stopp serveren, kjør kommandoen på nytt og start serveren igjen.\n(Med PostgreSQL, DATABASE_URL, kan sikkerhetskopien tas mens serveren kjører.)",
  notABackup: "Filen er ikke en sikkerhetskopi fra Tertial.",
  unsupportedVersion: "Filen har format {version}, som denne versjonen av Tertial ikke kan lese.",
  corrupt: "Filen er skadet (linje {line}: {detail}). Ingenting er endret.",
  truncated: "Filen er avkortet eller skadet: den slutter før siste linje. Ingenting er endret.",
  newerSchema:
    "Sikkerhetskopien er fra en nyere Tertial (skjema {fileVersion}); denne kjenner bare til {knownVersion}. Oppgrader Tertial først. Ingenting er endret.",
  unknownMigration:
    "Sikkerhetskopien har en migrering ({createdAt}) som denne versjonen av Tertial ikke kjenner. Ingenting er endret.",
  schemaMismatch: "Filen passer ikke til skjemaet den sier den er fra ({detail}). Ingenting er endret.",
  noSchema:
    "Databasen har ingen tabeller fra Tertial ennå (ingen migreringer er kjørt), så det er ingenting å ta sikkerhetskopi av. Sjekk TERTIAL_DATA_DIR eller DATABASE_URL.",
  notEmpty:
    "Databasen har allerede data (tabellen {table} har rader), så ingenting er lest inn. Bruk en tom database, eller legg til --replace for å erstatte alt.",
} as const;

const en: Record<keyof typeof nb, string> = {
  backupHelp: `Usage: tertial backup FILE

Writes the whole database (the embedded one in TERTIAL_DATA_DIR, or PostgreSQL in DATABASE_URL) to
FILE: gzipped JSON lines with every table and the migrations the database has.
Everything is read from one snapshot, so on PostgreSQL the server may run while the backup is taken.
The embedded database can be opened by one process only: stop the server first.
The file is written under a temporary name and named FILE only once it is whole.`,
  restoreHelp: `Usage: tertial restore FILE [--replace]

Reads a backup made by 'tertial backup' into an empty database, in one transaction: either all of
it arrives, or nothing changes. The database gets the schema the backup was taken from, then newer
migrations run as at start-up. A file from a newer Tertial is refused.
Stop the servers first.

  --replace   replace everything in a database that already holds data`,
  oneFile: "Give one file.",
  noFile: "Cannot find the file {file}.",
  backedUp:
    "Backup written to {file}: {tables} tables, {rows, plural, one {# row} other {# rows}} (schema {schema}).",
  restored:
    "Restored from {file}: {tables} tables, {rows, plural, one {# row} other {# rows}} (schema {schema}). The database is migrated to this version of Tertial.",
  inUse:
    "The embedded database in {dataDir} is in use by another Tertial process (pid {pid}, '{command}').\nIt can be opened by one process at a time: stop the server, run the command again, then start the server.\n(With PostgreSQL, DATABASE_URL, the backup can be taken while the server runs.)",
  notABackup: "The file is not a Tertial backup.",
  unsupportedVersion: "The file has format {version}, which this version of Tertial cannot read.",
  corrupt: "The file is damaged (line {line}: {detail}). Nothing was changed.",
  truncated: "The file is cut short or damaged: it ends before its last line. Nothing was changed.",
  newerSchema:
    "The backup is from a newer Tertial (schema {fileVersion}); this one knows up to {knownVersion}. Upgrade Tertial first. Nothing was changed.",
  unknownMigration:
    "The backup has a migration ({createdAt}) this version of Tertial does not know. Nothing was changed.",
  schemaMismatch: "The file does not fit the schema it says it is from ({detail}). Nothing was changed.",
  noSchema:
    "The database has no Tertial tables yet (no migrations have run), so there is nothing to back up. Check TERTIAL_DATA_DIR or DATABASE_URL.",
  notEmpty:
    "The database already holds data (the table {table} has rows), so nothing was restored. Use an empty database, or add --replace to replace everything.",
};

const messages = { nb, en };
export type BackupCliMessage = keyof typeof nb;

export function backupCliText(locale: Locale, key: BackupCliMessage, values?: MessageValues): string {
  return fillMessage(locale, messages[locale][key], values);
}

/** A refused file or database in words. */
export function describeProblem(locale: Locale, problem: BackupProblem): string {
  const { reason, ...values } = problem;
  return backupCliText(locale, reason, values);
}
