import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canPublishScorecard, canReadScorecard, type Principal } from "../../domain/access.ts";
import {
  addMonths,
  formatMonth,
  formatPeriod,
  type Period,
  PeriodError,
  parseMonth,
  parsePeriod,
  yearEndPeriods,
} from "../../domain/periods.ts";
import { computeScorecardRow, summarise, summaryColumn, summaryTable } from "../../domain/scorecard.ts";
import { computeSeries, seriesTargets, seriesWindows } from "../../domain/series.ts";
import { finiteOrNull } from "../../domain/values.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { findIndicatorById } from "../indicators/queries.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import {
  type ComputedRow,
  computeRows,
  definitionOf,
  loadObservations,
  loadTargets,
  presentTarget,
  targetsFor,
  targetsFrom,
  windowsNeeded,
} from "./compute.ts";
import { diffScorecards } from "./diff.ts";
import { periodLabel, presentIndicatorSummary, presentRow } from "./present.ts";
import {
  findPublishedScorecard,
  insertPublishedScorecard,
  selectChildUnits,
  selectIndicatorsFor,
  selectPublishedOf,
  selectTargetsForScorecardOf,
} from "./queries.ts";
import type {
  breakdownQuery,
  IndicatorBreakdownView,
  IndicatorSeriesView,
  PublishedEntryView,
  PublishedScorecardView,
  ScorecardView,
  SummaryTablesView,
  seriesQuery,
} from "./schema.ts";

function parsed<T>(parse: () => T, field: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new AppError("validation_failed", error.message, {
        reason: "invalid_period",
        params: { field },
        problems: [{ field, code: "invalid_period", message: error.message }],
      });
    }
    throw error;
  }
}

async function loadReadableUnit(db: Db, principal: Principal, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound(`Unit ${unitId}`);
  if (!canReadScorecard(principal, unit.path)) {
    throw forbidden(`You need a role on ${unit.name} (or a unit above it) to see its scorecard.`);
  }
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
    if (!unit) throw notFound(`Unit ${unitId}`);
    if (!canPublishScorecard(principal, unit.path)) {
      throw forbidden(`Publishing ${unit.name}'s scorecard needs the approver or administrator role there.`);
    }
    const view = await computeView(tx, unit, period, now);
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
  if (!row || !unit || !canReadScorecard(principal, unit.path)) throw notFound(`Published scorecard ${id}`);
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
// One indicator: monthly series and breakdown by child units

async function loadIndicator(db: Db, indicatorId: number) {
  const indicator = await findIndicatorById(db, indicatorId);
  if (!indicator) throw notFound(`Indicator ${indicatorId}`);
  return indicator;
}

const MAX_SERIES_MONTHS = 120;

/**
 * The indicator month by month for a unit's subtree, each month against the target of its year:
 * the target value and the colour the month would get (a chart's target line and dots).
 */
export async function getIndicatorSeries(
  db: Db,
  { principal }: Caller,
  indicatorId: number,
  query: z.infer<typeof seriesQuery>,
): Promise<IndicatorSeriesView> {
  const unit = await loadReadableUnit(db, principal, query.unitId);
  const indicator = await loadIndicator(db, indicatorId);
  const to = query.to
    ? parsed(() => parseMonth(query.to as string), "to")
    : parseMonth(new Date().toISOString().slice(0, 7));
  const from = query.from ? parsed(() => parseMonth(query.from as string), "from") : addMonths(to, -23);
  if (from > to || to - from >= MAX_SERIES_MONTHS) {
    throw new AppError(
      "validation_failed",
      `Ask for 1 to ${MAX_SERIES_MONTHS} months, with 'from' before 'to'.`,
      {
        reason: "series_span",
        params: { maximum: MAX_SERIES_MONTHS },
        problems: [
          {
            field: "from",
            code: "series_span",
            message: "must be before 'to', at most 120 months earlier",
            params: { maximum: MAX_SERIES_MONTHS },
          },
        ],
      },
    );
  }

  const span = { first: from, last: to };
  const targets = await loadTargets(db, [indicator.id]);
  const yearTargets = seriesTargets(String(indicator.id), span, targetsFor(unit, targets));
  const observations = await loadObservations(db, unit, [
    { indicator, windows: seriesWindows(span, yearTargets) },
  ]);
  const months = computeSeries(
    definitionOf(indicator),
    span,
    (observations.get(indicator.id) ?? []).map((tagged) => tagged.observation),
    yearTargets,
  );
  return {
    indicator: presentIndicatorSummary(indicator),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: formatMonth(from),
    to: formatMonth(to),
    targets: yearTargets.map(({ year, target }) => ({ year, target: presentTarget(target, targets, unit) })),
    months: months.map(({ month, value, attainment }) => ({
      month: formatMonth(month),
      state: value.state,
      value: value.value,
      displayedValue: value.displayedValue,
      numeratorSum: finiteOrNull(value.numeratorSum),
      denominatorSum: finiteOrNull(value.denominatorSum),
      unitsUsed: value.unitsUsed,
      targetValue: attainment.targetValue,
      comparator: attainment.comparator,
      colour: attainment.colour,
    })),
  };
}

/** The indicator's scorecard row for a unit, for the unit's own data and for each unit right below it. */
export async function getIndicatorBreakdown(
  db: Db,
  { principal }: Caller,
  indicatorId: number,
  query: z.infer<typeof breakdownQuery>,
): Promise<IndicatorBreakdownView> {
  const unit = await loadReadableUnit(db, principal, query.unitId);
  const indicator = await loadIndicator(db, indicatorId);
  const period = parsed(() => parsePeriod(query.period), "period");
  const targets = await loadTargets(db, [indicator.id]);
  const [children, observations] = await Promise.all([
    selectChildUnits(db, unit.id),
    loadObservations(db, unit, [{ indicator, windows: windowsNeeded(indicator, period, targets) }]),
  ]);
  const tagged = observations.get(indicator.id) ?? [];
  const definition = definitionOf(indicator);
  const rowFor = (target: Pick<UnitRow, "id" | "path">, childId: number | null | "all") => {
    const picked = tagged
      .filter((entry) => childId === "all" || entry.childId === childId)
      .map((entry) => entry.observation);
    const row = computeScorecardRow(definition, period, picked, targetsFor(target, targets));
    return presentRow(indicator, row, presentTarget(row.target, targets, target));
  };
  const hasOwnData = tagged.some((entry) => entry.childId === null);
  return {
    indicator: presentIndicatorSummary(indicator),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: formatPeriod(period),
    total: rowFor(unit, "all"),
    own: hasOwnData ? rowFor(unit, null) : null,
    children: children.map((child) => ({
      unit: { id: child.id, code: child.code, name: child.name },
      row: rowFor(child, child.id),
    })),
  };
}
