import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { type UnitKind, unitKinds } from "../../db/schema.ts";
import {
  canCreateUnitUnder,
  canEditUnit,
  canMoveUnit,
  canReadUnitStructure,
  type Principal,
} from "../../domain/access.ts";
import { isActiveOn, moveProblem, pathFor, todayIso } from "../../domain/units.ts";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.ts";
import { id, isoDate, plainText, version } from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import {
  codeTakenByOther,
  countActiveChildren,
  findUnitById,
  insertUnit,
  rebaseSubtree,
  selectAllUnits,
  type UnitRow,
  updateUnitFields,
} from "./queries.ts";

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,31}$/u, {
    message: "must be 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit",
  });

export const createUnitInput = z.object({
  code: unitCodeSchema,
  name: plainText(200).min(1, { message: "is required" }),
  kind: z.enum(unitKinds),
  parentId: id.nullable(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});

export const updateUnitInput = z.object({
  version,
  code: unitCodeSchema.optional(),
  name: plainText(200).min(1, { message: "is required" }).optional(),
  kind: z.enum(unitKinds).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});

export const moveUnitInput = z.object({
  version,
  parentId: id.nullable(),
});

export const deactivateUnitInput = z.object({
  version,
  validTo: isoDate.optional(),
});

export type UnitView = ReturnType<typeof presentUnit>;

export function presentUnit(unit: UnitRow, today = todayIso()) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind as UnitKind,
    parentId: unit.parentId,
    path: unit.path,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    active: isActiveOn(unit, today),
    version: unit.version,
  };
}

function auditable(unit: UnitRow) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = unit;
  return rest;
}

export async function listUnits(db: Db, principal: Principal) {
  if (!canReadUnitStructure(principal)) throw forbidden("Sign in to see the organisation.");
  const today = todayIso();
  return (await selectAllUnits(db)).map((unit) => presentUnit(unit, today));
}

export async function getUnit(db: Db, principal: Principal, id: number) {
  if (!canReadUnitStructure(principal)) throw forbidden("Sign in to see the organisation.");
  const unit = await findUnitById(db, id);
  if (!unit) throw notFound(`Unit ${id}`);
  return presentUnit(unit);
}

async function loadParent(db: Db, parentId: number | null) {
  if (parentId === null) return null;
  const parent = await findUnitById(db, parentId);
  if (!parent) {
    throw new AppError("validation_failed", `The parent unit ${parentId} does not exist.`, {
      problems: [{ field: "parentId", message: "unknown unit" }],
    });
  }
  return parent;
}

function duplicateCode(code: string) {
  return new AppError("conflict", `The code ${code} is already used by another unit.`, {
    problems: [{ field: "code", message: "already in use" }],
  });
}

function checkValidity(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) {
    throw new AppError("validation_failed", "A unit cannot stop being valid before it starts.", {
      problems: [{ field: "validTo", message: "must be on or after the start date" }],
    });
  }
}

export async function createUnit(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: z.infer<typeof createUnitInput>,
) {
  return db.transaction(async (tx) => {
    const parent = await loadParent(tx, input.parentId);
    if (!canCreateUnitUnder(principal, parent?.path ?? null)) {
      throw forbidden(
        parent
          ? `You need the administrator role on ${parent.name} to add units under it.`
          : "Only a system administrator can add a top-level unit.",
      );
    }
    const today = todayIso();
    if (parent && !isActiveOn(parent, today)) {
      throw new AppError("conflict", `${parent.name} is deactivated; units cannot be added under it.`, {
        problems: [{ field: "parentId", message: "deactivated unit" }],
      });
    }
    const validFrom = input.validFrom ?? today;
    const validTo = input.validTo ?? null;
    checkValidity(validFrom, validTo);
    if (await codeTakenByOther(tx, input.code, null)) throw duplicateCode(input.code);
    try {
      const unit = await insertUnit(tx, {
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? null,
        validFrom,
        validTo,
      });
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "unit",
        entityId: String(unit.id),
        unitId: unit.id,
        after: auditable(unit),
      });
      return presentUnit(unit, today);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code);
      throw error;
    }
  });
}

async function loadForChange(tx: Db, id: number, version: number) {
  const unit = await findUnitById(tx, id);
  if (!unit) throw notFound(`Unit ${id}`);
  if (unit.version !== version) throw staleVersion(unit.name, presentUnit(unit));
  return unit;
}

async function applyUpdate(
  tx: Db,
  unit: UnitRow,
  values: Parameters<typeof updateUnitFields>[3],
  actor: Actor,
  action: string,
) {
  const updated = await updateUnitFields(tx, unit.id, unit.version, values);
  if (!updated) {
    const current = await findUnitById(tx, unit.id);
    throw staleVersion(unit.name, current ? presentUnit(current) : null);
  }
  await recordAudit(tx, actor, {
    action,
    entityType: "unit",
    entityId: String(unit.id),
    unitId: unit.id,
    before: auditable(unit),
    after: auditable(updated),
  });
  return updated;
}

export async function updateUnit(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: number,
  input: z.infer<typeof updateUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, id, input.version);
    if (!canEditUnit(principal, unit.path)) {
      throw forbidden(`You need the administrator role on ${unit.name} to change it.`);
    }
    const validFrom = input.validFrom ?? unit.validFrom;
    const validTo = input.validTo === undefined ? unit.validTo : input.validTo;
    checkValidity(validFrom, validTo);
    if (input.code && (await codeTakenByOther(tx, input.code, unit.id))) throw duplicateCode(input.code);
    try {
      const { version: _version, ...values } = input;
      const updated = await applyUpdate(tx, unit, values, actor, "update");
      return presentUnit(updated);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code ?? unit.code);
      throw error;
    }
  });
}

const moveProblemMessages = {
  into_itself: "A unit cannot be placed under itself.",
  into_descendant: "A unit cannot be placed under one of its own sub-units; that would make a cycle.",
  parent_inactive: "The new parent is deactivated; units cannot be moved under it.",
} as const;

export async function moveUnit(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: number,
  input: z.infer<typeof moveUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, id, input.version);
    const parent = await loadParent(tx, input.parentId);
    if (!canMoveUnit(principal, unit.path, parent?.path ?? null)) {
      throw forbidden("You need the administrator role both where the unit is and where it goes.");
    }
    const problem = moveProblem(unit, parent, todayIso());
    if (problem) {
      throw new AppError(
        problem === "parent_inactive" ? "conflict" : "validation_failed",
        moveProblemMessages[problem],
        {
          problems: [{ field: "parentId", message: problem }],
        },
      );
    }
    const newPath = pathFor(unit.id, parent?.path ?? null);
    const updated = await applyUpdate(tx, unit, { parentId: parent?.id ?? null }, actor, "move");
    await rebaseSubtree(tx, unit.path, newPath);
    return presentUnit({ ...updated, path: newPath });
  });
}

export async function deactivateUnit(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: number,
  input: z.infer<typeof deactivateUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, id, input.version);
    if (!canEditUnit(principal, unit.path)) {
      throw forbidden(`You need the administrator role on ${unit.name} to deactivate it.`);
    }
    const today = todayIso();
    const validTo = input.validTo ?? today;
    checkValidity(unit.validFrom, validTo);
    const activeChildren = await countActiveChildren(tx, unit.id, validTo);
    if (activeChildren > 0) {
      throw new AppError(
        "conflict",
        `${unit.name} still has ${activeChildren} active sub-unit(s). Deactivate or move them first.`,
      );
    }
    const updated = await applyUpdate(tx, unit, { validTo }, actor, "deactivate");
    return presentUnit(updated, today);
  });
}
