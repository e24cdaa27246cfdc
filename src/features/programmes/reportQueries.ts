// SQL of status reports.

import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { statusReports } from "../../db/schema.ts";

export type StatusReportRow = typeof statusReports.$inferSelect;

export type StatusReportFields = Partial<
  Omit<StatusReportRow, "id" | "programmeId" | "period" | "periodEnd" | "version" | "createdAt" | "updatedAt">
>;

export function selectStatusReports(db: Db, programmeId: number): Promise<StatusReportRow[]> {
  return db
    .select()
    .from(statusReports)
    .where(eq(statusReports.programmeId, programmeId))
    .orderBy(desc(statusReports.periodEnd), desc(statusReports.id));
}

export async function findStatusReport(db: Db, id: number): Promise<StatusReportRow | undefined> {
  const [row] = await db.select().from(statusReports).where(eq(statusReports.id, id));
  return row;
}

/** Nothing when the programme has a report for the period already. */
export async function insertStatusReport(
  db: Db,
  values: StatusReportFields & { programmeId: number; period: string; periodEnd: string },
): Promise<StatusReportRow | undefined> {
  const [row] = await db.insert(statusReports).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateStatusReportRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: StatusReportFields,
): Promise<StatusReportRow | undefined> {
  const [row] = await db
    .update(statusReports)
    .set({ ...values, version: sql`${statusReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(statusReports.id, id), eq(statusReports.version, expectedVersion)))
    .returning();
  return row;
}
