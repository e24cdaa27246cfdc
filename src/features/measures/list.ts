// Lists of measures: filtered by unit subtree and the rest; those that need the signed-in person's
// attention (the inbox); and an indicator's, for its chart. Each covers only the units whose
// reports the caller reads, and is one statement however many measures there are.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadIndicatorCatalogue } from "../../domain/access.ts";
import { editorPaths, listScope, readablePaths } from "../../domain/measureRules.ts";
import { todayIso } from "../../domain/units.ts";
import { notFound } from "../../errors.ts";
import { presentIndicatorMeasure, presentListItem } from "./presenters.ts";
import { findUnitRef, selectIndicatorTargets, selectMeasurePage } from "./queries.ts";
import type { IndicatorMeasureView, MeasureListQuery, MeasureListView } from "./schema.ts";

export async function listMeasures(
  db: Db,
  { principal }: Caller,
  query: MeasureListQuery,
): Promise<MeasureListView> {
  const asOf = query.asOf ?? todayIso();
  let within: string | null = null;
  if (query.unitId !== undefined) {
    const unit = await findUnitRef(db, query.unitId);
    if (!unit) throw notFound("unit_not_found");
    within = unit.path;
  }
  const { total, rows } = await selectMeasurePage(
    db,
    {
      scope: listScope(readablePaths(principal), within),
      ...(query.unitId !== undefined && !query.subtree ? { unitId: query.unitId } : {}),
      ...(query.phase ? { phase: query.phase } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.ownerUserId !== undefined ? { ownerUserId: query.ownerUserId } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      ...(query.requirementId !== undefined ? { requirementId: query.requirementId } : {}),
      ...(query.indicatorId !== undefined ? { indicatorId: query.indicatorId } : {}),
      asOf,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map((row) => presentListItem(principal, row, asOf)), total, asOf };
}

/**
 * The signed-in person's measures that need attention (overdue, or delayed while open): those they
 * own, and those of the units where they are an editor (or below). For the inbox.
 */
export async function measuresNeedingAttention(
  db: Db,
  { principal }: Caller,
  query: { asOf?: string | undefined; limit: number; offset: number },
): Promise<MeasureListView> {
  const asOf = query.asOf ?? todayIso();
  const { total, rows } = await selectMeasurePage(
    db,
    {
      // No scope of readable units: the editors' units are among them, and an owner reads their
      // own measure wherever they work (measures.ts loadReadable).
      scope: null,
      attentionOf: { userId: principal.userId, editorPaths: editorPaths(principal) },
      asOf,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map((row) => presentListItem(principal, row, asOf)), total, asOf };
}

/** How many measures an indicator's chart marks at most. */
const chartLimit = 500;

/** The measures linked to an indicator, or with it as their effect indicator, that the caller reads. */
export async function indicatorMeasures(
  db: Db,
  { principal }: Caller,
  indicatorId: number,
): Promise<IndicatorMeasureView[]> {
  const [indicator] = await selectIndicatorTargets(db, [indicatorId]);
  if (!indicator || !canReadIndicatorCatalogue(principal)) throw notFound("indicator_not_found");
  const { rows } = await selectMeasurePage(
    db,
    { scope: listScope(readablePaths(principal), null), indicatorId, asOf: todayIso() },
    { limit: chartLimit, offset: 0 },
  );
  return rows.map((row) => presentIndicatorMeasure(row, indicatorId));
}
