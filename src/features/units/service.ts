import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import {
  canCreateUnitUnder,
  canEditTemplates,
  canEditUnit,
  canGenerateDocuments,
  canImportFor,
  canManageDocument,
  canManageIndicators,
  canMoveUnit,
  canPublishScorecard,
  canReadAudit,
  canReadUnitStructure,
  type Principal,
} from "../../domain/access.ts";
import { isActiveOn, moveProblem, pathFor, todayIso } from "../../domain/units.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange, type VersionedEntity } from "../audit/change.ts";
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
import type {
  createUnitInput,
  deactivateUnitInput,
  moveUnitInput,
  UnitCapabilities,
  UnitView,
  updateUnitInput,
} from "./schema.ts";

/** What `principal` may do on the unit at `path`: the rules of src/domain/access.ts. */
export function unitCapabilities(principal: Principal, path: string): UnitCapabilities {
  return {
    manage: canEditUnit(principal, path),
    readAudit: canReadAudit(principal, path),
    importMeasurements: canImportFor(principal, path),
    manageIndicators: canManageIndicators(principal, path),
    publishScorecard: canPublishScorecard(principal, path),
    draftSteering: canManageDocument(principal, path),
    generateDocuments: canGenerateDocuments(principal, path),
    editTemplates: canEditTemplates(principal, path),
  };
}

export function presentUnit(unit: UnitRow, principal: Principal, today = todayIso()): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    active: isActiveOn(unit, today),
    version: unit.version,
    can: unitCapabilities(principal, unit.path),
  };
}

/** Units as the change helper sees them; a stale answer shows the unit as `principal` may. */
const unitEntity = (principal: Principal): VersionedEntity<UnitRow> => ({
  entityType: "unit",
  describe: (unit) => unit.name,
  present: (unit) => presentUnit(unit, principal),
  unitOf: (unit) => unit.id,
  find: findUnitById,
});

export async function listUnits(db: Db, { principal }: Caller) {
  if (!canReadUnitStructure(principal)) throw forbidden("unit_structure_sign_in");
  const today = todayIso();
  return (await selectAllUnits(db)).map((unit) => presentUnit(unit, principal, today));
}

export async function getUnit(db: Db, { principal }: Caller, id: number) {
  if (!canReadUnitStructure(principal)) throw forbidden("unit_structure_sign_in");
  const unit = await findUnitById(db, id);
  if (!unit) throw notFound("unit_not_found", { id });
  return presentUnit(unit, principal);
}

async function loadParent(db: Db, parentId: number | null) {
  if (parentId === null) return null;
  const parent = await findUnitById(db, parentId);
  if (!parent) {
    throw new AppError("validation_failed", "unit_parent_not_found", {
      params: { parentId },
      problems: [fieldProblem("parentId", "unknown_unit", { parentId })],
    });
  }
  return parent;
}

function duplicateCode(code: string) {
  return new AppError("conflict", "unit_code_taken", {
    params: { code },
    problems: [fieldProblem("code", "in_use", { code })],
  });
}

function checkValidity(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) {
    throw new AppError("validation_failed", "unit_ends_before_start", {
      params: { validFrom },
      problems: [fieldProblem("validTo", "before_start", { validFrom })],
    });
  }
}

export async function createUnit(
  db: Db,
  { principal, actor }: Caller,
  input: z.infer<typeof createUnitInput>,
) {
  return db.transaction(async (tx) => {
    const parent = await loadParent(tx, input.parentId);
    if (!canCreateUnitUnder(principal, parent?.path ?? null)) {
      throw parent
        ? forbidden("unit_create_needs_admin", { parent: parent.name })
        : forbidden("unit_create_top_level");
    }
    const today = todayIso();
    if (parent && !isActiveOn(parent, today)) {
      throw new AppError("conflict", "unit_parent_inactive", {
        params: { parent: parent.name },
        problems: [fieldProblem("parentId", "inactive_unit", { parent: parent.name })],
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
      await auditCreation(tx, actor, unitEntity(principal), unit);
      return presentUnit(unit, principal, today);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code);
      throw error;
    }
  });
}

export async function updateUnit(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: z.infer<typeof updateUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, unitEntity(principal), id, input.version, "unit_not_found");
    if (!canEditUnit(principal, unit.path)) {
      throw forbidden("unit_edit_needs_admin", { unit: unit.name });
    }
    const validFrom = input.validFrom ?? unit.validFrom;
    const validTo = input.validTo === undefined ? unit.validTo : input.validTo;
    checkValidity(validFrom, validTo);
    if (input.code && (await codeTakenByOther(tx, input.code, unit.id))) throw duplicateCode(input.code);
    try {
      const { version: _version, ...values } = input;
      const updated = await applyChange(tx, actor, unitEntity(principal), unit, "update", () =>
        updateUnitFields(tx, unit.id, unit.version, values),
      );
      return presentUnit(updated, principal);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code ?? unit.code);
      throw error;
    }
  });
}

/** Why a move is refused, and what the parent field is told. */
const moveRefusals = {
  into_itself: { reason: "unit_move_into_itself", field: "into_itself" },
  into_descendant: { reason: "unit_move_into_descendant", field: "into_descendant" },
  parent_inactive: { reason: "unit_move_parent_inactive", field: "inactive_unit" },
} as const;

export async function moveUnit(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: z.infer<typeof moveUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, unitEntity(principal), id, input.version, "unit_not_found");
    const parent = await loadParent(tx, input.parentId);
    if (!canMoveUnit(principal, unit.path, parent?.path ?? null)) {
      throw forbidden("unit_move_needs_admin");
    }
    const problem = moveProblem(unit, parent, todayIso());
    if (problem) {
      throw new AppError(
        problem === "parent_inactive" ? "conflict" : "validation_failed",
        moveRefusals[problem].reason,
        { problems: [fieldProblem("parentId", moveRefusals[problem].field)] },
      );
    }
    const newPath = pathFor(unit.id, parent?.path ?? null);
    const updated = await applyChange(tx, actor, unitEntity(principal), unit, "move", () =>
      updateUnitFields(tx, unit.id, unit.version, { parentId: parent?.id ?? null }),
    );
    await rebaseSubtree(tx, unit.path, newPath);
    return presentUnit({ ...updated, path: newPath }, principal);
  });
}

export async function deactivateUnit(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: z.infer<typeof deactivateUnitInput>,
) {
  return db.transaction(async (tx) => {
    const unit = await loadForChange(tx, unitEntity(principal), id, input.version, "unit_not_found");
    if (!canEditUnit(principal, unit.path)) {
      throw forbidden("unit_deactivate_needs_admin", { unit: unit.name });
    }
    const today = todayIso();
    const validTo = input.validTo ?? today;
    checkValidity(unit.validFrom, validTo);
    const activeChildren = await countActiveChildren(tx, unit.id, validTo);
    if (activeChildren > 0) {
      throw new AppError("conflict", "unit_has_active_children", {
        params: { unit: unit.name, count: activeChildren },
      });
    }
    const updated = await applyChange(tx, actor, unitEntity(principal), unit, "deactivate", () =>
      updateUnitFields(tx, unit.id, unit.version, { validTo }),
    );
    return presentUnit(updated, principal, today);
  });
}
