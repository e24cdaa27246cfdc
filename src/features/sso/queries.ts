import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type Role, roleAssignments, signInRequests, units, users } from "../../db/schema.ts";
import type { UserField } from "./settings.ts";

export type SignInRequestRow = typeof signInRequests.$inferSelect;

export async function insertSignInRequest(db: Db, row: SignInRequestRow) {
  await db.insert(signInRequests).values(row);
}

/** Takes the sign-in under way with this key, once: a second callback with the same key finds nothing. */
export async function takeSignInRequest(db: Db, keyHash: string): Promise<SignInRequestRow | undefined> {
  const [row] = await db.delete(signInRequests).where(eq(signInRequests.keyHash, keyHash)).returning();
  return row;
}

export async function countSignInRequests(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(signInRequests);
  return row?.count ?? 0;
}

export async function deleteExpiredSignInRequests(db: Db, now: Date) {
  await db.delete(signInRequests).where(lt(signInRequests.expiresAt, now));
}

/** The users whose `field` holds `value` (names and addresses compared without case). */
export async function findUsersByField(db: Db, field: UserField, value: string) {
  const where =
    field === "external_id"
      ? eq(users.externalId, value)
      : field === "username"
        ? sql`lower(${users.username}) = lower(${value})`
        : sql`lower(${users.email}) = lower(${value})`;
  return db.select().from(users).where(where).limit(2);
}

export async function usernameIsTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row !== undefined;
}

export async function insertSsoUser(
  db: Db,
  values: {
    username: string;
    displayName: string;
    email: string | null;
    externalId: string | null;
    passwordHash: string;
  },
) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert into users returned no row");
  return row;
}

/** Units by code, compared without case as codes are unique; the map's keys are lower case. */
export async function unitIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const lower = codes.map((code) => code.toLowerCase());
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(sql`lower(${units.code})`, lower));
  return new Map(rows.map((row) => [row.code.toLowerCase(), row.id]));
}

export async function selectSsoRoles(db: Db, userId: number) {
  return db
    .select({ unitId: roleAssignments.unitId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.source, "sso")));
}

/** Puts the roles the provider's groups give in place of the ones they gave last time; Tertial's own stay. */
export async function replaceSsoRoles(
  db: Db,
  userId: number,
  wanted: readonly { unitId: number; role: Role }[],
) {
  await db
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.source, "sso")));
  if (wanted.length === 0) return;
  await db
    .insert(roleAssignments)
    .values(wanted.map(({ unitId, role }) => ({ userId, unitId, role, source: "sso" as const })))
    .onConflictDoNothing();
}
