// Chapters of a draft steering document.

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { AppError, notFound, staleVersion } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { loadDraftForChange } from "./context.ts";
import { auditable, presentChapter } from "./presenters.ts";
import {
  countRequirementsInChapter,
  deleteChapter,
  findChapter,
  insertChapters,
  selectChapters,
  setChapterPosition,
  touchDocument,
  updateChapterFields,
} from "./queries.ts";
import type { chapterInput, reorderChaptersInput, updateChapterInput } from "./schema.ts";

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
