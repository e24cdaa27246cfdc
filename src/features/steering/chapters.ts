// Chapters of a draft steering document.

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { AppError, fieldProblem, notFound } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { recordAudit } from "../audit/service.ts";
import { loadDraftForChange } from "./context.ts";
import { presentChapter } from "./presenters.ts";
import {
  type ChapterRow,
  countRequirementsInChapter,
  deleteChapter,
  findChapter,
  insertChapters,
  selectChapters,
  setChapterPosition,
  touchDocument,
  updateChapterFields,
} from "./queries.ts";
import type { ChapterView, chapterInput, reorderChaptersInput, updateChapterInput } from "./schema.ts";

/** Chapters as the change helper sees them; the audit trail files them under the document's issuer. */
const chapterEntity = (issuingUnitId: number): VersionedEntity<ChapterRow> => ({
  entityType: "document_chapter",
  describe: (chapter) => chapter.title,
  present: presentChapter,
  unitOf: () => issuingUnitId,
  find: findChapter,
});

export async function addChapter(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof chapterInput>,
): Promise<ChapterView> {
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
    await auditCreation(tx, actor, chapterEntity(document.issuingUnitId), chapter);
    return presentChapter(chapter);
  });
}

/** The chapter of a draft the person may change, at the version they read. */
async function loadChapterForChange(tx: Db, principal: Principal, chapterId: number, version: number) {
  const found = await findChapter(tx, chapterId);
  if (!found) throw notFound("steering_chapter_not_found", { id: chapterId });
  const missing = { reason: "steering_chapter_not_found", params: { id: chapterId } } as const;
  const { document } = await loadDraftForChange(tx, principal, found.documentId, missing);
  const entity = chapterEntity(document.issuingUnitId);
  const chapter = await loadForChange(tx, entity, chapterId, version, "steering_chapter_not_found");
  return { chapter, entity };
}

export async function updateChapter(
  db: Db,
  { principal, actor }: Caller,
  chapterId: number,
  input: z.infer<typeof updateChapterInput>,
): Promise<ChapterView> {
  return db.transaction(async (tx) => {
    const { chapter, entity } = await loadChapterForChange(tx, principal, chapterId, input.version);
    const updated = await applyChange(tx, actor, entity, chapter, "update", () =>
      updateChapterFields(tx, chapterId, chapter.version, { title: input.title }),
    );
    await touchDocument(tx, chapter.documentId);
    return presentChapter(updated);
  });
}

export async function removeChapter(
  db: Db,
  { principal, actor }: Caller,
  chapterId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { chapter, entity } = await loadChapterForChange(tx, principal, chapterId, version);
    const count = await countRequirementsInChapter(tx, chapterId);
    if (count > 0) {
      throw new AppError("conflict", "steering_chapter_not_empty", {
        params: { title: chapter.title, count },
      });
    }
    await deleteChapter(tx, chapterId);
    await touchDocument(tx, chapter.documentId);
    await auditRemoval(tx, actor, entity, chapter);
  });
}

export async function reorderChapters(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof reorderChaptersInput>,
): Promise<ChapterView[]> {
  return db.transaction(async (tx) => {
    const { document } = await loadDraftForChange(tx, principal, documentId);
    const chapters = await selectChapters(tx, documentId);
    const given = new Set(input.chapterIds);
    if (
      given.size !== input.chapterIds.length ||
      given.size !== chapters.length ||
      chapters.some((c) => !given.has(c.id))
    ) {
      throw new AppError("validation_failed", "steering_chapter_order_incomplete", {
        problems: [fieldProblem("chapterIds", "steering_each_chapter_once")],
      });
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
