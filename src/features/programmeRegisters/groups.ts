// A programme's groups (seed 001): steering groups, one per procurement category, with members from
// each region; project and reference groups. Each has a mandate and members with the unit they
// represent and their role; at most one chair. A save replaces the member list as a whole, and the
// audit trail keeps the group with its members before and after.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { type FieldProblem, fieldProblem, staleVersion } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import {
  editableProgramme,
  givenFields,
  type ProgrammeAccess,
  readableProgramme,
  refuseProblems,
} from "./access.ts";
import {
  deleteGroup,
  findGroupIn,
  type GroupRow,
  insertGroup,
  type MemberFields,
  type MemberRow,
  replaceMembers,
  selectGroups,
  selectMembers,
  selectUnitNames,
  selectUserNames,
  updateGroup,
} from "./queries.ts";
import type { CreateGroupInput, GroupListView, GroupView, UpdateGroupInput } from "./schema.ts";

type GroupRecord = GroupRow & { members: MemberRow[] };

async function findGroupRecord(tx: Db, programmeId: number, id: number): Promise<GroupRecord | undefined> {
  const group = await findGroupIn(tx, programmeId, id);
  if (!group) return undefined;
  return { ...group, members: await selectMembers(tx, [group.id]) };
}

const groupEntity = (programme: ProgrammeAccess): VersionedEntity<GroupRecord> => ({
  entityType: "programme_group",
  describe: (row) => row.name,
  present: (row) => ({ id: row.id, name: row.name, version: row.version }),
  unitOf: () => programme.ownerUnitId,
  find: (tx, id) => findGroupRecord(tx, programme.id, id),
});

/** The groups with their members, the unit each represents and the user named, in one pass each. */
async function presentGroups(db: Db, groups: readonly GroupRow[]): Promise<GroupView[]> {
  const members = await selectMembers(
    db,
    groups.map((group) => group.id),
  );
  const unitNames = await selectUnitNames(
    db,
    members.flatMap((member) => member.unitId ?? []),
  );
  const userNames = await selectUserNames(
    db,
    members.flatMap((member) => member.userId ?? []),
  );
  return groups.map((group) => ({
    id: group.id,
    programmeId: group.programmeId,
    kind: group.kind,
    name: group.name,
    category: group.category,
    mandate: group.mandate,
    members: members
      .filter((member) => member.groupId === group.id)
      .map((member) => ({
        id: member.id,
        name: member.name,
        userId: member.userId,
        userName: member.userId === null ? null : (userNames.get(member.userId) ?? null),
        unitId: member.unitId,
        unitName: member.unitId === null ? null : (unitNames.get(member.unitId) ?? null),
        role: member.role,
      })),
    updatedAt: group.updatedAt.toISOString(),
    version: group.version,
  }));
}

async function presentGroup(db: Db, group: GroupRow): Promise<GroupView> {
  const [view] = await presentGroups(db, [group]);
  if (!view) throw new Error("a group presents as one view");
  return view;
}

/** What is wrong with the members, by field: a second chair, a unit or user that does not exist. */
async function memberProblems(db: Db, members: readonly MemberFields[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const units = await selectUnitNames(
    db,
    members.flatMap((member) => member.unitId ?? []),
  );
  const users = await selectUserNames(
    db,
    members.flatMap((member) => member.userId ?? []),
  );
  let chair: string | null = null;
  members.forEach((member, index) => {
    if (member.role === "chair") {
      if (chair === null) chair = member.name;
      else problems.push(fieldProblem(`members.${index}.role`, "group_one_chair", { name: chair }));
    }
    if (member.unitId !== null && !units.has(member.unitId))
      problems.push(fieldProblem(`members.${index}.unitId`, "member_unit_unknown", { id: member.unitId }));
    if (member.userId !== null && !users.has(member.userId))
      problems.push(fieldProblem(`members.${index}.userId`, "member_user_unknown", { id: member.userId }));
  });
  return problems;
}

export async function listGroups(db: Db, { principal }: Caller, programmeId: number): Promise<GroupListView> {
  const programme = await readableProgramme(db, principal, programmeId);
  const groups = await selectGroups(db, programme.id);
  return { groups: await presentGroups(db, groups), can: { edit: programme.canEdit } };
}

export async function createGroup(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateGroupInput,
): Promise<GroupView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const { members, ...fields } = input;
    refuseProblems(await memberProblems(tx, members));
    const group = await insertGroup(tx, programme.id, fields);
    await replaceMembers(tx, group.id, members);
    const record = await findGroupRecord(tx, programme.id, group.id);
    if (!record) throw new Error("the group just made is gone");
    await auditCreation(tx, actor, groupEntity(programme), record);
    return presentGroup(tx, group);
  });
}

export async function updateGroupOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  groupId: number,
  input: UpdateGroupInput,
): Promise<GroupView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = groupEntity(programme);
    const row = await loadForChange(tx, entity, groupId, input.version, "programme_group_not_found");
    const { version: _version, members, ...fields } = input;
    if (members) refuseProblems(await memberProblems(tx, members));
    const updated = await applyChange(tx, actor, entity, row, "update", async () => {
      const group = await updateGroup(tx, row.id, row.version, givenFields(fields));
      if (!group) return undefined;
      if (members) await replaceMembers(tx, group.id, members);
      return { ...group, members: await selectMembers(tx, [group.id]) };
    });
    return presentGroup(tx, updated);
  });
}

export async function deleteGroupOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  groupId: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = groupEntity(programme);
    const row = await loadForChange(tx, entity, groupId, version, "programme_group_not_found");
    if (!(await deleteGroup(tx, row.id, row.version))) throw staleVersion(row.name, null);
    await auditRemoval(tx, actor, entity, row);
  });
}
