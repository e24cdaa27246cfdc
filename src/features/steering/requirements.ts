// Requirements of a steering document, one at a time and in bulk (import, demo data, carry-over).

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Principal } from "../../domain/access.ts";
import { answeringUnitIds, normaliseAppliesTo, normaliseFrequency } from "../../domain/steering.ts";
import { AppError, type FieldProblem, notFound } from "../../errors.ts";
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
  findChapter,
  findRequirement,
  indicatorExists,
  insertChapters,
  insertRequirements,
  type NewRequirement,
  nextRequirementPosition,
  numberTakenByOther,
  type RequirementRow,
  selectChapters,
  selectDerivedRequirements,
  selectDocumentsAbove,
  selectRecipients,
  selectRequirements,
  selectRequirementsWithDocument,
  selectUnitsByIds,
  touchDocument,
  updateRequirementFields,
} from "./queries.ts";
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
  describe: (requirement) => `Requirement ${requirement.number}`,
  present: (requirement) => presentRequirement(requirement, context.recipients),
  unitOf: () => context.document.issuingUnitId,
  find: findRequirement,
});

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
    problems.push({
      field: "number",
      code: "in_use",
      params: { number: values.number },
      message: `${values.number} is already used in this document`,
    });
  }
  if (values.chapterId !== null) {
    const chapter = await findChapter(tx, values.chapterId);
    if (!chapter || chapter.documentId !== context.document.id) {
      problems.push({
        field: "chapterId",
        code: "not_in_document",
        message: "is not a chapter of this document",
      });
    }
  }
  for (const unitId of values.appliesToUnitIds ?? []) {
    if (!recipientIds.includes(unitId)) {
      const unit = (await selectUnitsByIds(tx, [unitId]))[0];
      problems.push(
        unit
          ? {
              field: "appliesTo",
              code: "not_a_recipient",
              params: { unit: unit.code },
              message: `${unit.code} is not a recipient of this document`,
            }
          : {
              field: "appliesTo",
              code: "unknown_unit",
              params: { unitId },
              message: `there is no unit ${unitId}`,
            },
      );
    }
  }
  if (values.leadUnitId !== null) {
    const answering = answeringUnitIds(values.appliesToUnitIds, recipientIds);
    if (!answering.includes(values.leadUnitId)) {
      problems.push({
        field: "leadUnitId",
        code: "not_answering",
        message: "must be one of the units the requirement applies to",
      });
    }
  }
  if (values.indicatorId !== null) {
    if (values.kind !== "indicator") {
      problems.push({
        field: "indicatorId",
        code: "not_indicator_kind",
        message: "only an indicator requirement follows an indicator",
      });
    } else if (!(await indicatorExists(tx, values.indicatorId))) {
      problems.push({
        field: "indicatorId",
        code: "unknown_indicator",
        params: { indicatorId: values.indicatorId },
        message: `there is no indicator ${values.indicatorId}`,
      });
    }
  }
  if (values.derivedFromId !== null) {
    const problem = await derivedFromProblem(tx, context, values.derivedFromId);
    if (problem) problems.push({ field: "derivedFromId", ...problem });
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
): Promise<Omit<FieldProblem, "field"> | null> {
  const [source] = await selectRequirementsWithDocument(tx, [sourceId]);
  if (!source) {
    return {
      code: "unknown_requirement",
      params: { requirementId: sourceId },
      message: `there is no requirement ${sourceId}`,
    };
  }
  if (source.state !== "published") {
    return { code: "not_published", message: "must be a requirement of a published document" };
  }
  const issuer = context.issuer;
  if (source.issuingUnitId === issuer.id) {
    return source.year < context.document.year
      ? null
      : {
          code: "not_earlier_year",
          message: "a requirement of the issuer's own document must be from an earlier year",
        };
  }
  const fromAbove = issuer.path.startsWith(source.issuerPath);
  const addressedHere = (await selectRecipients(tx, source.documentId)).some((r) => r.id === issuer.id);
  return fromAbove && addressedHere
    ? null
    : {
        code: "not_from_above",
        params: { issuer: issuer.code },
        message: `must come from a document sent to ${issuer.code} by a unit above it, or from an earlier year's document of ${issuer.code}`,
      };
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
    reason: "number_in_use",
    params: { number },
    problems: [{ field: "number", code: "in_use", params: { number }, message: "already in use" }],
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

function invalidRequirement(problems: FieldProblem[]) {
  const duplicate = problems.length === 1 && problems[0]?.field === "number";
  return new AppError(
    duplicate ? "conflict" : "validation_failed",
    `The requirement is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`,
    { reason: duplicate ? "number_in_use" : "invalid_requirement", problems },
  );
}

export async function getRequirement(
  db: Db,
  { principal }: Caller,
  requirementId: number,
): Promise<RequirementDetailView> {
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

/** The requirement of a draft the person may change, at the version they read. */
async function loadRequirementForChange(
  tx: Db,
  principal: Principal,
  requirementId: number,
  version: number,
) {
  const label = `Requirement ${requirementId}`;
  const found = await findRequirement(tx, requirementId);
  if (!found) throw notFound(label);
  const context = await loadDraftForChange(tx, principal, found.documentId, label);
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
