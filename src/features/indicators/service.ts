import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { directions, evaluationBases, trendModes, valueKinds } from "../../db/schema.ts";
import { canManageIndicators, canReadIndicatorCatalogue, type Principal } from "../../domain/access.ts";
import { TargetError, validateTarget } from "../../domain/targets.ts";
import { MAX_FIGURE } from "../../domain/values.ts";
import { AppError, type FieldProblem, forbidden, notFound, staleVersion } from "../../errors.ts";
import { id, plainText, text, version } from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
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

export const indicatorCodeSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,31}$/u, {
    message: "must be 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit",
  });

const nullableText = (max: number) => plainText(max).nullable().optional();

/** 100 for percent, 1000 for per 1 000, up to per million; down to a millionth, for unit changes. */
const MIN_SCALE = 1e-6;
const MAX_SCALE = 1e6;
const scaleMessage = "must be from 0.000001 to 1 000 000 (100 for percent, 1000 for per 1 000)";

const editableFields = {
  code: indicatorCodeSchema,
  nameNb: plainText(300).min(1, { message: "is required" }),
  nameEn: nullableText(300),
  definition: text(10_000),
  unitLabel: plainText(50).min(1, { message: "is required" }),
  direction: z.enum(directions),
  valueKind: z.enum(valueKinds),
  // A scale multiplies sums of figures; within these bounds the product stays finite.
  scale: z.number().min(MIN_SCALE, { message: scaleMessage }).max(MAX_SCALE, { message: scaleMessage }),
  decimals: z.number().int().min(0).max(6),
  dataSource: nullableText(300),
  lagMonths: z.number().int().min(0).max(24),
  minDenominator: z
    .number()
    .min(0, { message: "must be 0 or more" })
    .max(MAX_FIGURE, { message: "must be at most 1 000 000 000 000 (10^12)" })
    .nullable()
    .optional(),
  evaluationBasis: z.enum(evaluationBases),
  trendMode: z.enum(trendModes),
  ownerUnitId: id.nullable(),
};

export const createIndicatorInput = z.object({
  ...editableFields,
  definition: editableFields.definition.default(""),
  scale: editableFields.scale.default(1),
  decimals: editableFields.decimals.default(0),
  lagMonths: editableFields.lagMonths.default(0),
  evaluationBasis: editableFields.evaluationBasis.default("this_period"),
  trendMode: editableFields.trendMode.default("relative"),
  ownerUnitId: editableFields.ownerUnitId.default(null),
});

export const updateIndicatorInput = z.object(editableFields).partial().extend({ version });

export const versionInput = z.object({ version });

export type IndicatorView = ReturnType<typeof presentIndicator>;

export function presentIndicator(row: IndicatorRow) {
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
    retiredAt: row.retiredAt,
    version: row.version,
  };
}

function auditable(row: IndicatorRow) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

function invalid(message: string, problems: FieldProblem[]) {
  return new AppError("validation_failed", message, { problems });
}

function duplicateCode(code: string) {
  return new AppError("conflict", `The code ${code} is already used by another indicator.`, {
    problems: [{ field: "code", message: "already in use" }],
  });
}

async function ownerPath(db: Db, ownerUnitId: number | null): Promise<string | null> {
  if (ownerUnitId === null) return null;
  const unit = await findUnitById(db, ownerUnitId);
  if (!unit)
    throw invalid(`The owner unit ${ownerUnitId} does not exist.`, [
      { field: "ownerUnitId", message: "unknown unit" },
    ]);
  return unit.path;
}

function requireManager(principal: Principal, path: string | null) {
  if (!canManageIndicators(principal, path)) {
    throw forbidden(
      path === null
        ? "Only a system administrator can manage organisation-wide indicators."
        : "You need the administrator role on the unit that owns this indicator.",
    );
  }
}

/** Rules that tie fields together; the zod schema checks each field alone. */
function checkConsistency(values: Pick<IndicatorValues, "valueKind" | "minDenominator">) {
  if (values.valueKind !== "ratio" && values.minDenominator !== null && values.minDenominator !== undefined) {
    throw invalid("Only ratio indicators have a minimum denominator.", [
      { field: "minDenominator", message: "only for ratio indicators" },
    ]);
  }
}

export async function listIndicators(db: Db, principal: Principal, options: { includeRetired: boolean }) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("Sign in to see the indicators.");
  return (await selectIndicators(db, options)).map(presentIndicator);
}

export async function getIndicator(db: Db, principal: Principal, id: number) {
  if (!canReadIndicatorCatalogue(principal)) throw forbidden("Sign in to see the indicators.");
  const row = await findIndicatorById(db, id);
  if (!row) throw notFound(`Indicator ${id}`);
  return presentIndicator(row);
}

export async function createIndicator(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: z.input<typeof createIndicatorInput>,
) {
  const data = createIndicatorInput.parse(input);
  return db.transaction(async (tx) => {
    requireManager(principal, await ownerPath(tx, data.ownerUnitId));
    checkConsistency(data);
    if (await indicatorCodeTaken(tx, data.code, null)) throw duplicateCode(data.code);
    try {
      const row = await insertIndicator(tx, {
        ...data,
        nameEn: data.nameEn ?? null,
        dataSource: data.dataSource ?? null,
        minDenominator: data.minDenominator ?? null,
      });
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "indicator",
        entityId: String(row.id),
        unitId: row.ownerUnitId,
        after: auditable(row),
      });
      return presentIndicator(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(data.code);
      throw error;
    }
  });
}

async function loadForChange(tx: Db, id: number, version: number) {
  const row = await findIndicatorById(tx, id);
  if (!row) throw notFound(`Indicator ${id}`);
  if (row.version !== version) throw staleVersion(`Indicator ${row.code}`, presentIndicator(row));
  return row;
}

async function applyChange(
  tx: Db,
  row: IndicatorRow,
  actor: Actor,
  action: string,
  values: Parameters<typeof updateIndicatorFields>[3],
) {
  const updated = await updateIndicatorFields(tx, row.id, row.version, values);
  if (!updated) {
    const current = await findIndicatorById(tx, row.id);
    throw staleVersion(`Indicator ${row.code}`, current ? presentIndicator(current) : null);
  }
  await recordAudit(tx, actor, {
    action,
    entityType: "indicator",
    entityId: String(row.id),
    unitId: updated.ownerUnitId,
    before: auditable(row),
    after: auditable(updated),
  });
  return presentIndicator(updated);
}

export async function updateIndicator(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: number,
  input: z.input<typeof updateIndicatorInput>,
) {
  const { version, ...changes } = updateIndicatorInput.parse(input);
  return db.transaction(async (tx) => {
    const row = await loadForChange(tx, id, version);
    requireManager(principal, await ownerPath(tx, row.ownerUnitId));
    if (changes.ownerUnitId !== undefined && changes.ownerUnitId !== row.ownerUnitId) {
      // Handing an indicator over needs the right to manage it where it goes, too.
      requireManager(principal, await ownerPath(tx, changes.ownerUnitId));
    }
    const merged = { ...row, ...changes };
    checkConsistency(merged);
    if (changes.valueKind !== undefined && changes.valueKind !== row.valueKind) {
      // Stored figures mean different things per kind (a count has no denominator): changing the
      // kind under existing data would silently reinterpret it.
      if (await indicatorHasMeasurements(tx, row.id)) {
        throw new AppError(
          "conflict",
          `${row.code} already has measurements; its value kind cannot change. Create a new indicator instead.`,
          { problems: [{ field: "valueKind", message: "indicator has measurements" }] },
        );
      }
    }
    if (changes.direction !== undefined && changes.direction !== row.direction) {
      await checkTargetsFitDirection(tx, row.id, changes.direction);
    }
    if (changes.code && (await indicatorCodeTaken(tx, changes.code, row.id)))
      throw duplicateCode(changes.code);
    try {
      return await applyChange(tx, row, actor, "update", changes);
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
      problems.push({ field: "direction", message: `target ${target.id}: ${error.message}` });
    }
  }
  if (problems.length > 0) {
    throw new AppError("conflict", "Some targets do not fit the new direction. Change them first.", {
      problems,
    });
  }
}

export async function setIndicatorRetired(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: number,
  input: z.input<typeof versionInput>,
  retired: boolean,
) {
  const { version } = versionInput.parse(input);
  return db.transaction(async (tx) => {
    const row = await loadForChange(tx, id, version);
    requireManager(principal, await ownerPath(tx, row.ownerUnitId));
    if ((row.retiredAt !== null) === retired) {
      throw new AppError("conflict", `${row.code} is already ${retired ? "retired" : "in use"}.`);
    }
    return applyChange(tx, row, actor, retired ? "retire" : "reinstate", {
      retiredAt: retired ? new Date() : null,
    });
  });
}
