// Liveness and readiness as a load balancer or an orchestrator probes them: live while the process
// answers, ready only while the database answers and has every migration this version ships.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const opened: TestApp[] = [];

async function openApp() {
  const t = await createTestApp();
  opened.push(t);
  return t;
}

afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => {});
});

describe("health probes", () => {
  it("is live and ready on a migrated database, without signing in", async () => {
    const t = await openApp();
    const live = await t.app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", database: t.database.kind });
    expect(ready.headers["cache-control"]).toBe("no-store");
  });

  it("is not ready while a migration of this version is missing, and says how many", async () => {
    const t = await openApp();
    // As if the database came from the previous version: its newest migration is not recorded.
    const newest = sql`(select max(created_at) from drizzle.__drizzle_migrations)`;
    await t.db.execute(sql`create table newest_migration as
      select * from drizzle.__drizzle_migrations where created_at = ${newest}`);
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newest}`);
    const ready = await t.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: "unavailable",
      database: t.database.kind,
      reason: "migrations_pending",
      pendingMigrations: 1,
    });
    // Still alive: restarting would not migrate the database.
    expect((await t.app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);

    // Recorded again (as the migrator records it), the server is ready without a restart.
    await t.db.execute(sql`insert into drizzle.__drizzle_migrations select * from newest_migration`);
    expect((await t.app.inject({ method: "GET", url: "/api/health/ready" })).statusCode).toBe(200);
  });

  it("is not ready on a database never migrated", async () => {
    const t = await openApp();
    await t.db.execute(sql`drop schema drizzle cascade`);
    const ready = await t.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ reason: "migrations_pending" });
    expect(ready.json().pendingMigrations).toBeGreaterThanOrEqual(10);
  });

  it("is not ready, but still live, when the database cannot be reached", async () => {
    const t = await openApp();
    await t.database.close();
    const ready = await t.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: "unavailable",
      database: t.database.kind,
      reason: "database_unreachable",
    });
    const live = await t.app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.statusCode).toBe(200);
    // The old probe keeps its meaning: 503 when the database is down.
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(503);
  });
});
