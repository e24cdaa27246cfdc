// Requirements of a steering document, one at a time and in bulk (import, demo data, carry-over).

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Principal } from "../../domain/access.ts";
import { normaliseAppliesTo, normaliseFrequency } from "../../domain/steering.ts";
import { AppError, fieldProblem, notFound } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { loadDraftForChange, loadReadableDocument } from "./context.ts";
import {
  type DocumentContext,
  derivedFromSummaries,
  presentChapter,
  presentRequirement,
} from "./presenters.ts";
import {
  deleteRequirement,
  findRequirement,
  insertChapters,
  insertRequirements,
  nextRequirementPosition,
  type RequirementRow,
  selectChapters,
  selectDerivedRequirements,
  selectDocumentsAbove,
  selectRequirements,
  touchDocument,
  updateRequirementFields,
} from "./queries.ts";
import { invalidRequirement, type RequirementValues, requirementProblems } from "./requirementChecks.ts";
import type {
  createRequirementInput,
  ParentRequirementsView,
  RequirementDetailView,
  RequirementView,
  updateRequirementInput,
} from "./schema.ts";

/** Requirements as the change helper sees them, within their document's context. */
const requirementEntity = (context: DocumentContext): VersionedEntity<RequirementRow> => ({
  entityType: "requirement",
  describe: (requirement) => requirement.number,
  present: (requirement) => presentRequirement(requirement, context.recipients),
  unitOf: () => context.document.issuingUnitId,
  find: findRequirement,
});

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
  new AppError("conflict", "steering_number_in_use", {
    params: { number },
    problems: [fieldProblem("number", "in_use", { number })],
  });

export async function addRequirement(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof createRequirementInput>,
): Promise<RequirementView> {
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
    await auditCreation(tx, actor, requirementEntity(context), requirement);
    return presentRequirement(requirement, context.recipients);
  });
}

export async function getRequirement(
  db: Db,
  { principal }: Caller,
  requirementId: number,
): Promise<RequirementDetailView> {
  const requirement = await findRequirement(db, requirementId);
  if (!requirement) throw notFound("steering_requirement_not_found", { id: requirementId });
  const context = await loadReadableDocument(db, principal, requirement.documentId, {
    reason: "steering_requirement_not_found",
    params: { id: requirementId },
  });
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

/** The requirement of a draft the person may change, at the version they read. */
async function loadRequirementForChange(
  tx: Db,
  principal: Principal,
  requirementId: number,
  version: number,
) {
  const label = "steering_requirement_not_found";
  const found = await findRequirement(tx, requirementId);
  if (!found) throw notFound(label, { id: requirementId });
  const context = await loadDraftForChange(tx, principal, found.documentId, {
    reason: label,
    params: { id: requirementId },
  });
  const entity = requirementEntity(context);
  const requirement = await loadForChange(tx, entity, requirementId, version, label);
  return { requirement, context, entity };
}

export async function updateRequirement(
  db: Db,
  { principal, actor }: Caller,
  requirementId: number,
  input: z.infer<typeof updateRequirementInput>,
): Promise<RequirementView> {
  return db.transaction(async (tx) => {
    const { requirement, context, entity } = await loadRequirementForChange(
      tx,
      principal,
      requirementId,
      input.version,
    );
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
    const updated = await applyChange(tx, actor, entity, requirement, "update", () =>
      updateRequirementFields(tx, requirementId, requirement.version, values).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateNumber(values.number);
        throw error;
      }),
    );
    await touchDocument(tx, requirement.documentId);
    return presentRequirement(updated, context.recipients);
  });
}

export async function removeRequirement(
  db: Db,
  { principal, actor }: Caller,
  requirementId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { requirement, entity } = await loadRequirementForChange(tx, principal, requirementId, version);
    await deleteRequirement(tx, requirementId);
    await touchDocument(tx, requirement.documentId);
    await auditRemoval(tx, actor, entity, requirement);
  });
}

/**
 * Requirements this document's requirements may derive from: those of published documents sent
 * to its issuer by units above it. For the picker in the requirement form.
 */
export async function listParentRequirements(
  db: Db,
  { principal }: Caller,
  documentId: number,
): Promise<ParentRequirementsView> {
  const context = await loadReadableDocument(db, principal, documentId);
  const above = await selectDocumentsAbove(db, context.issuer.id, context.issuer.path);
  const result: ParentRequirementsView = [];
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
