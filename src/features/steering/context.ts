// Loading a document with its issuer and recipients, checked against what the caller may read or change.

import type { Db } from "../../db/client.ts";
import { canManageDocument, canReadDocument, type Principal } from "../../domain/access.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import type { DocumentContext } from "./presenters.ts";
import {
  type DocumentRow,
  findDocument,
  findUnitSummary,
  lockDocument,
  selectRecipients,
  type UnitSummary,
} from "./queries.ts";

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
    {
      reason: "published_read_only",
      params: { title: document.title, versionNumber: document.versionNumber },
    },
  );

/**
 * Locks a document for a change that `allowed` grants on its issuing unit. Refused: 404 to
 * someone who may not read the document either, 403 with `refusal` (the role it takes) to a reader.
 */
export async function lockDocumentFor(
  tx: Db,
  principal: Principal,
  documentId: number,
  allowed: (principal: Principal, issuerPath: string) => boolean,
  refusal: (issuer: UnitSummary) => string,
  what = `Steering document ${documentId}`,
): Promise<DocumentContext> {
  const document = await lockDocument(tx, documentId);
  if (!document) throw notFound(what);
  const context = await loadContext(tx, document);
  if (!allowed(principal, context.issuer.path))
    refuseChange(principal, context, what, refusal(context.issuer));
  return context;
}

/** The refusal of a change to a document by someone who may not draft it. */
export const needsEditor = (issuer: UnitSummary) =>
  `You need the editor or administrator role on ${issuer.name} to change its documents.`;

/** Locks a draft for a change by someone allowed to draft it. */
export async function loadDraftForChange(
  tx: Db,
  principal: Principal,
  documentId: number,
  what = `Steering document ${documentId}`,
) {
  const context = await lockDocumentFor(tx, principal, documentId, canManageDocument, needsEditor, what);
  if (context.document.state !== "draft") throw publishedIsReadOnly(context.document);
  return context;
}
