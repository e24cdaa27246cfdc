import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { documentKinds, reportingPoints, requirementKinds } from "../../db/schema.ts";
import {
  canManageDocument,
  canManageRounds,
  canPublishDocument,
  canReadDocument,
  type Principal,
} from "../../domain/access.ts";
import {
  answeringUnitIds,
  compareDocuments,
  type DocumentSnapshot,
  normaliseAppliesTo,
  normaliseFrequency,
} from "../../domain/steering.ts";
import { AppError, type FieldProblem, forbidden, notFound, staleVersion } from "../../errors.ts";
import { id, isoDate, plainText, text, version, year } from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import {
  type ChapterRow,
  countRequirementsInChapter,
  type DocumentRow,
  deleteChapter,
  deleteDocument,
  deleteRequirement,
  findChapter,
  findDocument,
  findRequirement,
  findUnitSummary,
  indicatorExists,
  insertChapters,
  insertDocument,
  insertRequirements,
  lockDocument,
  type NewRequirement,
  nextRequirementPosition,
  numberTakenByOther,
  type RequirementRow,
  replaceRecipients,
  selectChapters,
  selectDerivedRequirements,
  selectDocuments,
  selectDocumentsAbove,
  selectRecipients,
  selectRecipientsOf,
  selectRequirements,
  selectRequirementsWithDocument,
  selectSeries,
  selectUnitsByIds,
  setChapterPosition,
  touchDocument,
  type UnitSummary,
  updateChapterFields,
  updateDocumentFields,
  updateRequirementFields,
} from "./queries.ts";

// ---- Input ----

const title = plainText(300).min(1, { message: "is required" });
// Lists of units or chapters: far more than any organisation has, yet a bound.
const ids = z.array(id).max(10_000);

export const createDocumentInput = z.object({
  year,
  issuingUnitId: id,
  recipientUnitIds: ids.min(1, { message: "name at least one recipient unit" }),
  kind: z.enum(documentKinds),
  title,
});

export const updateDocumentInput = z.object({
  version,
  year: year.optional(),
  kind: z.enum(documentKinds).optional(),
  title: title.optional(),
  recipientUnitIds: ids.min(1, { message: "name at least one recipient unit" }).optional(),
});

export const versionInput = z.object({ version });

export const chapterInput = z.object({ title });
export const updateChapterInput = z.object({ version, title });
export const reorderChaptersInput = z.object({ chapterIds: ids });

const requirementFields = {
  number: plainText(20)
    .min(1, { message: "is required" })
    .max(20, { message: "must be at most 20 characters" }),
  chapterId: id.nullable(),
  kind: z.enum(requirementKinds),
  text: text(50_000).min(1, { message: "is required" }),
  source: plainText(200).nullable(),
  /** "all" for every recipient, or the ids of the recipients it applies to. */
  appliesTo: z.union([z.literal("all"), ids.min(1, { message: "name at least one unit, or use 'all'" })]),
  frequency: z.array(z.enum(reportingPoints)).min(1, { message: "name at least one of T1, T2, annual" }),
  deadline: isoDate.nullable(),
  selectedForRiskAssessment: z.boolean(),
  derivedFromId: id.nullable(),
  leadUnitId: id.nullable(),
  indicatorId: id.nullable(),
};

export const createRequirementInput = z
  .object(requirementFields)
  .partial()
  .required({ number: true, kind: true, text: true });

export const updateRequirementInput = z.object(requirementFields).partial().extend({ version });

export const documentFilter = z.object({
  year: year.optional(),
  issuingUnitId: id.optional(),
  kind: z.enum(documentKinds).optional(),
});

// ---- Presentation ----

const unitRef = (unit: UnitSummary) => ({ id: unit.id, code: unit.code, name: unit.name });

export type DocumentContext = { document: DocumentRow; issuer: UnitSummary; recipients: UnitSummary[] };

function documentPermissions(principal: Principal, context: DocumentContext) {
  const draft = context.document.state === "draft";
  return {
    edit: draft && canManageDocument(principal, context.issuer.path),
    publish: draft && canPublishDocument(principal, context.issuer.path),
    newVersion: !draft && canManageDocument(principal, context.issuer.path),
    manageRounds: !draft && canManageRounds(principal, context.issuer.path),
  };
}

export function presentDocumentHeader(principal: Principal, context: DocumentContext) {
  const { document } = context;
  return {
    id: document.id,
    seriesKey: document.seriesKey,
    versionNumber: document.versionNumber,
    previousVersionId: document.previousVersionId,
    year: document.year,
    kind: document.kind,
    title: document.title,
    state: document.state,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    publishedBy: document.publishedBy,
    version: document.version,
    issuingUnit: unitRef(context.issuer),
    recipients: context.recipients.map(unitRef),
    can: documentPermissions(principal, context),
  };
}

function presentChapter(chapter: ChapterRow) {
  return { id: chapter.id, title: chapter.title, position: chapter.position, version: chapter.version };
}

type DerivedFromSummary = {
  id: number;
  number: string;
  documentId: number;
  documentTitle: string;
  year: number;
};

export function presentRequirement(
  requirement: RequirementRow,
  recipients: UnitSummary[],
  derivedFrom: DerivedFromSummary | null = null,
) {
  const byId = new Map(recipients.map((unit) => [unit.id, unit]));
  const answering = answeringUnitIds(
    requirement.appliesToUnitIds,
    recipients.map((unit) => unit.id),
  );
  const lead = requirement.leadUnitId === null ? undefined : byId.get(requirement.leadUnitId);
  return {
    id: requirement.id,
    documentId: requirement.documentId,
    chapterId: requirement.chapterId,
    number: requirement.number,
    kind: requirement.kind,
    text: requirement.text,
    source: requirement.source,
    appliesTo: requirement.appliesToUnitIds ?? ("all" as const),
    answeringUnits: answering.flatMap((unitId) => {
      const unit = byId.get(unitId);
      return unit ? [unitRef(unit)] : [];
    }),
    frequency: requirement.frequency,
    deadline: requirement.deadline,
    selectedForRiskAssessment: requirement.selectedForRiskAssessment,
    derivedFromId: requirement.derivedFromId,
    derivedFrom,
    leadUnitId: requirement.leadUnitId,
    leadUnit: lead ? unitRef(lead) : null,
    indicatorId: requirement.indicatorId,
    version: requirement.version,
  };
}

async function derivedFromSummaries(db: Db, rows: RequirementRow[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.derivedFromId === null ? [] : [row.derivedFromId])))];
  const sources = await selectRequirementsWithDocument(db, ids);
  return new Map(
    sources.map((source) => [
      source.id,
      {
        id: source.id,
        number: source.number,
        documentId: source.documentId,
        documentTitle: source.documentTitle,
        year: source.year,
      },
    ]),
  );
}

function auditable<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

// ---- Loading with access checks ----

export async function loadContext(db: Db, document: DocumentRow): Promise<DocumentContext> {
  const issuer = await findUnitSummary(db, document.issuingUnitId);
  if (!issuer) throw new Error(`document ${document.id} has no issuing unit`);
  return { document, issuer, recipients: await selectRecipients(db, document.id) };
}

/**
 * `what` names the thing asked for (a chapter, a round, …) in the 404 when the person may not
 * read its document, so that the answer is the same as for a thing that does not exist.
 */
export async function loadReadableDocument(
  db: Db,
  principal: Principal,
  documentId: number,
  what = `Steering document ${documentId}`,
) {
  const document = await findDocument(db, documentId);
  if (!document) throw notFound(what);
  return readableContext(db, principal, document, what);
}

function isReadable(principal: Principal, context: DocumentContext) {
  return canReadDocument(
    principal,
    context.issuer.path,
    context.recipients.map((unit) => unit.path),
    context.document.state === "published",
  );
}

/** The context of a document already read, if the person may read the document. */
export async function readableContext(
  db: Db,
  principal: Principal,
  document: DocumentRow,
  what = `Steering document ${document.id}`,
) {
  const context = await loadContext(db, document);
  // Not found, rather than forbidden: someone who may not read it learns nothing, not even that it exists.
  if (!isReadable(principal, context)) throw notFound(what);
  return context;
}

/** Refuses a change: 404 to someone who may not read the document either, 403 to a reader. */
export function refuseChange(
  principal: Principal,
  context: DocumentContext,
  what: string,
  reason: string,
): never {
  if (!isReadable(principal, context)) throw notFound(what);
  throw forbidden(reason);
}

const publishedIsReadOnly = (document: DocumentRow) =>
  new AppError(
    "conflict",
    `"${document.title}" version ${document.versionNumber} is published and cannot be changed. Make a new version to change it.`,
  );

/** Locks a draft for a change by someone allowed to draft it. */
export async function loadDraftForChange(
  tx: Db,
  principal: Principal,
  documentId: number,
  what = `Steering document ${documentId}`,
) {
  const document = await lockDocument(tx, documentId);
  if (!document) throw notFound(what);
  const context = await loadContext(tx, document);
  if (!canManageDocument(principal, context.issuer.path)) {
    refuseChange(
      principal,
      context,
      what,
      `You need the editor or administrator role on ${context.issuer.name} to change its documents.`,
    );
  }
  if (document.state !== "draft") throw publishedIsReadOnly(document);
  return context;
}

// ---- Documents ----

async function checkRecipients(db: Db, issuer: UnitSummary, recipientIds: number[]) {
  const unique = [...new Set(recipientIds)];
  const found = await selectUnitsByIds(db, unique);
  const problems: FieldProblem[] = [];
  for (const unitId of unique) {
    const unit = found.find((u) => u.id === unitId);
    if (!unit) problems.push({ field: "recipientUnitIds", message: `there is no unit ${unitId}` });
    else if (unit.id === issuer.id || !unit.path.startsWith(issuer.path)) {
      problems.push({
        field: "recipientUnitIds",
        message: `${unit.code} is not below ${issuer.code}; a document is sent to units below its issuer`,
      });
    }
  }
  if (problems.length > 0) {
    throw new AppError("validation_failed", "Some recipients cannot receive this document.", { problems });
  }
  return unique;
}

export async function listDocuments(db: Db, principal: Principal, filter: z.infer<typeof documentFilter>) {
  const documents = await selectDocuments(db, filter);
  const recipients = await selectRecipientsOf(
    db,
    documents.map((d) => d.id),
  );
  const issuers = new Map(
    (await selectUnitsByIds(db, [...new Set(documents.map((d) => d.issuingUnitId))])).map((u) => [u.id, u]),
  );
  const latestInSeries = new Map<string, number>();
  for (const document of documents) {
    latestInSeries.set(
      document.seriesKey,
      Math.max(latestInSeries.get(document.seriesKey) ?? 0, document.versionNumber),
    );
  }
  return documents.flatMap((document) => {
    const issuer = issuers.get(document.issuingUnitId);
    if (!issuer) return [];
    const context = {
      document,
      issuer,
      recipients: recipients.filter((r) => r.documentId === document.id),
    };
    const published = document.state === "published";
    if (
      !canReadDocument(
        principal,
        issuer.path,
        context.recipients.map((r) => r.path),
        published,
      )
    )
      return [];
    return [
      {
        ...presentDocumentHeader(principal, context),
        isLatestVersion: latestInSeries.get(document.seriesKey) === document.versionNumber,
      },
    ];
  });
}

export async function getDocument(db: Db, principal: Principal, documentId: number) {
  const context = await loadReadableDocument(db, principal, documentId);
  const chapters = await selectChapters(db, documentId);
  const rows = await selectRequirements(db, documentId);
  const derived = await derivedFromSummaries(db, rows);
  const series = await selectSeries(db, context.document.seriesKey);
  return {
    ...presentDocumentHeader(principal, context),
    versions: series.map((v) => ({ id: v.id, versionNumber: v.versionNumber, state: v.state })),
    chapters: chapters.map(presentChapter),
    requirements: rows.map((row) =>
      presentRequirement(
        row,
        context.recipients,
        row.derivedFromId === null ? null : (derived.get(row.derivedFromId) ?? null),
      ),
    ),
  };
}

export async function createDocument(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: z.infer<typeof createDocumentInput>,
) {
  return db.transaction(async (tx) => {
    const issuer = await findUnitSummary(tx, input.issuingUnitId);
    if (!issuer) {
      throw new AppError("validation_failed", `There is no unit ${input.issuingUnitId}.`, {
        problems: [{ field: "issuingUnitId", message: "unknown unit" }],
      });
    }
    if (!canManageDocument(principal, issuer.path)) {
      throw forbidden(`You need the editor or administrator role on ${issuer.name} to write its documents.`);
    }
    const recipientIds = await checkRecipients(tx, issuer, input.recipientUnitIds);
    const document = await insertDocument(tx, {
      seriesKey: randomUUID(),
      versionNumber: 1,
      previousVersionId: null,
      year: input.year,
      issuingUnitId: issuer.id,
      kind: input.kind,
      title: input.title,
    });
    await replaceRecipients(tx, document.id, recipientIds);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "steering_document",
      entityId: String(document.id),
      unitId: issuer.id,
      after: { ...auditable(document), recipientUnitIds: recipientIds },
    });
    return presentDocumentHeader(principal, await loadContext(tx, document));
  });
}

export async function updateDocument(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof updateDocumentInput>,
) {
  return db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const { document } = context;
    if (document.version !== input.version) {
      throw staleVersion(`"${document.title}"`, presentDocumentHeader(principal, context));
    }
    let recipientIds = context.recipients.map((r) => r.id);
    if (input.recipientUnitIds) {
      recipientIds = await checkRecipients(tx, context.issuer, input.recipientUnitIds);
      const removed = context.recipients.filter((r) => !recipientIds.includes(r.id));
      const stillNamed = (await selectRequirements(tx, documentId)).filter((requirement) =>
        removed.some(
          (unit) => requirement.appliesToUnitIds?.includes(unit.id) || requirement.leadUnitId === unit.id,
        ),
      );
      if (stillNamed.length > 0) {
        throw new AppError(
          "conflict",
          `Requirements ${stillNamed.map((r) => r.number).join(", ")} name a recipient you are removing. Change them first.`,
          { problems: [{ field: "recipientUnitIds", message: "still named by requirements" }] },
        );
      }
      await replaceRecipients(tx, documentId, recipientIds);
    }
    const { version: _version, recipientUnitIds: _recipients, ...values } = input;
    const updated = await updateDocumentFields(tx, documentId, document.version, values);
    if (!updated) throw staleVersion(`"${document.title}"`, null);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "steering_document",
      entityId: String(documentId),
      unitId: document.issuingUnitId,
      before: { ...auditable(document), recipientUnitIds: context.recipients.map((r) => r.id) },
      after: { ...auditable(updated), recipientUnitIds: recipientIds },
    });
    return presentDocumentHeader(principal, await loadContext(tx, updated));
  });
}

export async function removeDocument(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { document } = await loadDraftForChange(tx, principal, documentId);
    if (document.version !== version) throw staleVersion(`"${document.title}"`, null);
    await deleteDocument(tx, documentId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "steering_document",
      entityId: String(documentId),
      unitId: document.issuingUnitId,
      before: auditable(document),
    });
  });
}

export async function publishDocument(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof versionInput>,
) {
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw notFound(`Steering document ${documentId}`);
    const context = await loadContext(tx, document);
    if (!canPublishDocument(principal, context.issuer.path)) {
      refuseChange(
        principal,
        context,
        `Steering document ${documentId}`,
        `You need the approver or administrator role on ${context.issuer.name} to publish its documents.`,
      );
    }
    if (document.state !== "draft")
      throw new AppError("conflict", `"${document.title}" is already published.`);
    if (document.version !== input.version) {
      throw staleVersion(`"${document.title}"`, presentDocumentHeader(principal, context));
    }
    const rows = await selectRequirements(tx, documentId);
    if (rows.length === 0) {
      throw new AppError(
        "conflict",
        `"${document.title}" has no requirements yet; add some before publishing.`,
      );
    }
    const updated = await updateDocumentFields(tx, documentId, document.version, {
      state: "published",
      publishedAt: new Date(),
      publishedBy: actor.name,
    });
    if (!updated) throw staleVersion(`"${document.title}"`, null);
    await recordAudit(tx, actor, {
      action: "publish",
      entityType: "steering_document",
      entityId: String(documentId),
      unitId: document.issuingUnitId,
      before: { state: document.state, version: document.version },
      after: { state: updated.state, version: updated.version, requirements: rows.length },
    });
    return presentDocumentHeader(principal, { ...context, document: updated });
  });
}

/** Copies a document's chapters and requirements into another, keeping lineage keys unless told otherwise. */
export async function copyContent(
  tx: Db,
  from: { chapters: ChapterRow[]; requirements: RequirementRow[] },
  toDocumentId: number,
  change: (requirement: RequirementRow) => Partial<NewRequirement> = () => ({}),
  keepLineage = true,
) {
  const keyFor = new Map(
    from.chapters.map((chapter) => [chapter.id, keepLineage ? chapter.lineageKey : randomUUID()]),
  );
  const newChapters = await insertChapters(
    tx,
    from.chapters.map((chapter) => ({
      documentId: toDocumentId,
      lineageKey: keyFor.get(chapter.id) as string,
      position: chapter.position,
      title: chapter.title,
    })),
  );
  // Matched by lineage key, which is unique within a document, rather than by row order.
  const newIdByKey = new Map(newChapters.map((chapter) => [chapter.lineageKey, chapter.id]));
  const chapterIdFor = (chapterId: number | null) =>
    chapterId === null ? null : (newIdByKey.get(keyFor.get(chapterId) ?? "") ?? null);
  return insertRequirements(
    tx,
    from.requirements.map((requirement) => ({
      documentId: toDocumentId,
      chapterId: chapterIdFor(requirement.chapterId),
      lineageKey: keepLineage ? requirement.lineageKey : randomUUID(),
      position: requirement.position,
      number: requirement.number,
      kind: requirement.kind,
      text: requirement.text,
      source: requirement.source,
      appliesToUnitIds: requirement.appliesToUnitIds,
      frequency: requirement.frequency,
      deadline: requirement.deadline,
      selectedForRiskAssessment: requirement.selectedForRiskAssessment,
      derivedFromId: requirement.derivedFromId,
      leadUnitId: requirement.leadUnitId,
      indicatorId: requirement.indicatorId,
      ...change(requirement),
    })),
  );
}

/** A published document changes through a new draft version: a copy that points back to it. */
export async function createNewVersion(db: Db, principal: Principal, actor: Actor, documentId: number) {
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw notFound(`Steering document ${documentId}`);
    const context = await loadContext(tx, document);
    if (!canManageDocument(principal, context.issuer.path)) {
      refuseChange(
        principal,
        context,
        `Steering document ${documentId}`,
        `You need the editor or administrator role on ${context.issuer.name} to change its documents.`,
      );
    }
    const series = await selectSeries(tx, document.seriesKey);
    const draft = series.find((v) => v.state === "draft");
    if (draft) {
      throw new AppError(
        "conflict",
        `Version ${draft.versionNumber} of "${draft.title}" is already being drafted; continue there.`,
        { draftId: draft.id },
      );
    }
    const latest = series[series.length - 1];
    if (latest && latest.id !== document.id) {
      throw new AppError(
        "conflict",
        `Version ${latest.versionNumber} is newer; make the new version from it.`,
        { latestId: latest.id },
      );
    }
    const copy = await insertDocument(tx, {
      seriesKey: document.seriesKey,
      versionNumber: document.versionNumber + 1,
      previousVersionId: document.id,
      year: document.year,
      issuingUnitId: document.issuingUnitId,
      kind: document.kind,
      title: document.title,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError("conflict", "Someone else just made a new version; reload.");
      throw error;
    });
    await replaceRecipients(
      tx,
      copy.id,
      context.recipients.map((r) => r.id),
    );
    const copied = await copyContent(
      tx,
      {
        chapters: await selectChapters(tx, document.id),
        requirements: await selectRequirements(tx, document.id),
      },
      copy.id,
    );
    await recordAudit(tx, actor, {
      action: "new_version",
      entityType: "steering_document",
      entityId: String(copy.id),
      unitId: document.issuingUnitId,
      after: { ...auditable(copy), copiedFrom: document.id, requirements: copied.length },
    });
    return presentDocumentHeader(principal, { ...context, document: copy });
  });
}

// ---- Comparing versions ----

async function snapshotOf(db: Db, context: DocumentContext): Promise<DocumentSnapshot> {
  const chapters = await selectChapters(db, context.document.id);
  const rows = await selectRequirements(db, context.document.id);
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const codes = new Map(
    (
      await selectUnitsByIds(db, [
        ...new Set(
          rows.flatMap((r) => [...(r.appliesToUnitIds ?? []), ...(r.leadUnitId ? [r.leadUnitId] : [])]),
        ),
      ])
    ).map((u) => [u.id, u.code]),
  );
  const code = (unitId: number) => codes.get(unitId) ?? String(unitId);
  return {
    title: context.document.title,
    year: context.document.year,
    kind: context.document.kind,
    recipients: context.recipients.map((r) => r.code),
    chapters: chapters.map((c) => ({ key: c.lineageKey, title: c.title, position: c.position })),
    requirements: rows.map((r) => ({
      key: r.lineageKey,
      number: r.number,
      chapterKey: r.chapterId === null ? null : (chapterById.get(r.chapterId)?.lineageKey ?? null),
      chapter: r.chapterId === null ? null : (chapterById.get(r.chapterId)?.title ?? null),
      kind: r.kind,
      text: r.text,
      source: r.source,
      appliesTo: r.appliesToUnitIds === null ? "all" : r.appliesToUnitIds.map(code),
      frequency: r.frequency,
      deadline: r.deadline,
      selectedForRiskAssessment: r.selectedForRiskAssessment,
      derivedFromId: r.derivedFromId,
      leadUnit: r.leadUnitId === null ? null : code(r.leadUnitId),
      indicatorId: r.indicatorId,
    })),
  };
}

export async function compareVersions(db: Db, principal: Principal, fromId: number, toId: number) {
  const from = await loadReadableDocument(db, principal, fromId);
  const to = await loadReadableDocument(db, principal, toId);
  if (from.document.seriesKey !== to.document.seriesKey) {
    throw new AppError("validation_failed", "Only versions of the same document can be compared.", {
      problems: [{ field: "with", message: "is a version of another document" }],
    });
  }
  const version = (c: DocumentContext) => ({
    id: c.document.id,
    versionNumber: c.document.versionNumber,
    state: c.document.state,
    title: c.document.title,
  });
  return {
    from: version(from),
    to: version(to),
    ...compareDocuments(await snapshotOf(db, from), await snapshotOf(db, to)),
  };
}

// ---- Chapters ----

export async function addChapter(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof chapterInput>,
) {
  return db.transaction(async (tx) => {
    const { document } = await loadDraftForChange(tx, principal, documentId);
    const existing = await selectChapters(tx, documentId);
    const [chapter] = await insertChapters(tx, [
      {
        documentId,
        lineageKey: randomUUID(),
        position: (existing[existing.length - 1]?.position ?? 0) + 1,
        title: input.title,
      },
    ]);
    if (!chapter) throw new Error("insert into document_chapters returned no row");
    await touchDocument(tx, documentId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "document_chapter",
      entityId: String(chapter.id),
      unitId: document.issuingUnitId,
      after: auditable(chapter),
    });
    return presentChapter(chapter);
  });
}

async function loadChapterForChange(tx: Db, principal: Principal, chapterId: number) {
  const chapter = await findChapter(tx, chapterId);
  if (!chapter) throw notFound(`Chapter ${chapterId}`);
  const context = await loadDraftForChange(tx, principal, chapter.documentId, `Chapter ${chapterId}`);
  return { chapter, context };
}

export async function updateChapter(
  db: Db,
  principal: Principal,
  actor: Actor,
  chapterId: number,
  input: z.infer<typeof updateChapterInput>,
) {
  return db.transaction(async (tx) => {
    const { chapter, context } = await loadChapterForChange(tx, principal, chapterId);
    const updated = await updateChapterFields(tx, chapterId, input.version, { title: input.title });
    if (!updated) throw staleVersion(`Chapter "${chapter.title}"`, presentChapter(chapter));
    await touchDocument(tx, chapter.documentId);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "document_chapter",
      entityId: String(chapterId),
      unitId: context.document.issuingUnitId,
      before: auditable(chapter),
      after: auditable(updated),
    });
    return presentChapter(updated);
  });
}

export async function removeChapter(
  db: Db,
  principal: Principal,
  actor: Actor,
  chapterId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { chapter, context } = await loadChapterForChange(tx, principal, chapterId);
    if (chapter.version !== version)
      throw staleVersion(`Chapter "${chapter.title}"`, presentChapter(chapter));
    const count = await countRequirementsInChapter(tx, chapterId);
    if (count > 0) {
      throw new AppError(
        "conflict",
        `Chapter "${chapter.title}" still has ${count} requirement(s). Move or delete them first.`,
      );
    }
    await deleteChapter(tx, chapterId);
    await touchDocument(tx, chapter.documentId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "document_chapter",
      entityId: String(chapterId),
      unitId: context.document.issuingUnitId,
      before: auditable(chapter),
    });
  });
}

export async function reorderChapters(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof reorderChaptersInput>,
) {
  return db.transaction(async (tx) => {
    const { document } = await loadDraftForChange(tx, principal, documentId);
    const chapters = await selectChapters(tx, documentId);
    const given = new Set(input.chapterIds);
    if (
      given.size !== input.chapterIds.length ||
      given.size !== chapters.length ||
      chapters.some((c) => !given.has(c.id))
    ) {
      throw new AppError(
        "validation_failed",
        "Give every chapter of the document exactly once, in the new order.",
        {
          problems: [{ field: "chapterIds", message: "must list each chapter of the document once" }],
        },
      );
    }
    for (const [index, chapterId] of input.chapterIds.entries())
      await setChapterPosition(tx, chapterId, index + 1);
    await touchDocument(tx, documentId);
    await recordAudit(tx, actor, {
      action: "reorder",
      entityType: "document_chapter",
      entityId: String(documentId),
      unitId: document.issuingUnitId,
      before: chapters.map((c) => c.id),
      after: input.chapterIds,
    });
    return (await selectChapters(tx, documentId)).map(presentChapter);
  });
}

// ---- Requirements ----

type RequirementValues = Omit<NewRequirement, "documentId" | "lineageKey" | "position">;

/** Every rule a requirement must meet within its document; returns the problems, empty when it is valid. */
async function requirementProblems(
  tx: Db,
  context: DocumentContext,
  values: RequirementValues,
  exceptId: number | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const recipientIds = context.recipients.map((r) => r.id);
  if (await numberTakenByOther(tx, context.document.id, values.number, exceptId)) {
    problems.push({ field: "number", message: `${values.number} is already used in this document` });
  }
  if (values.chapterId !== null) {
    const chapter = await findChapter(tx, values.chapterId);
    if (!chapter || chapter.documentId !== context.document.id) {
      problems.push({ field: "chapterId", message: "is not a chapter of this document" });
    }
  }
  for (const unitId of values.appliesToUnitIds ?? []) {
    if (!recipientIds.includes(unitId)) {
      const unit = (await selectUnitsByIds(tx, [unitId]))[0];
      problems.push({
        field: "appliesTo",
        message: unit ? `${unit.code} is not a recipient of this document` : `there is no unit ${unitId}`,
      });
    }
  }
  if (values.leadUnitId !== null) {
    const answering = answeringUnitIds(values.appliesToUnitIds, recipientIds);
    if (!answering.includes(values.leadUnitId)) {
      problems.push({ field: "leadUnitId", message: "must be one of the units the requirement applies to" });
    }
  }
  if (values.indicatorId !== null) {
    if (values.kind !== "indicator") {
      problems.push({ field: "indicatorId", message: "only an indicator requirement follows an indicator" });
    } else if (!(await indicatorExists(tx, values.indicatorId))) {
      problems.push({ field: "indicatorId", message: `there is no indicator ${values.indicatorId}` });
    }
  }
  if (values.derivedFromId !== null) {
    const problem = await derivedFromProblem(tx, context, values.derivedFromId);
    if (problem) problems.push({ field: "derivedFromId", message: problem });
  }
  return problems;
}

/**
 * A requirement derives from one in a published document that a unit above sent to this
 * document's issuer (ministry -> region -> trust), or from the issuer's own document of an
 * earlier year (carried over).
 */
async function derivedFromProblem(
  tx: Db,
  context: DocumentContext,
  sourceId: number,
): Promise<string | null> {
  const [source] = await selectRequirementsWithDocument(tx, [sourceId]);
  if (!source) return `there is no requirement ${sourceId}`;
  if (source.state !== "published") return "must be a requirement of a published document";
  const issuer = context.issuer;
  if (source.issuingUnitId === issuer.id) {
    return source.year < context.document.year
      ? null
      : "a requirement of the issuer's own document must be from an earlier year";
  }
  const fromAbove = issuer.path.startsWith(source.issuerPath);
  const addressedHere = (await selectRecipients(tx, source.documentId)).some((r) => r.id === issuer.id);
  return fromAbove && addressedHere
    ? null
    : `must come from a document sent to ${issuer.code} by a unit above it, or from an earlier year's document of ${issuer.code}`;
}

function valuesFrom(input: z.infer<typeof createRequirementInput>): RequirementValues {
  return {
    number: input.number,
    chapterId: input.chapterId ?? null,
    kind: input.kind,
    text: input.text,
    source: input.source ?? null,
    appliesToUnitIds: normaliseAppliesTo(
      input.appliesTo === undefined || input.appliesTo === "all" ? null : input.appliesTo,
    ),
    frequency: normaliseFrequency(input.frequency ?? ["annual"]),
    deadline: input.deadline ?? null,
    selectedForRiskAssessment: input.selectedForRiskAssessment ?? false,
    derivedFromId: input.derivedFromId ?? null,
    leadUnitId: input.leadUnitId ?? null,
    indicatorId: input.indicatorId ?? null,
  };
}

const duplicateNumber = (number: string) =>
  new AppError("conflict", `Requirement number ${number} is already used in this document.`, {
    problems: [{ field: "number", message: "already in use" }],
  });

export async function addRequirement(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof createRequirementInput>,
) {
  return db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const values = valuesFrom(input);
    const problems = await requirementProblems(tx, context, values, null);
    if (problems.length > 0) throw invalidRequirement(problems);
    const [requirement] = await insertRequirements(tx, [
      {
        ...values,
        documentId,
        lineageKey: randomUUID(),
        position: await nextRequirementPosition(tx, documentId),
      },
    ]).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicateNumber(values.number);
      throw error;
    });
    if (!requirement) throw new Error("insert into requirements returned no row");
    await touchDocument(tx, documentId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "requirement",
      entityId: String(requirement.id),
      unitId: context.document.issuingUnitId,
      after: auditable(requirement),
    });
    return presentRequirement(requirement, context.recipients);
  });
}

function invalidRequirement(problems: FieldProblem[]) {
  const duplicate = problems.length === 1 && problems[0]?.field === "number";
  return new AppError(
    duplicate ? "conflict" : "validation_failed",
    `The requirement is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`,
    { problems },
  );
}

export async function getRequirement(db: Db, principal: Principal, requirementId: number) {
  const requirement = await findRequirement(db, requirementId);
  if (!requirement) throw notFound(`Requirement ${requirementId}`);
  const context = await loadReadableDocument(
    db,
    principal,
    requirement.documentId,
    `Requirement ${requirementId}`,
  );
  const derived = await derivedFromSummaries(db, [requirement]);
  const children = await selectDerivedRequirements(db, [requirementId]);
  return {
    ...presentRequirement(
      requirement,
      context.recipients,
      requirement.derivedFromId === null ? null : (derived.get(requirement.derivedFromId) ?? null),
    ),
    document: { id: context.document.id, title: context.document.title, year: context.document.year },
    derivedBy: children.map((child) => ({
      id: child.id,
      number: child.number,
      documentId: child.documentId,
      documentTitle: child.documentTitle,
      year: child.year,
    })),
  };
}

async function loadRequirementForChange(tx: Db, principal: Principal, requirementId: number) {
  const requirement = await findRequirement(tx, requirementId);
  if (!requirement) throw notFound(`Requirement ${requirementId}`);
  const context = await loadDraftForChange(
    tx,
    principal,
    requirement.documentId,
    `Requirement ${requirementId}`,
  );
  return { requirement, context };
}

export async function updateRequirement(
  db: Db,
  principal: Principal,
  actor: Actor,
  requirementId: number,
  input: z.infer<typeof updateRequirementInput>,
) {
  return db.transaction(async (tx) => {
    const { requirement, context } = await loadRequirementForChange(tx, principal, requirementId);
    if (requirement.version !== input.version) {
      throw staleVersion(
        `Requirement ${requirement.number}`,
        presentRequirement(requirement, context.recipients),
      );
    }
    const values: RequirementValues = {
      number: input.number ?? requirement.number,
      chapterId: input.chapterId === undefined ? requirement.chapterId : input.chapterId,
      kind: input.kind ?? requirement.kind,
      text: input.text ?? requirement.text,
      source: input.source === undefined ? requirement.source : input.source,
      appliesToUnitIds:
        input.appliesTo === undefined
          ? requirement.appliesToUnitIds
          : normaliseAppliesTo(input.appliesTo === "all" ? null : input.appliesTo),
      frequency: input.frequency ? normaliseFrequency(input.frequency) : requirement.frequency,
      deadline: input.deadline === undefined ? requirement.deadline : input.deadline,
      selectedForRiskAssessment: input.selectedForRiskAssessment ?? requirement.selectedForRiskAssessment,
      derivedFromId: input.derivedFromId === undefined ? requirement.derivedFromId : input.derivedFromId,
      leadUnitId: input.leadUnitId === undefined ? requirement.leadUnitId : input.leadUnitId,
      indicatorId: input.indicatorId === undefined ? requirement.indicatorId : input.indicatorId,
    };
    const problems = await requirementProblems(tx, context, values, requirementId);
    if (problems.length > 0) throw invalidRequirement(problems);
    const updated = await updateRequirementFields(tx, requirementId, input.version, values).catch(
      (error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateNumber(values.number);
        throw error;
      },
    );
    if (!updated) throw staleVersion(`Requirement ${requirement.number}`, null);
    await touchDocument(tx, requirement.documentId);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "requirement",
      entityId: String(requirementId),
      unitId: context.document.issuingUnitId,
      before: auditable(requirement),
      after: auditable(updated),
    });
    return presentRequirement(updated, context.recipients);
  });
}

export async function removeRequirement(
  db: Db,
  principal: Principal,
  actor: Actor,
  requirementId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { requirement, context } = await loadRequirementForChange(tx, principal, requirementId);
    if (requirement.version !== version) {
      throw staleVersion(
        `Requirement ${requirement.number}`,
        presentRequirement(requirement, context.recipients),
      );
    }
    await deleteRequirement(tx, requirementId);
    await touchDocument(tx, requirement.documentId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "requirement",
      entityId: String(requirementId),
      unitId: context.document.issuingUnitId,
      before: auditable(requirement),
    });
  });
}

/**
 * Requirements this document's requirements may derive from: those of published documents sent
 * to its issuer by units above it. For the picker in the requirement form.
 */
export async function listParentRequirements(db: Db, principal: Principal, documentId: number) {
  const context = await loadReadableDocument(db, principal, documentId);
  const above = await selectDocumentsAbove(db, context.issuer.id, context.issuer.path);
  const result = [];
  for (const { document } of above) {
    const rows = await selectRequirements(db, document.id);
    result.push({
      document: {
        id: document.id,
        title: document.title,
        year: document.year,
        versionNumber: document.versionNumber,
      },
      requirements: rows.map((row) => ({ id: row.id, number: row.number, kind: row.kind, text: row.text })),
    });
  }
  return result;
}

// ---- Bulk adding (import, demo data, carry-over) ----

export type RequirementDraft = RequirementValues & { chapterTitle?: string | null };

/**
 * Adds many requirements to a locked draft in one go: chapters named by title are reused or
 * created at the end. The caller has checked the rows; the database still refuses duplicates.
 */
export async function insertRequirementDrafts(tx: Db, documentId: number, drafts: RequirementDraft[]) {
  const chapters = await selectChapters(tx, documentId);
  const chapterByTitle = new Map(chapters.map((c) => [c.title.trim().toLowerCase(), c.id]));
  const newTitles = [
    ...new Set(
      drafts
        .map((d) => d.chapterTitle?.trim())
        .filter((t): t is string => !!t && !chapterByTitle.has(t.toLowerCase())),
    ),
  ];
  const lastPosition = chapters[chapters.length - 1]?.position ?? 0;
  const created = await insertChapters(
    tx,
    newTitles.map((title, index) => ({
      documentId,
      lineageKey: randomUUID(),
      position: lastPosition + index + 1,
      title,
    })),
  );
  for (const chapter of created) chapterByTitle.set(chapter.title.toLowerCase(), chapter.id);
  const firstPosition = await nextRequirementPosition(tx, documentId);
  const rows = await insertRequirements(
    tx,
    drafts.map(({ chapterTitle, ...values }, index) => ({
      ...values,
      chapterId: chapterTitle
        ? (chapterByTitle.get(chapterTitle.trim().toLowerCase()) ?? null)
        : values.chapterId,
      documentId,
      lineageKey: randomUUID(),
      position: firstPosition + index,
    })),
  );
  await touchDocument(tx, documentId);
  return { requirements: rows, chaptersCreated: created.map(presentChapter) };
}
