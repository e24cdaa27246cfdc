import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "./features/auth/password.ts";
import { buildServer } from "./server.ts";
import { factories, signIn, testConfig, testPassword } from "./testing/app.ts";
import { createTestDatabase } from "./testing/database.ts";

// Everything the server logs, at the most talkative level, must hold no secret: no password,
// no password hash, no session token, no SQL parameters.

const logged: string[] = [];
const logStream = { write: (line: string) => void logged.push(line) };

const secret = "Zebra-Lantern-Orbit-7731";
const wrongPassword = "Quartz-Meadow-Falcon-2290";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: FastifyInstance;
let adminCookie: string;
let storedHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(testConfig({ logLevel: "trace" }), database, { logStream });
  storedHash = await hashPassword(secret);
  // Test-only routes that fail the ways a request can make a statement fail, with secrets as values.
  app.post("/api/test-only/bad-value", async () =>
    // 22021: a NUL byte cannot be stored; the hash rides along as a parameter, as in the report.
    database.db.execute(sql`select ${storedHash}::text, ${"Name\u0000"}::text`),
  );
  app.post("/api/test-only/broken-statement", async () =>
    database.db.execute(sql`select * from no_such_table where secret = ${secret}`),
  );
  app.post("/api/test-only/error-with-cause", async () => {
    const inner = Object.assign(new Error("inner failure"), {
      query: "select $1",
      params: [secret],
      password: secret,
      detail: `Key (password_hash)=(${storedHash}) already exists.`,
    });
    throw new Error("outer failure", { cause: inner });
  });
  const admin = await factories(database).user({ systemAdmin: true });
  adminCookie = await signIn(app, admin.username, testPassword);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url,
    headers: { cookie: adminCookie, ...headers },
    payload: payload as never,
  });

describe("the log", () => {
  it("holds no password, hash, session token or SQL parameters after failures", async () => {
    expect((await post("/api/test-only/bad-value")).statusCode).toBe(400);
    expect((await post("/api/test-only/broken-statement")).statusCode).toBe(500);
    expect((await post("/api/test-only/error-with-cause")).statusCode).toBe(500);
    // The tester's case: a display name holding a NUL byte, with a password.
    const created = await post("/api/users", {
      username: "nul-user",
      displayName: "A\u0000B",
      password: secret,
    });
    expect(created.statusCode).toBe(400);
    // A failed and a successful sign-in.
    expect(
      (await post("/api/auth/login", { username: "nobody", password: wrongPassword }, { cookie: "" }))
        .statusCode,
    ).toBe(401);
    // An upload: at trace level the multipart parser logs its options, request headers included.
    const upload = await post("/api/measurements/import", "--B\r\n", {
      "content-type": "multipart/form-data; boundary=B",
    });
    expect(upload.statusCode).toBe(400);

    const log = logged.join("");
    const sessionToken = adminCookie.split("=")[1] ?? "";
    expect(sessionToken.length).toBeGreaterThan(10);
    for (const forbidden of [
      secret,
      wrongPassword,
      testPassword,
      storedHash,
      sessionToken,
      "scrypt$",
      "params:",
    ]) {
      expect(log).not.toContain(forbidden);
    }
    // The failures were logged, with what helps: the error and the database's code.
    expect(log).toContain("Failed query (statement and parameters not logged)");
    expect(log).toContain("42P01");
    expect(log).toContain("22021");
    expect(log).toContain("inner failure");
    expect(log).toContain("[redacted]");
    // A refused sign-in is a security event: the log names the username tried and the reason.
    const refused = logged.map((line) => JSON.parse(line)).find((entry) => entry.event === "sign_in_refused");
    expect(refused).toMatchObject({ username: "nobody", reason: "unauthenticated", msg: "Sign-in refused" });
  });
});
