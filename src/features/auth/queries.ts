import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { loginFailures, roleAssignments, sessions, units, users } from "../../db/schema.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
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

export async function insertLoginFailure(db: Db, username: string, ip: string) {
  await db.insert(loginFailures).values({ username: username.toLowerCase(), ip });
}

export async function countRecentFailures(db: Db, username: string, since: Date) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username.toLowerCase()), gt(loginFailures.at, since)));
  return row?.count ?? 0;
}

export async function countRecentFailuresFromIp(db: Db, ip: string, since: Date) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return row?.count ?? 0;
}

export async function clearLoginFailures(db: Db, username: string) {
  await db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
}

export async function updateUserLocale(db: Db, userId: number, locale: "nb" | "en") {
  await db
    .update(users)
    .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
