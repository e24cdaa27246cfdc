import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "../../db/client.ts";

// Readiness: may a load balancer send this server requests? Only when its database answers and
// holds every migration this build ships. A server started on a database another version has not
// yet migrated (or that an operator restored from an older backup) answers 503 with the reason.

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "database_unreachable" }
  | { ready: false; reason: "migrations_pending"; pendingMigrations: number };

/** A database that hangs is as unready as one that refuses: the probe answers within this. */
const probeTimeoutMs = 5000;

function withinProbeTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the database did not answer in time")), probeTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

/** The newest migration Drizzle's migrator recorded (its folder time), or null if none ran. */
async function lastAppliedMigration(db: Db): Promise<number | null> {
  // Drizzle keeps its ledger in drizzle.__drizzle_migrations; on a database never migrated it is absent.
  const present = rowsOf(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (present[0]?.present !== true) return null;
  const last = rowsOf(
    await db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`),
  );
  const value = last[0]?.last;
  return value === null || value === undefined ? null : Number(value);
}

const shippedByFolder = new Map<string, { folderMillis: number }[]>();

/** The migrations this build ships; read once, as they do not change under a running server. */
function shippedMigrations(migrationsFolder: string) {
  let shipped = shippedByFolder.get(migrationsFolder);
  if (!shipped) {
    shipped = readMigrationFiles({ migrationsFolder });
    shippedByFolder.set(migrationsFolder, shipped);
  }
  return shipped;
}

/**
 * Checks the database and its migrations against the migrations in `migrationsFolder`. The
 * migrator applies every migration whose folder time is after the last one recorded, so those
 * are the ones still pending.
 */
export async function checkReadiness(db: Db, migrationsFolder: string): Promise<Readiness> {
  let last: number | null;
  try {
    last = await withinProbeTime(lastAppliedMigration(db));
  } catch {
    return { ready: false, reason: "database_unreachable" };
  }
  const pending = shippedMigrations(migrationsFolder).filter(
    (migration) => last === null || migration.folderMillis > last,
  ).length;
  return pending === 0
    ? { ready: true }
    : { ready: false, reason: "migrations_pending", pendingMigrations: pending };
}
