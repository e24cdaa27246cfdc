// Removing one part of a plan version that may still change (a sub-goal, a key indicator, a
// measure's place in the plan): at the version read, refused when someone saved first, audited.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { staleVersion } from "../../errors.ts";
import { auditRemoval, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { loadEditablePlan } from "./access.ts";
import type { PlanRow } from "./queries.ts";

export type PlanPart<Row extends { id: number; version: number }> = {
  /** Throws 404 unless the part belongs to the plan. */
  of: (db: Db, planId: number, id: number) => Promise<unknown>;
  entity: (plan: PlanRow) => VersionedEntity<Row>;
  /** Deletes at the version; nothing returned when the version moved on. */
  remove: (db: Db, id: number, version: number) => Promise<Row | undefined>;
  /** Refuses the removal, when it would lose something. */
  refuse?: (db: Db, row: Row) => Promise<void>;
};

export async function removePlanPart<Row extends { id: number; version: number }>(
  db: Db,
  { principal, actor }: Caller,
  planId: number,
  id: number,
  version: number,
  part: PlanPart<Row>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { plan } = await loadEditablePlan(tx, principal, planId);
    await part.of(tx, planId, id);
    const entity = part.entity(plan);
    const row = await loadForChange(tx, entity, id, version, "action_plan_part_not_found");
    await part.refuse?.(tx, row);
    if (!(await part.remove(tx, id, row.version))) throw staleVersion(entity.describe(row), null);
    await auditRemoval(tx, actor, entity, row);
  });
}
