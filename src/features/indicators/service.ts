import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import {
  canManageIndicators,
  canManageTarget,
  canReadIndicatorCatalogue,
  isWithin,
  type Principal,
} from "../../domain/access.ts";
import { TargetError, validateTarget } from "../../domain/targets.ts";
import { AppError, type FieldProblem, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { findUnitById } from "../units/queries.ts";
import {
  findIndicatorById,
  type IndicatorRow,
  type IndicatorValues,
  indicatorCodeTaken,
  indicatorHasMeasurements,
  insertIndicator,
  selectIndicators,
  selectTargetsOf,
  updateIndicatorFields,
} from "./queries.ts";
import {
  createIndicatorInput,
  type IndicatorCapabilities,
  type IndicatorView,
  updateIndicatorInput,
  versionInput,
} from "./schema.ts";

/**
 * What `principal` may do with an indicator owned by the unit at `ownerPath` (null: the whole
 * organisation): the rules of src/domain/access.ts.
 */
export function indicatorCapabilities(principal: Principal, ownerPath: string | null): IndicatorCapabilities {
  const edit = canManageIndicators(principal, ownerPath);
  // A unit's own target is set from the unit above it: an administrator somewhere inside the
  // owner's part of the tree sets the targets of the units below them.
  const someUnitTarget = principal.assignments.some(
    (assignment) =>
      (ownerPath === null || isWithin(assignment.unitPath, ownerPath)) &&
      canManageTarget(principal, ownerPath, assignment.unitPath),
  );
  return { edit, manageTargets: edit || someUnitTarget };
}

export function presentIndicator(
  row: IndicatorRow,
  principal: Principal,
  ownerPath: string | null,
): IndicatorView {
  return {
    id: row.id,
    code: row.code,
    nameNb: row.nameNb,
    nameEn: row.nameEn,
    definition: row.definition,
    unitLabel: row.unitLabel,
    direction: row.direction,
    valueKind: row.valueKind,
    scale: row.scale,
    decimals: row.decimals,
    dataSource: row.dataSource,
    lagMonths: row.lagMonths,
    minDenominator: row.minDenominator,
    evaluationBasis: row.evaluationBasis,
    trendMode: row.trendMode,
    ownerUnitId: row.ownerUnitId,
    retired: row.retiredAt !== null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    version: row.version,
    can: indicatorCapabilities(principal, ownerPath),
  };
}

/** Unit paths by id, to present indicators with what the caller may do with them. */
type OwnerPaths = ReadonlyMap<number, string>;

function ownerPathIn(paths: OwnerPaths, row: IndicatorRow): string | null {
  // An owner that is gone leaves the indicator to system administrators, as canManageIndicators(null).
  return row.ownerUnitId === null ? null : (paths.get(row.ownerUnitId) ?? null);
}

async function ownerPathsOf(db: Db, rows: readonly IndicatorRow[]): Promise<OwnerPaths> {
  const ids = [...new Set(rows.flatMap((row) => (row.ownerUnitId === null ? [] : [row.ownerUnitId])))];
  const units = await Promise.all(ids.map((unitId) => findUnitById(db, unitId)));
  return new Map(units.flatMap((unit) => (unit ? [[unit.id, unit.path] as const] : [])));
}

/** One indicator as `principal` sees it. */
export async function presentIndicatorFor(db: Db, principal: Principal, row: IndicatorRow) {
  return presentIndicator(row, principal, ownerPathIn(await ownerPathsOf(db, [row]), row));
}

/**
 * Indicators as the change helper sees them; a stale answer shows the indicator as `principal`
 * may use it (`ownerPath` is the owner's path when the change was asked).
 */
const indicatorEntity = (principal: Principal, ownerPath: string | null): VersionedEntity<IndicatorRow> => ({
  entityType: "indicator",
  describe: (row) => row.code,
  present: (row) => presentIndicator(row, principal, ownerPath),
  unitOf: (row) => row.ownerUnitId,
  find: findIndicatorById,
});

function duplicateCode(code: string) {
  return new AppError("conflict", "indicator_code_taken", {
    params: { code },
    problems: [fieldProblem("code", "in_use", { code })],
  });
}

async function ownerPath(db: Db, ownerUnitId: number | null): Promise<string | null> {
  if (ownerUnitId === null) return null;
  const unit = await findUnitById(db, ownerUnitId);
  if (!unit) {
    throw new AppError("validation_failed", "indicator_owner_not_found", {
      params: { ownerUnitId },
      problems: [fieldProblem("ownerUnitId", "unknown_unit", { ownerUnitId })],
    });
  }
  return unit.path;
}

function requireManager(principal: Principal, path: string | null) {
  if (!canManageIndicators(principal, path)) {
    throw forbidden(path === null ? "indicator_org_wide_needs_system_admin" : "indicator_needs_owner_admin");
  }
}

/** Rules that tie fields together; the zod schema checks each field alone. */
function checkConsistency(values: Pick<IndicatorValues, "valueKind" | "minDenominator">) {
  if (values.valueKind !== "ratio" && values.minDenominator !== null && values.minDenominator !== undefined) {
    throw new AppError("validation_failed", "min_denominator_not_ratio", {
      params: { valueKind: values.valueKind },
      problems: [fieldProblem("minDenominator", "only_for_ratio", { valueKind: values.valueKind })],
    });
  }
}

export async function listIndicators(db: Db, { principal }: Caller, options: { includeRetired: boolean }) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("indicators_sign_in");
  const rows = await selectIndicators(db, options);
  const paths = await ownerPathsOf(db, rows);
  return rows.map((row) => presentIndicator(row, principal, ownerPathIn(paths, row)));
}

export async function getIndicator(db: Db, { principal }: Caller, id: number) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("indicators_sign_in");
  const row = await findIndicatorById(db, id);
  if (!row) throw notFound("indicator_not_found", { id });
  return presentIndicatorFor(db, principal, row);
}

export async function createIndicator(
  db: Db,
  { principal, actor }: Caller,
  input: z.input<typeof createIndicatorInput>,
) {
  const data = createIndicatorInput.parse(input);
  return db.transaction(async (tx) => {
    const path = await ownerPath(tx, data.ownerUnitId);
    requireManager(principal, path);
    checkConsistency(data);
    if (await indicatorCodeTaken(tx, data.code, null)) throw duplicateCode(data.code);
    try {
      const row = await insertIndicator(tx, {
        ...data,
        nameEn: data.nameEn ?? null,
        dataSource: data.dataSource ?? null,
        minDenominator: data.minDenominator ?? null,
      });
      await auditCreation(tx, actor, indicatorEntity(principal, path), row);
      return presentIndicator(row, principal, path);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(data.code);
      throw error;
    }
  });
}

/**
 * The indicator to change (404, or 409 with the current one), and its owner's path. It is read
 * once for the path, which the stale answer's `can` needs, and once more by the change helper.
 */
async function loadIndicatorForChange(tx: Db, principal: Principal, id: number, version: number) {
  const found = await findIndicatorById(tx, id);
  if (!found) throw notFound("indicator_not_found", { id });
  const path = await ownerPath(tx, found.ownerUnitId);
  const entity = indicatorEntity(principal, path);
  return { row: await loadForChange(tx, entity, id, version, "indicator_not_found"), path, entity };
}

export async function updateIndicator(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: z.input<typeof updateIndicatorInput>,
) {
  const { version, ...changes } = updateIndicatorInput.parse(input);
  return db.transaction(async (tx) => {
    const { row, path, entity } = await loadIndicatorForChange(tx, principal, id, version);
    requireManager(principal, path);
    let newPath = path;
    if (changes.ownerUnitId !== undefined && changes.ownerUnitId !== row.ownerUnitId) {
      // Handing an indicator over needs the right to manage it where it goes, too.
      newPath = await ownerPath(tx, changes.ownerUnitId);
      requireManager(principal, newPath);
    }
    checkConsistency({ ...row, ...changes });
    if (changes.valueKind !== undefined && changes.valueKind !== row.valueKind) {
      // Stored figures mean different things per kind (a count has no denominator): changing the
      // kind under existing data would silently reinterpret it.
      if (await indicatorHasMeasurements(tx, row.id)) {
        throw new AppError("conflict", "indicator_has_measurements", {
          params: { code: row.code },
          problems: [fieldProblem("valueKind", "has_measurements", { code: row.code })],
        });
      }
    }
    if (changes.direction !== undefined && changes.direction !== row.direction) {
      await checkTargetsFitDirection(tx, row.id, changes.direction);
    }
    if (changes.code && (await indicatorCodeTaken(tx, changes.code, row.id)))
      throw duplicateCode(changes.code);
    try {
      const updated = await applyChange(tx, actor, entity, row, "update", () =>
        updateIndicatorFields(tx, row.id, row.version, changes),
      );
      return presentIndicator(updated, principal, newPath);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(changes.code ?? row.code);
      throw error;
    }
  });
}

// Two-limit targets are ordered by direction (green above yellow when higher is better), so a
// direction change can leave existing targets meaningless.
async function checkTargetsFitDirection(tx: Db, indicatorId: number, direction: IndicatorRow["direction"]) {
  const problems: FieldProblem[] = [];
  for (const target of await selectTargetsOf(tx, indicatorId)) {
    try {
      validateTarget(target.rule, direction);
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      const limits = error.code === "green_above_yellow" || error.code === "green_below_yellow";
      problems.push(
        fieldProblem("direction", limits ? "target_limits_do_not_fit" : "target_does_not_fit", {
          targetId: target.id,
          direction,
          ...error.params,
        }),
      );
    }
  }
  if (problems.length > 0) {
    throw new AppError("conflict", "targets_do_not_fit_direction", {
      params: { direction, count: problems.length },
      problems,
    });
  }
}

/** Retiring takes an indicator out of scorecards and imports; its data stays. */
export function retireIndicator(db: Db, caller: Caller, id: number, input: z.input<typeof versionInput>) {
  return setRetired(db, caller, id, versionInput.parse(input).version, true);
}

export function reinstateIndicator(db: Db, caller: Caller, id: number, input: z.input<typeof versionInput>) {
  return setRetired(db, caller, id, versionInput.parse(input).version, false);
}

async function setRetired(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  version: number,
  retired: boolean,
) {
  return db.transaction(async (tx) => {
    const { row, path, entity } = await loadIndicatorForChange(tx, principal, id, version);
    requireManager(principal, path);
    if ((row.retiredAt !== null) === retired) {
      throw new AppError("conflict", retired ? "indicator_already_retired" : "indicator_already_in_use", {
        params: { code: row.code },
      });
    }
    const updated = await applyChange(tx, actor, entity, row, retired ? "retire" : "reinstate", () =>
      updateIndicatorFields(tx, row.id, row.version, { retiredAt: retired ? new Date() : null }),
    );
    return presentIndicator(updated, principal, path);
  });
}
