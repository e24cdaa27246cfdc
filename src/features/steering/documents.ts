// Steering documents: listing, creating, changing, publishing, copying and new versions.

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import {
  canManageDocument,
  canPublishDocument,
  canReadDocument,
  type Principal,
} from "../../domain/access.ts";
import { AppError, type FieldProblem, fieldProblem, forbidden } from "../../errors.ts";
import {
  applyChange,
  auditCreation,
  auditRemoval,
  loadForChange,
  type VersionedEntity,
} from "../audit/change.ts";
import { loadContext, loadDraftForChange, loadReadableDocument, lockDocumentFor } from "./context.ts";
import {
  type DocumentContext,
  derivedFromSummaries,
  presentChapter,
  presentDocumentHeader,
  presentRequirement,
} from "./presenters.ts";
import {
  type DocumentRow,
  deleteDocument,
  findDocument,
  findUnitSummary,
  insertDocument,
  replaceRecipients,
  selectChapters,
  selectDocuments,
  selectRecipientsOf,
  selectRequirements,
  selectSeries,
  selectUnitsByIds,
  type UnitSummary,
  updateDocumentFields,
} from "./queries.ts";
import type {
  createDocumentInput,
  DocumentHeaderView,
  DocumentListItemView,
  DocumentView,
  documentFilter,
  updateDocumentInput,
  versionInput,
} from "./schema.ts";

/** How the audit trail names document versions: per issuing unit. */
export const documentAudit = {
  entityType: "steering_document",
  unitOf: (document: DocumentRow) => document.issuingUnitId,
};

/** Document versions as the change helper sees them; a stale answer shows the document as `principal` may. */
const documentEntity = (principal: Principal, context: DocumentContext): VersionedEntity<DocumentRow> => ({
  ...documentAudit,
  describe: (document) => document.title,
  present: (document) => presentDocumentHeader(principal, { ...context, document }),
  find: findDocument,
});

async function checkRecipients(db: Db, issuer: UnitSummary, recipientIds: number[]) {
  const unique = [...new Set(recipientIds)];
  const found = await selectUnitsByIds(db, unique);
  const problems: FieldProblem[] = [];
  for (const unitId of unique) {
    const unit = found.find((u) => u.id === unitId);
    if (!unit) {
      problems.push(fieldProblem("recipientUnitIds", "steering_unknown_unit_id", { unitId }));
    } else if (unit.id === issuer.id || !unit.path.startsWith(issuer.path)) {
      problems.push(
        fieldProblem("recipientUnitIds", "steering_not_below_issuer", {
          unit: unit.code,
          issuer: issuer.code,
        }),
      );
    }
  }
  if (problems.length > 0) {
    throw new AppError("validation_failed", "steering_invalid_recipients", { problems });
  }
  return unique;
}

export async function listDocuments(
  db: Db,
  { principal }: Pick<Caller, "principal">,
  filter: z.infer<typeof documentFilter>,
): Promise<DocumentListItemView[]> {
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

export async function getDocument(db: Db, { principal }: Caller, documentId: number): Promise<DocumentView> {
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
  { principal, actor }: Caller,
  input: z.infer<typeof createDocumentInput>,
): Promise<DocumentHeaderView> {
  return db.transaction(async (tx) => {
    const issuer = await findUnitSummary(tx, input.issuingUnitId);
    if (!issuer) {
      throw new AppError("validation_failed", "steering_unknown_issuer", {
        params: { unitId: input.issuingUnitId },
        problems: [fieldProblem("issuingUnitId", "unknown_unit", { unitId: input.issuingUnitId })],
      });
    }
    if (!canManageDocument(principal, issuer.path)) {
      throw forbidden("steering_create_needs_editor", { unit: issuer.name });
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
    await auditCreation(tx, actor, documentAudit, { ...document, recipientUnitIds: recipientIds });
    return presentDocumentHeader(principal, await loadContext(tx, document));
  });
}

export async function updateDocument(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof updateDocumentInput>,
): Promise<DocumentHeaderView> {
  return db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const entity = documentEntity(principal, context);
    const document = await loadForChange(tx, entity, documentId, input.version);
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
        const requirements = stillNamed.map((r) => r.number).join(", ");
        throw new AppError("conflict", "steering_recipient_still_named", {
          params: { requirements, count: stillNamed.length },
          problems: [fieldProblem("recipientUnitIds", "steering_recipient_named_by", { requirements })],
        });
      }
      await replaceRecipients(tx, documentId, recipientIds);
    }
    const { version: _version, recipientUnitIds: _recipients, ...values } = input;
    // The audit trail keeps the recipients beside the row.
    const before = { ...document, recipientUnitIds: context.recipients.map((r) => r.id) };
    const updated = await applyChange(tx, actor, entity, before, "update", async () => {
      const row = await updateDocumentFields(tx, documentId, document.version, values);
      return row && { ...row, recipientUnitIds: recipientIds };
    });
    return presentDocumentHeader(principal, await loadContext(tx, updated));
  });
}

export async function removeDocument(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const document = await loadForChange(tx, documentEntity(principal, context), documentId, version);
    await deleteDocument(tx, documentId);
    await auditRemoval(tx, actor, documentAudit, document);
  });
}

export async function publishDocument(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof versionInput>,
): Promise<DocumentHeaderView> {
  return db.transaction(async (tx) => {
    const context = await lockDocumentFor(
      tx,
      principal,
      documentId,
      canPublishDocument,
      "steering_publish_needs_approver",
    );
    const { document } = context;
    if (document.state !== "draft") {
      throw new AppError("conflict", "steering_already_published", { params: { title: document.title } });
    }
    const entity = documentEntity(principal, context);
    await loadForChange(tx, entity, documentId, input.version);
    const rows = await selectRequirements(tx, documentId);
    if (rows.length === 0) {
      throw new AppError("conflict", "steering_no_requirements", { params: { title: document.title } });
    }
    const updated = await applyChange(tx, actor, entity, document, "publish", async () => {
      const row = await updateDocumentFields(tx, documentId, document.version, {
        state: "published",
        publishedAt: new Date(),
        publishedBy: actor.name,
      });
      // The audit trail counts what was published.
      return row && { ...row, requirements: rows.length };
    });
    return presentDocumentHeader(principal, { ...context, document: updated });
  });
}
