// An action plan version as the API shows it: the plan, its sub-goals with their key indicators,
// its measures (with the units named responsible and whether each came over from the version
// before), every version of the plan, and what the caller may do.

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { capabilitiesOf, type LoadedPlan } from "./access.ts";
import {
  type KeyIndicatorRow,
  type PlanRow,
  selectIndicatorsByIds,
  selectKeyIndicators,
  selectMeasureIdsOf,
  selectPlanMeasures,
  selectSeries,
  selectSubGoals,
  selectUnitRefs,
  type UnitRef,
} from "./queries.ts";
import type { ActionPlanView, KeyIndicatorView, PlanMeasureView } from "./schema.ts";

export const unitView = (unit: UnitRef) => ({ id: unit.id, code: unit.code, name: unit.name });

export function versionRef(plan: PlanRow) {
  return {
    id: plan.id,
    versionNumber: plan.versionNumber,
    status: plan.status,
    revisedInYear: plan.revisedInYear,
    adoptedOn: plan.adoptedOn,
  };
}

type IndicatorRef = KeyIndicatorView["indicator"];

export function presentKeyIndicator(row: KeyIndicatorRow, indicator: IndicatorRef): KeyIndicatorView {
  return {
    id: row.id,
    subGoalId: row.subGoalId,
    position: row.position,
    text: row.text,
    kind: row.kind,
    indicator,
    dueOn: row.dueOn,
    milestoneDone: row.milestoneDone === null ? null : row.milestoneDone === 1,
    milestoneValue: row.milestoneValue,
    milestoneTarget: row.milestoneTarget,
    milestoneUnit: row.milestoneUnit,
    milestoneOn: row.milestoneOn,
    version: row.version,
  };
}

export async function indicatorRefs(
  db: Db,
  rows: KeyIndicatorRow[],
): Promise<Map<number, NonNullable<IndicatorRef>>> {
  const ids = [...new Set(rows.flatMap((row) => (row.indicatorId === null ? [] : [row.indicatorId])))];
  const found = await selectIndicatorsByIds(db, ids);
  return new Map(
    found.map((indicator) => [
      indicator.id,
      { id: indicator.id, code: indicator.code, name: indicator.nameNb, unitLabel: indicator.unitLabel },
    ]),
  );
}

export async function presentPlanMeasures(db: Db, plan: PlanRow): Promise<PlanMeasureView[]> {
  const [rows, before] = await Promise.all([
    selectPlanMeasures(db, plan.id),
    plan.previousVersionId === null ? new Set<number>() : selectMeasureIdsOf(db, plan.previousVersionId),
  ]);
  const unitIds = [...new Set(rows.flatMap(({ link }) => link.responsibleUnitIds))];
  const units = new Map((await selectUnitRefs(db, unitIds)).map((unit) => [unit.id, unit]));
  return rows.map(({ link, measure }) => ({
    id: link.id,
    measureId: link.measureId,
    subGoalId: link.subGoalId,
    label: link.label,
    title: measure.title,
    priority: link.priority,
    years: link.years,
    resource: link.resource,
    responsibility: link.responsibility,
    responsibleUnits: link.responsibleUnitIds.flatMap((id) => {
      const unit = units.get(id);
      return unit ? [unitView(unit)] : [];
    }),
    phase: measure.phase,
    status: measure.status,
    deadline: measure.deadline,
    carriedOver: before.has(link.measureId),
    version: link.version,
  }));
}

export async function presentPlan(db: Db, principal: Principal, loaded: LoadedPlan): Promise<ActionPlanView> {
  const { plan, owner } = loaded;
  const [subGoals, keyIndicators, measures, series, can] = await Promise.all([
    selectSubGoals(db, plan.id),
    selectKeyIndicators(db, plan.id),
    presentPlanMeasures(db, plan),
    selectSeries(db, plan.seriesId ?? plan.id),
    capabilitiesOf(db, principal, loaded),
  ]);
  const indicators = await indicatorRefs(db, keyIndicators);
  const latest = series.at(-1);
  return {
    id: plan.id,
    owner: unitView(owner),
    title: plan.title,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    status: plan.status,
    versionNumber: plan.versionNumber,
    seriesId: plan.seriesId ?? plan.id,
    latest: latest === undefined || latest.id === plan.id,
    adoptedOn: plan.adoptedOn,
    previousVersionId: plan.previousVersionId,
    revisedInYear: plan.revisedInYear,
    purpose: plan.purpose,
    mainGoal: plan.mainGoal,
    boardCases: plan.boardCases,
    subGoals: subGoals.map((subGoal) => ({
      id: subGoal.id,
      number: subGoal.number,
      text: subGoal.text,
      version: subGoal.version,
      keyIndicators: keyIndicators
        .filter((row) => row.subGoalId === subGoal.id)
        .map((row) =>
          presentKeyIndicator(
            row,
            row.indicatorId === null ? null : (indicators.get(row.indicatorId) ?? null),
          ),
        ),
    })),
    measures,
    versions: series.map(versionRef),
    updatedAt: plan.updatedAt.toISOString(),
    updatedBy: plan.updatedBy,
    version: plan.version,
    can,
  };
}
