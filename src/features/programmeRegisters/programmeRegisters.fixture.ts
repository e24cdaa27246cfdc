// Test support for a programme's registers: OWN > REG (Region RHF, which owns the programme) > TA,
// TB (TB owns another programme); people with each role, and helpers to call the API as someone.

import { beforeAll } from "vitest";
import { programmes } from "../../db/schema.ts";
import { region, setUpOrgApp, t, trustB } from "../../testing/orgFixture.ts";

// Tests import the shared app, units and call helpers through this fixture.
export * from "../../testing/orgFixture.ts";

/** Region RHF's programme, and trust B's (hidden from the region's editors' trusts below). */
export let programmeId: number;
export let otherProgrammeId: number;

/** The fields and codes a refusal names, in order. */
export const problemsOf = (response: { json: () => unknown }) =>
  ((response.json() as { problems?: { field: string; code: string }[] }).problems ?? []).map((problem) => [
    problem.field,
    problem.code,
  ]);

export const base = (id = programmeId) => `/api/programmes/${id}`;

/**
 * People: root; the region's reader, editor and approver (the programme's owner unit); trust A's
 * editor (below the owner: may not read the region's programme); trust B's editor.
 */
export function setUpRegistersApp() {
  setUpOrgApp(({ region, trustA, trustB }) => ({
    root: { systemAdmin: true },
    regReader: { roles: [{ unitId: region.id, role: "reader" }] },
    regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
    regEditor2: { roles: [{ unitId: region.id, role: "editor" }] },
    taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
    tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
  }));
  beforeAll(async () => {
    const [made, other] = await t.db
      .insert(programmes)
      .values([
        { ownerUnitId: region.id, code: "STYR", title: "Styringsmodell anskaffelser" },
        { ownerUnitId: trustB.id, code: "TBP", title: "Trust B sitt prosjekt" },
      ])
      .returning({ id: programmes.id });
    programmeId = made?.id ?? 0;
    otherProgrammeId = other?.id ?? 0;
  });
}
