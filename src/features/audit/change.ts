// The one way a versioned row changes: load it for the change, refuse a stale version, write with
// the version in the WHERE clause (so a change made meanwhile is refused too), and audit the row
// before and after in the same transaction. Every feature's edits go through here.

import type { Db } from "../../db/client.ts";
import { notFound, staleVersion } from "../../errors.ts";
import type { ProblemReason } from "../../i18n/problems/index.ts";
import { type Actor, recordAudit } from "./service.ts";

/** What the change helper must know of a feature's versioned table. */
export type VersionedEntity<Row extends { id: number; version: number }> = {
  /** The audit trail's name for the table: "unit", "indicator", ... */
  entityType: string;
  /**
   * The row's own name for the stale-version message ("HF-01", a title), in no language; null
   * when it has none, and the message says "this".
   */
  describe: (row: Row) => string | null;
  /** The row as the API shows it: a stale-version answer carries the current one. */
  present: (row: Row) => unknown;
  /** The unit the change belongs to, so the audit trail can be read per unit. */
  unitOf: (row: Row) => number | null;
  find: (tx: Db, id: number) => Promise<Row | undefined>;
};

/** A row as the audit trail keeps it: without the timestamps, which the entry has itself. */
export function auditState<Row extends object>(row: Row) {
  const {
    createdAt: _created,
    updatedAt: _updated,
    ...rest
  } = row as Row & {
    createdAt?: unknown;
    updatedAt?: unknown;
  };
  return rest;
}

/**
 * The row to change, or 404 (`missing` is the reason then, worded with the id) or 409 when the
 * editor read an older version. Access checks come after, with the loaded row.
 */
export async function loadForChange<Row extends { id: number; version: number }>(
  tx: Db,
  entity: VersionedEntity<Row>,
  id: number,
  version: number,
  missing: ProblemReason = "not_found",
): Promise<Row> {
  const row = await entity.find(tx, id);
  if (!row) throw notFound(missing, { id });
  if (row.version !== version) throw staleVersion(entity.describe(row), entity.present(row));
  return row;
}

/**
 * Writes a change to `row` and audits it. `write` must update only where the version is still
 * `row.version` (and raise it), answering the new row or nothing when someone else came first.
 */
export async function applyChange<Row extends { id: number; version: number }>(
  tx: Db,
  actor: Actor,
  entity: VersionedEntity<Row>,
  row: Row,
  action: string,
  write: () => Promise<Row | undefined>,
): Promise<Row> {
  const updated = await write();
  if (!updated) {
    const current = await entity.find(tx, row.id);
    throw staleVersion(entity.describe(row), current ? entity.present(current) : null);
  }
  await recordAudit(tx, actor, {
    action,
    entityType: entity.entityType,
    entityId: String(row.id),
    unitId: entity.unitOf(updated),
    before: auditState(row),
    after: auditState(updated),
  });
  return updated;
}

/** Audits a new row. */
export function auditCreation<Row extends { id: number }>(
  tx: Db,
  actor: Actor,
  entity: Pick<VersionedEntity<Row & { version: number }>, "entityType" | "unitOf">,
  row: Row & { version: number },
  action = "create",
) {
  return recordAudit(tx, actor, {
    action,
    entityType: entity.entityType,
    entityId: String(row.id),
    unitId: entity.unitOf(row),
    after: auditState(row),
  });
}

/** Audits a row that is gone. */
export function auditRemoval<Row extends { id: number; version: number }>(
  tx: Db,
  actor: Actor,
  entity: Pick<VersionedEntity<Row>, "entityType" | "unitOf">,
  row: Row,
  action = "delete",
) {
  return recordAudit(tx, actor, {
    action,
    entityType: entity.entityType,
    entityId: String(row.id),
    unitId: entity.unitOf(row),
    before: auditState(row),
  });
}
