import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.ts";
import { createTestApp, testPassword } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let systemAdmin: string;
let trustAdmin: string;
let trust: { id: number };
let otherTrust: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const region = await t.make.unit({ kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  otherTrust = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "a-admin", roles: [{ unitId: trust.id, role: "admin" }] });
  systemAdmin = await t.signIn("root");
  trustAdmin = await t.signIn("a-admin");
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: "POST", url, headers: { cookie }, ...(payload ? { payload } : {}) });
const isSignedIn = async (cookie: string) =>
  (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode === 200;
const audited = async (action: string, userId: number) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).filter(
    (row) => row.entityId === String(userId),
  );

describe("a change to a user's account ends all of their sessions", () => {
  it("when a role is given", async () => {
    const user = await t.make.user();
    const cookie = await t.signIn(user.username);
    expect(
      (await post(`/api/users/${user.id}/roles`, trustAdmin, { unitId: trust.id, role: "reader" }))
        .statusCode,
    ).toBe(201);
    expect(await isSignedIn(cookie)).toBe(false);
  });

  it("when a role is taken away", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    const cookie = await t.signIn(user.username);
    const list = await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie: trustAdmin } });
    const [assignment] = list.json().find((u: { id: number }) => u.id === user.id).roles;
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/role-assignments/${assignment.id}`,
      headers: { cookie: trustAdmin },
    });
    expect(removed.statusCode).toBe(204);
    expect(await isSignedIn(cookie)).toBe(false);
  });

  it("when an administrator sets a new password, which must follow the policy; audited", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "editor" }] });
    const cookie = await t.signIn(user.username);
    const weak = await post(`/api/users/${user.id}/password`, trustAdmin, { password: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().problems).toEqual([
      expect.objectContaining({ field: "password", code: "too_common" }),
    ]);
    expect(await isSignedIn(cookie)).toBe(true);

    const reset = await post(`/api/users/${user.id}/password`, trustAdmin, {
      password: "Nordlys-bak-fjellet-9",
    });
    expect(reset.statusCode).toBe(204);
    expect(await isSignedIn(cookie)).toBe(false);
    await expect(t.signIn(user.username)).rejects.toThrow();
    expect(await t.signIn(user.username, "Nordlys-bak-fjellet-9")).toMatch(/^tertial_session=/);
    expect(await audited("reset_password", user.id)).toHaveLength(1);
  });

  it("when the user is deactivated, who then cannot sign in until reactivated; audited", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    const cookie = await t.signIn(user.username);
    const deactivated = await post(`/api/users/${user.id}/deactivate`, trustAdmin);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ id: user.id, active: false });
    expect(await isSignedIn(cookie)).toBe(false);
    await expect(t.signIn(user.username)).rejects.toThrow();

    expect((await post(`/api/users/${user.id}/reactivate`, trustAdmin)).json()).toMatchObject({
      active: true,
    });
    expect(await t.signIn(user.username, testPassword)).toMatch(/^tertial_session=/);
    expect(await audited("deactivate", user.id)).toHaveLength(1);
    expect(await audited("reactivate", user.id)).toHaveLength(1);
  });
});

describe("who may reset a password or deactivate an account", () => {
  it("a unit administrator may not touch a user with a role elsewhere, a role-less user or a system administrator", async () => {
    const elsewhere = await t.make.user({
      roles: [
        { unitId: trust.id, role: "reader" },
        { unitId: otherTrust.id, role: "admin" },
      ],
    });
    const roleless = await t.make.user();
    const root = await t.make.user({ systemAdmin: true, roles: [{ unitId: trust.id, role: "reader" }] });
    for (const target of [elsewhere, roleless, root]) {
      expect((await post(`/api/users/${target.id}/deactivate`, trustAdmin)).statusCode).toBe(403);
      const reset = await post(`/api/users/${target.id}/password`, trustAdmin, {
        password: "Nordlys-bak-fjellet-9",
      });
      expect(reset.statusCode).toBe(403);
      expect(reset.json()).toMatchObject({
        reason: "account_reset_password_needs_admin",
        detail: `For å sette nytt passord for ${target.displayName} må du være administrator for alle enheter der brukeren har en rolle.`,
      });
    }
    expect(
      (await post(`/api/users/${roleless.id}/password`, systemAdmin, { password: "Nordlys-bak-fjellet-9" }))
        .statusCode,
    ).toBe(204);
  });

  it("nobody deactivates their own account", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: systemAdmin } });
    const refused = await post(`/api/users/${me.json().id}/deactivate`, systemAdmin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("Du kan ikke deaktivere din egen konto.");
  });

  it("answers 404 for a user who does not exist", async () => {
    const missing = await post("/api/users/999999/deactivate", systemAdmin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ reason: "user_not_found", detail: "Fant ikke brukeren." });
  });
});
