import { randomBytes, scryptSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustNearestHops } from "../../config.ts";
import { auditLog, users } from "../../db/schema.ts";
import { buildServer } from "../../server.ts";
import { createTestApp, signIn, testConfig, testPassword } from "../../testing/app.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3 });
  await t.make.user({ username: "kari" });
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = "10.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });

describe("passwords", () => {
  it("hashes with scrypt and a salt, and verifies only the right password", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).toMatch(/^scrypt\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horsE", first)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("makes hashes with today's parameters and tells weaker ones", async () => {
    const today = await hashPassword("correct horse");
    expect(today.split("$").slice(1, 4)).toEqual(["16384", "8", "5"]);
    expect(needsRehash(today)).toBe(false);
    expect(needsRehash(await oldHash("correct horse"))).toBe(true);
    expect(needsRehash("not-a-hash")).toBe(true);
  });

  it("makes a weaker stored hash anew at sign-in, audited, and the password still works", async () => {
    const user = await t.make.user({ username: "oldhash" });
    await t.db
      .update(users)
      .set({ passwordHash: await oldHash(testPassword) })
      .where(eq(users.id, user.id));
    expect((await login("oldhash", testPassword)).statusCode).toBe(200);
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(needsRehash(stored?.passwordHash ?? "")).toBe(false);
    const logins = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(user.id)));
    expect(logins.map((row) => row.after)).toContainEqual(
      expect.objectContaining({ passwordHashUpgraded: true }),
    );
    expect((await login("oldhash", testPassword)).statusCode).toBe(200);
  });
});

/** A hash as Tertial made them before December 2026: N = 2^14, r = 8, p = 1. */
async function oldHash(password: string) {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 64, { N: 16384, r: 8, p: 1 });
  return ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}

describe("signing in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and knows the user", async () => {
    const response = await login("KARI", "test-password-1");
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "tertial_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: `tertial_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ username: "kari" });
  });

  it("marks the cookie Secure when a trusted proxy says the request came over https", async () => {
    const app = await buildServer(testConfig({ trustProxy: trustNearestHops(1) }), t.database);
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "kari", password: "test-password-1" },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.cookies.find((c) => c.name === "tertial_session")?.secure).toBe(true);
    await app.close();
  });

  it("does not believe X-Forwarded-Proto from a client when no proxy is trusted, or from an untrusted address", async () => {
    const forged = async (trustProxy: false | string[]) => {
      const app = await buildServer(testConfig({ trustProxy }), t.database);
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "kari", password: "test-password-1" },
        headers: { "x-forwarded-proto": "https" },
        remoteAddress: "203.0.113.9",
      });
      await app.close();
      expect(response.statusCode).toBe(200);
      return response.cookies.find((c) => c.name === "tertial_session")?.secure;
    };
    expect(await forged(false)).toBeFalsy();
    expect(await forged(["10.0.0.0/8"])).toBeFalsy();
  });

  it("answers a wrong password with 401 and a message that does not say which part was wrong", async () => {
    const response = await login("kari", "wrong-password");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      reason: "wrong_credentials",
      detail: "Feil brukernavn eller passord.",
    });
    const unknown = await login("nobody", "wrong-password");
    expect(unknown.json().detail).toBe("Feil brukernavn eller passord.");
    // Before sign-in the browser's language decides.
    const english = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody", password: "wrong-password" },
      headers: { "accept-language": "en-GB,en;q=0.9" },
      remoteAddress: "10.0.0.1",
    });
    expect(english.headers["content-language"]).toBe("en");
    expect(english.json().detail).toBe("Wrong username or password.");
  });

  it("words a missing field in the caller's language", async () => {
    const bokmal = await login("kari", "");
    expect(bokmal.statusCode).toBe(400);
    expect(bokmal.json().problems).toEqual([
      expect.objectContaining({ field: "password", code: "required", message: "må fylles ut" }),
    ]);
    const english = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "kari", password: "" },
      headers: { "accept-language": "en" },
    });
    expect(english.json().problems).toEqual([
      expect.objectContaining({ field: "password", code: "required", message: "is required" }),
    ]);
  });

  it("throttles repeated failures for a username, even with the right password, and says when to retry", async () => {
    await t.make.user({ username: "target" });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login("target", "guess-number-x", `10.0.1.${attempt}`)).statusCode).toBe(401);
    }
    const blocked = await login("target", "test-password-1", "10.0.2.1");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json()).toMatchObject({ reason: "too_many_sign_in_attempts" });
    expect(blocked.json().detail).toMatch(
      /^For mange mislykkede innlogginger\. Prøv igjen om \d+ minutt(er)?\.$/,
    );
  });

  it("ends the session on sign-out", async () => {
    const cookie = await t.signIn("kari");
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(200);
    // A password session has nothing to end at an identity provider.
    expect(out.json()).toEqual({ signOutUrl: null });
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("ends the session the browser had when someone signs in again in it", async () => {
    await t.make.user({ username: "shared-pc" });
    const before = await t.signIn("kari");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "shared-pc", password: testPassword },
      headers: { cookie: before },
    });
    expect(response.statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: before } });
    expect(me.statusCode).toBe(401);
  });

  it("signs out everywhere: every session of the user ends, others' stay, and it is audited", async () => {
    await t.make.user({ username: "many" });
    const laptop = await t.signIn("many");
    const phone = await t.signIn("many");
    const someoneElse = await t.signIn("kari");
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout-all",
      headers: { cookie: laptop },
    });
    expect(out.statusCode).toBe(204);
    for (const cookie of [laptop, phone]) {
      const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(me.statusCode).toBe(401);
    }
    const other = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: someoneElse },
    });
    expect(other.statusCode).toBe(200);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "logout_all"));
    expect(row).toMatchObject({ actorName: expect.stringMatching(/^Person /), entityType: "session" });
  });

  it("refuses a state change sent from another site", async () => {
    const cookie = await t.signIn("kari");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("keeps sessions in the database, so a second server accepts the first one's session", async () => {
    const cookie = await t.signIn("kari");
    const other = await buildServer(testConfig(), t.database);
    const me = await other.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe("kari");
    await other.close();
  });

  it("signs in through the helper used by the other tests", async () => {
    expect(await signIn(t.app, "kari")).toMatch(/^tertial_session=/);
  });
});

describe("preferences", () => {
  it("keeps the interface language with the user, audited", async () => {
    const cookie = await t.signIn("kari");
    const changed = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie },
      payload: { locale: "en" },
    });
    expect(changed.json().locale).toBe("en");
    const elsewhere = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: await t.signIn("kari") },
    });
    expect(elsewhere.json().locale).toBe("en");
    const refused = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie },
      payload: { locale: "sv" },
    });
    expect(refused.statusCode).toBe(400);
  });
});
