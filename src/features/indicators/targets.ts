import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageTarget, canReadIndicatorCatalogue, isWithin, type Principal } from "../../domain/access.ts";
import { TargetError, type TargetRule, validateTarget } from "../../domain/targets.ts";
import { idsInPath } from "../../domain/units.ts";
import { AppError, type FieldProblem, forbidden, notFound } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import {
  deleteTargetRow,
  findIndicatorById,
  findTargetById,
  findTargetByKey,
  type IndicatorRow,
  insertTarget,
  selectTargetsOf,
  type TargetRow,
  updateTargetFields,
} from "./queries.ts";
import { createTargetInput, type TargetView, updateTargetInput } from "./schema.ts";

export function presentTarget(row: TargetRow): TargetView {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    year: row.year,
    unitId: row.unitId,
    rule: row.rule,
    note: row.note,
    version: row.version,
  };
}

/** Targets as the change helper sees them; a general target belongs to the indicator's owner. */
const targetEntity = (indicator: IndicatorRow): VersionedEntity<TargetRow> => ({
  entityType: "indicator_target",
  describe: () => "The target",
  present: presentTarget,
  unitOf: (row) => row.unitId ?? indicator.ownerUnitId,
  find: findTargetById,
});

function invalidRule(problem: FieldProblem) {
  return new AppError("validation_failed", `The target cannot be used: ${problem.message}`, {
    reason: "invalid_target",
    params: { problem: problem.code },
    problems: [problem],
  });
}

/** The domain's rules for the rule itself, plus what makes a target useless for its year. */
function checkRule(rule: TargetRule, indicator: IndicatorRow, targetYear: number | null) {
  try {
    validateTarget(rule, indicator.direction);
  } catch (error) {
    if (error instanceof TargetError) {
      throw invalidRule({
        field: "rule",
        code: "invalid_rule",
        message: error.message,
        params: { kind: rule.kind, direction: indicator.direction },
      });
    }
    throw error;
  }
  if (
    targetYear !== null &&
    (rule.kind === "baseline_change_with_floor" || rule.kind === "change_vs_baseline") &&
    rule.baselineYear >= targetYear
  ) {
    throw invalidRule({
      field: "rule.baselineYear",
      code: "baseline_not_before_year",
      message: `the baseline year ${rule.baselineYear} must be before the target's year ${targetYear}`,
      params: { baselineYear: rule.baselineYear, year: targetYear },
    });
  }
  if (targetYear !== null && rule.kind === "yearly_steps" && rule.steps[String(targetYear)] === undefined) {
    throw invalidRule({
      field: "rule.steps",
      code: "no_step_for_year",
      message: `there is no step for the target's year ${targetYear}`,
      params: { year: targetYear },
    });
  }
}

function parentPathOf(unit: UnitRow): string | null {
  const ids = idsInPath(unit.path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join("/")}/`;
}

async function ownerPathOf(db: Db, indicator: IndicatorRow): Promise<string | null> {
  if (indicator.ownerUnitId === null) return null;
  return (await findUnitById(db, indicator.ownerUnitId))?.path ?? null;
}

async function loadIndicator(db: Db, indicatorId: number) {
  const indicator = await findIndicatorById(db, indicatorId);
  if (!indicator) throw notFound(`Indicator ${indicatorId}`);
  return indicator;
}

async function loadTargetUnit(db: Db, unitId: number | null, ownerPath: string | null) {
  if (unitId === null) return null;
  const unit = await findUnitById(db, unitId);
  if (!unit) {
    throw new AppError("validation_failed", `The unit ${unitId} does not exist.`, {
      reason: "unknown_unit",
      params: { unitId },
      problems: [{ field: "unitId", code: "unknown_unit", message: "unknown unit", params: { unitId } }],
    });
  }
  if (ownerPath !== null && !isWithin(unit.path, ownerPath)) {
    // The indicator is not on that unit's scorecard, so the target could never apply.
    throw new AppError("validation_failed", `${unit.name} is outside the unit that owns this indicator.`, {
      reason: "target_unit_outside_owner",
      params: { unit: unit.name },
      problems: [{ field: "unitId", code: "outside_owner", message: "outside the indicator's owner" }],
    });
  }
  return unit;
}

async function requireTargetManager(
  db: Db,
  principal: Principal,
  indicator: IndicatorRow,
  unit: UnitRow | null,
) {
  const ownerPath = await ownerPathOf(db, indicator);
  if (!canManageTarget(principal, ownerPath, unit ? parentPathOf(unit) : null)) {
    throw forbidden(
      unit
        ? `Targets for ${unit.name} are set by an administrator of the unit above it, or of the indicator's owner.`
        : "The general target is set by whoever manages the indicator.",
    );
  }
  return ownerPath;
}

function describeKey(targetYear: number | null, unit: UnitRow | null) {
  return `${targetYear === null ? "every year" : targetYear} and ${unit ? unit.name : "the whole organisation"}`;
}

export async function listTargets(db: Db, { principal }: Caller, indicatorId: number) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("Sign in to see the targets.");
  await loadIndicator(db, indicatorId);
  return (await selectTargetsOf(db, indicatorId)).map(presentTarget);
}

export async function createTarget(
  db: Db,
  { principal, actor }: Caller,
  indicatorId: number,
  input: z.input<typeof createTargetInput>,
) {
  const data = createTargetInput.parse(input);
  return db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, indicatorId);
    const ownerPath = await ownerPathOf(tx, indicator);
    const unit = await loadTargetUnit(tx, data.unitId, ownerPath);
    await requireTargetManager(tx, principal, indicator, unit);
    checkRule(data.rule, indicator, data.year);
    const duplicate = () =>
      new AppError(
        "conflict",
        `${indicator.code} already has a target for ${describeKey(data.year, unit)}. Change that one instead.`,
        {
          reason: "target_exists",
          params: { indicator: indicator.code, year: data.year, unit: unit?.name ?? null },
          problems: [{ field: "year", code: "in_use", message: "a target for this year and unit exists" }],
        },
      );
    if (await findTargetByKey(tx, { indicatorId, year: data.year, unitId: data.unitId })) throw duplicate();
    try {
      const row = await insertTarget(tx, {
        indicatorId,
        year: data.year,
        unitId: data.unitId,
        rule: data.rule,
        note: data.note ?? null,
      });
      await auditCreation(tx, actor, targetEntity(indicator), row);
      return presentTarget(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  });
}

/**
 * The target to change, once the caller is known to be allowed to: 404, 403, then 409 with the
 * current target. The rights depend on the target's indicator and unit, so it is read once for
 * them and once more by the change helper.
 */
async function loadTargetForChange(tx: Db, principal: Principal, targetId: number, version: number) {
  const found = await findTargetById(tx, targetId);
  if (!found) throw notFound(`Target ${targetId}`);
  const indicator = await loadIndicator(tx, found.indicatorId);
  const unit = found.unitId === null ? null : ((await findUnitById(tx, found.unitId)) ?? null);
  await requireTargetManager(tx, principal, indicator, unit);
  const entity = targetEntity(indicator);
  const target = await loadForChange(tx, entity, targetId, version, `Target ${targetId}`);
  return { target, indicator, entity };
}

export async function updateTarget(
  db: Db,
  { principal, actor }: Caller,
  targetId: number,
  input: z.input<typeof updateTargetInput>,
) {
  const data = updateTargetInput.parse(input);
  return db.transaction(async (tx) => {
    const { target, indicator, entity } = await loadTargetForChange(tx, principal, targetId, data.version);
    if (data.rule) checkRule(data.rule, indicator, target.year);
    const updated = await applyChange(tx, actor, entity, target, "update", () =>
      updateTargetFields(tx, target.id, target.version, {
        ...(data.rule ? { rule: data.rule } : {}),
        ...(data.note !== undefined ? { note: data.note } : {}),
      }),
    );
    return presentTarget(updated);
  });
}

export async function deleteTarget(db: Db, { principal, actor }: Caller, targetId: number, version: number) {
  await db.transaction(async (tx) => {
    const { target, entity } = await loadTargetForChange(tx, principal, targetId, version);
    if (!(await deleteTargetRow(tx, target.id, target.version))) {
      // Someone else changed or removed it meanwhile: the change helper reports it as it does for edits.
      await applyChange(tx, actor, entity, target, "delete", async () => undefined);
    }
    await auditRemoval(tx, actor, entity, target);
  });
}
