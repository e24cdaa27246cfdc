import { z } from "zod";
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
import { type Period, PeriodError, parsePeriod, reportingPoint } from "../../domain/periods.ts";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.ts";
import {
  id,
  isoDate,
  MAX_INT32,
  markdownText,
  pageLimit,
  plainText,
  text,
  wholeNumber,
} from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import { buildDocument } from "./build.ts";
import { canonicalCopy, canonicalJson, sha256Hex } from "./canonical.ts";
import type { DocumentSource } from "./collect.ts";
import { compareDocuments } from "./compare.ts";
import { renderDocx } from "./docx.ts";
import { renderHtml } from "./html.ts";
import { type DocumentData, type DocumentType, documentLocales, documentTypes } from "./model.ts";
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
import { type DocumentTemplate, defaultTemplate, documentTemplateSchema } from "./template.ts";

// ---------------------------------------------------------------------------------------------
// Inputs

export const boardCaseInput = z.object({
  caseNumber: plainText(40).min(1, { message: "is required" }),
  date: isoDate,
  place: plainText(100).nullable().optional(),
  subject: plainText(300).nullable().optional(),
  resolutionPoints: z.array(text(5_000).min(1)).max(50).default([]),
  background: markdownText(100_000).default(""),
  assessment: markdownText(100_000).default(""),
  attachments: z.array(plainText(500).min(1)).max(50).default([]),
});

function periodProblem(type: DocumentType, period: string): string | null {
  let parsed: Period;
  try {
    parsed = parsePeriod(period);
  } catch (error) {
    if (error instanceof PeriodError) return error.message;
    throw error;
  }
  // A board case may be on any period; a report is for the period of its reporting point.
  const point = reportingPoint(parsed);
  if (type === "annual_report" && point !== "annual") return "an annual report is for a year, such as 2024";
  if (type === "tertial_report" && point !== "T1" && point !== "T2") {
    return "a tertial report is for 2024-T1 or 2024-T2; the third tertial is the annual report";
  }
  return null;
}

export const generateDocumentInput = z
  .object({
    type: z.enum(documentTypes),
    unitId: id,
    period: plainText(40),
    locale: z.enum(documentLocales).default("nb"),
    boardCase: boardCaseInput.optional(),
  })
  .superRefine((input, context) => {
    const problem = periodProblem(input.type, input.period);
    if (problem) context.addIssue({ code: "custom", path: ["period"], message: problem });
    if (input.type === "board_case" && !input.boardCase) {
      context.addIssue({ code: "custom", path: ["boardCase"], message: "is required for a board case" });
    }
  });

export const saveTemplateInput = z.object({
  /** Null: the organisation's general template for the type. */
  unitId: id.nullable(),
  /** The version read; 0 when there was no stored template yet. */
  version: wholeNumber(0, MAX_INT32),
  template: documentTemplateSchema,
});

export const listDocumentsQuery = z.object({
  unitId: id.optional(),
  type: z.enum(documentTypes).optional(),
  period: plainText(40).min(1).optional(),
  limit: pageLimit(500, 100),
});

// ---------------------------------------------------------------------------------------------
// Templates

async function loadUnit(db: Db, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound(`Unit ${unitId}`);
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
  type: DocumentType,
  unitId: number | null,
  effective: Awaited<ReturnType<typeof effectiveTemplate>>,
) {
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
  };
}

export async function getTemplate(db: Db, principal: Principal, type: DocumentType, unitId: number | null) {
  if (unitId !== null) {
    const unit = await loadUnit(db, unitId);
    if (!canReadBoardDocuments(principal, unit.path)) {
      throw forbidden(`You need a role on ${unit.name} to see its document templates.`);
    }
  } else if (principal.userId <= 0 && !principal.isSystemAdmin) {
    throw forbidden("Sign in to see document templates.");
  }
  return presentTemplate(type, unitId, await effectiveTemplate(db, type, unitId));
}

function templateEntityId(type: DocumentType, unitId: number | null) {
  return `${type}:${unitId ?? "general"}`;
}

export async function saveTemplate(
  db: Db,
  principal: Principal,
  actor: Actor,
  type: DocumentType,
  input: z.infer<typeof saveTemplateInput>,
) {
  return db.transaction(async (tx) => {
    const unit = input.unitId === null ? null : await loadUnit(tx, input.unitId);
    if (!canEditTemplates(principal, unit?.path ?? null)) {
      throw forbidden(
        unit
          ? `You need the administrator role on ${unit.name} to change its document templates.`
          : "Only a system administrator can change the organisation's general document templates.",
      );
    }
    const what = `The ${type.replace("_", " ")} template`;
    const existing = await findTemplate(tx, type, input.unitId);
    if ((existing?.version ?? 0) !== input.version) {
      throw staleVersion(
        what,
        presentTemplate(type, input.unitId, await effectiveTemplate(tx, type, input.unitId)),
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
    return presentTemplate(type, input.unitId, {
      template: saved.template,
      source: unit ? "unit" : "general",
      row: saved,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Generated documents

function presentHeader(row: GeneratedDocumentRow, unitName: string) {
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
  principal: Principal,
  actor: Actor,
  input: z.infer<typeof generateDocumentInput>,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const unit = await loadUnit(tx, input.unitId);
    if (!canGenerateDocuments(principal, unit.path)) {
      throw forbidden(
        `You need the editor, approver or administrator role on ${unit.name} to generate its documents.`,
      );
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
      principal,
      boardCase,
      now,
      locale: input.locale,
      includeUnitAnswers: template.includeUnitAnswers,
    });
    // What is stored is exactly what was hashed, and what the document is rebuilt from.
    const snapshot = canonicalCopy(collected);
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

export async function listDocuments(db: Db, principal: Principal, query: z.infer<typeof listDocumentsQuery>) {
  if (query.unitId !== undefined) {
    const unit = await loadUnit(db, query.unitId);
    if (!canReadBoardDocuments(principal, unit.path)) {
      throw forbidden(`You need a role on ${unit.name} to see its documents.`);
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
  if (!row || !canReadBoardDocuments(principal, row.unitPath)) throw notFound(`Document ${id}`);
  return row;
}

/** Always rebuilt from the stored snapshot and template: the document is what its data say. */
function contentOf(row: GeneratedDocumentRow) {
  return buildDocument(row.documentType, row.snapshot as DocumentData, row.template, row.locale);
}

export async function getDocument(db: Db, principal: Principal, id: number) {
  const row = await loadReadable(db, principal, id);
  return {
    ...presentHeader(row, row.unitName),
    /** False when the stored snapshot no longer matches its hash (changed outside Tertial). */
    snapshotIntact: sha256Hex(canonicalJson(row.snapshot)) === row.snapshotHash,
    content: contentOf(row),
  };
}

export async function getDocumentSnapshot(db: Db, principal: Principal, id: number) {
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

export async function documentDocx(db: Db, principal: Principal, id: number) {
  const row = await loadReadable(db, principal, id);
  const content = contentOf(row);
  return {
    title: content.title,
    fileName: `${fileNameFor(content.title)}.docx`,
    bytes: await renderDocx(content),
  };
}

export async function documentHtml(db: Db, principal: Principal, id: number) {
  const row = await loadReadable(db, principal, id);
  return renderHtml(contentOf(row));
}

export async function compareStoredDocuments(db: Db, principal: Principal, fromId: number, toId: number) {
  if (fromId === toId) {
    throw new AppError("validation_failed", "Choose two different documents to compare.", {
      problems: [{ field: "to", message: "is the same document as 'from'" }],
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
