// Risk scales: the one a unit uses is the nearest set on it or a unit above it; none means the
// default three levels. An administrator of a unit sets its scale for the unit and those below.

import { and, eq, sql } from "drizzle-orm";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { riskScales } from "../../db/schema.ts";
import { canEditUnit, type Principal } from "../../domain/access.ts";
import { defaultRiskScale, type RiskScale, validateScale } from "../../domain/risk.ts";
import { idsInPath } from "../../domain/units.ts";
import { AppError, fieldProblem, forbidden, notFound, staleVersion } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { findUnitById } from "../units/queries.ts";
import { countOpenAssessmentsOutside, findScale, type RiskScaleRow, selectScalesOf } from "./queries.ts";
import { scaleProblemCode } from "./scaleProblems.ts";
import type { RiskScaleView } from "./schema.ts";

/** The scale that applies at `path`: the deepest unit on the path with a scale of its own. */
export async function scaleAt(db: Db, path: string): Promise<{ row: RiskScaleRow | null; scale: RiskScale }> {
  const ids = idsInPath(path);
  const rows = await selectScalesOf(db, ids);
  const byUnit = new Map(rows.map((row) => [row.unitId, row]));
  for (const id of [...ids].reverse()) {
    const row = byUnit.get(id);
    if (row) return { row, scale: row.definition };
  }
  return { row: null, scale: defaultRiskScale };
}

async function readableUnit(db: Db, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("unit_not_found", { id: unitId });
  return unit;
}

function present(
  principal: Principal,
  unitId: number,
  path: string,
  found: Awaited<ReturnType<typeof scaleAt>>,
): RiskScaleView {
  return {
    unitId: found.row?.unitId ?? null,
    scale: found.scale,
    inherited: found.row?.unitId !== unitId,
    version: found.row?.unitId === unitId ? found.row.version : null,
    canEdit: canEditUnit(principal, path),
  };
}

export async function getRiskScale(db: Db, { principal }: Caller, unitId: number): Promise<RiskScaleView> {
  const unit = await readableUnit(db, unitId);
  return present(principal, unitId, unit.path, await scaleAt(db, unit.path));
}

/**
 * Sets a unit's own scale. Refused with every problem named when the scale is not valid; the
 * version is 0 for a unit with no scale of its own yet.
 */
export async function saveRiskScale(
  db: Db,
  { principal, actor }: Caller,
  unitId: number,
  input: { version: number; scale: unknown },
): Promise<RiskScaleView> {
  return db.transaction(async (tx) => {
    const unit = await readableUnit(tx, unitId);
    if (!canEditUnit(principal, unit.path)) throw forbidden("risk_scale_not_permitted", { unit: unit.name });
    const checked = validateScale(input.scale);
    if (!checked.ok) {
      throw new AppError("validation_failed", "risk_scale_invalid", {
        problems: checked.problems.map((problem) =>
          fieldProblem(`scale.${problem.path}`, scaleProblemCode(problem.reason), problem.params ?? {}),
        ),
      });
    }
    const before = await findScale(tx, unitId);
    if ((before?.version ?? 0) !== input.version) throw staleVersion(unit.name, before ?? null);
    // A level an open round already uses must stay on the scale, or those assessments would
    // have a level nobody can read or choose.
    const keys = checked.scale.levels.map((level) => level.key);
    const stranded = await countOpenAssessmentsOutside(tx, unitId, unit.path, keys);
    if (stranded > 0) throw new AppError("conflict", "risk_scale_in_use", { params: { count: stranded } });
    const [after] = before
      ? await tx
          .update(riskScales)
          .set({
            definition: checked.scale,
            updatedBy: actor.name,
            version: sql`${riskScales.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(riskScales.unitId, unitId), eq(riskScales.version, before.version)))
          .returning()
      : await tx
          .insert(riskScales)
          .values({ unitId, definition: checked.scale, updatedBy: actor.name })
          .onConflictDoNothing()
          .returning();
    if (!after) throw staleVersion(unit.name, (await findScale(tx, unitId)) ?? null);
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "risk_scale",
      entityId: String(unitId),
      unitId,
      before: before ? { definition: before.definition, version: before.version } : undefined,
      after: { definition: after.definition, version: after.version },
    });
    return present(principal, unitId, unit.path, { row: after, scale: after.definition });
  });
}
