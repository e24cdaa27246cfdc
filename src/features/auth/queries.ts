import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { loginFailures, roleAssignments, sessions, units, users } from "../../db/schema.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function insertSession(
  db: Db,
  tokenHash: string,
  userId: number,
  expiresAt: Date,
  idToken: string | null = null,
) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt, idToken });
}

/** The identity provider's ID token of a session begun by single sign-on; null otherwise. */
export async function findSessionIdToken(db: Db, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ idToken: sessions.idToken })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return row?.idToken ?? null;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user: sign out everywhere, and after a password, role or status change. */
export async function deleteUserSessions(db: Db, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/**
 * The user of a live session with their roles, in one round trip: every request asks this, so it
 * is worth one query rather than two. One row per role, or one row with no role.
 */
export async function findSessionUserWithRoles(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({
      user: users,
      unitId: roleAssignments.unitId,
      unitPath: units.path,
      unitName: units.name,
      role: roleAssignments.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  const [first] = rows;
  if (!first) return undefined;
  const roles = rows.flatMap(({ unitId, unitPath, unitName, role }) =>
    unitId === null || unitPath === null || unitName === null || role === null
      ? []
      : [{ unitId, unitPath, unitName, role }],
  );
  return { user: first.user, roles };
}

export async function selectAssignmentsWithPaths(db: Db, userId: number) {
  return db
    .select({
      unitId: roleAssignments.unitId,
      unitPath: units.path,
      unitName: units.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
}

/**
 * Records a sign-in attempt before its password is checked, unless the username or the address
 * already has its limit of failures in the window; then it answers false. The count and the
 * insert are one statement under transaction-level advisory locks on the username and on the
 * address, so parallel attempts, on any number of servers, queue here and never check more
 * passwords than the limit. The row stands as a failure until a successful sign-in clears them.
 */
export async function reserveLoginAttempt(
  db: Db,
  attempt: { username: string; ip: string; since: Date; maxPerUsername: number; maxPerIp: number },
): Promise<boolean> {
  const username = attempt.username.toLowerCase();
  const { ip } = attempt;
  const since = attempt.since.toISOString();
  return db.transaction(async (tx) => {
    // Always the username's lock before the address's: a transaction waits only while holding
    // its first lock, so no two attempts can wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-user:${username}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`);
    const result: unknown = await tx.execute(sql`
      insert into login_failures (username, ip)
      select ${username}, ${ip}
      where (select count(*) from login_failures
             where username = ${username} and at > ${since}::timestamptz) < ${attempt.maxPerUsername}
        and (select count(*) from login_failures
             where ip = ${ip} and at > ${since}::timestamptz) < ${attempt.maxPerIp}
      returning id`);
    return rowCount(result) > 0;
  });
}

/** How many rows a raw statement returned; both drivers (node-postgres, PGlite) answer `{ rows }`. */
function rowCount(result: unknown): number {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows.length;
  }
  throw new Error("the database driver returned no rows array");
}

export async function clearLoginFailures(db: Db, username: string) {
  await db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
}

export async function updateUserPassword(db: Db, userId: number, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function updateUserLocale(db: Db, userId: number, locale: "nb" | "en") {
  await db
    .update(users)
    .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
