// Test support for programmes: an app with an owner, a region and two trusts, people with each
// role, helpers to call the API as someone, and a programme with phases 0 and 1 to start from.

import { call, json, setUpOrgApp, trustA } from "../../testing/orgFixture.ts";

// Tests import the shared app, units and call helpers through this fixture.
export * from "../../testing/orgFixture.ts";
export type Decision = { decision: string; decidedOn: string; decisionText: string; conditions: string };
export type Gate = {
  toPhase: number;
  name: string;
  requestedAt: string | null;
  requestText: string;
  decisions: Decision[];
  standing: Decision | null;
  version: number;
};
export type Phase = {
  number: number;
  name: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  version: number;
};
export type Programme = {
  id: number;
  code: string;
  title: string;
  version: number;
  phases: Phase[];
  gates: Gate[];
  currentPhase: number | null;
  can: { edit: boolean; decide: boolean; startPhase: boolean };
};

let codes = 0;

/**
 * A programme of trust A, made by its editor, with phase 0 (started 2024-01-10) and phase 1
 * planned; the gate G-0-1 before phase 1 comes with it.
 */
export async function programmeWithPhases(fields: object = {}): Promise<Programme> {
  const created = await json<{ id: number }>("POST", "taEditor", "/api/programmes", {
    ownerUnitId: trustA.id,
    code: `P${++codes}`,
    title: "Styringsmodell anskaffelser",
    ...fields,
  });
  await json("POST", "taEditor", `/api/programmes/${created.id}/phases`, {
    number: 0,
    name: "Forprosjekt",
    plannedStart: "2024-01-01",
    plannedEnd: "2024-03-31",
    mainActivities: ["Kartlegge prosesser"],
  });
  const withOne = await json<Programme>("POST", "taEditor", `/api/programmes/${created.id}/phases`, {
    number: 1,
    name: "Innføring",
    plannedStart: "2024-03-31",
    plannedEnd: "2024-12-31",
    milestones: [{ title: "Styringsgrupper etablert", due: "2024-06-01" }],
  });
  const phase0 = withOne.phases[0] as Phase;
  return json<Programme>("POST", "taEditor", `/api/programmes/${created.id}/phases/0/start`, {
    version: phase0.version,
    actualStart: "2024-01-10",
  });
}

export const programmeOf = (id: number, who = "taEditor") =>
  json<Programme>("GET", who, `/api/programmes/${id}`);

export const decide = (id: number, body: object, who = "taApprover", toPhase = 1) =>
  call("POST", who, `/api/programmes/${id}/gates/${toPhase}/decisions`, {
    decision: "approve",
    decidedOn: "2024-03-20",
    decisionText: "Fase 1 startes.",
    ...body,
  });

export const startPhase = async (id: number, number: number, body: object = {}, who = "taEditor") => {
  const programme = await programmeOf(id);
  const phase = programme.phases.find((p) => p.number === number);
  return call("POST", who, `/api/programmes/${id}/phases/${number}/start`, {
    version: phase?.version ?? 1,
    ...body,
  });
};

/**
 * The app for the file: OWN > REG (Region RHF) > TA, TB. People: root; region reader; trust A's
 * editor, approver and reader; trust B's editor.
 */
export function setUpProgrammesApp() {
  setUpOrgApp(({ region, trustA, trustB }) => ({
    root: { systemAdmin: true },
    regReader: { roles: [{ unitId: region.id, role: "reader" }] },
    taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taApprover: { roles: [{ unitId: trustA.id, role: "approver" }] },
    taReader: { roles: [{ unitId: trustA.id, role: "reader" }] },
    tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
  }));
}
