import { and, desc, eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { documentTemplates, generatedDocuments, type TemplateSource } from "../../db/schema/documents.ts";
import { units } from "../../db/schema.ts";
import type { DocumentData, DocumentLocale, DocumentType } from "./model.ts";
import type { DocumentTemplate } from "./template.ts";

export type TemplateRow = typeof documentTemplates.$inferSelect;
export type GeneratedDocumentRow = typeof generatedDocuments.$inferSelect;

export async function findTemplate(
  db: Db,
  documentType: DocumentType,
  unitId: number | null,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(
      and(
        eq(documentTemplates.documentType, documentType),
        unitId === null ? isNull(documentTemplates.unitId) : eq(documentTemplates.unitId, unitId),
      ),
    );
  return row;
}

export async function insertTemplate(
  db: Db,
  values: { documentType: DocumentType; unitId: number | null; template: DocumentTemplate },
): Promise<TemplateRow> {
  const [row] = await db.insert(documentTemplates).values(values).returning();
  if (!row) throw new Error("insert into document_templates returned no row");
  return row;
}

/** Undefined when someone else changed it first (the version moved on). */
export async function updateTemplate(
  db: Db,
  id: number,
  expectedVersion: number,
  template: DocumentTemplate,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .update(documentTemplates)
    .set({ template, version: sql`${documentTemplates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(documentTemplates.id, id), eq(documentTemplates.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertGeneratedDocument(
  db: Db,
  values: {
    documentType: DocumentType;
    unitId: number;
    period: string;
    locale: DocumentLocale;
    title: string;
    snapshot: DocumentData;
    snapshotHash: string;
    template: DocumentTemplate;
    templateSource: TemplateSource;
    takenAt: Date;
    createdById: number | null;
    createdByName: string;
  },
): Promise<GeneratedDocumentRow> {
  const [row] = await db.insert(generatedDocuments).values(values).returning();
  if (!row) throw new Error("insert into generated_documents returned no row");
  return row;
}

export async function findGeneratedDocument(
  db: Db,
  id: number,
): Promise<(GeneratedDocumentRow & { unitPath: string; unitName: string }) | undefined> {
  const [row] = await db
    .select({ document: generatedDocuments, unitPath: units.path, unitName: units.name })
    .from(generatedDocuments)
    .innerJoin(units, eq(units.id, generatedDocuments.unitId))
    .where(eq(generatedDocuments.id, id));
  return row ? { ...row.document, unitPath: row.unitPath, unitName: row.unitName } : undefined;
}

/** Document headers (no snapshots) newest first, limited to the subtrees the reader may see. */
export async function selectGeneratedDocuments(
  db: Db,
  filter: {
    unitId?: number;
    documentType?: DocumentType;
    period?: string;
    /** Null: everywhere (a system administrator). */
    readablePaths: string[] | null;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.unitId !== undefined) conditions.push(eq(generatedDocuments.unitId, filter.unitId));
  if (filter.documentType !== undefined)
    conditions.push(eq(generatedDocuments.documentType, filter.documentType));
  if (filter.period !== undefined) conditions.push(eq(generatedDocuments.period, filter.period));
  if (filter.readablePaths !== null) {
    const scopes = filter.readablePaths.map((path) => like(units.path, `${path}%`));
    conditions.push(scopes.length > 0 ? (or(...scopes) as SQL) : sql`false`);
  }
  return db
    .select({
      id: generatedDocuments.id,
      documentType: generatedDocuments.documentType,
      unitId: generatedDocuments.unitId,
      unitName: units.name,
      period: generatedDocuments.period,
      locale: generatedDocuments.locale,
      title: generatedDocuments.title,
      snapshotHash: generatedDocuments.snapshotHash,
      templateSource: generatedDocuments.templateSource,
      takenAt: generatedDocuments.takenAt,
      createdByName: generatedDocuments.createdByName,
      createdAt: generatedDocuments.createdAt,
    })
    .from(generatedDocuments)
    .innerJoin(units, eq(units.id, generatedDocuments.unitId))
    .where(and(...conditions))
    .orderBy(desc(generatedDocuments.createdAt), desc(generatedDocuments.id))
    .limit(filter.limit);
}
