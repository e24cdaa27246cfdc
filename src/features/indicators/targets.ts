import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageTarget, canReadIndicatorCatalogue, isWithin, type Principal } from "../../domain/access.ts";
import {
  TargetError,
  type TargetProblemCode,
  type TargetRule,
  validateTarget,
} from "../../domain/targets.ts";
import { idsInPath } from "../../domain/units.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
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
  // A target has no name of its own: a stale answer says so in general words.
  describe: () => "",
  present: presentTarget,
  unitOf: (row) => row.unitId ?? indicator.ownerUnitId,
  find: findTargetById,
});

type RuleProblem = TargetProblemCode | "baseline_not_before_year" | "no_step_for_year";

/** A rule that cannot be used: the reason says why in a sentence, the field in a phrase. */
function invalidRule(field: string, code: RuleProblem, params: Record<string, number>) {
  return new AppError("validation_failed", `target_${code}`, {
    params,
    problems: [fieldProblem(field, code, params)],
  });
}

/** The domain's rules for the rule itself, plus what makes a target useless for its year. */
function checkRule(rule: TargetRule, indicator: IndicatorRow, targetYear: number | null) {
  try {
    validateTarget(rule, indicator.direction);
  } catch (error) {
    if (error instanceof TargetError) {
      throw invalidRule("rule", error.code, error.params);
    }
    throw error;
  }
  if (
    targetYear !== null &&
    (rule.kind === "baseline_change_with_floor" || rule.kind === "change_vs_baseline") &&
    rule.baselineYear >= targetYear
  ) {
    throw invalidRule("rule.baselineYear", "baseline_not_before_year", {
      baselineYear: rule.baselineYear,
      year: targetYear,
    });
  }
  if (targetYear !== null && rule.kind === "yearly_steps" && rule.steps[String(targetYear)] === undefined) {
    throw invalidRule("rule.steps", "no_step_for_year", { year: targetYear });
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
  if (!indicator) throw notFound("indicator_not_found", { id: indicatorId });
  return indicator;
}

async function loadTargetUnit(db: Db, unitId: number | null, ownerPath: string | null) {
  if (unitId === null) return null;
  const unit = await findUnitById(db, unitId);
  if (!unit) {
    throw new AppError("validation_failed", "target_unit_not_found", {
      params: { unitId },
      problems: [fieldProblem("unitId", "unknown_unit", { unitId })],
    });
  }
  if (ownerPath !== null && !isWithin(unit.path, ownerPath)) {
    // The indicator is not on that unit's scorecard, so the target could never apply.
    throw new AppError("validation_failed", "target_unit_outside_owner", {
      params: { unit: unit.name },
      problems: [fieldProblem("unitId", "outside_owner", { unit: unit.name })],
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
    throw unit
      ? forbidden("target_unit_needs_parent_admin", { unit: unit.name })
      : forbidden("target_general_needs_manager");
  }
  return ownerPath;
}

/** Why a second target for the same year and unit is refused: the words depend on which is given. */
function targetExistsReason(targetYear: number | null, unit: UnitRow | null) {
  if (targetYear === null) return unit ? "target_exists_every_year_unit" : "target_exists_every_year_general";
  return unit ? "target_exists_year_unit" : "target_exists_year_general";
}

export async function listTargets(db: Db, { principal }: Caller, indicatorId: number) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("targets_sign_in");
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
      new AppError("conflict", targetExistsReason(data.year, unit), {
        params: { indicator: indicator.code, year: data.year, unit: unit?.name ?? null },
        problems: [fieldProblem("year", "target_taken", { year: data.year, unit: unit?.name ?? null })],
      });
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
  if (!found) throw notFound("target_not_found", { targetId });
  const indicator = await loadIndicator(tx, found.indicatorId);
  const unit = found.unitId === null ? null : ((await findUnitById(tx, found.unitId)) ?? null);
  await requireTargetManager(tx, principal, indicator, unit);
  const entity = targetEntity(indicator);
  const target = await loadForChange(tx, entity, targetId, version, "target_not_found");
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
