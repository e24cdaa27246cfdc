// The server says what the caller may do, so the web shows only controls that will work: the
// global capabilities on /api/auth/me, and each unit's and user's own.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let region: { id: number };
let trust: { id: number };
let otherTrust: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  region = await t.make.unit({ kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  otherTrust = await t.make.unit({ parentId: region.id });
});
afterAll(() => t.close());

async function as(roles: { unitId: number; role: "admin" | "approver" | "editor" | "reader" }[]) {
  const user = await t.make.user({ roles });
  const cookie = await t.signIn(user.username);
  const get = async (url: string) => (await t.app.inject({ method: "GET", url, headers: { cookie } })).json();
  return { user, get };
}

describe("what the caller may do", () => {
  it("tells an editor of one trust what they may do anywhere: import, no users, no audit", async () => {
    const { get } = await as([{ unitId: trust.id, role: "editor" }]);
    expect((await get("/api/auth/me")).can).toEqual({
      createTopLevelUnit: false,
      manageUsers: false,
      createSystemAdministrators: false,
      readAudit: false,
      createIndicators: false,
      createOrganisationIndicators: false,
      importMeasurements: true,
      draftSteering: true,
      editTemplates: false,
      editOrganisationTemplates: false,
    });
  });

  it("gives a region's administrator users, audit, indicators and templates, not the top level", async () => {
    const { get } = await as([{ unitId: region.id, role: "admin" }]);
    expect((await get("/api/auth/me")).can).toMatchObject({
      createTopLevelUnit: false,
      manageUsers: true,
      createSystemAdministrators: false,
      readAudit: true,
      createIndicators: true,
      createOrganisationIndicators: false,
      importMeasurements: false,
      editTemplates: true,
      editOrganisationTemplates: false,
    });
  });

  it("computes each unit's capabilities from the caller's roles on it and above it", async () => {
    const { get } = await as([
      { unitId: trust.id, role: "editor" },
      { unitId: otherTrust.id, role: "approver" },
    ]);
    const units = (await get("/api/units")) as { id: number; can: Record<string, boolean> }[];
    const canOn = (id: number) => units.find((unit) => unit.id === id)?.can;
    expect(canOn(trust.id)).toMatchObject({
      manage: false,
      importMeasurements: true,
      draftSteering: true,
      publishScorecard: false,
      generateDocuments: true,
    });
    expect(canOn(otherTrust.id)).toMatchObject({
      importMeasurements: false,
      draftSteering: false,
      publishScorecard: true,
    });
    expect(canOn(region.id)).toMatchObject({ importMeasurements: false, publishScorecard: false });
  });

  it("tells an administrator which accounts and roles they may manage", async () => {
    const { user: admin, get } = await as([{ unitId: trust.id, role: "admin" }]);
    const inside = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    const across = await t.make.user({
      roles: [
        { unitId: trust.id, role: "editor" },
        { unitId: otherTrust.id, role: "editor" },
      ],
    });
    const users = (await get("/api/users")) as {
      id: number;
      can: { manageAccount: boolean };
      roles: { unitId: number; can: { remove: boolean } }[];
    }[];
    const find = (id: number) => users.find((user) => user.id === id);
    expect(find(inside.id)?.can.manageAccount).toBe(true);
    expect(find(across.id)?.can.manageAccount).toBe(false);
    expect(find(admin.id)?.can.manageAccount).toBe(false);
    const removable = (find(across.id)?.roles ?? []).map((role) => [role.unitId, role.can.remove]);
    expect(removable).toEqual(
      expect.arrayContaining([
        [trust.id, true],
        [otherTrust.id, false],
      ]),
    );
  });
});
