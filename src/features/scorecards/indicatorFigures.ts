// One indicator's figures for a unit: its judged series (the chart: the figure the scorecard judges,
// month by month, against the target) and its breakdown by the units right below (the table). Both
// judge by the scorecard row's rule (domain/scorecard.ts judge), so neither can disagree with a row.

import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import {
  addMonths,
  formatMonth,
  formatPeriod,
  monthKey,
  parseMonth,
  parsePeriod,
  yearOfMonth,
} from "../../domain/periods.ts";
import { computeScorecardRow } from "../../domain/scorecard.ts";
import {
  computeJudgedSeries,
  monthlyValuesComparable,
  seriesTargets,
  seriesWindows,
} from "../../domain/series.ts";
import { finiteOrNull } from "../../domain/values.ts";
import { computeWindows } from "../../domain/windows.ts";
import { AppError, fieldProblem, notFound } from "../../errors.ts";
import { findIndicatorById } from "../indicators/queries.ts";
import type { UnitRow } from "../units/queries.ts";
import {
  definitionOf,
  loadObservations,
  loadTargets,
  presentTarget,
  targetsFor,
  windowsNeeded,
} from "./compute.ts";
import { presentIndicatorSummary, presentRow } from "./present.ts";
import { selectChildUnits } from "./queries.ts";
import type { breakdownQuery, IndicatorBreakdownView, IndicatorSeriesView, seriesQuery } from "./schema.ts";
import { loadReadableUnit, parsed } from "./service.ts";

async function loadIndicator(db: Db, indicatorId: number) {
  const indicator = await findIndicatorById(db, indicatorId);
  if (!indicator) throw notFound("figures_indicator_not_found", { id: indicatorId });
  return indicator;
}

const MAX_SERIES_MONTHS = 120;

function seriesSpanProblem(): AppError {
  return new AppError("validation_failed", "series_span", {
    params: { maximum: MAX_SERIES_MONTHS },
    problems: [fieldProblem("from", "series_from", { maximum: MAX_SERIES_MONTHS })],
  });
}

/**
 * The indicator month by month for a unit's subtree, as the scorecard judges it: each month's point
 * is the row's figure on the evaluation basis (this period, year to date, the last 12 months) with
 * data to that month, against its year's target and coloured by the row's rule; the month's own
 * value comes along. With `period`, the series ends at that scorecard's last month of data.
 */
export async function getIndicatorSeries(
  db: Db,
  { principal }: Caller,
  indicatorId: number,
  query: z.infer<typeof seriesQuery>,
): Promise<IndicatorSeriesView> {
  const unit = await loadReadableUnit(db, principal, query.unitId);
  const indicator = await loadIndicator(db, indicatorId);
  const periodEnd =
    query.period === undefined
      ? null
      : computeWindows(
          parsed(() => parsePeriod(query.period as string), "period"),
          indicator.lagMonths,
        ).lastMonth;
  const to = query.to
    ? parsed(() => parseMonth(query.to as string), "to")
    : (periodEnd ?? parseMonth(new Date().toISOString().slice(0, 7)));
  const from = query.from
    ? parsed(() => parseMonth(query.from as string), "from")
    : periodEnd !== null
      ? monthKey(yearOfMonth(to) - 1, 1)
      : addMonths(to, -23);
  if (from > to || to - from >= MAX_SERIES_MONTHS) throw seriesSpanProblem();

  const span = { first: from, last: to };
  const targets = await loadTargets(db, [indicator.id]);
  const scorecardTargets = targetsFor(unit, targets);
  const yearTargets = seriesTargets(String(indicator.id), span, scorecardTargets);
  const observations = await loadObservations(db, unit, [
    { indicator, windows: seriesWindows(span, yearTargets) },
  ]);
  const months = computeJudgedSeries(
    definitionOf(indicator),
    span,
    (observations.get(indicator.id) ?? []).map((tagged) => tagged.observation),
    { ...scorecardTargets, candidates: targets.byIndicator.get(String(indicator.id)) ?? [] },
  );
  return {
    indicator: presentIndicatorSummary(indicator),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: formatMonth(from),
    to: formatMonth(to),
    targets: yearTargets.map(({ year, target }) => ({ year, target: presentTarget(target, targets, unit) })),
    monthlyComparable: monthlyValuesComparable(indicator),
    months: months.map(({ month, value, evaluated, windowKind, attainment }) => ({
      month: formatMonth(month),
      state: value.state,
      value: value.value,
      displayedValue: value.displayedValue,
      numeratorSum: finiteOrNull(value.numeratorSum),
      denominatorSum: finiteOrNull(value.denominatorSum),
      unitsUsed: value.unitsUsed,
      judged: {
        first: formatMonth(evaluated.window.first),
        last: formatMonth(evaluated.window.last),
        state: evaluated.state,
        value: evaluated.value,
        roundedValue: evaluated.roundedValue,
        displayedValue: evaluated.displayedValue,
        kind: windowKind,
      },
      targetValue: attainment.targetValue,
      comparator: attainment.comparator,
      colour: attainment.colour,
      reason: attainment.reason,
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
