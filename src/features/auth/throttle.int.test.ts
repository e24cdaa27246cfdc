import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { trustNearestHops } from "../../config.ts";
import { buildServer } from "../../server.ts";
import { createTestApp, testConfig, testPassword } from "../../testing/app.ts";

// Counts every scrypt check, to see how many passwords the server actually tried.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password.ts")>();
  return {
    ...original,
    verifyPassword: (password: string, stored: string) => {
      checks.count++;
      return original.verifyPassword(password, stored);
    },
  };
});

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const maxFailures = 10;

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: maxFailures });
});
afterAll(() => t.close());
beforeEach(() => {
  checks.count = 0;
});

const login = (username: string, password: string, remoteAddress = "10.0.0.1") =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

describe("login throttling under parallel attempts", () => {
  it("checks at most the limit of passwords when 40 wrong ones arrive at once, then refuses the right one", async () => {
    await t.make.user({ username: "raced" });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login("raced", `wrong-guess-${i}`, `10.1.${i}.1`)),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(maxFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - maxFailures);
    expect(checks.count).toBe(maxFailures);

    const right = await login("RACED", testPassword, "10.2.0.1");
    expect(right.statusCode).toBe(429);
    expect(checks.count).toBe(maxFailures);
  });

  it("counts a sign-in attempt as a failure until it succeeds, and a success clears the username's count", async () => {
    await t.make.user({ username: "recovers" });
    for (let i = 0; i < maxFailures - 1; i++) {
      expect((await login("recovers", `wrong-guess-${i}`)).statusCode).toBe(401);
    }
    expect((await login("recovers", testPassword)).statusCode).toBe(200);
    expect((await login("recovers", "wrong-again")).statusCode).toBe(401);
  });
});

describe("the time a refusal takes", () => {
  it("checks a password with scrypt for an unknown user, as for a known one", async () => {
    expect((await login("nobody-by-this-name", "some-password")).statusCode).toBe(401);
    expect(checks.count).toBe(1);
    await t.make.user({ username: "known" });
    expect((await login("known", "some-password")).statusCode).toBe(401);
    expect(checks.count).toBe(2);
  });

  it("checks a password with scrypt for a deactivated user, and refuses even the right one", async () => {
    const admin = await t.make.user({ systemAdmin: true });
    const user = await t.make.user({ username: "gone" });
    const deactivated = await t.app.inject({
      method: "POST",
      url: `/api/users/${user.id}/deactivate`,
      headers: { cookie: await t.signIn(admin.username) },
    });
    expect(deactivated.statusCode).toBe(200);
    checks.count = 0;
    expect((await login("gone", testPassword)).statusCode).toBe(401);
    expect(checks.count).toBe(1);
  });
});

describe("the per-address limit behind a reverse proxy", () => {
  // One trusted hop: the proxy at 10.9.9.9 appends the address it saw to X-Forwarded-For.
  const proxied = (app: Awaited<ReturnType<typeof buildServer>>, username: string, forwardedFor: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: "wrong-password" },
      headers: { "x-forwarded-for": forwardedFor },
      remoteAddress: "10.9.9.9",
    });
  const perAddress = 2 * 5;

  it("takes the address the proxy saw, so rotating the left-most X-Forwarded-For does not escape the limit", async () => {
    const app = await buildServer(
      testConfig({ loginMaxFailures: 2, trustProxy: trustNearestHops(1) }),
      t.database,
    );
    for (let i = 0; i < perAddress; i++) {
      const answer = await proxied(app, `rotating-${i}`, `198.51.100.${i}, 203.0.113.50`);
      expect(answer.statusCode).toBe(401);
    }
    const next = await proxied(app, "rotating-new", "192.0.2.77, 203.0.113.50");
    expect(next.statusCode).toBe(429);
    await app.close();
  });

  it("does not let a forged left-most address lock out the client who really has it", async () => {
    const app = await buildServer(
      testConfig({ loginMaxFailures: 2, trustProxy: trustNearestHops(1) }),
      t.database,
    );
    for (let i = 0; i < perAddress + 3; i++) {
      await proxied(app, `forger-${i}`, "203.0.113.200, 203.0.113.66");
    }
    const victim = await proxied(app, "victim-name", "203.0.113.200");
    expect(victim.statusCode).toBe(401);
    await app.close();
  });
});
