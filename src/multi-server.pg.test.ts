import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./testing/database.ts";
import { httpSignIn, type RunningServer, startServer } from "./testing/process.ts";

// Two app server processes on one PostgreSQL database: nothing may live in one server's memory.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: RunningServer;
let second: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { DATABASE_URL: database.url as string };
  first = await startServer(env, ["--demo"]);
  second = await startServer(env);
});

afterAll(async () => {
  first?.process.kill("SIGTERM");
  second?.process.kill("SIGTERM");
  await Promise.all([first?.exited, second?.exited]);
  await database.drop();
});

describe("two servers on one PostgreSQL", () => {
  it("share sessions and data", async () => {
    const cookie = await httpSignIn(first.url, "admin", "demo-passord");
    const me = await fetch(`${second.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    const units = (await (await fetch(`${second.url}/api/units`, { headers: { cookie } })).json()) as {
      id: number;
      code: string;
    }[];
    const parent = units.find((u) => u.code === "NLSH");
    const created = await fetch(`${second.url}/api/units`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ code: "SHARED-1", name: "Delt enhet", kind: "clinic", parentId: parent?.id }),
    });
    expect(created.status).toBe(201);
    const seenByFirst = (await (await fetch(`${first.url}/api/units`, { headers: { cookie } })).json()) as {
      code: string;
    }[];
    expect(seenByFirst.map((u) => u.code)).toContain("SHARED-1");
  });

  it("ends a session everywhere when the user signs out on one server", async () => {
    const cookie = await httpSignIn(second.url, "leser", "demo-passord");
    expect(
      (await fetch(`${first.url}/api/auth/logout`, { method: "POST", headers: { cookie } })).status,
    ).toBe(200);
    expect((await fetch(`${second.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});
