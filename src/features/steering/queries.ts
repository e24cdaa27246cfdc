import { and, asc, desc, eq, inArray, max, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  type DocumentKind,
  documentChapters,
  indicators,
  type ReportingPoint,
  type RequirementKind,
  requirements,
  steeringDocumentRecipients,
  steeringDocuments,
  units,
} from "../../db/schema.ts";

export type DocumentRow = typeof steeringDocuments.$inferSelect;
export type ChapterRow = typeof documentChapters.$inferSelect;
export type RequirementRow = typeof requirements.$inferSelect;
export type UnitSummary = { id: number; code: string; name: string; path: string };

const unitSummary = { id: units.id, code: units.code, name: units.name, path: units.path };

export async function findDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(steeringDocuments).where(eq(steeringDocuments.id, id));
  return row;
}

/** Locks the document row for the rest of the transaction, so that edits and publishing take turns. */
export async function lockDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(steeringDocuments).where(eq(steeringDocuments.id, id)).for("update");
  return row;
}

export async function selectDocuments(
  db: Db,
  filter: { year?: number; issuingUnitId?: number; kind?: DocumentKind },
): Promise<DocumentRow[]> {
  const conditions = [];
  if (filter.year !== undefined) conditions.push(eq(steeringDocuments.year, filter.year));
  if (filter.issuingUnitId !== undefined) {
    conditions.push(eq(steeringDocuments.issuingUnitId, filter.issuingUnitId));
  }
  if (filter.kind !== undefined) conditions.push(eq(steeringDocuments.kind, filter.kind));
  return db
    .select()
    .from(steeringDocuments)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(
      desc(steeringDocuments.year),
      asc(steeringDocuments.title),
      asc(steeringDocuments.versionNumber),
    );
}

export async function selectSeries(db: Db, seriesKey: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(steeringDocuments)
    .where(eq(steeringDocuments.seriesKey, seriesKey))
    .orderBy(asc(steeringDocuments.versionNumber));
}

export async function insertDocument(
  db: Db,
  values: {
    seriesKey: string;
    versionNumber: number;
    previousVersionId: number | null;
    year: number;
    issuingUnitId: number;
    kind: DocumentKind;
    title: string;
  },
): Promise<DocumentRow> {
  const [row] = await db.insert(steeringDocuments).values(values).returning();
  if (!row) throw new Error("insert into steering_documents returned no row");
  return row;
}

export async function updateDocumentFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<DocumentRow, "title" | "year" | "kind" | "state" | "publishedAt" | "publishedBy">>,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .update(steeringDocuments)
    .set({ ...values, version: sql`${steeringDocuments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(steeringDocuments.id, id), eq(steeringDocuments.version, expectedVersion)))
    .returning();
  return row;
}

/** Bumps a draft's version when its content (chapters, requirements) changes, so that publishing sees it. */
export async function touchDocument(db: Db, id: number) {
  await db
    .update(steeringDocuments)
    .set({ version: sql`${steeringDocuments.version} + 1`, updatedAt: new Date() })
    .where(eq(steeringDocuments.id, id));
}

export async function deleteDocument(db: Db, id: number) {
  await db.delete(requirements).where(eq(requirements.documentId, id));
  await db.delete(steeringDocuments).where(eq(steeringDocuments.id, id));
}

export async function selectRecipients(db: Db, documentId: number): Promise<UnitSummary[]> {
  return db
    .select(unitSummary)
    .from(steeringDocumentRecipients)
    .innerJoin(units, eq(units.id, steeringDocumentRecipients.unitId))
    .where(eq(steeringDocumentRecipients.documentId, documentId))
    .orderBy(asc(units.path));
}

export async function selectRecipientsOf(db: Db, documentIds: number[]) {
  if (documentIds.length === 0) return [];
  return db
    .select({ documentId: steeringDocumentRecipients.documentId, ...unitSummary })
    .from(steeringDocumentRecipients)
    .innerJoin(units, eq(units.id, steeringDocumentRecipients.unitId))
    .where(inArray(steeringDocumentRecipients.documentId, documentIds))
    .orderBy(asc(units.path));
}

export async function replaceRecipients(db: Db, documentId: number, unitIds: number[]) {
  await db.delete(steeringDocumentRecipients).where(eq(steeringDocumentRecipients.documentId, documentId));
  if (unitIds.length > 0) {
    await db.insert(steeringDocumentRecipients).values(unitIds.map((unitId) => ({ documentId, unitId })));
  }
}

export async function selectUnitsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...unitSummary, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(inArray(units.id, ids));
}

export async function findUnitSummary(db: Db, id: number): Promise<UnitSummary | undefined> {
  const [row] = await db.select(unitSummary).from(units).where(eq(units.id, id));
  return row;
}

export async function selectAllUnitCodes(db: Db) {
  return db.select({ id: units.id, code: units.code }).from(units);
}

// ---- Chapters ----

export async function selectChapters(db: Db, documentId: number): Promise<ChapterRow[]> {
  return db
    .select()
    .from(documentChapters)
    .where(eq(documentChapters.documentId, documentId))
    .orderBy(asc(documentChapters.position), asc(documentChapters.id));
}

export async function findChapter(db: Db, id: number): Promise<ChapterRow | undefined> {
  const [row] = await db.select().from(documentChapters).where(eq(documentChapters.id, id));
  return row;
}

export async function insertChapters(
  db: Db,
  rows: { documentId: number; lineageKey: string; position: number; title: string }[],
): Promise<ChapterRow[]> {
  if (rows.length === 0) return [];
  return db.insert(documentChapters).values(rows).returning();
}

export async function updateChapterFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<ChapterRow, "title" | "position">>,
): Promise<ChapterRow | undefined> {
  const [row] = await db
    .update(documentChapters)
    .set({ ...values, version: sql`${documentChapters.version} + 1`, updatedAt: new Date() })
    .where(and(eq(documentChapters.id, id), eq(documentChapters.version, expectedVersion)))
    .returning();
  return row;
}

export async function setChapterPosition(db: Db, id: number, position: number) {
  await db.update(documentChapters).set({ position }).where(eq(documentChapters.id, id));
}

export async function deleteChapter(db: Db, id: number) {
  await db.delete(documentChapters).where(eq(documentChapters.id, id));
}

export async function countRequirementsInChapter(db: Db, chapterId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(requirements)
    .where(eq(requirements.chapterId, chapterId));
  return row?.count ?? 0;
}

// ---- Requirements ----

export type NewRequirement = {
  documentId: number;
  chapterId: number | null;
  lineageKey: string;
  position: number;
  number: string;
  kind: RequirementKind;
  text: string;
  source: string | null;
  appliesToUnitIds: number[] | null;
  frequency: ReportingPoint[];
  deadline: string | null;
  selectedForRiskAssessment: boolean;
  derivedFromId: number | null;
  leadUnitId: number | null;
  indicatorId: number | null;
};

export async function selectRequirements(db: Db, documentId: number): Promise<RequirementRow[]> {
  return db
    .select()
    .from(requirements)
    .where(eq(requirements.documentId, documentId))
    .orderBy(asc(requirements.position), asc(requirements.id));
}

export async function findRequirement(db: Db, id: number): Promise<RequirementRow | undefined> {
  const [row] = await db.select().from(requirements).where(eq(requirements.id, id));
  return row;
}

export async function selectRequirementNumbers(db: Db, documentId: number): Promise<Set<string>> {
  const rows = await db
    .select({ number: requirements.number })
    .from(requirements)
    .where(eq(requirements.documentId, documentId));
  return new Set(rows.map((row) => row.number));
}

export async function numberTakenByOther(
  db: Db,
  documentId: number,
  number: string,
  exceptId: number | null,
) {
  const [row] = await db
    .select({ id: requirements.id })
    .from(requirements)
    .where(
      and(
        eq(requirements.documentId, documentId),
        eq(requirements.number, number),
        exceptId === null ? undefined : ne(requirements.id, exceptId),
      ),
    );
  return row !== undefined;
}

export async function nextRequirementPosition(db: Db, documentId: number): Promise<number> {
  const [row] = await db
    .select({ last: max(requirements.position) })
    .from(requirements)
    .where(eq(requirements.documentId, documentId));
  return (row?.last ?? 0) + 1;
}

/** Inserts in chunks so that large tables stay under the database's limit on parameters. */
export async function insertRequirements(db: Db, rows: NewRequirement[]): Promise<RequirementRow[]> {
  const inserted: RequirementRow[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    inserted.push(
      ...(await db
        .insert(requirements)
        .values(rows.slice(start, start + 1000))
        .returning()),
    );
  }
  return inserted;
}

export async function updateRequirementFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Omit<NewRequirement, "documentId" | "lineageKey" | "position">>,
): Promise<RequirementRow | undefined> {
  const [row] = await db
    .update(requirements)
    .set({ ...values, version: sql`${requirements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(requirements.id, id), eq(requirements.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteRequirement(db: Db, id: number) {
  await db.delete(requirements).where(eq(requirements.id, id));
}

/** Requirements that point to one of these as their source, in any document. */
export async function selectDerivedRequirements(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: requirements.id,
      number: requirements.number,
      derivedFromId: requirements.derivedFromId,
      documentId: steeringDocuments.id,
      documentTitle: steeringDocuments.title,
      year: steeringDocuments.year,
      versionNumber: steeringDocuments.versionNumber,
      state: steeringDocuments.state,
    })
    .from(requirements)
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, requirements.documentId))
    .where(inArray(requirements.derivedFromId, ids));
}

/** A requirement with the document it belongs to, for derived-from links. */
export async function selectRequirementsWithDocument(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: requirements.id,
      number: requirements.number,
      text: requirements.text,
      documentId: steeringDocuments.id,
      documentTitle: steeringDocuments.title,
      year: steeringDocuments.year,
      versionNumber: steeringDocuments.versionNumber,
      state: steeringDocuments.state,
      issuingUnitId: steeringDocuments.issuingUnitId,
      issuerPath: units.path,
      issuerName: units.name,
    })
    .from(requirements)
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, requirements.documentId))
    .innerJoin(units, eq(units.id, steeringDocuments.issuingUnitId))
    .where(inArray(requirements.id, ids));
}

/** Published documents addressed to a unit and issued by a unit above it: where its requirements may come from. */
export async function selectDocumentsAbove(db: Db, unitId: number, unitPath: string) {
  return db
    .select({ document: steeringDocuments, issuerPath: units.path })
    .from(steeringDocuments)
    .innerJoin(steeringDocumentRecipients, eq(steeringDocumentRecipients.documentId, steeringDocuments.id))
    .innerJoin(units, eq(units.id, steeringDocuments.issuingUnitId))
    .where(
      and(
        eq(steeringDocumentRecipients.unitId, unitId),
        eq(steeringDocuments.state, "published"),
        sql`${unitPath} like ${units.path} || '%'`,
        ne(units.path, unitPath),
      ),
    )
    .orderBy(desc(steeringDocuments.year), asc(steeringDocuments.title));
}

export async function indicatorExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, id));
  return row !== undefined;
}
