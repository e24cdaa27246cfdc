import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type Role, roleAssignments, units, users } from "../../db/schema.ts";

export async function insertUser(
  db: Db,
  values: {
    username: string;
    displayName: string;
    email: string | null;
    passwordHash: string;
    isSystemAdmin: boolean;
  },
) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert into users returned no row");
  return row;
}

export async function selectUsersWithRoles(db: Db) {
  const people = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      externalId: users.externalId,
      isSystemAdmin: users.isSystemAdmin,
      active: users.active,
    })
    .from(users)
    .orderBy(asc(users.displayName));
  const assignments = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      unitId: roleAssignments.unitId,
      unitName: units.name,
      unitPath: units.path,
      role: roleAssignments.role,
      source: roleAssignments.source,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .orderBy(asc(units.path));
  return people.map((person) => ({
    ...person,
    roles: assignments.filter((a) => a.userId === person.id),
  }));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function findUserById(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertRoleAssignment(db: Db, userId: number, unitId: number, role: Role) {
  const [row] = await db
    .insert(roleAssignments)
    .values({ userId, unitId, role })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findRoleAssignment(db: Db, id: number) {
  const [row] = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      unitId: roleAssignments.unitId,
      unitPath: units.path,
      unitName: units.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.id, id));
  return row;
}

export async function deleteRoleAssignment(db: Db, id: number) {
  await db.delete(roleAssignments).where(and(eq(roleAssignments.id, id)));
}

/** The paths of the units where a user holds any role. */
export async function selectUnitPathsOfUser(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((row) => row.path);
}

export async function setUserActive(db: Db, userId: number, active: boolean) {
  await db
    .update(users)
    .set({ active, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** The user the sign-in service's id already belongs to, if any. */
export async function findUserByExternalId(db: Db, externalId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.externalId, externalId));
  return row;
}

export async function setUserExternalId(db: Db, userId: number, externalId: string | null) {
  await db
    .update(users)
    .set({ externalId, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
