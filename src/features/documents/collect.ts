// Where a document's data come from. The service asks a `DocumentSource`, so tests (and later other
// sources) can hand it data; the database source reads the steering, reporting and scorecard
// features through their services, as the person generating (the caller), so that a
// document never shows what that person could not read in the application.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { formatPeriod, isYearEnd, type Period, parsePeriod, yearEndPeriods } from "../../domain/periods.ts";
import { reportingPointOf } from "../../domain/steering.ts";
import { AppError, notFound } from "../../errors.ts";
import { unitReport } from "../reporting/overview.ts";
import { listRounds } from "../reporting/rounds.ts";
import type { ScorecardRowView, WindowView } from "../scorecards/schema.ts";
import {
  getPublishedScorecard,
  getScorecard,
  getSummaryTables,
  listPublishedScorecards,
} from "../scorecards/service.ts";
import { listDocuments as listSteeringDocuments } from "../steering/documents.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import { collectRisk } from "./collectRisk.ts";
import type {
  BoardCaseData,
  ChapterData,
  DocumentData,
  DocumentLocale,
  DocumentType,
  RequirementData,
  ScorecardData,
  ScorecardIndicatorData,
  UnitAnswerData,
} from "./model.ts";
import { describeTarget } from "./targetWording.ts";

export interface CollectOptions {
  type: DocumentType;
  /** Who generates: the reporting and scorecard services check their access with it. */
  caller: Caller;
  /** The fields the secretariat wrote for a board case; null for reports. */
  boardCase: BoardCaseData | null;
  /** The time the data are read; it becomes the snapshot's `takenAt`. */
  now: Date;
  /** The document's language: indicator names are taken in it where the catalogue has them. Default nb. */
  locale?: DocumentLocale;
  /**
   * Whether the template shows each unit's own answer under the consolidated one. The units'
   * answers are only read (and stored in the snapshot) when it does. Default true.
   */
  includeUnitAnswers?: boolean;
}

export interface DocumentSource {
  collectDocumentData(db: Db, unitId: number, period: string, options: CollectOptions): Promise<DocumentData>;
}

// ---------------------------------------------------------------------------------------------
// Requirements and answers

export type SteeringHeader = Awaited<ReturnType<typeof listSteeringDocuments>>[number];
/** A steering document the unit reports on for the period, with the period's round. */
export type ReportedDocument = { document: SteeringHeader; roundId: number };
type UnitReport = Awaited<ReturnType<typeof unitReport>>;
type ReportItem = UnitReport["sections"][number]["items"][number];

/** "2.1 Styrke psykisk helsevern" -> number 2.1; "Hovedmål 1: Styrke ..." has no number of its own. */
export function splitChapterNumber(title: string): { number: string | null; title: string } {
  const match = /^(\d+(?:\.\d+)*)\.?\s+(\S[\s\S]*)$/.exec(title.trim());
  if (!match) return { number: null, title: title.trim() };
  return { number: match[1] as string, title: (match[2] as string).trim() };
}

/** A lower-case ASCII slug: "Øvrige krav og rammer for 2024" -> "ovrige-krav-og-rammer-for-2024". */
export function slugOf(text: string, maxLength = 60): string {
  const slug = text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "") || "chapter";
}

/**
 * A steering document's part of every chapter key: its issuer and its title without the year
 * ("hod-oppdragsdokument"), so that T1, T2 and the annual report line up, and so do the same
 * document's chapters from one year to the next. Readable in a comparison, unlike the series id.
 */
function documentKey(document: SteeringHeader): string {
  const title = document.title.replaceAll(String(document.year), " ");
  return `${slugOf(document.issuingUnit.code, 20)}-${slugOf(title, 40)}`;
}

/**
 * The documents a unit reports on for a period: those it received (it answers them) and those it
 * issued (it consolidates its units' answers), each series' latest published version with a round
 * for the period. Documents from above come first, as in the annual report to the owner.
 */
export async function documentsWithRounds(
  db: Db,
  principal: Principal,
  unit: UnitRow,
  period: string,
): Promise<ReportedDocument[]> {
  const wanted = reportingPointOf(period);
  const documents = (await listSteeringDocuments(db, { principal }, { year: wanted.year })).filter(
    (document) =>
      document.state === "published" &&
      (document.issuingUnit.id === unit.id || document.recipients.some((r) => r.id === unit.id)),
  );
  const chosen = new Map<string, ReportedDocument>();
  for (const document of documents) {
    const rounds = await listRounds(db, { principal }, document.id);
    const round = rounds.find((each) => {
      const point = reportingPointOf(each.period);
      return point.year === wanted.year && point.point === wanted.point;
    });
    if (!round) continue;
    const previous = chosen.get(document.seriesKey);
    if (!previous || previous.document.versionNumber < document.versionNumber) {
      chosen.set(document.seriesKey, { document, roundId: round.id });
    }
  }
  const received = [...chosen.values()].filter((each) => each.document.issuingUnit.id !== unit.id);
  const issued = [...chosen.values()].filter((each) => each.document.issuingUnit.id === unit.id);
  return [...received, ...issued];
}

/** Each recipient's report in the round, for the units' answers under the consolidated one. */
async function recipientAnswers(
  db: Db,
  principal: Principal,
  document: SteeringHeader,
  roundId: number,
  asOf: string,
): Promise<Map<number, UnitAnswerData[]>> {
  const byRequirement = new Map<number, UnitAnswerData[]>();
  for (const recipient of document.recipients) {
    let report: UnitReport;
    try {
      report = await unitReport(db, { principal }, roundId, recipient.id, asOf);
    } catch (error) {
      // A unit the person has no role on (or that answers nothing in the round) is left out.
      if (error instanceof AppError && (error.code === "forbidden" || error.code === "not_found")) continue;
      throw error;
    }
    for (const section of report.sections) {
      for (const item of section.items) {
        const list = byRequirement.get(item.requirement.id) ?? [];
        list.push({
          unitCode: recipient.code,
          unitName: recipient.name,
          status: item.answer.status,
          answer: item.answer.text,
          approval: item.answer.state,
        });
        byRequirement.set(item.requirement.id, list);
      }
    }
  }
  for (const list of byRequirement.values()) {
    list.sort((a, b) => a.unitName.localeCompare(b.unitName, "nb") || a.unitCode.localeCompare(b.unitCode));
  }
  return byRequirement;
}

function requirementOf(item: ReportItem, unitAnswers: UnitAnswerData[]): RequirementData {
  const joint = item.answer.joint;
  return {
    number: item.requirement.number,
    text: item.requirement.text,
    status: item.answer.status,
    answer: item.answer.text,
    approval: item.answer.state,
    unitAnswers,
    jointReport:
      joint && joint.text.trim() !== "" ? { leadName: joint.leadUnit.name, text: joint.text } : null,
  };
}

/**
 * The requirement chapters of the unit's steering documents for the period's year, with the
 * unit's own answer in the period's round: its consolidated answer to a document it issued, its
 * answer to a document it received. Joint assignments carry the lead unit's text ("Fellesrapport
 * <lead>"); for documents it issued, the units' own answers come along when asked for.
 */
export async function collectRequirementChapters(
  db: Db,
  principal: Principal,
  unit: UnitRow,
  documents: readonly ReportedDocument[],
  options: { includeUnitAnswers: boolean; now: Date },
): Promise<ChapterData[]> {
  const asOf = options.now.toISOString().slice(0, 10);
  const chapters: ChapterData[] = [];
  const usedKeys = new Set<string>();
  const uniqueKey = (key: string) => {
    let candidate = key;
    for (let n = 2; usedKeys.has(candidate); n++) candidate = `${key}-${n}`;
    usedKeys.add(candidate);
    return candidate;
  };
  for (const { document, roundId } of documents) {
    const report = await unitReport(db, { principal }, roundId, unit.id, asOf);
    const issued = document.issuingUnit.id === unit.id;
    const unitAnswers =
      issued && options.includeUnitAnswers
        ? await recipientAnswers(db, principal, document, roundId, asOf)
        : new Map<number, UnitAnswerData[]>();
    const prefix = documentKey(document);
    for (const section of report.sections) {
      const named = section.chapter
        ? splitChapterNumber(section.chapter.title)
        : { number: null, title: document.title };
      const key = section.chapter ? (named.number ?? slugOf(named.title)) : "other";
      chapters.push({
        key: uniqueKey(`${prefix}/${key}`),
        number: named.number,
        title: named.title,
        introduction: null,
        requirements: section.items.map((item) =>
          requirementOf(item, unitAnswers.get(item.requirement.id) ?? []),
        ),
      });
    }
  }
  return chapters;
}

// ---------------------------------------------------------------------------------------------
// Scorecard

/** The ways the period's scorecard may have been published: every spelling of a year end, else its own. */
function equivalentPeriods(period: Period): string[] {
  return isYearEnd(period) ? yearEndPeriods(period.year) : [formatPeriod(period)];
}

/** The unit after a figure ("64,2 %", "45 dager"); a count needs none. */
function withUnit(text: string, unitLabel: string): string {
  const label = unitLabel.trim();
  return label === "" || label === "antall" ? text : `${text} ${label}`;
}

function figure(window: WindowView, unitLabel: string): string {
  if (window.state === "value" && window.displayedValue !== null)
    return withUnit(window.displayedValue, unitLabel);
  if (window.state === "too_few" && window.displayedValue !== null) return window.displayedValue;
  return "–";
}

/** "≤ 4 %; gul ≤ 6 %": the target with comparator and unit; computed kinds with this year's figure. */
function targetText(row: ScorecardRowView, locale: DocumentLocale): string {
  if (!row.target) return "–";
  const { attainment } = row;
  const computed =
    attainment.targetValue !== null && attainment.comparator !== null
      ? { comparator: attainment.comparator, value: attainment.targetValue }
      : null;
  return describeTarget(
    {
      rule: row.target.rule,
      direction: row.indicator.direction,
      unitLabel: row.indicator.unitLabel,
      year: row.targetYear,
      computed,
    },
    locale,
  );
}

function indicatorOf(row: ScorecardRowView, locale: DocumentLocale): ScorecardIndicatorData {
  const { indicator } = row;
  return {
    code: indicator.code,
    name: locale === "en" && indicator.nameEn ? indicator.nameEn : indicator.nameNb,
    thisPeriod: figure(row.thisPeriod, indicator.unitLabel),
    yearToDate: figure(row.yearToDate, indicator.unitLabel),
    target: targetText(row, locale),
    attainment: row.attainment.colour,
    trend: row.trend.colour,
  };
}

/**
 * The unit's scorecard at the period and Tabell 1 and 2 over T1, T2 and year end of its year: the
 * latest published scorecard of each period, as the board saw it, else computed now. Null when
 * the unit has no indicators at all.
 */
export async function collectScorecard(
  db: Db,
  caller: Caller,
  unit: UnitRow,
  periodText: string,
  options: { locale: DocumentLocale; now: Date },
): Promise<ScorecardData | null> {
  const period = parsePeriod(periodText);
  const periods = equivalentPeriods(period);
  const published = (await listPublishedScorecards(db, caller, unit.id)).find((entry) =>
    periods.includes(entry.period),
  );
  const view = published
    ? (await getPublishedScorecard(db, caller, published.id, options.now)).scorecard
    : await getScorecard(db, caller, unit.id, formatPeriod(period), options.now);
  const tables = await getSummaryTables(db, caller, unit.id, period.year, options.now);
  const anyIndicators =
    view.rows.length > 0 || tables.attainment.rows.some((row) => row.cells.some((cell) => cell.total > 0));
  if (!anyIndicators) return null;
  return {
    period: view.period,
    indicators: view.rows.map((row) => indicatorOf(row, options.locale)),
    summary: { attainment: tables.attainment, trend: tables.trend },
  };
}

// ---------------------------------------------------------------------------------------------

export async function collectDocumentData(
  db: Db,
  unitId: number,
  period: string,
  options: CollectOptions,
): Promise<DocumentData> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("document_unit_not_found", { id: unitId });
  const { principal } = options.caller;
  const documents = await documentsWithRounds(db, principal, unit, period);
  const chapters = await collectRequirementChapters(db, principal, unit, documents, {
    includeUnitAnswers: options.includeUnitAnswers ?? true,
    now: options.now,
  });
  const risk = await collectRisk(db, principal, unit, period, documents);
  const scorecard = await collectScorecard(db, options.caller, unit, period, {
    locale: options.locale ?? "nb",
    now: options.now,
  });
  return {
    takenAt: options.now.toISOString(),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    introduction: null,
    chapters,
    scorecard,
    riskAssessment: risk.assessment,
    measures: risk.measures,
    boardCase: options.boardCase,
  };
}

export const databaseDocumentSource: DocumentSource = { collectDocumentData };
