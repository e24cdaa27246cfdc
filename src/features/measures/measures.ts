// Risk-reducing measures (tiltak): create, read, change, enter a dated status in the log, and
// replace the links. Read by whoever reads the responsible unit's reports (so by roles above it
// too); changed by its editors and the editors above. Every change is versioned and audited.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadAnswers, canWriteAnswer, type Principal } from "../../domain/access.ts";
import { effectProblems, hasOwner } from "../../domain/measureRules.ts";
import { PeriodError, parsePeriod } from "../../domain/periods.ts";
import { measureDateProblems } from "../../domain/riskMeasures.ts";
import { todayIso } from "../../domain/units.ts";
import { AppError, type FieldProblem, fieldProblem, forbidden, notFound } from "../../errors.ts";
import type { ProblemReason } from "../../i18n/problems/index.ts";
import {
  applyChange,
  auditCreation,
  auditState,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { distinctLinks, linkProblems } from "./links.ts";
import { presentMeasure } from "./presenters.ts";
import {
  findActiveUserName,
  findMeasure,
  findUnitRef,
  insertLogEntry,
  insertMeasure,
  type MeasureRow,
  type MeasureValues,
  replaceLinks,
  selectLinks,
  type UnitRef,
  updateMeasure,
} from "./queries.ts";
import type { CreateMeasureInput, MeasureView, UpdateMeasureInput } from "./schema.ts";

const entity: VersionedEntity<MeasureRow> = {
  entityType: "measure",
  describe: (row) => row.title,
  present: (row) => auditState(row),
  unitOf: (row) => row.responsibleUnitId,
  find: findMeasure,
};

type Loaded = { measure: MeasureRow; unit: UnitRef };

/**
 * The measure, if the principal may read it: they read the unit's reports, or they own it (an owner
 * may work elsewhere, and their inbox links to it). Otherwise 404, as if it did not exist.
 */
async function loadReadable(db: Db, principal: Principal, id: number): Promise<Loaded> {
  const measure = await findMeasure(db, id);
  const unit = measure && (await findUnitRef(db, measure.responsibleUnitId));
  const owns = measure?.ownerUserId === principal.userId;
  if (!measure || !unit || !(owns || canReadAnswers(principal, unit.path))) {
    throw notFound("measure_not_found", { id });
  }
  return { measure, unit };
}

const refuseWrite = (unit: UnitRef) => forbidden("measure_not_permitted", { unit: unit.name });

/** The measure to change at `version`: 404 to someone who may not read it, 403 to a reader, 409 when stale. */
async function loadWritable(tx: Db, principal: Principal, id: number, version: number): Promise<Loaded> {
  const { unit } = await loadReadable(tx, principal, id);
  if (!canWriteAnswer(principal, unit.path)) throw refuseWrite(unit);
  const measure = await loadForChange(tx, entity, id, version, "measure_not_found");
  return { measure, unit };
}

/** The unit a measure is made the responsibility of: one the principal writes for. */
async function responsibleUnit(db: Db, principal: Principal, unitId: number): Promise<UnitRef> {
  const unit = await findUnitRef(db, unitId);
  if (!unit) {
    throw new AppError("validation_failed", "measure_invalid", {
      problems: [fieldProblem("responsibleUnitId", "unknown_unit", { id: unitId })],
    });
  }
  if (!canWriteAnswer(principal, unit.path)) throw refuseWrite(unit);
  return unit;
}

type Fields = Omit<MeasureValues, "responsibleUnitId">;

/**
 * The stored fields after a change: the given values over `current` (absent stays, null clears),
 * checked together. The owner and the effect indicator are checked only when given, so that a
 * user deactivated since does not block other changes.
 */
async function checkedFields(
  db: Db,
  principal: Principal,
  current: Fields,
  given: Omit<UpdateMeasureInput, "version" | "responsibleUnitId">,
  invalid: ProblemReason = "measure_invalid",
): Promise<Fields> {
  const pick = <Key extends keyof Fields>(key: Key, value: Fields[Key] | undefined) =>
    value === undefined ? current[key] : value;
  const fields: Fields = {
    title: pick("title", given.title),
    description: pick("description", given.description),
    ownerUserId: pick("ownerUserId", given.ownerUserId),
    ownerRole: pick("ownerRole", given.ownerRole),
    phase: pick("phase", given.phase),
    status: pick("status", given.status),
    start: pick("start", given.start),
    deadline: pick("deadline", given.deadline),
    expectedEffect: pick("expectedEffect", given.expectedEffect),
    effectIndicatorId: pick("effectIndicatorId", given.effectIndicatorId),
    effectTarget: pick("effectTarget", given.effectTarget),
    fullEffectDate: pick("fullEffectDate", given.fullEffectDate),
    comment: pick("comment", given.comment),
  };
  const problems: FieldProblem[] = measureDateProblems({
    start: fields.start ?? null,
    deadline: fields.deadline ?? null,
    fullEffectDate: fields.fullEffectDate ?? null,
  }).map((problem) => fieldProblem(problem.field, problem.reason));
  for (const problem of effectProblems({
    effectTarget: fields.effectTarget ?? null,
    effectIndicatorId: fields.effectIndicatorId ?? null,
    fullEffectDate: fields.fullEffectDate ?? null,
  })) {
    problems.push(fieldProblem(problem.field, problem.code));
  }
  if (given.ownerUserId !== undefined && given.ownerUserId !== null) {
    if ((await findActiveUserName(db, given.ownerUserId)) === undefined) {
      problems.push(fieldProblem("ownerUserId", "measure_owner_not_found", { id: given.ownerUserId }));
    }
  } else if (!hasOwner({ ownerUserId: fields.ownerUserId ?? null, ownerRole: fields.ownerRole ?? "" })) {
    problems.push(fieldProblem("ownerRole", "measure_owner_required"));
  }
  if (given.effectIndicatorId !== undefined && given.effectIndicatorId !== null) {
    const effect = { kind: "indicator" as const, targetId: given.effectIndicatorId };
    problems.push(...(await linkProblems(db, principal, [effect], [], () => "effectIndicatorId")));
  }
  if (problems.length > 0) throw new AppError("validation_failed", invalid, { problems });
  return fields;
}

const empty: Fields = {
  title: "",
  description: "",
  ownerUserId: null,
  ownerRole: "",
  phase: "decided",
  status: null,
  start: null,
  deadline: null,
  expectedEffect: "",
  effectIndicatorId: null,
  effectTarget: null,
  fullEffectDate: null,
  comment: "",
};

export async function createMeasure(db: Db, { principal, actor }: Caller, input: CreateMeasureInput) {
  return db.transaction(async (tx): Promise<MeasureView> => {
    const unit = await responsibleUnit(tx, principal, input.responsibleUnitId);
    const { responsibleUnitId, ...given } = input;
    const fields = await checkedFields(tx, principal, empty, given);
    const row = await insertMeasure(tx, { ...fields, responsibleUnitId });
    await auditCreation(tx, actor, entity, row);
    return presentMeasure(tx, principal, row, unit);
  });
}

export async function getMeasure(db: Db, { principal }: Caller, id: number): Promise<MeasureView> {
  const { measure, unit } = await loadReadable(db, principal, id);
  return presentMeasure(db, principal, measure, unit);
}

export async function changeMeasure(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateMeasureInput,
) {
  return db.transaction(async (tx): Promise<MeasureView> => {
    const loaded = await loadWritable(tx, principal, id, input.version);
    const { version: _version, responsibleUnitId, ...given } = input;
    const moved = responsibleUnitId !== undefined && responsibleUnitId !== loaded.unit.id;
    const unit = moved ? await responsibleUnit(tx, principal, responsibleUnitId) : loaded.unit;
    const fields = await checkedFields(tx, principal, loaded.measure, given);
    const updated = await applyChange(tx, actor, entity, loaded.measure, "update", () =>
      updateMeasure(tx, id, loaded.measure.version, { ...fields, responsibleUnitId: unit.id }),
    );
    return presentMeasure(tx, principal, updated, unit);
  });
}

type LogInput = {
  version: number;
  period: string;
  on?: string | undefined;
  phase: MeasureRow["phase"];
  status: MeasureRow["status"];
  text: string;
};

function checkedPeriod(period: string) {
  try {
    parsePeriod(period);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new AppError("validation_failed", "measure_log_invalid", {
      problems: [fieldProblem("period", "measure_log_period", { period })],
    });
  }
}

/** Enters a dated status for a period in the log; the measure takes its phase and status. */
export async function logStatus(db: Db, { principal, actor }: Caller, id: number, input: LogInput) {
  checkedPeriod(input.period);
  return db.transaction(async (tx): Promise<MeasureView> => {
    const { measure, unit } = await loadWritable(tx, principal, id, input.version);
    const entry = {
      measureId: id,
      period: input.period,
      on: input.on ?? todayIso(),
      phase: input.phase,
      status: input.status,
      text: input.text,
      actorId: actor.id,
      actorName: actor.name,
    };
    const updated = await applyChange(tx, actor, entity, measure, "measure_log", async () => {
      const written = await updateMeasure(tx, id, measure.version, {
        phase: input.phase,
        status: input.status,
      });
      if (!written) return undefined;
      const logged = await insertLogEntry(tx, entry);
      // The audit row's "after" carries the entry, so the trail shows what was reported.
      return Object.assign(written, {
        log: { id: logged.id, period: logged.period, on: logged.on, text: logged.text },
      });
    });
    return presentMeasure(tx, principal, updated, unit);
  });
}

/**
 * Replaces the measure's links. Each new target must exist and be readable by the caller;
 * otherwise nothing changes and each refused link is named.
 */
export async function setLinks(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: { version: number; links: { kind: "requirement" | "unit_risk" | "indicator"; targetId: number }[] },
) {
  return db.transaction(async (tx): Promise<MeasureView> => {
    const { measure, unit } = await loadWritable(tx, principal, id, input.version);
    const before = await selectLinks(tx, id);
    const problems = await linkProblems(tx, principal, input.links, before);
    if (problems.length > 0)
      throw new AppError("validation_failed", "measure_link_not_readable", { problems });
    const links = distinctLinks(input.links);
    // The audit row's "before" and "after" carry the links, so the trail shows what changed.
    const withLinks = { ...measure, links: before };
    const updated = await applyChange(tx, actor, entity, withLinks, "measure_links", async () => {
      const written = await updateMeasure(tx, id, measure.version, {});
      if (!written) return undefined;
      await replaceLinks(tx, id, links);
      return Object.assign(written, { links });
    });
    return presentMeasure(tx, principal, updated, unit);
  });
}
