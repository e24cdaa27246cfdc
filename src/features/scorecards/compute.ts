// Loads what a scorecard needs (indicators, targets, the observations of the months its windows
// cover) and hands it to the domain's rules. No rule is decided here.

import type { Db } from "../../db/client.ts";
import type { MonthlyObservation } from "../../domain/measures.ts";
import { type Period, parseMonth, yearOfMonth } from "../../domain/periods.ts";
import {
  computeScorecardRow,
  type IndicatorDefinition,
  type ScorecardRow,
  type ScorecardTargets,
} from "../../domain/scorecard.ts";
import type { TargetCandidate } from "../../domain/targets.ts";
import { idsInPath } from "../../domain/units.ts";
import {
  calendarYearWindow,
  computeWindows,
  evaluationWindow,
  latestSpans,
  type MonthWindow,
  mergeWindows,
  shiftWindow,
} from "../../domain/windows.ts";
import type { IndicatorRow, TargetRow } from "../indicators/queries.ts";
import { selectTargetsOfIndicators } from "../indicators/queries.ts";
import { monthToDate } from "../measurements/rows.ts";
import type { UnitRow } from "../units/queries.ts";
import type { RowTargetView } from "./present.ts";
import {
  type IndicatorSpan,
  type ObservationRequest,
  selectChildUnits,
  selectLatestPerUnit,
  selectObservations,
  selectScorecardSums,
} from "./queries.ts";

/** Appends a value to the list a map keeps under the key. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function definitionOf(indicator: IndicatorRow): IndicatorDefinition {
  return {
    id: String(indicator.id),
    code: indicator.code,
    direction: indicator.direction,
    valueKind: indicator.valueKind,
    scale: indicator.scale,
    decimals: indicator.decimals,
    lagMonths: indicator.lagMonths,
    minDenominator: indicator.minDenominator,
    evaluationBasis: indicator.evaluationBasis,
    trendMode: indicator.trendMode,
  };
}

/** An observation and the direct child of the scorecard's unit it came from (null: the unit's own). */
export type TaggedObservation = { observation: MonthlyObservation; childId: number | null };

export type Targets = {
  candidates: TargetCandidate[];
  /** The same candidates by indicator id: a scorecard looks them up once per indicator. */
  byIndicator: Map<string, TargetCandidate[]>;
  rowOf: Map<TargetCandidate, TargetRow>;
};

export async function loadTargets(db: Db, indicatorIds: number[]): Promise<Targets> {
  return targetsFrom(await selectTargetsOfIndicators(db, indicatorIds));
}

export function targetsFrom(rows: TargetRow[]): Targets {
  const rowOf = new Map<TargetCandidate, TargetRow>();
  const candidates = rows.map((row) => {
    const candidate: TargetCandidate = {
      indicatorId: String(row.indicatorId),
      year: row.year,
      unitId: row.unitId === null ? null : String(row.unitId),
      rule: row.rule,
    };
    rowOf.set(candidate, row);
    return candidate;
  });
  const byIndicator = new Map<string, TargetCandidate[]>();
  for (const candidate of candidates) {
    addTo(byIndicator, candidate.indicatorId, candidate);
  }
  return { candidates, byIndicator, rowOf };
}

/** Ancestors of a unit, nearest first, as the domain's target resolution wants them. */
export function ancestorIdsOf(unit: Pick<UnitRow, "path">): string[] {
  return idsInPath(unit.path).slice(0, -1).reverse().map(String);
}

export function targetsFor(unit: Pick<UnitRow, "id" | "path">, targets: Targets): ScorecardTargets {
  return { candidates: targets.candidates, unitId: String(unit.id), unitAncestorIds: ancestorIdsOf(unit) };
}

export function presentTarget(
  chosen: TargetCandidate | null,
  targets: Targets,
  unit: Pick<UnitRow, "id">,
): RowTargetView | null {
  if (chosen === null) return null;
  const row = targets.rowOf.get(chosen);
  if (!row) return null;
  const level = row.unitId === null ? "general" : row.unitId === unit.id ? "unit" : "above";
  return { id: row.id, year: row.year, unitId: row.unitId, level, rule: row.rule, note: row.note };
}

/**
 * The windows one indicator's row reads for a scorecard period: the four columns, the evaluation
 * window, and what its targets compare with (last year's evaluation window, a baseline year).
 */
export function windowsNeeded(indicator: IndicatorRow, period: Period, targets: Targets): MonthWindow[] {
  const windows = computeWindows(period, indicator.lagMonths);
  const basis = evaluationWindow(windows, indicator.evaluationBasis);
  const needed = [
    windows.thisPeriod,
    windows.sameWindowLastYear,
    windows.yearToDate,
    windows.lastYearToDate,
    basis,
  ];
  const year = yearOfMonth(windows.lastMonth);
  for (const candidate of targets.byIndicator.get(String(indicator.id)) ?? []) {
    if (candidate.year !== null && candidate.year !== year) continue;
    const rule = candidate.rule;
    if (rule.kind === "better_than_last_year") needed.push(shiftWindow(basis, -12));
    if (rule.kind === "baseline_change_with_floor" || rule.kind === "change_vs_baseline") {
      needed.push(calendarYearWindow(rule.baselineYear));
    }
  }
  return needed;
}

const perUnitKinds: ReadonlySet<IndicatorRow["valueKind"]> = new Set(["stock", "not_aggregatable"]);

/**
 * Observations of the unit's subtree for the given windows, per indicator. Ratios and counts come
 * summed per month and direct child; stocks and values that cannot be summed come per reporting
 * unit, because the domain takes each unit's latest month before adding units up.
 */
export async function loadObservations(
  db: Db,
  unit: Pick<UnitRow, "id" | "code" | "path">,
  wanted: { indicator: IndicatorRow; windows: MonthWindow[] }[],
): Promise<Map<number, TaggedObservation[]>> {
  const requestOf = (entry: (typeof wanted)[number]): ObservationRequest => ({
    indicatorId: entry.indicator.id,
    isRatio: entry.indicator.valueKind === "ratio",
    spans: mergeWindows(entry.windows).map((window) => ({
      from: monthToDate(window.first),
      to: monthToDate(window.last),
    })),
  });
  const summed = wanted.filter((entry) => !perUnitKinds.has(entry.indicator.valueKind)).map(requestOf);
  const perUnit = wanted.filter((entry) => perUnitKinds.has(entry.indicator.valueKind)).map(requestOf);
  const [children, summedRows, perUnitRows] = await Promise.all([
    selectChildUnits(db, unit.id),
    selectObservations(db, unit.path, summed, false),
    selectObservations(db, unit.path, perUnit, true),
  ]);
  const childCode = new Map(children.map((child) => [child.id, child.code]));

  const byIndicator = new Map<number, TaggedObservation[]>();
  for (const row of [...summedRows, ...perUnitRows]) {
    const source =
      row.unitCode ??
      (row.childId === null ? unit.code : (childCode.get(row.childId) ?? String(row.childId)));
    const tagged: TaggedObservation = {
      childId: row.childId,
      observation: {
        unit: source,
        month: parseMonth(row.month),
        numerator: row.numerator,
        denominator: row.denominator,
      },
    };
    addTo(byIndicator, row.indicatorId, tagged);
  }
  return byIndicator;
}

/**
 * A whole scorecard's observations, per indicator, from two queries: ratios and counts as the unit's
 * own figures plus the kept sums of its subtree per month (naming the direct children they cover);
 * stocks and values that cannot be summed as each reporting unit's latest month in each window the
 * row reads. The figures equal those of `loadObservations`, in far fewer objects.
 */
export async function loadScorecardObservations(
  db: Db,
  unit: Pick<UnitRow, "id" | "code" | "path">,
  wanted: { indicator: IndicatorRow; windows: MonthWindow[] }[],
): Promise<Map<number, MonthlyObservation[]>> {
  const spansOf = (indicator: IndicatorRow, windows: MonthWindow[]): IndicatorSpan[] =>
    windows.map((window) => ({
      indicatorId: indicator.id,
      from: monthToDate(window.first),
      to: monthToDate(window.last),
    }));
  const summed = wanted.filter(({ indicator }) => !perUnitKinds.has(indicator.valueKind));
  const perUnit = wanted.filter(({ indicator }) => perUnitKinds.has(indicator.valueKind));
  // Two queries on two connections where there is a pool: the database works on both at once.
  const [sums, latest] = await Promise.all([
    selectScorecardSums(
      db,
      unit,
      summed.flatMap(({ indicator, windows }) => spansOf(indicator, mergeWindows(windows))),
    ),
    selectLatestPerUnit(
      db,
      unit,
      perUnit.flatMap(({ indicator, windows }) => spansOf(indicator, latestSpans(windows))),
    ),
  ]);
  const unitCode = new Map([...sums.units, ...latest.units]);
  const codeOf = (unitId: number) => unitCode.get(unitId) ?? String(unitId);
  const childCodes = sums.childLists.map((ids) => ids.map(codeOf));

  const byIndicator = new Map<number, MonthlyObservation[]>();
  const add = (indicatorId: number, observation: MonthlyObservation) =>
    addTo(byIndicator, indicatorId, observation);
  for (const [indicatorId, month, numerator, denominator] of sums.own) {
    add(indicatorId, { unit: unit.code, month, numerator, denominator });
  }
  const sumName = `${unit.code} (sum)`;
  for (const [indicatorId, month, numerator, denominator, list] of sums.sums) {
    const units = childCodes[list] ?? [];
    add(indicatorId, { unit: sumName, units, month, numerator, denominator });
  }
  for (const [indicatorId, month, unitId, numerator, denominator] of latest.latest) {
    add(indicatorId, { unit: codeOf(unitId), month, numerator, denominator });
  }
  return byIndicator;
}

export type ComputedRow = { indicator: IndicatorRow; row: ScorecardRow; target: RowTargetView | null };

/** Every indicator's scorecard row for one unit and period, from one round of queries. */
export async function computeRows(
  db: Db,
  unit: UnitRow,
  period: Period,
  indicatorRows: IndicatorRow[],
  targets?: Targets,
): Promise<ComputedRow[]> {
  const known =
    targets ??
    (await loadTargets(
      db,
      indicatorRows.map((indicator) => indicator.id),
    ));
  const observations = await loadScorecardObservations(
    db,
    unit,
    indicatorRows.map((indicator) => ({ indicator, windows: windowsNeeded(indicator, period, known) })),
  );
  const scorecardTargets = targetsFor(unit, known);
  return indicatorRows.map((indicator) => {
    const observed = observations.get(indicator.id) ?? [];
    // Only the indicator's own candidates: the rules would pick them out of all anyway.
    const candidates = known.byIndicator.get(String(indicator.id)) ?? [];
    const row = computeScorecardRow(definitionOf(indicator), period, observed, {
      ...scorecardTargets,
      candidates,
    });
    return { indicator, row, target: presentTarget(row.target, known, unit) };
  });
}
