// An audit entry's before and after as a list of changed fields, each value in words: names for
// unit and user ids, the catalogue's words for kinds and states, dates and numbers as the reader
// writes them. Only fields that changed; ids, versions and other bookkeeping are left out.

import { formatDate, formatDateTime } from "../../components/dates.ts";
import { hasMessage, type Locale, type Translate } from "../../i18n/i18n.tsx";
import { formatNumber } from "../../i18n/numbers.ts";

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Bookkeeping the reader does not need: ids, versions, paths, hashes and stored snapshots. */
const hiddenFields = new Set([
  "id",
  "version",
  "seriesKey",
  "lineageKey",
  "path",
  "createdAt",
  "updatedAt",
  "snapshot",
  "snapshotHash",
  "passwordHash",
  "template",
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between before and after, in the order the entry lists them. A new row
 * lists its filled-in fields, a removed one what it held.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ field: "", before, after }];
  }
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])];
  return fields
    .filter((field) => !hiddenFields.has(field) && !same(old[field], now[field]))
    .map((field) => ({ field, before: old[field], after: now[field] }));
}

/** What a field is called in the reader's language; an unknown field by its name in words. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `audit.field.${field}`;
  if (hasMessage(key)) return t(key);
  const words = field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where the words of a coded value are, by field and, where it differs, kind of entity. */
function cataloguePrefix(field: string, entityType: string): string | null {
  switch (field) {
    case "role":
      return "role";
    case "status":
      return entityType === "measure" ? "audit.measureStatus" : "answers.status";
    case "phase":
      return "audit.measurePhase";
    case "level":
    case "residualLevel":
      return "audit.riskLevel";
    case "horizon":
      return "audit.horizon";
    case "area":
      return "audit.riskArea";
    case "state":
      if (entityType === "reporting_round") return "rounds.state";
      if (entityType === "answer" || entityType === "risk_assessment") return "answers.state";
      if (entityType === "steering_document") return "steering.state";
      return null;
    case "kind":
      if (entityType === "unit") return "unitKind";
      if (entityType === "requirement") return "steering.kind";
      // The kind inside a target's rule.
      if (entityType === "indicator_target") return "indicators.targets.kind";
      return null;
    case "frequency":
      return "steering.frequency";
    case "direction":
      return "indicators.direction";
    case "valueKind":
      return "indicators.valueKind";
    case "trendMode":
      return "indicators.trendMode";
    case "comparator":
      return "indicators.targets.comparator";
    case "evaluationBasis":
      return "scorecard.basis";
    case "documentType":
      return "documents.type";
    case "locale":
      return "documents.locale";
    default:
      return null;
  }
}

const unitFields = new Set([
  "unitId",
  "parentId",
  "issuingUnitId",
  "ownerUnitId",
  "leadUnitId",
  "recipientUnitIds",
  "appliesToUnitIds",
]);

export type ValueContext = {
  t: Translate;
  locale: Locale;
  entityType: string;
  unitName: (id: number) => string | undefined;
  userName: (id: number) => string | undefined;
  indicatorName: (id: number) => string | undefined;
};

/** One value in words. */
export function describeValue(field: string, value: unknown, context: ValueContext): string {
  const { t, locale } = context;
  if (isEmpty(value)) return t("audit.empty.value");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("audit.empty.value");
    return value.map((item) => describeValue(field, item, context)).join(", ");
  }
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (typeof value === "number") {
    if (unitFields.has(field)) return context.unitName(value) ?? t("audit.unknownUnit", { id: value });
    if (field === "userId") return context.userName(value) ?? t("audit.unknownUser", { id: value });
    if (field === "indicatorId") return context.indicatorName(value) ?? String(value);
    // Years and ids read as they are written; other figures grouped as the reader writes them.
    if (/(^y|Y)ear$/.test(field) || field.endsWith("Id")) return String(value);
    return formatNumber(value, locale);
  }
  if (typeof value === "string") {
    const key = `${cataloguePrefix(field, context.entityType)}.${value}`;
    if (hasMessage(key)) return t(key);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    return value;
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(key, t)}: ${describeValue(key, inner, context)}`)
      .join("; ");
  }
  return String(value);
}

/** Text longer than this is shortened, with a button to see all of it. */
export const SHORT_LENGTH = 160;

/** The first words of a long text, cut at a space, with an ellipsis. */
export function shorten(text: string, length = SHORT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
