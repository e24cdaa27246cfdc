import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { TemplateSource } from "../../db/schema/documents.ts";
import {
  can,
  canEditTemplates,
  canGenerateDocuments,
  canReadBoardDocuments,
  type Principal,
} from "../../domain/access.ts";
import { AppError, fieldProblem, forbidden, notFound, staleVersion } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import { collectActionPlanProgress } from "./actionPlanProgress.ts";
import { buildDocument } from "./build.ts";
import { canonicalCopy, canonicalJson, sha256Hex } from "./canonical.ts";
import type { DocumentSource } from "./collect.ts";
import { compareDocuments } from "./compare.ts";
import { renderDocx } from "./docx.ts";
import { renderHtml } from "./html.ts";
import type { DocumentData, DocumentType } from "./model.ts";
import {
  findGeneratedDocument,
  findTemplate,
  type GeneratedDocumentRow,
  insertGeneratedDocument,
  insertTemplate,
  selectGeneratedDocuments,
  type TemplateRow,
  updateTemplate,
} from "./queries.ts";
import type {
  DocumentComparisonView,
  DocumentHeaderView,
  DocumentView,
  generateDocumentInput,
  listDocumentsQuery,
  StoredDocumentView,
  saveTemplateInput,
  TemplateView,
} from "./schema.ts";
import { type DocumentTemplate, defaultTemplate } from "./template.ts";

// ---------------------------------------------------------------------------------------------
// Templates

async function loadUnit(db: Db, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("document_unit_not_found", { id: unitId });
  return unit;
}

/** The template a document for the unit uses: the unit's own, else the organisation's, else the built-in one. */
async function effectiveTemplate(
  db: Db,
  type: DocumentType,
  unitId: number | null,
): Promise<{ template: DocumentTemplate; source: TemplateSource; row: TemplateRow | null }> {
  if (unitId !== null) {
    const own = await findTemplate(db, type, unitId);
    if (own) return { template: own.template, source: "unit", row: own };
  }
  const general = await findTemplate(db, type, null);
  if (general) return { template: general.template, source: "general", row: general };
  return { template: defaultTemplate(type), source: "default", row: null };
}

function presentTemplate(
  principal: Principal,
  type: DocumentType,
  unit: Pick<UnitRow, "id" | "path"> | null,
  effective: Awaited<ReturnType<typeof effectiveTemplate>>,
): TemplateView {
  const unitId = unit?.id ?? null;
  const ownRow = effective.source === (unitId === null ? "general" : "unit") ? effective.row : null;
  return {
    documentType: type,
    unitId,
    /** Where the template in use comes from. */
    source: effective.source,
    /** The version to send back when saving this unit's (or the general) template; 0: none stored yet. */
    version: ownRow?.version ?? 0,
    template: effective.template,
    defaultTemplate: defaultTemplate(type),
    can: { edit: canEditTemplates(principal, unit?.path ?? null) },
  };
}

export async function getTemplate(
  db: Db,
  { principal }: Caller,
  type: DocumentType,
  unitId: number | null,
): Promise<TemplateView> {
  const unit = unitId === null ? null : await loadUnit(db, unitId);
  if (unit) {
    if (!canReadBoardDocuments(principal, unit.path)) {
      throw forbidden("templates_need_role", { unit: unit.name });
    }
  } else if (principal.userId <= 0 && !principal.isSystemAdmin) {
    throw forbidden("templates_sign_in");
  }
  return presentTemplate(principal, type, unit, await effectiveTemplate(db, type, unitId));
}

function templateEntityId(type: DocumentType, unitId: number | null) {
  return `${type}:${unitId ?? "general"}`;
}

export async function saveTemplate(
  db: Db,
  { principal, actor }: Caller,
  type: DocumentType,
  input: z.infer<typeof saveTemplateInput>,
): Promise<TemplateView> {
  return db.transaction(async (tx) => {
    const unit = input.unitId === null ? null : await loadUnit(tx, input.unitId);
    if (!canEditTemplates(principal, unit?.path ?? null)) {
      throw unit
        ? forbidden("templates_need_admin", { unit: unit.name })
        : forbidden("templates_general_need_system_admin");
    }
    // A template has no name of its own: the stale message says "this".
    const what = null;
    const existing = await findTemplate(tx, type, input.unitId);
    if ((existing?.version ?? 0) !== input.version) {
      throw staleVersion(
        what,
        presentTemplate(principal, type, unit, await effectiveTemplate(tx, type, input.unitId)),
      );
    }
    let saved: TemplateRow | undefined;
    try {
      saved = existing
        ? await updateTemplate(tx, existing.id, input.version, input.template)
        : await insertTemplate(tx, { documentType: type, unitId: input.unitId, template: input.template });
    } catch (error) {
      // Two first saves at once: the second loses like any other stale write.
      if (isUniqueViolation(error)) throw staleVersion(what, null);
      throw error;
    }
    if (!saved) throw staleVersion(what, null);
    await recordAudit(tx, actor, {
      action: existing ? "update" : "create",
      entityType: "document_template",
      entityId: templateEntityId(type, input.unitId),
      unitId: input.unitId,
      before: existing?.template ?? null,
      after: saved.template,
    });
    return presentTemplate(principal, type, unit, {
      template: saved.template,
      source: unit ? "unit" : "general",
      row: saved,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Generated documents

function presentHeader(row: GeneratedDocumentRow, unitName: string): DocumentHeaderView {
  return {
    id: row.id,
    type: row.documentType,
    unitId: row.unitId,
    unitName,
    period: row.period,
    locale: row.locale,
    title: row.title,
    snapshotHash: row.snapshotHash,
    templateSource: row.templateSource,
    takenAt: row.takenAt.toISOString(),
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function generateDocument(
  db: Db,
  source: DocumentSource,
  caller: Caller,
  input: z.infer<typeof generateDocumentInput>,
  now: Date = new Date(),
): Promise<DocumentHeaderView> {
  const { principal, actor } = caller;
  return db.transaction(async (tx) => {
    const unit = await loadUnit(tx, input.unitId);
    if (!canGenerateDocuments(principal, unit.path)) {
      throw forbidden("documents_generate_needs_role", { unit: unit.name });
    }
    const { template, source: templateSource } = await effectiveTemplate(tx, input.type, unit.id);
    const boardCase = input.boardCase
      ? {
          caseNumber: input.boardCase.caseNumber,
          date: input.boardCase.date,
          place: input.boardCase.place ?? null,
          subject: input.boardCase.subject ?? null,
          resolutionPoints: input.boardCase.resolutionPoints,
          background: input.boardCase.background,
          assessment: input.boardCase.assessment,
          attachments: input.boardCase.attachments,
        }
      : null;
    const collected = await source.collectDocumentData(tx, unit.id, input.period, {
      type: input.type,
      caller,
      boardCase,
      now,
      locale: input.locale,
      includeUnitAnswers: template.includeUnitAnswers,
    });
    // Action-plan progress is read only for a template that shows it (issue 14).
    const showsActionPlans = template.sections.some((each) => each.visible && each.key === "action_plans");
    const actionPlans = showsActionPlans ? await collectActionPlanProgress(tx, unit.id, input.period) : null;
    const front = input.frontPage;
    const frontPage = front
      ? {
          caseNumber: front.caseNumber ?? null,
          meeting: front.meeting ?? null,
          meetingDate: front.meetingDate ?? null,
          date: front.date ?? null,
        }
      : null;
    // What is stored is exactly what was hashed, and what the document is rebuilt from.
    const snapshot = canonicalCopy({ ...collected, frontPage, ...(actionPlans ? { actionPlans } : {}) });
    const storedTemplate = canonicalCopy(template);
    const content = buildDocument(input.type, snapshot, storedTemplate, input.locale);
    const row = await insertGeneratedDocument(tx, {
      documentType: input.type,
      unitId: unit.id,
      period: input.period,
      locale: input.locale,
      title: content.title,
      snapshot,
      snapshotHash: sha256Hex(canonicalJson(snapshot)),
      template: storedTemplate,
      templateSource,
      takenAt: new Date(snapshot.takenAt),
      createdById: actor.id,
      createdByName: actor.name,
    });
    const header = presentHeader(row, unit.name);
    await recordAudit(tx, actor, {
      action: "generate",
      entityType: "generated_document",
      entityId: String(row.id),
      unitId: unit.id,
      after: header,
    });
    return header;
  });
}

export async function listDocuments(
  db: Db,
  { principal }: Caller,
  query: z.infer<typeof listDocumentsQuery>,
): Promise<StoredDocumentView[]> {
  if (query.unitId !== undefined) {
    const unit = await loadUnit(db, query.unitId);
    if (!canReadBoardDocuments(principal, unit.path)) {
      throw forbidden("documents_need_role", { unit: unit.name });
    }
  }
  const readablePaths = principal.isSystemAdmin
    ? null
    : principal.assignments
        .filter((assignment) => can(principal, "read_reports", assignment.unitPath))
        .map((assignment) => assignment.unitPath);
  const rows = await selectGeneratedDocuments(db, {
    unitId: query.unitId,
    documentType: query.type,
    period: query.period,
    readablePaths,
    limit: query.limit,
  });
  return rows.map((row) => ({
    ...row,
    takenAt: row.takenAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}

async function loadReadable(db: Db, principal: Principal, id: number) {
  const row = await findGeneratedDocument(db, id);
  // Someone who may not read the unit's documents learns nothing, not even that this one exists.
  if (!row || !canReadBoardDocuments(principal, row.unitPath)) throw notFound("document_not_found", { id });
  return row;
}

/** Always rebuilt from the stored snapshot and template: the document is what its data say. */
function contentOf(row: GeneratedDocumentRow) {
  return buildDocument(row.documentType, row.snapshot as DocumentData, row.template, row.locale);
}

export async function getDocument(db: Db, { principal }: Caller, id: number): Promise<DocumentView> {
  const row = await loadReadable(db, principal, id);
  return {
    ...presentHeader(row, row.unitName),
    /** False when the stored snapshot no longer matches its hash (changed outside Tertial). */
    snapshotIntact: sha256Hex(canonicalJson(row.snapshot)) === row.snapshotHash,
    content: contentOf(row),
  };
}

export async function getDocumentSnapshot(db: Db, { principal }: Caller, id: number) {
  const row = await loadReadable(db, principal, id);
  return { snapshot: row.snapshot, template: row.template, snapshotHash: row.snapshotHash };
}

/** An ASCII file name from the title, for browsers that ignore `filename*`. */
export function fileNameFor(title: string): string {
  const ascii = title
    .replace(/[Ææ]/g, (letter) => (letter === "Æ" ? "Ae" : "ae"))
    .replace(/[Øø]/g, (letter) => (letter === "Ø" ? "O" : "o"))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii || "document";
}

export async function documentDocx(db: Db, { principal }: Caller, id: number) {
  const row = await loadReadable(db, principal, id);
  const content = contentOf(row);
  return {
    title: content.title,
    fileName: `${fileNameFor(content.title)}.docx`,
    bytes: await renderDocx(content),
  };
}

export async function documentHtml(db: Db, { principal }: Caller, id: number) {
  const row = await loadReadable(db, principal, id);
  return renderHtml(contentOf(row));
}

export async function compareStoredDocuments(
  db: Db,
  { principal }: Caller,
  fromId: number,
  toId: number,
): Promise<DocumentComparisonView> {
  if (fromId === toId) {
    throw new AppError("validation_failed", "documents_same", {
      params: { id: fromId },
      problems: [fieldProblem("to", "same_document")],
    });
  }
  const before = await loadReadable(db, principal, fromId);
  const after = await loadReadable(db, principal, toId);
  return {
    from: presentHeader(before, before.unitName),
    to: presentHeader(after, after.unitName),
    ...compareDocuments(contentOf(before), contentOf(after)),
  };
}
