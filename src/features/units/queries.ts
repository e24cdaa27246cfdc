import { and, asc, eq, gt, isNull, like, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type UnitKind, units } from "../../db/schema.ts";
import { pathFor } from "../../domain/units.ts";

export type UnitRow = typeof units.$inferSelect;

export async function findUnitById(db: Db, id: number): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(sql`lower(${units.code}) = lower(${code})`);
  return row;
}

export async function selectAllUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(asc(units.path));
}

export async function insertUnit(
  db: Db,
  values: {
    code: string;
    name: string;
    kind: UnitKind;
    parentId: number | null;
    parentPath: string | null;
    validFrom: string;
    validTo: string | null;
  },
): Promise<UnitRow> {
  // The path holds the unit's own id: draw the id first so the row is never stored without it.
  const [next] = await db
    .select({ id: sql<number>`nextval(pg_get_serial_sequence('units', 'id'))::int` })
    .from(sql`(select 1) as one`);
  if (!next) throw new Error("could not draw a unit id");
  const [row] = await db
    .insert(units)
    .values({
      id: next.id,
      code: values.code,
      name: values.name,
      kind: values.kind,
      parentId: values.parentId,
      validFrom: values.validFrom,
      validTo: values.validTo,
      path: pathFor(next.id, values.parentPath),
    })
    .returning();
  if (!row) throw new Error("insert into units returned no row");
  return row;
}

export async function updateUnitFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<UnitRow, "code" | "name" | "kind" | "validFrom" | "validTo" | "parentId">>,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(units)
    .set({ ...values, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
    .returning();
  return row;
}

/** Rewrites the path prefix of a whole subtree after a move. */
export async function rebaseSubtree(db: Db, oldPath: string, newPath: string) {
  await db
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})` })
    .where(like(units.path, `${oldPath}%`));
}

/** Sub-units still active on or after `day`. */
export async function countActiveChildren(db: Db, parentId: number, day: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, parentId), or(isNull(units.validTo), gt(units.validTo, day))));
  return row?.count ?? 0;
}

export async function codeTakenByOther(db: Db, code: string, exceptId: number | null): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      exceptId === null
        ? sql`lower(${units.code}) = lower(${code})`
        : and(sql`lower(${units.code}) = lower(${code})`, ne(units.id, exceptId)),
    );
  return row !== undefined;
}
