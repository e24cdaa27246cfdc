import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canPublishScorecard, canReadScorecard, type Principal } from "../../domain/access.ts";
import {
  addMonths,
  formatPeriod,
  monthKey,
  type Period,
  PeriodError,
  parseMonth,
  parsePeriod,
  yearEndPeriods,
} from "../../domain/periods.ts";
import { scorecardHasData, summarise, summaryColumn, summaryTable } from "../../domain/scorecard.ts";
import { latestPeriodWithData } from "../../domain/windows.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import { type ComputedRow, computeRows, targetsFrom } from "./compute.ts";
import { diffScorecards } from "./diff.ts";
import { periodLabel, presentRow } from "./present.ts";
import {
  findPublishedScorecard,
  insertPublishedScorecard,
  selectIndicatorsFor,
  selectLastDataMonth,
  selectPublishedOf,
  selectTargetsForScorecardOf,
} from "./queries.ts";
import type {
  LatestPeriodView,
  PublishedEntryView,
  PublishedScorecardView,
  ScorecardView,
  SummaryTablesView,
} from "./schema.ts";

export function parsed<T>(parse: () => T, field: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new AppError("validation_failed", error.code, {
        params: error.params,
        problems: [fieldProblem(field, "scorecard_period", error.params)],
      });
    }
    throw error;
  }
}

export async function loadReadableUnit(db: Db, principal: Principal, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("scorecard_unit_not_found", { id: unitId });
  if (!canReadScorecard(principal, unit.path))
    throw forbidden("scorecard_not_permitted", { unit: unit.name });
  return unit;
}

function buildView(unit: UnitRow, period: Period, computed: ComputedRow[], extractedAt: Date): ScorecardView {
  const rows = computed.map(({ indicator, row, target }) => presentRow(indicator, row, target));
  return {
    snapshotVersion: 1,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: formatPeriod(period),
    periodLabel: periodLabel(period),
    extractedAt: extractedAt.toISOString(),
    rows,
    summary: summarise(rows),
  };
}

async function computeView(db: Db, unit: UnitRow, period: Period, now: Date): Promise<ScorecardView> {
  // Two queries at once where there is a pool of connections.
  const [indicators, targets] = await Promise.all([
    selectIndicatorsFor(db, unit.path),
    selectTargetsForScorecardOf(db, unit.path),
  ]);
  return buildView(unit, period, await computeRows(db, unit, period, indicators, targetsFrom(targets)), now);
}

/** A unit's scorecard for a period, computed now from the data as it is. */
export async function getScorecard(
  db: Db,
  { principal }: Caller,
  unitId: number,
  periodText: string,
  now = new Date(),
): Promise<ScorecardView> {
  const unit = await loadReadableUnit(db, principal, unitId);
  const period = parsed(() => parsePeriod(periodText), "period");
  return computeView(db, unit, period, now);
}

// ---------------------------------------------------------------------------------------------
// Published scorecards

function snapshotOf(value: unknown): ScorecardView {
  if (
    typeof value === "object" &&
    value !== null &&
    "snapshotVersion" in value &&
    value.snapshotVersion === 1
  ) {
    return value as ScorecardView;
  }
  throw new Error("a published scorecard has a snapshot format this version does not know");
}

export async function publishScorecard(
  db: Db,
  { principal, actor }: Caller,
  unitId: number,
  periodText: string,
  now = new Date(),
): Promise<PublishedEntryView> {
  const period = parsed(() => parsePeriod(periodText), "period");
  return db.transaction(async (tx) => {
    const unit = await findUnitById(tx, unitId);
    if (!unit) throw notFound("scorecard_unit_not_found", { id: unitId });
    if (!canPublishScorecard(principal, unit.path)) {
      throw forbidden("scorecard_publish_not_permitted", { unit: unit.name });
    }
    const view = await computeView(tx, unit, period, now);
    if (!scorecardHasData(view.rows)) {
      throw new AppError("conflict", "scorecard_without_data", {
        params: { unit: unit.name, period: view.period },
      });
    }
    const row = await insertPublishedScorecard(tx, {
      unitId: unit.id,
      period: view.period,
      extractedAt: now,
      snapshot: view,
      publishedById: actor.id,
      publishedByName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: "publish",
      entityType: "published_scorecard",
      entityId: String(row.id),
      unitId: unit.id,
      after: {
        period: view.period,
        extractedAt: view.extractedAt,
        indicators: view.rows.length,
        attainment: view.summary.attainment.green.formatted,
      },
    });
    return presentPublishedEntry(row);
  });
}

function presentPublishedEntry(row: {
  id: number;
  unitId: number;
  period: string;
  extractedAt: Date;
  publishedByName: string;
}): PublishedEntryView {
  return {
    id: row.id,
    unitId: row.unitId,
    period: row.period,
    extractedAt: row.extractedAt.toISOString(),
    publishedByName: row.publishedByName,
  };
}

export async function listPublishedScorecards(
  db: Db,
  { principal }: Caller,
  unitId: number,
  periodText?: string,
): Promise<PublishedEntryView[]> {
  await loadReadableUnit(db, principal, unitId);
  const period =
    periodText === undefined ? undefined : formatPeriod(parsed(() => parsePeriod(periodText), "period"));
  return (await selectPublishedOf(db, unitId, period)).map(presentPublishedEntry);
}

/** A published scorecard as it was, and what would differ if it were computed now. */
export async function getPublishedScorecard(
  db: Db,
  { principal }: Caller,
  id: number,
  now = new Date(),
): Promise<PublishedScorecardView> {
  const row = await findPublishedScorecard(db, id);
  const unit = row ? await findUnitById(db, row.unitId) : undefined;
  // Someone who may not read the unit's scorecards learns nothing, not even that this one exists.
  if (!row || !unit || !canReadScorecard(principal, unit.path))
    throw notFound("published_scorecard_not_found", { id });
  const snapshot = snapshotOf(row.snapshot);
  const current = await computeView(db, unit, parsePeriod(row.period), now);
  return {
    ...presentPublishedEntry(row),
    scorecard: snapshot,
    changesSincePublished: diffScorecards(snapshot, current),
  };
}

// ---------------------------------------------------------------------------------------------
// Summary tables (Tabell 1 and 2)

/**
 * Tabell 1 and 2 for a year: T1, T2 and year end. Each column uses the latest published scorecard
 * of that period, as the board saw it; a period not yet published is computed now.
 */
export async function getSummaryTables(
  db: Db,
  { principal }: Caller,
  unitId: number,
  year: number,
  now = new Date(),
): Promise<SummaryTablesView> {
  const unit = await loadReadableUnit(db, principal, unitId);
  const published = await selectPublishedOf(db, unit.id);
  const columns = [[`${year}-T1`], [`${year}-T2`], yearEndPeriods(year)];
  const sources = [];
  for (const periods of columns) {
    const [period] = periods as [string];
    const latest = published.find((entry) => periods.includes(entry.period));
    if (latest) {
      const stored = await findPublishedScorecard(db, latest.id);
      const snapshot = snapshotOf(stored?.snapshot);
      sources.push({
        period: snapshot.period,
        label: summaryColumn(snapshot.period).label,
        source: "published" as const,
        publishedId: latest.id,
        extractedAt: snapshot.extractedAt,
        rows: snapshot.rows,
      });
    } else {
      const view = await computeView(db, unit, parsePeriod(period), now);
      sources.push({
        period: view.period,
        label: view.periodLabel,
        source: "live" as const,
        publishedId: null,
        extractedAt: view.extractedAt,
        rows: view.rows,
      });
    }
  }
  const tables = summaryTable(sources.map((column) => ({ period: column.period, rows: column.rows })));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    columns: sources.map(({ rows: _rows, ...column }) => column),
    attainment: tables.attainment,
    trend: tables.trend,
  };
}

// ---------------------------------------------------------------------------------------------
// The period a scorecard opens on

/** The latest ended period with data for the unit's scorecard (the page opens there), and its last month of data. */
export async function getLatestPeriod(
  db: Db,
  { principal }: Caller,
  unitId: number,
  now = new Date(),
): Promise<LatestPeriodView> {
  const unit = await loadReadableUnit(db, principal, unitId);
  const lastDataMonth = await selectLastDataMonth(db, unit.path);
  const lastFinishedMonth = addMonths(monthKey(now.getUTCFullYear(), now.getUTCMonth() + 1), -1);
  return {
    period: latestPeriodWithData(
      lastDataMonth === null ? null : parseMonth(lastDataMonth),
      lastFinishedMonth,
    ),
    lastDataMonth,
  };
}
