import { intlLocale, type Locale } from "../i18n/i18n.tsx";

/** Today as YYYY-MM-DD in the user's own time zone, the value a date input expects. */
export function todayIsoDate(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A calendar date (YYYY-MM-DD) written the way the reader expects, without time-zone shifts. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium" }).format(
    new Date(year, month - 1, day),
  );
}

export function formatDateTime(isoTimestamp: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "short", timeStyle: "medium" }).format(
    new Date(isoTimestamp),
  );
}
