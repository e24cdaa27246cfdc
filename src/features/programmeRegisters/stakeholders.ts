// A programme's stakeholder register (seed 001's "interessenter"): each stakeholder's interest, how
// strong it is and how much influence they have, and the planned engagement activities with dates
// and status. A save replaces the activities as a whole; the audit keeps them before and after.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { staleVersion } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { editableProgramme, givenFields, type ProgrammeAccess, readableProgramme } from "./access.ts";
import {
  type ActivityRow,
  deleteStakeholder,
  findStakeholderIn,
  insertStakeholder,
  replaceActivities,
  type StakeholderRow,
  selectActivities,
  selectStakeholders,
  updateStakeholder,
} from "./queries.ts";
import type {
  CreateStakeholderInput,
  StakeholderListView,
  StakeholderView,
  UpdateStakeholderInput,
} from "./schema.ts";

type StakeholderRecord = StakeholderRow & { activities: ActivityRow[] };

async function findRecord(tx: Db, programmeId: number, id: number): Promise<StakeholderRecord | undefined> {
  const row = await findStakeholderIn(tx, programmeId, id);
  if (!row) return undefined;
  return { ...row, activities: await selectActivities(tx, [row.id]) };
}

const stakeholderEntity = (programme: ProgrammeAccess): VersionedEntity<StakeholderRecord> => ({
  entityType: "programme_stakeholder",
  describe: (row) => row.name,
  present: (row) => present(row, row.activities),
  unitOf: () => programme.ownerUnitId,
  find: (tx, id) => findRecord(tx, programme.id, id),
});

function present(row: StakeholderRow, activities: readonly ActivityRow[]): StakeholderView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    name: row.name,
    interest: row.interest,
    interestLevel: row.interestLevel,
    influence: row.influence,
    activities: activities
      .filter((activity) => activity.stakeholderId === row.id)
      .map((activity) => ({
        id: activity.id,
        title: activity.title,
        on: activity.on,
        status: activity.status,
      })),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function listStakeholders(
  db: Db,
  { principal }: Caller,
  programmeId: number,
): Promise<StakeholderListView> {
  const programme = await readableProgramme(db, principal, programmeId);
  const rows = await selectStakeholders(db, programme.id);
  const activities = await selectActivities(
    db,
    rows.map((row) => row.id),
  );
  return { stakeholders: rows.map((row) => present(row, activities)), can: { edit: programme.canEdit } };
}

export async function createStakeholder(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateStakeholderInput,
): Promise<StakeholderView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const { activities, ...fields } = input;
    const row = await insertStakeholder(tx, programme.id, fields);
    await replaceActivities(tx, row.id, activities);
    const record = await findRecord(tx, programme.id, row.id);
    if (!record) throw new Error("the stakeholder just made is gone");
    await auditCreation(tx, actor, stakeholderEntity(programme), record);
    return present(record, record.activities);
  });
}

export async function updateStakeholderOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  stakeholderId: number,
  input: UpdateStakeholderInput,
): Promise<StakeholderView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = stakeholderEntity(programme);
    const row = await loadForChange(
      tx,
      entity,
      stakeholderId,
      input.version,
      "programme_stakeholder_not_found",
    );
    const { version: _version, activities, ...fields } = input;
    const updated = await applyChange(tx, actor, entity, row, "update", async () => {
      const changed = await updateStakeholder(tx, row.id, row.version, givenFields(fields));
      if (!changed) return undefined;
      if (activities) await replaceActivities(tx, changed.id, activities);
      return { ...changed, activities: await selectActivities(tx, [changed.id]) };
    });
    return present(updated, updated.activities);
  });
}

export async function deleteStakeholderOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  stakeholderId: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = stakeholderEntity(programme);
    const row = await loadForChange(tx, entity, stakeholderId, version, "programme_stakeholder_not_found");
    if (!(await deleteStakeholder(tx, row.id, row.version))) throw staleVersion(row.name, null);
    await auditRemoval(tx, actor, entity, row);
  });
}
