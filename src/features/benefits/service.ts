// Changing benefits, their readings and costs (issue 14). Every change is checked against the
// rules first (nothing is written when a field is wrong) and audited in its transaction.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { applyChange, auditCreation, auditRemoval, loadForChange } from "../audit/change.ts";
import { recordAudit } from "../audit/service.ts";
import {
  benefitEntity,
  costEntity,
  loadBenefit,
  loadCost,
  loadOwner,
  presentBenefit,
  presentCost,
  refuseNonEditors,
} from "./access.ts";
import {
  type BenefitFields,
  type BenefitOwner,
  type BenefitRow,
  deleteBenefitRow,
  deleteCostRow,
  findBenefitListed,
  indicatorExists,
  insertBenefit,
  insertCost,
  ownerColumns,
  selectReadingsOf,
  unitExists,
  updateBenefitRow,
  updateCostRow,
  upsertReadings,
} from "./queries.ts";
import type {
  BenefitView,
  CostView,
  CreateBenefitInput,
  CreateCostInput,
  SaveReadingsInput,
  UpdateBenefitInput,
  UpdateCostInput,
} from "./schema.ts";

type BenefitState = Pick<
  BenefitFields,
  "kind" | "baselineValue" | "targetValue" | "baselineDate" | "targetDate" | "indicatorId" | "ownerUnitId"
>;

/** What is wrong with a benefit as it would be saved, by field. */
async function benefitProblems(
  tx: Db,
  state: BenefitState,
  changed: Partial<BenefitState>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (state.kind !== "qualitative") {
    if (state.baselineValue === null)
      problems.push(fieldProblem("baselineValue", "benefit_baseline_value_required"));
    if (state.targetValue === null)
      problems.push(fieldProblem("targetValue", "benefit_target_value_required"));
  }
  if (state.targetDate <= state.baselineDate)
    problems.push(
      fieldProblem("targetDate", "benefit_target_date_not_after_baseline", {
        baselineDate: state.baselineDate,
      }),
    );
  if (changed.indicatorId != null && !(await indicatorExists(tx, changed.indicatorId)))
    problems.push(fieldProblem("indicatorId", "benefit_indicator_unknown", { id: changed.indicatorId }));
  if (changed.ownerUnitId != null && !(await unitExists(tx, changed.ownerUnitId)))
    problems.push(fieldProblem("ownerUnitId", "benefit_owner_unit_unknown", { id: changed.ownerUnitId }));
  return problems;
}

function refuseProblems(
  problems: FieldProblem[],
  reason: "benefit_invalid" | "benefit_readings_invalid" = "benefit_invalid",
) {
  if (problems.length > 0) throw new AppError("validation_failed", reason, { problems });
}

async function presentSaved(tx: Db, row: BenefitRow): Promise<BenefitView> {
  const listed = await findBenefitListed(tx, row.id);
  return presentBenefit(listed ?? { ...row, ownerUnitName: null, indicatorCode: null });
}

export async function createBenefit(
  db: Db,
  { principal, actor }: Caller,
  kind: BenefitOwner["kind"],
  ownerId: number,
  input: CreateBenefitInput,
): Promise<BenefitView> {
  return db.transaction(async (tx) => {
    const owner = await loadOwner(tx, principal, kind, ownerId);
    refuseNonEditors(principal, owner);
    const values: BenefitFields = {
      ...ownerColumns(owner),
      title: input.title,
      description: input.description,
      kind: input.kind,
      ownerName: input.ownerName,
      ownerUnitId: input.ownerUnitId ?? owner.ownerUnitId,
      ownerUserId: null,
      measureUnit: input.measureUnit,
      baselineValue: input.baselineValue ?? null,
      baselineText: input.baselineText,
      baselineDate: input.baselineDate,
      targetValue: input.targetValue ?? null,
      targetText: input.targetText,
      targetDate: input.targetDate,
      indicatorId: input.indicatorId ?? null,
    };
    refuseProblems(await benefitProblems(tx, values, values));
    const row = await insertBenefit(tx, values);
    await auditCreation(tx, actor, benefitEntity(owner), row);
    return presentSaved(tx, row);
  });
}

export async function updateBenefit(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateBenefitInput,
): Promise<BenefitView> {
  return db.transaction(async (tx) => {
    const { owner } = await loadBenefit(tx, principal, id);
    refuseNonEditors(principal, owner);
    const entity = benefitEntity(owner);
    const row = await loadForChange(tx, entity, id, input.version, "benefit_not_found");
    const { version: _version, ...fields } = input;
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<BenefitFields>;
    refuseProblems(await benefitProblems(tx, { ...row, ...changes }, changes));
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateBenefitRow(tx, id, row.version, changes),
    );
    return presentSaved(tx, updated);
  });
}

export async function deleteBenefit(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { owner } = await loadBenefit(tx, principal, id);
    refuseNonEditors(principal, owner);
    const entity = benefitEntity(owner);
    const row = await loadForChange(tx, entity, id, version, "benefit_not_found");
    const gone = await deleteBenefitRow(tx, id, row.version);
    if (!gone) throw new AppError("stale_version", "stale_version_named", { params: { name: row.title } });
    await auditRemoval(tx, actor, entity, row);
  });
}

/**
 * Enters readings for a benefit measured by hand; one on a day that has one replaces it, and of
 * two on one day in the list the last stands. A benefit measured through an indicator takes none.
 */
export async function saveReadings(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: SaveReadingsInput,
): Promise<{ readings: { date: string; value: number; comment: string }[] }> {
  return db.transaction(async (tx) => {
    const { benefit, owner } = await loadBenefit(tx, principal, id);
    refuseNonEditors(principal, owner);
    if (benefit.indicatorId !== null)
      throw new AppError("conflict", "benefit_reads_indicator", { params: { title: benefit.title } });
    const problems = input.readings.flatMap((reading, index) =>
      reading.date < benefit.baselineDate
        ? [
            fieldProblem(
              `readings.${index}.date`,
              "benefit_reading_before_baseline",
              { date: reading.date, baselineDate: benefit.baselineDate },
              index,
            ),
          ]
        : [],
    );
    refuseProblems(problems, "benefit_readings_invalid");
    const byDay = new Map(input.readings.map((reading) => [reading.date, reading]));
    const readings = [...byDay.values()];
    await upsertReadings(tx, benefit.id, readings, actor);
    await recordAudit(tx, actor, {
      action: "readings",
      entityType: "benefit",
      entityId: String(benefit.id),
      unitId: owner.ownerUnitId,
      after: { title: benefit.title, readings },
    });
    const saved = await selectReadingsOf(tx, [benefit.id]);
    return { readings: saved.map(({ date, value, comment }) => ({ date, value, comment })) };
  });
}

// ---------------------------------------------------------------------------------------------
// Costs

export async function createCost(
  db: Db,
  { principal, actor }: Caller,
  kind: BenefitOwner["kind"],
  ownerId: number,
  input: CreateCostInput,
): Promise<CostView> {
  return db.transaction(async (tx) => {
    const owner = await loadOwner(tx, principal, kind, ownerId);
    refuseNonEditors(principal, owner);
    const row = await insertCost(tx, { ...ownerColumns(owner), ...input });
    await auditCreation(tx, actor, costEntity(owner), row);
    return presentCost(row);
  });
}

export async function updateCost(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateCostInput,
): Promise<CostView> {
  return db.transaction(async (tx) => {
    const { owner } = await loadCost(tx, principal, id);
    refuseNonEditors(principal, owner);
    const entity = costEntity(owner);
    const row = await loadForChange(tx, entity, id, input.version, "benefit_cost_not_found");
    const { version: _version, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateCostRow(tx, id, row.version, changes),
    );
    return presentCost(updated);
  });
}

export async function deleteCost(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { owner } = await loadCost(tx, principal, id);
    refuseNonEditors(principal, owner);
    const entity = costEntity(owner);
    const row = await loadForChange(tx, entity, id, version, "benefit_cost_not_found");
    const gone = await deleteCostRow(tx, id, row.version);
    if (!gone)
      throw new AppError("stale_version", "stale_version_named", {
        params: { name: entity.describe(row) ?? "" },
      });
    await auditRemoval(tx, actor, entity, row);
  });
}
