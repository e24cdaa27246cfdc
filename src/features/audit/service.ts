import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { auditScopes, canReadAudit } from "../../domain/access.ts";
import { AppError, forbidden } from "../../errors.ts";
import { findUnitById } from "../units/queries.ts";
import { loadLabelFacts } from "./labelQueries.ts";
import { idsToLabel, labelOf } from "./labels.ts";
import { type AuditEntry, insertAuditEntry, selectAuditEntries, selectEntityTypes } from "./queries.ts";
import type { AuditPageView } from "./schema.ts";

/** Who did something: a signed-in user, or the system itself (CLI, demo loader). */
export type Actor = { id: number | null; name: string };

export const systemActor: Actor = { id: null, name: "system" };

/** Writes one audit row. Call it inside the transaction of the mutation it records. */
export function recordAudit(
  tx: Db,
  actor: Actor,
  entry: Omit<AuditEntry, "actorId" | "actorName" | "before" | "after"> & {
    before?: unknown;
    after?: unknown;
  },
) {
  return insertAuditEntry(tx, {
    actorId: actor.id,
    actorName: actor.name,
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export type AuditQuery = {
  unitId?: number;
  actorId?: number;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  beforeId?: number;
};

export async function listAuditEntries(
  db: Db,
  { principal }: Caller,
  query: AuditQuery,
): Promise<AuditPageView> {
  const scopes = auditScopes(principal);
  if (scopes !== null && scopes.length === 0) {
    throw forbidden("Only administrators can read the audit trail.");
  }
  let unitPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnitById(db, query.unitId);
    if (!unit) throw new AppError("not_found", `Unit ${query.unitId} was not found.`);
    if (!canReadAudit(principal, unit.path)) {
      throw forbidden(`You are not an administrator of ${unit.name}, so you cannot read its audit trail.`);
    }
    unitPath = unit.path;
  }
  if (query.from && query.to && query.from > query.to) {
    throw new AppError("validation_failed", "The start of the time span is after its end.", {
      problems: [{ field: "from", code: "after_end", message: "must be before 'to'" }],
    });
  }
  const limit = Math.min(query.limit ?? 100, 500);
  const entries = await selectAuditEntries(db, { ...query, unitPath, scopes, limit });
  const facts = await loadLabelFacts(db, idsToLabel(entries));
  return {
    entries: entries.map((entry) => ({
      ...entry,
      at: entry.at.toISOString(),
      entityLabel: labelOf(entry, facts),
    })),
    entityTypes: await selectEntityTypes(db),
  };
}
