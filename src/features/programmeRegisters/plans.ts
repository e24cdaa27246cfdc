// A programme's training plan (audience, content, dates, status) and its resources: person-months
// each unit plans to give and has given, for the whole programme or a phase, with sums per unit
// and in all (seed 001: 8 at Sykehusinnkjøp HF and 1 per region).

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
  deleteResource,
  deleteTraining,
  findResourceFor,
  findResourceIn,
  findTrainingIn,
  insertResource,
  insertTraining,
  lockProgrammeRegister,
  selectResources,
  selectTraining,
  updateResource,
  updateTraining,
} from "./planQueries.ts";
import { type ResourceRow, selectUnitNames, type TrainingRow } from "./queries.ts";
import type {
  CreateResourceInput,
  CreateTrainingInput,
  ResourceListView,
  ResourceView,
  TrainingListView,
  TrainingView,
  UpdateResourceInput,
  UpdateTrainingInput,
} from "./schema.ts";

// ---------------------------------------------------------------------------------------------
// Training

function presentTraining(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    audience: row.audience,
    content: row.content,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const trainingEntity = (programme: ProgrammeAccess): VersionedEntity<TrainingRow> => ({
  entityType: "programme_training",
  describe: (row) => row.audience,
  present: presentTraining,
  unitOf: () => programme.ownerUnitId,
  find: (tx, id) => findTrainingIn(tx, programme.id, id),
});

/** ISO dates compare as text. */
function dateProblems(dates: { startsOn: string | null; endsOn: string | null }): FieldProblem[] {
  const { startsOn, endsOn } = dates;
  return startsOn !== null && endsOn !== null && endsOn < startsOn
    ? [fieldProblem("endsOn", "training_ends_before_start", { start: startsOn, end: endsOn })]
    : [];
}

export async function listTraining(
  db: Db,
  { principal }: Caller,
  programmeId: number,
): Promise<TrainingListView> {
  const programme = await readableProgramme(db, principal, programmeId);
  const rows = await selectTraining(db, programme.id);
  return { training: rows.map(presentTraining), can: { edit: programme.canEdit } };
}

export async function createTraining(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateTrainingInput,
): Promise<TrainingView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    refuseProblems(dateProblems(input));
    const row = await insertTraining(tx, programme.id, input);
    await auditCreation(tx, actor, trainingEntity(programme), row);
    return presentTraining(row);
  });
}

export async function updateTrainingOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  trainingId: number,
  input: UpdateTrainingInput,
): Promise<TrainingView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = trainingEntity(programme);
    const row = await loadForChange(tx, entity, trainingId, input.version, "programme_training_not_found");
    const { version: _version, ...fields } = input;
    const changes = givenFields(fields);
    refuseProblems(
      dateProblems({
        startsOn: changes.startsOn === undefined ? row.startsOn : changes.startsOn,
        endsOn: changes.endsOn === undefined ? row.endsOn : changes.endsOn,
      }),
    );
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateTraining(tx, row.id, row.version, changes),
    );
    return presentTraining(updated);
  });
}

export async function deleteTrainingOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  trainingId: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = trainingEntity(programme);
    const row = await loadForChange(tx, entity, trainingId, version, "programme_training_not_found");
    if (!(await deleteTraining(tx, row.id, row.version))) throw staleVersion(row.audience, null);
    await auditRemoval(tx, actor, entity, row);
  });
}

// ---------------------------------------------------------------------------------------------
// Resources

function presentResource(row: ResourceRow, unitName: string): ResourceView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    unitId: row.unitId,
    unitName,
    phaseNumber: row.phaseNumber,
    plannedMonths: row.plannedMonths,
    usedMonths: row.usedMonths,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const resourceEntity = (programme: ProgrammeAccess): VersionedEntity<ResourceRow> => ({
  entityType: "programme_resource",
  describe: () => null,
  present: (row) => presentResource(row, ""),
  unitOf: () => programme.ownerUnitId,
  find: (tx, id) => findResourceIn(tx, programme.id, id),
});

/** Sums to a tenth of a month's hundredth, so 0.1 + 0.2 shows as 0.3. */
const rounded = (value: number) => Math.round(value * 100) / 100;

export async function listResources(
  db: Db,
  { principal }: Caller,
  programmeId: number,
): Promise<ResourceListView> {
  const programme = await readableProgramme(db, principal, programmeId);
  const rows = await selectResources(db, programme.id);
  const perUnit = new Map<
    number,
    { unitId: number; unitName: string; plannedMonths: number; usedMonths: number }
  >();
  for (const row of rows) {
    const sum = perUnit.get(row.unitId) ?? {
      unitId: row.unitId,
      unitName: row.unitName,
      plannedMonths: 0,
      usedMonths: 0,
    };
    sum.plannedMonths += row.plannedMonths;
    sum.usedMonths += row.usedMonths;
    perUnit.set(row.unitId, sum);
  }
  const sums = [...perUnit.values()].map((sum) => ({
    ...sum,
    plannedMonths: rounded(sum.plannedMonths),
    usedMonths: rounded(sum.usedMonths),
  }));
  return {
    resources: rows.map((row) => presentResource(row, row.unitName)),
    perUnit: sums,
    total: {
      plannedMonths: rounded(rows.reduce((total, row) => total + row.plannedMonths, 0)),
      usedMonths: rounded(rows.reduce((total, row) => total + row.usedMonths, 0)),
    },
    can: { edit: programme.canEdit },
  };
}

/** The unit exists, and has no other row for the same phase (or for the whole programme). */
async function resourceProblems(
  tx: Db,
  programmeId: number,
  fields: { unitId: number; phaseNumber: number | null },
  exceptId: number | null,
): Promise<{ problems: FieldProblem[]; unitName: string }> {
  const unitName = (await selectUnitNames(tx, [fields.unitId])).get(fields.unitId);
  if (unitName === undefined)
    return {
      problems: [fieldProblem("unitId", "resource_unit_unknown", { id: fields.unitId })],
      unitName: "",
    };
  const other = await findResourceFor(tx, programmeId, fields.unitId, fields.phaseNumber, exceptId);
  return {
    problems: other ? [fieldProblem("phaseNumber", "resource_row_exists", { unit: unitName })] : [],
    unitName,
  };
}

export async function createResource(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateResourceInput,
): Promise<ResourceView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    await lockProgrammeRegister(tx, programme.id, "resources");
    const { problems, unitName } = await resourceProblems(tx, programme.id, input, null);
    refuseProblems(problems);
    const row = await insertResource(tx, programme.id, input);
    if (!row) throw staleVersion(unitName, null);
    await auditCreation(tx, actor, resourceEntity(programme), row);
    return presentResource(row, unitName);
  });
}

export async function updateResourceOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  resourceId: number,
  input: UpdateResourceInput,
): Promise<ResourceView> {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    await lockProgrammeRegister(tx, programme.id, "resources");
    const entity = resourceEntity(programme);
    const row = await loadForChange(tx, entity, resourceId, input.version, "programme_resource_not_found");
    const { version: _version, ...fields } = input;
    const changes = givenFields(fields);
    const { problems, unitName } = await resourceProblems(
      tx,
      programme.id,
      {
        unitId: changes.unitId ?? row.unitId,
        phaseNumber: changes.phaseNumber === undefined ? row.phaseNumber : changes.phaseNumber,
      },
      row.id,
    );
    refuseProblems(problems);
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateResource(tx, row.id, row.version, changes),
    );
    return presentResource(updated, unitName);
  });
}

export async function deleteResourceOf(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  resourceId: number,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = resourceEntity(programme);
    const row = await loadForChange(tx, entity, resourceId, version, "programme_resource_not_found");
    if (!(await deleteResource(tx, row.id, row.version))) throw staleVersion(null, null);
    await auditRemoval(tx, actor, entity, row);
  });
}
