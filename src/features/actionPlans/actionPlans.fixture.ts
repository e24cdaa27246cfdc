// Test support for action plans: OWN > REG (Region RHF, the plan's owner) > TA, TB; an editor, an
// approver and a reader on the region, trust B's editor and reader (who may not read the region's
// plans); two catalogue indicators with yearly-steps targets and monthly data on the region's trusts.

import { beforeAll } from "vitest";
import { call, json, region, setUpOrgApp, t } from "../../testing/orgFixture.ts";
import type { ActionPlanView, PlanMeasureView } from "./schema.ts";

// Tests import the shared app, units and call helpers through this fixture.
export * from "../../testing/orgFixture.ts";

export const indicator: Record<string, { id: number }> = {};
export const getPlan = (id: number, who = "regEditor") =>
  json<ActionPlanView>("GET", who, `/api/action-plans/${id}`);

/** A draft plan for the region, 2009-2012, as its editor. */
export const createPlan = (fields: object = {}) =>
  json<ActionPlanView>("POST", "regEditor", "/api/action-plans", {
    ownerUnitId: region.id,
    title: "Handlingsplan innkjøp og logistikk 2009-2012",
    fromYear: 2009,
    toYear: 2012,
    purpose: "Prioriterer tiltak for innkjøp og logistikk.",
    mainGoal: "En samordnet og samhandlende bestillerorganisasjon",
    boardCases: ["Styresak 085-2008"],
    ...fields,
  });

export const addSubGoal = (planId: number, number: number, text = `Delmål ${number}`) =>
  json<{ id: number; number: number; version: number }>(
    "POST",
    "regEditor",
    `/api/action-plans/${planId}/sub-goals`,
    {
      number,
      text,
    },
  );

export const addMeasure = (planId: number, fields: object) =>
  json<PlanMeasureView>("POST", "regEditor", `/api/action-plans/${planId}/measures`, {
    priority: 1,
    years: [2009],
    responsibility: "owner",
    ...fields,
  });

/** Enters a dated status in the measure's log, as the region's editor. */
export async function logMeasure(measureId: number, on: string, phase: string, status: string | null = null) {
  const measure = await json<{ version: number }>("GET", "regEditor", `/api/measures/${measureId}`);
  return json("POST", "regEditor", `/api/measures/${measureId}/log`, {
    version: measure.version,
    period: on.slice(0, 4),
    on,
    phase,
    status,
    text: `Status ${on}`,
  });
}

export const adopt = (plan: { id: number; version: number }, who = "regApprover") =>
  call("POST", who, `/api/action-plans/${plan.id}/adopt`, { version: plan.version, adoptedOn: "2009-02-01" });

/** Two catalogue indicators with yearly-steps targets, and a year of monthly data on trust A. */
async function addIndicators() {
  const share = { unitLabel: "%", valueKind: "ratio", scale: 100, decimals: 0 };
  indicator.EHANDEL = await json("POST", "root", "/api/indicators", {
    code: "EHANDEL",
    nameNb: "Andel e-handel",
    direction: "higher",
    ...share,
  });
  indicator.AVVIK = await json("POST", "root", "/api/indicators", {
    code: "AVVIK",
    nameNb: "Andel avvik i leveranser",
    direction: "lower",
    ...share,
  });
  const steps = (comparator: string, values: Record<string, number>) => ({
    kind: "yearly_steps",
    steps: Object.fromEntries(Object.entries(values).map(([year, value]) => [year, { comparator, value }])),
  });
  await json("POST", "root", `/api/indicators/${indicator.EHANDEL.id}/targets`, {
    year: null,
    rule: steps("gte", { 2009: 50, 2010: 70, 2011: 90, 2012: 90 }),
  });
  await json("POST", "root", `/api/indicators/${indicator.AVVIK.id}/targets`, {
    year: null,
    rule: steps("lte", { 2009: 10, 2010: 5 }),
  });
  const rows: object[] = [];
  for (let month = 1; month <= 12; month++) {
    const key = `2009-${String(month).padStart(2, "0")}`;
    // E-procurement grows from 40 % to 62 % through 2009; delivery errors stay at 8 %.
    rows.push({ indicator: "EHANDEL", unit: "TA", month: key, numerator: 38 + 2 * month, denominator: 100 });
    rows.push({ indicator: "AVVIK", unit: "TA", month: key, numerator: 8, denominator: 100 });
  }
  await json("POST", "root", "/api/measurements", { rows });
}

export function setUpActionPlansApp() {
  setUpOrgApp(async ({ owner, region }) => {
    const outside = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", code: "OTH" });
    return {
      root: { systemAdmin: true },
      regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
      regApprover: { roles: [{ unitId: region.id, role: "approver" }] },
      regReader: { roles: [{ unitId: region.id, role: "reader" }] },
      othEditor: { roles: [{ unitId: outside.id, role: "editor" }] },
    };
  });
  beforeAll(addIndicators);
}
