// Measures as the API shows them: one with its links and log, and a list's rows.

import type { Db } from "../../db/client.ts";
import { canWriteAnswer, type Principal } from "../../domain/access.ts";
import { isMeasureOverdue, needsAttention } from "../../domain/riskMeasures.ts";
import { todayIso } from "../../domain/units.ts";
import { canReadGoal, presentLinks } from "./links.ts";
import {
  findUserName,
  type MeasureListRow,
  type MeasureRow,
  selectIndicatorTargets,
  selectLinks,
  selectLogEntries,
  type UnitRef,
} from "./queries.ts";
import type { IndicatorMeasureView, MeasureListItemView, MeasureView } from "./schema.ts";

const unitRef = (unit: UnitRef) => ({ id: unit.id, code: unit.code, name: unit.name });

/** One measure with its unit, owner, effect indicator, links and log, and what the principal may do. */
export async function presentMeasure(
  db: Db,
  principal: Principal,
  row: MeasureRow,
  unit: UnitRef,
): Promise<MeasureView> {
  const today = todayIso();
  // One after another: inside a transaction the queries share one connection.
  const ownerName = row.ownerUserId === null ? undefined : await findUserName(db, row.ownerUserId);
  const [indicator] =
    row.effectIndicatorId === null ? [] : await selectIndicatorTargets(db, [row.effectIndicatorId]);
  const links = await presentLinks(db, principal, await selectLinks(db, row.id));
  const log = await selectLogEntries(db, row.id);
  const writable = canWriteAnswer(principal, unit.path);
  return {
    id: row.id,
    unit: unitRef(unit),
    title: row.title,
    description: row.description,
    ownerUserId: row.ownerUserId,
    ownerName: ownerName ?? null,
    ownerRole: row.ownerRole,
    phase: row.phase,
    status: row.status,
    start: row.start,
    deadline: row.deadline,
    expectedEffect: row.expectedEffect,
    effectIndicator: indicator ?? null,
    effectTarget: row.effectTarget,
    fullEffectDate: row.fullEffectDate,
    comment: row.comment,
    overdue: isMeasureOverdue(row, today),
    needsAttention: needsAttention(row, today),
    links,
    log: log.map((entry) => ({
      id: entry.id,
      period: entry.period,
      on: entry.on,
      phase: entry.phase,
      status: entry.status,
      text: entry.text,
      actorName: entry.actorName,
      at: entry.at.toISOString(),
    })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: writable, log: writable },
  };
}

/** A list's row, judged on `asOf`, with the linked goals the principal may read. */
export function presentListItem(
  principal: Principal,
  row: MeasureListRow,
  asOf: string,
): MeasureListItemView {
  return {
    id: row.id,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    title: row.title,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    ownerRole: row.ownerRole,
    phase: row.phase,
    status: row.status,
    start: row.start,
    deadline: row.deadline,
    fullEffectDate: row.fullEffectDate,
    overdue: isMeasureOverdue(row, asOf),
    needsAttention: needsAttention(row, asOf),
    goals: row.goals
      .filter((goal) => canReadGoal(principal, goal))
      .map((goal) => ({ id: goal.id, number: goal.number, text: goal.text })),
    version: row.version,
  };
}

/** A measure as an indicator's chart marks it; the target only when this is its effect indicator. */
export function presentIndicatorMeasure(row: MeasureListRow, indicatorId: number): IndicatorMeasureView {
  return {
    id: row.id,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    title: row.title,
    phase: row.phase,
    status: row.status,
    start: row.start,
    deadline: row.deadline,
    fullEffectDate: row.fullEffectDate,
    effectTarget: row.effectIndicatorId === indicatorId ? row.effectTarget : null,
  };
}
