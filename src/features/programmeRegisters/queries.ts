// SQL of a programme's registers: groups and their members, stakeholders and their activities,
// the training plan and the person-months per unit. Programme risks are in riskQueries.ts.

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  programmeGroupMembers,
  programmeGroups,
  type programmeResources,
  programmeStakeholders,
  type programmeTraining,
  stakeholderActivities,
  units,
  users,
} from "../../db/schema.ts";

export type ProgrammeOwner = { id: number; ownerUnitId: number; ownerPath: string };
export type GroupRow = typeof programmeGroups.$inferSelect;
export type MemberRow = typeof programmeGroupMembers.$inferSelect;
export type StakeholderRow = typeof programmeStakeholders.$inferSelect;
export type ActivityRow = typeof stakeholderActivities.$inferSelect;
export type TrainingRow = typeof programmeTraining.$inferSelect;
export type ResourceRow = typeof programmeResources.$inferSelect;

type Editable<Row> = Omit<Row, "id" | "programmeId" | "version" | "createdAt" | "updatedAt">;
export type GroupFields = Editable<GroupRow>;
export type MemberFields = Omit<MemberRow, "id" | "groupId">;
export type StakeholderFields = Editable<StakeholderRow>;
export type ActivityFields = Omit<ActivityRow, "id" | "stakeholderId">;
export type TrainingFields = Editable<TrainingRow>;
export type ResourceFields = Editable<ResourceRow>;

/** The ids among `ids` that are units, and their names. */
export async function selectUnitNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The ids among `ids` that are users, with their names. */
export async function selectUserNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A row of one of the programme's registers, found only under that programme. */
function inProgramme<Table extends typeof programmeGroups | typeof programmeStakeholders>(
  table: Table,
  programmeId: number,
  id: number,
) {
  return and(eq(table.id, id), eq(table.programmeId, programmeId));
}

// ---------------------------------------------------------------------------------------------
// Groups

export async function selectGroups(db: Db, programmeId: number): Promise<GroupRow[]> {
  return db
    .select()
    .from(programmeGroups)
    .where(eq(programmeGroups.programmeId, programmeId))
    .orderBy(
      sql`case ${programmeGroups.kind} when 'steering' then 0 when 'project' then 1 else 2 end`,
      asc(programmeGroups.name),
      asc(programmeGroups.id),
    );
}

export function selectMembers(db: Db, groupIds: readonly number[]): Promise<MemberRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(programmeGroupMembers)
    .where(inArray(programmeGroupMembers.groupId, [...groupIds]))
    .orderBy(
      sql`case ${programmeGroupMembers.role} when 'chair' then 0 when 'secretary' then 2 else 1 end`,
      asc(programmeGroupMembers.id),
    );
}

export async function findGroup(db: Db, id: number): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(programmeGroups).where(eq(programmeGroups.id, id));
  return row;
}

export async function findGroupIn(db: Db, programmeId: number, id: number): Promise<GroupRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeGroups)
    .where(inProgramme(programmeGroups, programmeId, id));
  return row;
}

export async function insertGroup(db: Db, programmeId: number, values: GroupFields): Promise<GroupRow> {
  const [row] = await db
    .insert(programmeGroups)
    .values({ programmeId, ...values })
    .returning();
  if (!row) throw new Error("insert into programme_groups returned nothing");
  return row;
}

export async function updateGroup(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<GroupFields>,
): Promise<GroupRow | undefined> {
  const [row] = await db
    .update(programmeGroups)
    .set({ ...values, version: sql`${programmeGroups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeGroups.id, id), eq(programmeGroups.version, expectedVersion)))
    .returning();
  return row;
}

/** Replaces the group's members with `members`, in their order. */
export async function replaceMembers(db: Db, groupId: number, members: readonly MemberFields[]) {
  await db.delete(programmeGroupMembers).where(eq(programmeGroupMembers.groupId, groupId));
  if (members.length > 0)
    await db.insert(programmeGroupMembers).values(members.map((member) => ({ groupId, ...member })));
}

export async function deleteGroup(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(programmeGroups)
    .where(and(eq(programmeGroups.id, id), eq(programmeGroups.version, expectedVersion)))
    .returning({ id: programmeGroups.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Stakeholders

export function selectStakeholders(db: Db, programmeId: number): Promise<StakeholderRow[]> {
  return db
    .select()
    .from(programmeStakeholders)
    .where(eq(programmeStakeholders.programmeId, programmeId))
    .orderBy(asc(programmeStakeholders.name), asc(programmeStakeholders.id));
}

export function selectActivities(db: Db, stakeholderIds: readonly number[]): Promise<ActivityRow[]> {
  if (stakeholderIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(stakeholderActivities)
    .where(inArray(stakeholderActivities.stakeholderId, [...stakeholderIds]))
    .orderBy(sql`${stakeholderActivities.on} asc nulls last`, asc(stakeholderActivities.id));
}

export async function findStakeholder(db: Db, id: number): Promise<StakeholderRow | undefined> {
  const [row] = await db.select().from(programmeStakeholders).where(eq(programmeStakeholders.id, id));
  return row;
}

export async function findStakeholderIn(
  db: Db,
  programmeId: number,
  id: number,
): Promise<StakeholderRow | undefined> {
  const [row] = await db
    .select()
    .from(programmeStakeholders)
    .where(inProgramme(programmeStakeholders, programmeId, id));
  return row;
}

export async function insertStakeholder(
  db: Db,
  programmeId: number,
  values: StakeholderFields,
): Promise<StakeholderRow> {
  const [row] = await db
    .insert(programmeStakeholders)
    .values({ programmeId, ...values })
    .returning();
  if (!row) throw new Error("insert into programme_stakeholders returned nothing");
  return row;
}

export async function updateStakeholder(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<StakeholderFields>,
): Promise<StakeholderRow | undefined> {
  const [row] = await db
    .update(programmeStakeholders)
    .set({ ...values, version: sql`${programmeStakeholders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeStakeholders.id, id), eq(programmeStakeholders.version, expectedVersion)))
    .returning();
  return row;
}

export async function replaceActivities(
  db: Db,
  stakeholderId: number,
  activities: readonly ActivityFields[],
) {
  await db.delete(stakeholderActivities).where(eq(stakeholderActivities.stakeholderId, stakeholderId));
  if (activities.length > 0)
    await db
      .insert(stakeholderActivities)
      .values(activities.map((activity) => ({ stakeholderId, ...activity })));
}

export async function deleteStakeholder(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(programmeStakeholders)
    .where(and(eq(programmeStakeholders.id, id), eq(programmeStakeholders.version, expectedVersion)))
    .returning({ id: programmeStakeholders.id });
  return rows.length > 0;
}
