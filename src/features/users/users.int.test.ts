import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let trustAdmin: string;
let editor: string;
let trust: { id: number };
let otherTrust: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const region = await t.make.unit({ kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  otherTrust = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "t-admin", roles: [{ unitId: trust.id, role: "admin" }] });
  await t.make.user({ username: "t-editor", roles: [{ unitId: trust.id, role: "editor" }] });
  trustAdmin = await t.signIn("t-admin");
  editor = await t.signIn("t-editor");
});
afterAll(() => t.close());

describe("users and roles", () => {
  it("lets a unit admin create a user and give them a role on the admin's own unit", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: trustAdmin },
      payload: { username: "ny.bruker", displayName: "Ny Bruker", password: "long-enough-pw" },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json().id;
    const role = await t.app.inject({
      method: "POST",
      url: `/api/users/${userId}/roles`,
      headers: { cookie: trustAdmin },
      payload: { unitId: trust.id, role: "approver" },
    });
    expect(role.statusCode).toBe(201);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: await t.signIn("ny.bruker", "long-enough-pw") },
    });
    expect(me.json().roles).toEqual([expect.objectContaining({ unitId: trust.id, role: "approver" })]);
  });

  it("refuses a role on a unit the admin does not administer", async () => {
    const user = await t.make.user();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/users/${user.id}/roles`,
      headers: { cookie: trustAdmin },
      payload: { unitId: otherTrust.id, role: "admin" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("refuses a password that breaks the policy, naming the field and a stable reason", async () => {
    for (const [password, reason, detail] of [
      [" ".repeat(10), "too_short", "Passordet må ha minst 12 tegn."],
      ["Policy.Person-2024", "contains_username", "Passordet kan ikke inneholde brukernavnet."],
      ["password1234", "too_common", expect.stringContaining("Passordet er for vanlig")],
    ] as const) {
      const refused = await t.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: trustAdmin },
        payload: { username: "policy.person", displayName: "P", password },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: "validation_failed",
        detail,
        problems: [{ field: "password", code: reason, message: expect.any(String) }],
      });
    }
  });

  it("refuses a short password and a taken username, naming the field", async () => {
    const short = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: trustAdmin },
      payload: { username: "shorty", displayName: "S", password: "short" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().problems[0].field).toBe("password");
    const taken = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: trustAdmin },
      payload: { username: "T-EDITOR", displayName: "Copy", password: "long-enough-pw" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      reason: "username_taken",
      detail: "Brukernavnet T-EDITOR er tatt. Velg et annet.",
      problems: [{ field: "username", code: "in_use", message: "er allerede i bruk" }],
    });
  });

  it("does not let a unit admin create a system administrator", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: trustAdmin },
      payload: { username: "sneaky", displayName: "S", password: "long-enough-pw", isSystemAdmin: true },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe(
      "Bare en systemadministrator kan opprette en ny systemadministrator.",
    );
  });

  it("keeps the user list from non-administrators", async () => {
    expect(
      (await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie: editor } })).statusCode,
    ).toBe(403);
  });

  it("takes a role away, and the user loses its rights at once", async () => {
    const user = await t.make.user({ username: "temp", roles: [{ unitId: trust.id, role: "admin" }] });
    const before = await t.signIn("temp");
    const list = await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie: trustAdmin } });
    const assignment = list.json().find((u: { id: number }) => u.id === user.id).roles[0];
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/role-assignments/${assignment.id}`,
      headers: { cookie: trustAdmin },
    });
    expect(removed.statusCode).toBe(204);
    // The change of rights ended the session; signed in again, the role is gone.
    expect(
      (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: before } })).statusCode,
    ).toBe(401);
    const cookie = await t.signIn("temp");
    const attempt = await t.app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie },
      payload: { code: "AFTER-REMOVAL", name: "X", kind: "clinic", parentId: trust.id },
    });
    expect(attempt.statusCode).toBe(403);
  });
});
