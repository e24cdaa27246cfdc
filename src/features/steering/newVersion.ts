// New versions of a published document: a draft copy of its chapters and requirements that
// points back to it. Carrying a document over to the next year copies content the same way.

import { randomUUID } from "node:crypto";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageDocument } from "../../domain/access.ts";
import { AppError } from "../../errors.ts";
import { auditCreation } from "../audit/change.ts";
import { lockDocumentFor, needsEditor } from "./context.ts";
import { documentAudit } from "./documents.ts";
import { presentDocumentHeader } from "./presenters.ts";
import {
  type ChapterRow,
  insertChapters,
  insertDocument,
  insertRequirements,
  type NewRequirement,
  type RequirementRow,
  replaceRecipients,
  selectChapters,
  selectRequirements,
  selectSeries,
} from "./queries.ts";
import type { DocumentHeaderView } from "./schema.ts";

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
export async function createNewVersion(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
): Promise<DocumentHeaderView> {
  return db.transaction(async (tx) => {
    const context = await lockDocumentFor(tx, principal, documentId, canManageDocument, needsEditor);
    const { document } = context;
    const series = await selectSeries(tx, document.seriesKey);
    const draft = series.find((v) => v.state === "draft");
    if (draft) {
      throw new AppError("conflict", "steering_draft_in_progress", {
        params: { versionNumber: draft.versionNumber, title: draft.title },
        draftId: draft.id,
      });
    }
    const latest = series[series.length - 1];
    if (latest && latest.id !== document.id) {
      throw new AppError("conflict", "steering_newer_version", {
        params: { versionNumber: latest.versionNumber },
        latestId: latest.id,
      });
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
      if (isUniqueViolation(error)) throw new AppError("conflict", "steering_version_made_meanwhile");
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
    await auditCreation(
      tx,
      actor,
      documentAudit,
      { ...copy, copiedFrom: document.id, requirements: copied.length },
      "new_version",
    );
    return presentDocumentHeader(principal, { ...context, document: copy });
  });
}
