import { and, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditLog, units } from "../../db/schema.ts";

export type AuditEntry = {
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  before: unknown;
  after: unknown;
};

export async function insertAuditEntry(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export type AuditFilter = {
  unitPath?: string;
  actorId?: number;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Only entries on units below one of these paths; null means no restriction. */
  scopes: string[] | null;
  limit: number;
  beforeId?: number;
};

export async function selectAuditEntries(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.unitPath) conditions.push(like(units.path, `${filter.unitPath}%`));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  if (filter.scopes !== null) {
    if (filter.scopes.length === 0) return [];
    const scoped = or(...filter.scopes.map((scope) => like(units.path, `${scope}%`)));
    if (scoped) conditions.push(scoped);
  }
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      unitId: auditLog.unitId,
      unitName: units.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

export async function selectEntityTypes(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType);
  return rows.map((row) => row.entityType);
}
