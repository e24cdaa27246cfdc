import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.ts";
import { createTestApp, testPassword } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3 });
});
afterAll(() => t.close());

const changePassword = (cookie: string, currentPassword: string, password: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/password",
    headers: { cookie },
    payload: { currentPassword, password },
  });

const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

describe("changing one's own password", () => {
  it("ends every session, keeps the caller signed in with a new one, and is audited", async () => {
    const user = await t.make.user({ username: "changer" });
    const here = await t.signIn("changer");
    const elsewhere = await t.signIn("changer");
    const changed = await changePassword(here, testPassword, "Nordlys-bak-fjellet-9");
    expect(changed.statusCode).toBe(204);
    const fresh = changed.cookies.find((c) => c.name === "tertial_session");
    expect(fresh?.value).toBeTruthy();

    expect((await me(here)).statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(`tertial_session=${fresh?.value}`)).statusCode).toBe(200);
    await expect(t.signIn("changer")).rejects.toThrow();
    expect(await t.signIn("changer", "Nordlys-bak-fjellet-9")).toMatch(/^tertial_session=/);

    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "change_password"));
    expect(row).toMatchObject({ entityType: "user", entityId: String(user.id), actorId: user.id });
  });

  it("refuses a new password that breaks the policy, naming the field and the reason", async () => {
    await t.make.user({ username: "weakling" });
    const cookie = await t.signIn("weakling");
    for (const [password, reason, message] of [
      [" ".repeat(10), "too_short", "må ha minst 12 tegn"],
      ["weakling-for-ever", "contains_username", "kan ikke inneholde brukernavnet"],
      ["password1234", "too_common", expect.stringContaining("er for vanlig eller lett å gjette")],
    ] as const) {
      const refused = await changePassword(cookie, testPassword, password);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: "validation_failed",
        reason: `password_${reason}`,
        detail: expect.stringMatching(/^Passordet /),
        problems: [{ field: "password", code: reason, message }],
      });
    }
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("refuses a wrong current password, and throttles guessing it like sign-in", async () => {
    await t.make.user({ username: "guessed" });
    const cookie = await t.signIn("guessed");
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await changePassword(cookie, `not-it-${attempt}`, "Nordlys-bak-fjellet-9");
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().detail).toBe("Det nåværende passordet er feil.");
      expect(wrong.json().problems).toEqual([
        expect.objectContaining({ field: "currentPassword", code: "wrong_password", message: "er feil" }),
      ]);
    }
    expect((await changePassword(cookie, testPassword, "Nordlys-bak-fjellet-9")).statusCode).toBe(429);
  });
});
