import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageTarget, canReadIndicatorCatalogue, isWithin, type Principal } from "../../domain/access.ts";
import { MAX_YEAR, MIN_YEAR } from "../../domain/periods.ts";
import { TargetError, type TargetRule, validateTarget } from "../../domain/targets.ts";
import { idsInPath } from "../../domain/units.ts";
import { MAX_FIGURE } from "../../domain/values.ts";
import { AppError, type FieldProblem, forbidden, notFound, staleVersion } from "../../errors.ts";
import { id, text, version, year } from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
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

const comparator = z.enum(["gte", "gt", "lte", "lt"]);
// A target is compared with figures, so it has the figures' bound (see domain/values.ts).
const figureMessage = "must be a number from -1 000 000 000 000 to 1 000 000 000 000 (10^12)";
const finite = z
  .number()
  .min(-MAX_FIGURE, { message: figureMessage })
  .max(MAX_FIGURE, { message: figureMessage });
// Changes are fractions (0.15 = +15 %): at most -100 % (the domain wants above it) and +1000 %.
const shareMessage = "must be a fraction from -1 (-100 %) to 10 (+1000 %)";
const share = z.number().min(-1, { message: shareMessage }).max(10, { message: shareMessage });
const inYears = (value: number) => value >= MIN_YEAR && value <= MAX_YEAR;
const yearText = z.string().refine((value) => /^\d{4}$/.test(value) && inYears(Number(value)), {
  message: `must be a year from ${MIN_YEAR} to ${MAX_YEAR} written YYYY`,
});

/** The target kinds of src/domain/targets.ts; validateTarget then checks what ties the fields together. */
export const targetRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("threshold"), comparator, value: finite }),
  z.object({ kind: z.literal("limits"), greenLimit: finite, yellowLimit: finite }),
  z.object({
    kind: z.literal("baseline_change_with_floor"),
    baselineYear: year,
    changePerYear: share,
    limit: finite,
  }),
  z.object({ kind: z.literal("better_than_last_year") }),
  z.object({ kind: z.literal("change_vs_baseline"), baselineYear: year, share }),
  z.object({
    kind: z.literal("yearly_steps"),
    steps: z
      .record(yearText, z.object({ comparator, value: finite }))
      .refine((steps) => Object.keys(steps).length <= 100, { message: "give at most 100 yearly steps" }),
  }),
]) satisfies z.ZodType<TargetRule>;

export const createTargetInput = z.object({
  /** null: the target holds for every year. */
  year: year.nullable(),
  /** null: the general target; else the target for this unit and the units below it. */
  unitId: id.nullable().default(null),
  rule: targetRuleSchema,
  note: text(2000).nullable().optional(),
});

export const updateTargetInput = z.object({
  version,
  rule: targetRuleSchema.optional(),
  note: text(2000).nullable().optional(),
});

export type TargetView = ReturnType<typeof presentTarget>;

export function presentTarget(row: TargetRow) {
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

function auditable(row: TargetRow) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

function invalidRule(problems: FieldProblem[]) {
  const summary = problems.map((p) => p.message).join("; ");
  return new AppError("validation_failed", `The target cannot be used: ${summary}`, { problems });
}

/** The domain's rules for the rule itself, plus what makes a target useless for its year. */
function checkRule(rule: TargetRule, indicator: IndicatorRow, targetYear: number | null) {
  try {
    validateTarget(rule, indicator.direction);
  } catch (error) {
    if (error instanceof TargetError) throw invalidRule([{ field: "rule", message: error.message }]);
    throw error;
  }
  if (
    targetYear !== null &&
    (rule.kind === "baseline_change_with_floor" || rule.kind === "change_vs_baseline") &&
    rule.baselineYear >= targetYear
  ) {
    throw invalidRule([
      {
        field: "rule.baselineYear",
        message: `the baseline year ${rule.baselineYear} must be before the target's year ${targetYear}`,
      },
    ]);
  }
  if (targetYear !== null && rule.kind === "yearly_steps" && rule.steps[String(targetYear)] === undefined) {
    throw invalidRule([
      { field: "rule.steps", message: `there is no step for the target's year ${targetYear}` },
    ]);
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
      problems: [{ field: "unitId", message: "unknown unit" }],
    });
  }
  if (ownerPath !== null && !isWithin(unit.path, ownerPath)) {
    // The indicator is not on that unit's scorecard, so the target could never apply.
    throw new AppError("validation_failed", `${unit.name} is outside the unit that owns this indicator.`, {
      problems: [{ field: "unitId", message: "outside the indicator's owner" }],
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

export async function listTargets(db: Db, principal: Principal, indicatorId: number) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("Sign in to see the targets.");
  await loadIndicator(db, indicatorId);
  return (await selectTargetsOf(db, indicatorId)).map(presentTarget);
}

export async function createTarget(
  db: Db,
  principal: Principal,
  actor: Actor,
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
        { problems: [{ field: "year", message: "a target for this year and unit exists" }] },
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
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "indicator_target",
        entityId: String(row.id),
        unitId: row.unitId ?? indicator.ownerUnitId,
        after: auditable(row),
      });
      return presentTarget(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  });
}

async function loadTargetForChange(tx: Db, principal: Principal, targetId: number, version: number) {
  const target = await findTargetById(tx, targetId);
  if (!target) throw notFound(`Target ${targetId}`);
  const indicator = await loadIndicator(tx, target.indicatorId);
  const unit = target.unitId === null ? null : ((await findUnitById(tx, target.unitId)) ?? null);
  await requireTargetManager(tx, principal, indicator, unit);
  if (target.version !== version) throw staleVersion(`The target`, presentTarget(target));
  return { target, indicator };
}

export async function updateTarget(
  db: Db,
  principal: Principal,
  actor: Actor,
  targetId: number,
  input: z.input<typeof updateTargetInput>,
) {
  const data = updateTargetInput.parse(input);
  return db.transaction(async (tx) => {
    const { target, indicator } = await loadTargetForChange(tx, principal, targetId, data.version);
    if (data.rule) checkRule(data.rule, indicator, target.year);
    const updated = await updateTargetFields(tx, target.id, target.version, {
      ...(data.rule ? { rule: data.rule } : {}),
      ...(data.note !== undefined ? { note: data.note } : {}),
    });
    if (!updated) {
      const current = await findTargetById(tx, target.id);
      throw staleVersion("The target", current ? presentTarget(current) : null);
    }
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "indicator_target",
      entityId: String(target.id),
      unitId: target.unitId ?? indicator.ownerUnitId,
      before: auditable(target),
      after: auditable(updated),
    });
    return presentTarget(updated);
  });
}

export async function deleteTarget(
  db: Db,
  principal: Principal,
  actor: Actor,
  targetId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { target, indicator } = await loadTargetForChange(tx, principal, targetId, version);
    if (!(await deleteTargetRow(tx, target.id, target.version))) {
      const current = await findTargetById(tx, target.id);
      throw staleVersion("The target", current ? presentTarget(current) : null);
    }
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "indicator_target",
      entityId: String(target.id),
      unitId: target.unitId ?? indicator.ownerUnitId,
      before: auditable(target),
    });
  });
}
