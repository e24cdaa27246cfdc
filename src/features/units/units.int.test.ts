import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let reader: string;
let trustAdmin: string;
let region: { id: number; path: string };
let trust: { id: number; path: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.make.unit({ kind: "owner" });
  region = await t.make.unit({ parentId: root.id, kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
  await t.make.user({ username: "trustadmin", roles: [{ unitId: trust.id, role: "admin" }] });
  admin = await t.signIn("root");
  reader = await t.signIn("reader");
  trustAdmin = await t.signIn("trustadmin");
});
afterAll(() => t.close());

const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: "POST", url, payload, headers: { cookie } });

async function auditOf(entityId: number, cookie = admin) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/audit?entityType=unit&entityId=${entityId}`,
    headers: { cookie },
  });
  return response.json().entries as { action: string; before: unknown; after: unknown; actorName: string }[];
}

async function unitCount() {
  const response = await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: admin } });
  return (response.json() as unknown[]).length;
}

describe("creating units", () => {
  it("creates a unit under a parent, with its path and an audit row", async () => {
    const response = await post(trustAdmin, "/api/units", {
      code: "TST-HOSP",
      name: "Testsykehuset",
      kind: "hospital",
      parentId: trust.id,
      validFrom: "2024-01-01",
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json();
    expect(unit).toMatchObject({
      code: "TST-HOSP",
      parentId: trust.id,
      path: `${trust.path}${unit.id}/`,
      active: true,
    });
    const [entry] = await auditOf(unit.id);
    expect(entry).toMatchObject({
      action: "create",
      before: null,
      after: { code: "TST-HOSP", name: "Testsykehuset" },
    });
  });

  it("refuses a duplicate code, whatever its case, and writes nothing", async () => {
    const before = await unitCount();
    const response = await post(admin, "/api/units", {
      code: "tst-hosp",
      name: "Copy",
      kind: "hospital",
      parentId: trust.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "conflict", problems: [{ field: "code" }] });
    expect(await unitCount()).toBe(before);
  });

  it("words the refusal in bokmål by default and in the user's chosen English, fields too", async () => {
    const payload = { code: "TST-HOSP", name: "Copy", kind: "hospital", parentId: trust.id };
    const bokmal = await post(admin, "/api/units", payload);
    expect(bokmal.headers["content-language"]).toBe("nb");
    expect(bokmal.json()).toMatchObject({
      reason: "unit_code_taken",
      params: { code: "TST-HOSP" },
      detail: "Koden TST-HOSP brukes allerede av en annen enhet. Velg en annen kode.",
      problems: [{ field: "code", code: "in_use", message: "er allerede i bruk" }],
    });
    // The saved language of the user decides; a user who chose English gets English.
    await t.make.user({ username: "root-en", systemAdmin: true });
    const englishAdmin = await t.signIn("root-en");
    const chosen = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      payload: { locale: "en" },
      headers: { cookie: englishAdmin },
    });
    expect(chosen.statusCode).toBe(200);
    const english = await post(englishAdmin, "/api/units", payload);
    expect(english.headers["content-language"]).toBe("en");
    expect(english.json()).toMatchObject({
      reason: "unit_code_taken",
      detail: "The code TST-HOSP is already used by another unit. Choose another code.",
      problems: [{ field: "code", code: "in_use", message: "is already in use" }],
    });
    const badCode = await post(admin, "/api/units", { ...payload, code: "-x" });
    expect(badCode.json().problems).toEqual([
      expect.objectContaining({
        field: "code",
        code: "code_format",
        message: expect.stringContaining("32 bokstaver"),
      }),
    ]);
  });

  it("names the field when input is invalid", async () => {
    const response = await post(admin, "/api/units", {
      code: "",
      name: "X",
      kind: "castle",
      parentId: trust.id,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["code", "kind"]));
  });

  it("refuses an unknown parent", async () => {
    const response = await post(admin, "/api/units", {
      code: "ORPHAN",
      name: "X",
      kind: "clinic",
      parentId: 999_999,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "unit_parent_not_found",
      problems: [{ field: "parentId", code: "unknown_unit", message: "finnes ikke som enhet" }],
    });
  });

  it("forbids a reader, who changes nothing", async () => {
    const before = await unitCount();
    const response = await post(reader, "/api/units", {
      code: "READER-U",
      name: "X",
      kind: "clinic",
      parentId: trust.id,
    });
    expect(response.statusCode).toBe(403);
    expect(await unitCount()).toBe(before);
  });

  it("forbids an admin of one trust to add units elsewhere", async () => {
    const response = await post(trustAdmin, "/api/units", {
      code: "ELSEWHERE",
      name: "X",
      kind: "clinic",
      parentId: region.id,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(
      /^Du må være administrator for «.+» for å legge til enheter under den\.$/,
    );
  });

  it("asks for a sign-in when there is no session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/units" });
    expect(response.statusCode).toBe(401);
  });
});

describe("editing units", () => {
  it("saves with the current version and refuses a stale one with 409", async () => {
    const unit = await t.make.unit({ parentId: trust.id, kind: "clinic" });
    const first = await t.app.inject({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      headers: { cookie: admin },
      payload: { version: unit.version, name: "Renamed once" },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: "Renamed once", version: unit.version + 1 });

    const stale = await t.app.inject({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      headers: { cookie: admin },
      payload: { version: unit.version, name: "Lost update" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", current: { name: "Renamed once" } });
    expect(stale.json().detail).toContain("«Renamed once» er endret av noen andre");

    const entries = await auditOf(unit.id);
    expect(entries[0]).toMatchObject({
      action: "update",
      before: { name: unit.name },
      after: { name: "Renamed once" },
    });
  });

  it("refuses a validity end before its start", async () => {
    const unit = await t.make.unit({ parentId: trust.id, kind: "clinic" });
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      headers: { cookie: admin },
      payload: { version: unit.version, validTo: "2019-01-01" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toBe("validTo");
  });
});

describe("moving units", () => {
  it("moves a subtree and rewrites every path below it", async () => {
    const from = await t.make.unit({ parentId: region.id });
    const to = await t.make.unit({ parentId: region.id });
    const hospital = await t.make.unit({ parentId: from.id, kind: "hospital" });
    const clinic = await t.make.unit({ parentId: hospital.id, kind: "clinic" });

    const response = await post(admin, `/api/units/${hospital.id}/move`, {
      version: hospital.version,
      parentId: to.id,
    });
    expect(response.statusCode).toBe(200);
    const moved = await t.app.inject({
      method: "GET",
      url: `/api/units/${clinic.id}`,
      headers: { cookie: admin },
    });
    expect(moved.json().path).toBe(`${to.path}${hospital.id}/${clinic.id}/`);
    expect((await auditOf(hospital.id))[0]).toMatchObject({
      action: "move",
      before: { parentId: from.id },
      after: { parentId: to.id },
    });
  });

  it("refuses a cycle", async () => {
    const parent = await t.make.unit({ parentId: region.id });
    const child = await t.make.unit({ parentId: parent.id, kind: "hospital" });
    const response = await post(admin, `/api/units/${parent.id}/move`, {
      version: parent.version,
      parentId: child.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "unit_move_into_descendant",
      detail: expect.stringContaining("en av sine egne underenheter"),
      problems: [{ field: "parentId", code: "into_descendant" }],
    });
    const unchanged = await t.app.inject({
      method: "GET",
      url: `/api/units/${parent.id}`,
      headers: { cookie: admin },
    });
    expect(unchanged.json()).toMatchObject({ parentId: region.id, version: parent.version });
  });

  it("refuses a move under a deactivated unit", async () => {
    const closed = await t.make.unit({ parentId: region.id });
    const deactivated = await post(admin, `/api/units/${closed.id}/deactivate`, {
      version: closed.version,
      validTo: "2021-01-01",
    });
    expect(deactivated.statusCode).toBe(200);
    const unit = await t.make.unit({ parentId: region.id });
    const response = await post(admin, `/api/units/${unit.id}/move`, {
      version: unit.version,
      parentId: closed.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      reason: "unit_move_parent_inactive",
      detail: expect.stringContaining("er deaktivert"),
    });
    const creating = await post(admin, "/api/units", {
      code: "UNDER-CLOSED",
      name: "X",
      kind: "clinic",
      parentId: closed.id,
    });
    expect(creating.statusCode).toBe(409);
    expect(creating.json().detail).toBe(
      `«${closed.name}» er deaktivert, så det kan ikke legges til enheter under den.`,
    );
  });
});

describe("deactivating units", () => {
  it("refuses while active sub-units remain, then deactivates once they are gone", async () => {
    const parent = await t.make.unit({ parentId: region.id });
    const child = await t.make.unit({ parentId: parent.id, kind: "hospital" });
    const refused = await post(admin, `/api/units/${parent.id}/deactivate`, { version: parent.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("har fortsatt 1 aktiv underenhet");

    expect(
      (await post(admin, `/api/units/${child.id}/deactivate`, { version: child.version })).statusCode,
    ).toBe(200);
    const done = await post(admin, `/api/units/${parent.id}/deactivate`, { version: parent.version });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ active: false });
    expect((await auditOf(parent.id))[0]).toMatchObject({ action: "deactivate", before: { validTo: null } });
  });
});
