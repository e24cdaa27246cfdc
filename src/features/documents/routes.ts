import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { id, idParams } from "../../schemas/common.ts";
import { type DocumentSource, databaseDocumentSource } from "./collect.ts";
import { documentTypes } from "./model.ts";
import {
  compareStoredDocuments,
  documentDocx,
  documentHtml,
  generateDocument,
  generateDocumentInput,
  getDocument,
  getTemplate,
  listDocuments,
  listDocumentsQuery,
  saveTemplate,
  saveTemplateInput,
} from "./service.ts";

const typeParams = z.object({ type: z.enum(documentTypes) });
const templateQuery = z.object({ unitId: id.optional() });
const compareQuery = z.object({ from: id, to: id });

// The preview shows user text; escaping keeps it inert, and this policy would stop a script even if
// escaping ever failed: nothing but the inline style sheet may load or run.
const previewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

export const documentRoutes =
  (db: Db, source: DocumentSource = databaseDocumentSource): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/document-templates/:type",
      {
        schema: {
          tags: ["documents"],
          summary: "The template a document type uses, for a unit or (without unitId) the organisation",
          params: typeParams,
          querystring: templateQuery,
        },
      },
      async (request) =>
        getTemplate(db, requireUser(request).principal, request.params.type, request.query.unitId ?? null),
    );

    app.put(
      "/api/document-templates/:type",
      {
        schema: {
          tags: ["documents"],
          summary: "Save a unit's (or the organisation's) template for a document type",
          params: typeParams,
          body: saveTemplateInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return saveTemplate(db, principal, actor, request.params.type, request.body);
      },
    );

    app.post(
      "/api/documents",
      {
        schema: {
          tags: ["documents"],
          summary: "Generate a board document from the current data and store it with its snapshot",
          body: generateDocumentInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        const document = await generateDocument(db, source, principal, actor, request.body);
        return reply.code(201).send(document);
      },
    );

    app.get(
      "/api/documents",
      {
        schema: {
          tags: ["documents"],
          summary: "Stored documents, newest first",
          querystring: listDocumentsQuery,
        },
      },
      async (request) => listDocuments(db, requireUser(request).principal, request.query),
    );

    app.get(
      "/api/documents/compare",
      {
        schema: {
          tags: ["documents"],
          summary: "Compare two stored documents section by section (from = older, to = newer)",
          querystring: compareQuery,
        },
      },
      async (request) =>
        compareStoredDocuments(db, requireUser(request).principal, request.query.from, request.query.to),
    );

    app.get(
      "/api/documents/:id",
      {
        schema: {
          tags: ["documents"],
          summary: "A stored document with its content, rebuilt from its snapshot",
          params: idParams,
        },
      },
      async (request) => getDocument(db, requireUser(request).principal, request.params.id),
    );

    app.get(
      "/api/documents/:id/docx",
      {
        schema: {
          tags: ["documents"],
          summary: "Download a stored document as Word (.docx)",
          params: idParams,
        },
      },
      async (request, reply) => {
        const { fileName, title, bytes } = await documentDocx(
          db,
          requireUser(request).principal,
          request.params.id,
        );
        return reply
          .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
          .header(
            "content-disposition",
            `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(title)}.docx`,
          )
          .send(bytes);
      },
    );

    app.get(
      "/api/documents/:id/preview",
      {
        schema: {
          tags: ["documents"],
          summary: "A printable HTML preview of a stored document",
          params: idParams,
        },
      },
      async (request, reply) => {
        const html = await documentHtml(db, requireUser(request).principal, request.params.id);
        return reply
          .type("text/html; charset=utf-8")
          .header("content-security-policy", previewPolicy)
          .send(html);
      },
    );
  };
