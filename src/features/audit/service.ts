import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { auditScopes, canReadAudit } from "../../domain/access.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
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
    throw forbidden("audit_not_permitted");
  }
  let unitPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnitById(db, query.unitId);
    if (!unit) throw notFound("audit_unit_not_found", { id: query.unitId });
    if (!canReadAudit(principal, unit.path)) {
      throw forbidden("audit_unit_not_permitted", { unit: unit.name });
    }
    unitPath = unit.path;
  }
  if (query.from && query.to && query.from > query.to) {
    throw new AppError("validation_failed", "audit_span_reversed", {
      problems: [fieldProblem("from", "audit_from")],
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
