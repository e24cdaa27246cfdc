// Comparing two versions of a steering document, requirement by requirement.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { compareDocuments, type DocumentSnapshot } from "../../domain/steering.ts";
import { AppError, fieldProblem } from "../../errors.ts";
import { loadReadableDocument } from "./context.ts";
import type { DocumentContext } from "./presenters.ts";
import { selectChapters, selectRequirements, selectUnitsByIds } from "./queries.ts";
import type { ComparisonView } from "./schema.ts";

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

export async function compareVersions(
  db: Db,
  { principal }: Caller,
  fromId: number,
  toId: number,
): Promise<ComparisonView> {
  const from = await loadReadableDocument(db, principal, fromId);
  const to = await loadReadableDocument(db, principal, toId);
  if (from.document.seriesKey !== to.document.seriesKey) {
    throw new AppError("validation_failed", "steering_compare_other_document", {
      problems: [fieldProblem("with", "steering_other_document")],
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
