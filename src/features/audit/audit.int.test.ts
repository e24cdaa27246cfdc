import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let root: string;
let trustAdmin: string;
let editor: string;
let trustA: { id: number; version: number };
let trustB: { id: number; version: number };
let trustAdminId: number;

beforeAll(async () => {
  t = await createTestApp();
  const region = await t.make.unit({ kind: "regional_health_authority" });
  trustA = await t.make.unit({ parentId: region.id });
  trustB = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "root", systemAdmin: true });
  trustAdminId = (await t.make.user({ username: "a-admin", roles: [{ unitId: trustA.id, role: "admin" }] }))
    .id;
  await t.make.user({ username: "editor", roles: [{ unitId: trustA.id, role: "editor" }] });
  root = await t.signIn("root");
  trustAdmin = await t.signIn("a-admin");
  editor = await t.signIn("editor");
  await t.app.inject({
    method: "POST",
    url: "/api/units",
    headers: { cookie: trustAdmin },
    payload: { code: "A-CLINIC", name: "Klinikk A", kind: "clinic", parentId: trustA.id },
  });
  await t.app.inject({
    method: "POST",
    url: "/api/units",
    headers: { cookie: root },
    payload: { code: "B-CLINIC", name: "Klinikk B", kind: "clinic", parentId: trustB.id },
  });
});
afterAll(() => t.close());

const audit = (cookie: string, query = "") =>
  t.app.inject({ method: "GET", url: `/api/audit${query}`, headers: { cookie } });

describe("the audit trail", () => {
  it("records who did what, with the record after the change", async () => {
    const response = await audit(root, `?actorId=${trustAdminId}&entityType=unit`);
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "create",
      actorId: trustAdminId,
      after: { code: "A-CLINIC" },
    });
    expect(new Date(entries[0].at).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("filters by unit, including everything below it", async () => {
    const response = await audit(root, `?unitId=${trustA.id}&entityType=unit`);
    const codes = response.json().entries.map((e: { after: { code: string } }) => e.after.code);
    expect(codes).toContain("A-CLINIC");
    expect(codes).not.toContain("B-CLINIC");
  });

  it("filters by time", async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await audit(root, `?from=${future}`)).json().entries).toHaveLength(0);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await audit(root, `?from=${past}&entityType=unit`)).json().entries.length).toBeGreaterThanOrEqual(
      2,
    );
    const reversed = await audit(root, `?from=${future}&to=${past}`);
    expect(reversed.statusCode).toBe(400);
  });

  it("shows a unit admin only their own subtree", async () => {
    const entries = (await audit(trustAdmin, "?entityType=unit")).json().entries;
    const codes = entries.map((e: { after: { code: string } }) => e.after.code);
    expect(codes).toContain("A-CLINIC");
    expect(codes).not.toContain("B-CLINIC");
    expect((await audit(trustAdmin, `?unitId=${trustB.id}`)).statusCode).toBe(403);
  });

  it("is closed to users who are not administrators", async () => {
    expect((await audit(editor)).statusCode).toBe(403);
  });

  it("records role changes and logins", async () => {
    const types = (await audit(root)).json().entityTypes;
    expect(types).toEqual(expect.arrayContaining(["unit", "user", "role_assignment", "session"]));
  });

  it("names each entry's entity in words, and has a label for each", async () => {
    const entries: {
      entityType: string;
      entityLabel: string | null;
      action: string;
      after: { code?: string };
    }[] = (await audit(root)).json().entries;
    const clinic = entries.find((e) => e.entityType === "unit" && e.after?.code === "A-CLINIC");
    expect(clinic?.entityLabel).toBe("Klinikk A");
    const logins = entries.filter((e) => e.entityType === "session").map((e) => e.entityLabel);
    expect(logins).toEqual(expect.arrayContaining([expect.stringMatching(/\(root\)$/)]));
    const role = entries.find((e) => e.entityType === "role_assignment");
    expect(role?.entityLabel).toMatch(/ – /);
    // Every entry has a label here: none of these rows is gone.
    expect(entries.filter((e) => e.entityLabel === null)).toEqual([]);
  });
});
