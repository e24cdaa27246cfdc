import { and, asc, desc, eq, inArray, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { documentTemplates, generatedDocuments, type TemplateSource } from "../../db/schema/documents.ts";
import {
  documentChapters,
  measureLinks,
  measureLog,
  measures,
  reportingRounds,
  requirements,
  riskAssessments,
  steeringDocuments,
  units,
  users,
} from "../../db/schema.ts";
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

// ---------------------------------------------------------------------------------------------
// Risk: a unit's assessments of its goals and the measures on them, for the risk section

/**
 * A unit's risk assessments in the year's versions of some steering document series, each with
 * its round's period, its goal (lineage, text, chapter and their positions) and the issuer's path
 * (whose scale the levels are on).
 */
export function selectRiskAssessmentsOfUnit(
  db: Db,
  filter: { unitId: number; seriesKeys: readonly string[]; year: number },
) {
  if (filter.seriesKeys.length === 0) return Promise.resolve([]);
  return db
    .select({
      period: reportingRounds.period,
      documentId: steeringDocuments.id,
      seriesKey: steeringDocuments.seriesKey,
      issuerPath: units.path,
      lineageKey: requirements.lineageKey,
      goal: requirements.text,
      requirementPosition: requirements.position,
      chapterTitle: documentChapters.title,
      chapterPosition: documentChapters.position,
      level: riskAssessments.level,
      state: riskAssessments.state,
      carriedForward: riskAssessments.carriedForward,
    })
    .from(riskAssessments)
    .innerJoin(reportingRounds, eq(reportingRounds.id, riskAssessments.roundId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
    .innerJoin(units, eq(units.id, steeringDocuments.issuingUnitId))
    .innerJoin(requirements, eq(requirements.id, riskAssessments.requirementId))
    .leftJoin(documentChapters, eq(documentChapters.id, requirements.chapterId))
    .where(
      and(
        eq(riskAssessments.unitId, filter.unitId),
        inArray(steeringDocuments.seriesKey, [...filter.seriesKeys]),
        eq(steeringDocuments.year, filter.year),
      ),
    )
    .orderBy(asc(steeringDocuments.versionNumber), asc(reportingRounds.id));
}

/** The requirements of some document versions with their lineage and place, in document order. */
export function selectGoalsOfDocuments(db: Db, documentIds: readonly number[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      documentId: requirements.documentId,
      lineageKey: requirements.lineageKey,
      text: requirements.text,
      position: requirements.position,
      chapterPosition: documentChapters.position,
    })
    .from(requirements)
    .leftJoin(documentChapters, eq(documentChapters.id, requirements.chapterId))
    .where(inArray(requirements.documentId, [...documentIds]));
}

/**
 * The measures of a unit and the units below it linked to goals of the year's versions of some
 * document series: one row per measure and goal, with the owner's name and the latest log entry.
 */
export function selectMeasuresOnGoals(
  db: Db,
  filter: { unitPath: string; seriesKeys: readonly string[]; year: number },
) {
  if (filter.seriesKeys.length === 0) return Promise.resolve([]);
  const latestLog = sql<string | null>`(
    select ${measureLog.text} from ${measureLog} where ${measureLog.measureId} = ${measures.id}
    order by ${measureLog.on} desc, ${measureLog.id} desc limit 1)`;
  return db
    .select({
      id: measures.id,
      title: measures.title,
      phase: measures.phase,
      status: measures.status,
      comment: measures.comment,
      ownerRole: measures.ownerRole,
      ownerName: users.displayName,
      unitName: units.name,
      seriesKey: steeringDocuments.seriesKey,
      lineageKey: requirements.lineageKey,
      latestLog,
    })
    .from(measures)
    .innerJoin(units, eq(units.id, measures.responsibleUnitId))
    .innerJoin(
      measureLinks,
      and(eq(measureLinks.measureId, measures.id), eq(measureLinks.kind, "requirement")),
    )
    .innerJoin(requirements, eq(requirements.id, measureLinks.targetId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, requirements.documentId))
    .leftJoin(users, eq(users.id, measures.ownerUserId))
    .where(
      and(
        like(units.path, `${filter.unitPath}%`),
        inArray(steeringDocuments.seriesKey, [...filter.seriesKeys]),
        eq(steeringDocuments.year, filter.year),
      ),
    )
    .orderBy(asc(measures.id));
}
