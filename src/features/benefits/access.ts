// Who may see and change a programme's or an action plan's benefits and costs, the loading that
// goes with it, and the views. The owner unit's readers read them (canReadPortfolio), its editors
// change them (canEditPortfolio); someone who may not read the owner learns nothing, not even
// that the programme, plan, benefit or cost exists.

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { canEditPortfolio, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { forbidden, notFound } from "../../errors.ts";
import type { VersionedEntity } from "../audit/change.ts";
import {
  type BenefitListRow,
  type BenefitOwner,
  type BenefitRow,
  type CostRow,
  findBenefit,
  findCost,
  findOwner,
  ownerRefOf,
} from "./queries.ts";
import type { BenefitView, CostView } from "./schema.ts";

/** The programme or plan, for someone who may read its owner unit; 404 otherwise. */
export async function loadOwner(
  db: Db,
  principal: Principal,
  kind: BenefitOwner["kind"],
  id: number,
): Promise<BenefitOwner> {
  const owner = await findOwner(db, { kind, id });
  if (!owner || !canReadPortfolio(principal, owner.ownerPath))
    throw notFound("benefit_owner_not_found", { id });
  return owner;
}

export function refuseNonEditors(principal: Principal, owner: BenefitOwner): void {
  if (!canEditPortfolio(principal, owner.ownerPath))
    throw forbidden("benefit_not_permitted", { title: owner.title });
}

export const canEdit = (principal: Principal, owner: BenefitOwner) =>
  canEditPortfolio(principal, owner.ownerPath);

/** A benefit and its programme or plan, for someone who may read the owner; 404 otherwise. */
export async function loadBenefit(
  db: Db,
  principal: Principal,
  id: number,
): Promise<{ benefit: BenefitRow; owner: BenefitOwner }> {
  const benefit = await findBenefit(db, id);
  const owner = benefit ? await findOwner(db, ownerRefOf(benefit)) : undefined;
  if (!benefit || !owner || !canReadPortfolio(principal, owner.ownerPath))
    throw notFound("benefit_not_found", { id });
  return { benefit, owner };
}

export async function loadCost(
  db: Db,
  principal: Principal,
  id: number,
): Promise<{ cost: CostRow; owner: BenefitOwner }> {
  const cost = await findCost(db, id);
  const owner = cost ? await findOwner(db, ownerRefOf(cost)) : undefined;
  if (!cost || !owner || !canReadPortfolio(principal, owner.ownerPath))
    throw notFound("benefit_cost_not_found", { id });
  return { cost, owner };
}

export function presentBenefit(row: BenefitListRow): BenefitView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    actionPlanId: row.actionPlanId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    ownerName: row.ownerName,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    measureUnit: row.measureUnit,
    baselineValue: row.baselineValue,
    baselineText: row.baselineText,
    baselineDate: row.baselineDate,
    targetValue: row.targetValue,
    targetText: row.targetText,
    targetDate: row.targetDate,
    indicatorId: row.indicatorId,
    indicatorCode: row.indicatorCode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentCost(row: CostRow): CostView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    actionPlanId: row.actionPlanId,
    kind: row.kind,
    year: row.year,
    plannedNok: row.plannedNok,
    actualNok: row.actualNok,
    text: row.text,
    version: row.version,
  };
}

/** The audit trail reads a benefit or cost under its owner's unit. */
export const benefitEntity = (owner: BenefitOwner): VersionedEntity<BenefitRow> => ({
  entityType: "benefit",
  describe: (row) => row.title,
  present: (row) => presentBenefit({ ...row, ownerUnitName: null, indicatorCode: null }),
  unitOf: () => owner.ownerUnitId,
  find: findBenefit,
});

export const costEntity = (owner: BenefitOwner): VersionedEntity<CostRow> => ({
  entityType: "benefit_cost",
  describe: (row) => `${row.kind} ${row.year}`,
  present: presentCost,
  unitOf: () => owner.ownerUnitId,
  find: findCost,
});
