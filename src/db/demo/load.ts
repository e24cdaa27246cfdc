import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../caller.ts";
import { type Actor, systemActor } from "../../features/audit/service.ts";
import { findUnitByCode } from "../../features/units/queries.ts";
import { createUnit } from "../../features/units/service.ts";
import { assignRole, createUser, operatorPrincipal } from "../../features/users/service.ts";
import type { Db } from "../client.ts";
import { roles, unitKinds, units } from "../schema.ts";
import { loadActionPlanDemo } from "./actionPlans.ts";
import { loadDemoIndicators } from "./indicators.ts";
import { loadProgrammesDemo } from "./programmes.ts";
import { loadReportingDemo } from "./reporting.ts";
import { loadMeasuresDemo, loadUnitRisksDemo } from "./risk.ts";
import demoFile from "./units.json" with { type: "json" };

const demoSchema = z.object({
  units: z.array(
    z.object({ code: z.string(), name: z.string(), kind: z.enum(unitKinds), parent: z.string().nullable() }),
  ),
  users: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      systemAdmin: z.boolean(),
      roles: z.array(z.object({ unit: z.string(), role: z.enum(roles) })),
    }),
  ),
  password: z.string(),
});

export const demo = demoSchema.parse(demoFile);

export async function hasAnyUnit(db: Db): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(units);
  return (row?.count ?? 0) > 0;
}

/**
 * Loads the demo organisation and one user per role through the same services as the API, so
 * the demo data obeys every rule and appears in the audit trail. Refuses a non-empty database.
 */
export async function loadDemoData(db: Db, actor: Actor = systemActor) {
  if (await hasAnyUnit(db)) return { loaded: false as const };
  const caller: Caller = { principal: operatorPrincipal, actor };
  const validFrom = "2020-01-01";
  for (const unit of demo.units) {
    const parent = unit.parent ? await findUnitByCode(db, unit.parent) : null;
    await createUnit(
      db,
      { principal: operatorPrincipal, actor },
      {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: parent?.id ?? null,
        validFrom,
      },
    );
  }
  for (const person of demo.users) {
    const user = await createUser(db, caller, {
      username: person.username,
      displayName: person.displayName,
      password: demo.password,
      isSystemAdmin: person.systemAdmin,
    });
    for (const role of person.roles) {
      const unit = await findUnitByCode(db, role.unit);
      if (!unit) throw new Error(`demo role names unknown unit ${role.unit}`);
      await assignRole(db, caller, user.id, { unitId: unit.id, role: role.role });
    }
  }
  const reporting = await loadReportingDemo(db, actor);
  const indicators = await loadDemoIndicators(db, actor);
  // Measures link to indicators, so they come after the catalogue.
  const measures = await loadMeasuresDemo(db, actor, reporting.hfDocumentId);
  const unitRisks = await loadUnitRisksDemo(db, actor);
  // Issue 14: seed 004's action plan and the programmes of seeds 001 and 000.
  const actionPlan = await loadActionPlanDemo(db, actor);
  const programmes = await loadProgrammesDemo(db, actor);
  return {
    loaded: true as const,
    units: demo.units.length,
    users: demo.users.length,
    ...indicators,
    measures,
    unitRisks,
    actionPlanMeasures: actionPlan.measures,
    ...programmes,
  };
}
