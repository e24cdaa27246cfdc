// Test support for units' own risks: an app with an owner, a region and two trusts, people with
// each role, and helpers to call the API as someone and to add a risk.

import { call, json, setUpOrgApp } from "../../testing/orgFixture.ts";

// Tests import the shared app, units and call helpers through this fixture.
export * from "../../testing/orgFixture.ts";
export type Assessment = {
  id: number;
  period: string;
  level: string | null;
  likelihood: number | null;
  consequence: number | null;
  residualLevel: string | null;
  justification: string;
  version: number;
};
export type Risk = {
  id: number;
  unitId: number;
  area: string;
  title: string;
  rank: number;
  horizon: string;
  closedAt: string | null;
  version: number;
};
export type RiskRow = Risk & { assessment: Assessment | null; previous: Assessment | null; change: string };
export type Register = {
  unit: { id: number };
  period: string;
  previousPeriod: string | null;
  risks: RiskRow[];
  can: { edit: boolean };
};

export const registerOf = (unitId: number, period = "2024-T2", who = "root", includeClosed = false) =>
  json<Register>(
    "GET",
    who,
    `/api/units/${unitId}/risks?period=${period}${includeClosed ? "&includeClosed=true" : ""}`,
  );

let titles = 0;

/** Adds a risk to the unit as `who` (trust A's editor by default). */
export const addRisk = (unitId: number, fields: object = {}, who = "taEditor") =>
  json<Risk>("POST", who, `/api/units/${unitId}/risks`, {
    area: "personnel",
    title: `Risiko ${++titles}`,
    horizon: "this_year",
    ...fields,
  });

/** Saves the risk's assessment for the period, creating it (version 0) or changing it. */
export const assess = (riskId: number, period: string, body: object, who = "taEditor") =>
  call("PUT", who, `/api/unit-risks/${riskId}/assessments/${period}`, body);

/**
 * The app for the file: OWN > REG (Region RHF) > TA, TB. People: root; region reader and editor;
 * trust A's editors (two), approver and reader; trust B's editor and reader.
 */
export function setUpUnitRisksApp() {
  setUpOrgApp(({ region, trustA, trustB }) => ({
    root: { systemAdmin: true },
    regReader: { roles: [{ unitId: region.id, role: "reader" }] },
    regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
    taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taEditor2: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taApprover: { roles: [{ unitId: trustA.id, role: "approver" }] },
    taReader: { roles: [{ unitId: trustA.id, role: "reader" }] },
    tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
    tbReader: { roles: [{ unitId: trustB.id, role: "reader" }] },
  }));
}
