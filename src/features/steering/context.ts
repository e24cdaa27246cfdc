// Loading a document with its issuer and recipients, checked against what the caller may read or change.

import type { Db } from "../../db/client.ts";
import { canManageDocument, canReadDocument, type Principal } from "../../domain/access.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import type { ProblemReason } from "../../i18n/problems/index.ts";
import type { ProblemParams } from "../../schemas/contract.ts";
import type { DocumentContext } from "./presenters.ts";
import {
  type DocumentRow,
  findDocument,
  findUnitSummary,
  lockDocument,
  selectRecipients,
} from "./queries.ts";

export async function loadContext(db: Db, document: DocumentRow): Promise<DocumentContext> {
  const issuer = await findUnitSummary(db, document.issuingUnitId);
  if (!issuer) throw new Error(`document ${document.id} has no issuing unit`);
  return { document, issuer, recipients: await selectRecipients(db, document.id) };
}

/**
 * What a 404 names: the thing asked for (a chapter, a round, …) when the person may not read its
 * document, so that the answer is the same as for a thing that does not exist. A reason key of
 * the catalogues (TRANSITIONAL: other features may still pass a phrase until they are converted).
 */
export type Missing = Parameters<typeof notFound>[0] | { reason: ProblemReason; params: ProblemParams };

const missing = (what: Missing) =>
  typeof what === "string" ? notFound(what) : notFound(what.reason, what.params);

export async function loadReadableDocument(
  db: Db,
  principal: Principal,
  documentId: number,
  what: Missing = { reason: "steering_document_not_found", params: { id: documentId } },
) {
  const document = await findDocument(db, documentId);
  if (!document) throw missing(what);
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
  what: Missing = { reason: "steering_document_not_found", params: { id: document.id } },
) {
  const context = await loadContext(db, document);
  // Not found, rather than forbidden: someone who may not read it learns nothing, not even that it exists.
  if (!isReadable(principal, context)) throw missing(what);
  return context;
}

/** Refuses a change: 404 to someone who may not read the document either, 403 to a reader. */
export function refuseChange(
  principal: Principal,
  context: DocumentContext,
  what: Missing,
  reason: Parameters<typeof forbidden>[0],
  params?: ProblemParams,
): never {
  if (!isReadable(principal, context)) throw missing(what);
  throw forbidden(reason, params);
}

const publishedIsReadOnly = (document: DocumentRow) =>
  new AppError("conflict", "steering_published_read_only", {
    params: { title: document.title, versionNumber: document.versionNumber },
  });

/**
 * Locks a document for a change that `allowed` grants on its issuing unit. Refused: 404 to
 * someone who may not read the document either, 403 with `refusal` (the role it takes, worded
 * with the issuing unit's name) to a reader.
 */
export async function lockDocumentFor(
  tx: Db,
  principal: Principal,
  documentId: number,
  allowed: (principal: Principal, issuerPath: string) => boolean,
  refusal: ProblemReason,
  what: Missing = { reason: "steering_document_not_found", params: { id: documentId } },
): Promise<DocumentContext> {
  const document = await lockDocument(tx, documentId);
  if (!document) throw missing(what);
  const context = await loadContext(tx, document);
  if (!allowed(principal, context.issuer.path))
    refuseChange(principal, context, what, refusal, { unit: context.issuer.name });
  return context;
}

/** The refusal of a change to a document by someone who may not draft it. */
export const needsEditor: ProblemReason = "steering_change_needs_editor";

/** Locks a draft for a change by someone allowed to draft it. */
export async function loadDraftForChange(
  tx: Db,
  principal: Principal,
  documentId: number,
  what: Missing = { reason: "steering_document_not_found", params: { id: documentId } },
) {
  const context = await lockDocumentFor(tx, principal, documentId, canManageDocument, needsEditor, what);
  if (context.document.state !== "draft") throw publishedIsReadOnly(context.document);
  return context;
}
