import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { fileReplies, replies } from "../../schemas/contract.ts";
import { type DocumentSource, databaseDocumentSource } from "./collect.ts";
import {
  actionPlanDocumentQuery,
  actionPlanDocx,
  programmeCaseDocx,
  programmeCaseQuery,
} from "./programmeService.ts";
import {
  compareQuery,
  documentComparisonView,
  documentHeaderView,
  documentView,
  generateDocumentInput,
  listDocumentsQuery,
  saveTemplateInput,
  storedDocumentView,
  templateQuery,
  templateView,
  typeParams,
} from "./schema.ts";
import {
  compareStoredDocuments,
  documentDocx,
  documentHtml,
  generateDocument,
  getDocument,
  getTemplate,
  listDocuments,
  saveTemplate,
} from "./service.ts";

const docxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function sendDocx(
  reply: FastifyReply,
  { fileName, title, bytes }: { fileName: string; title: string; bytes: Buffer },
) {
  return reply
    .type(docxContentType)
    .header(
      "content-disposition",
      `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(title)}.docx`,
    )
    .send(bytes);
}

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
          response: replies(templateView),
        },
      },
      async (request) =>
        getTemplate(db, callerOf(request), request.params.type, request.query.unitId ?? null),
    );

    app.put(
      "/api/document-templates/:type",
      {
        schema: {
          tags: ["documents"],
          summary: "Save a unit's (or the organisation's) template for a document type",
          params: typeParams,
          body: saveTemplateInput,
          response: replies(templateView),
        },
      },
      async (request) => saveTemplate(db, callerOf(request), request.params.type, request.body),
    );

    app.post(
      "/api/documents",
      {
        schema: {
          tags: ["documents"],
          summary: "Generate a board document from the current data and store it with its snapshot",
          body: generateDocumentInput,
          response: replies(documentHeaderView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await generateDocument(db, source, callerOf(request), request.body)),
    );

    app.get(
      "/api/documents",
      {
        schema: {
          tags: ["documents"],
          summary: "Stored documents, newest first",
          querystring: listDocumentsQuery,
          response: replies(z.array(storedDocumentView)),
        },
      },
      async (request) => listDocuments(db, callerOf(request), request.query),
    );

    app.get(
      "/api/documents/compare",
      {
        schema: {
          tags: ["documents"],
          summary: "Compare two stored documents section by section (from = older, to = newer)",
          querystring: compareQuery,
          response: replies(documentComparisonView),
        },
      },
      async (request) => compareStoredDocuments(db, callerOf(request), request.query.from, request.query.to),
    );

    app.get(
      "/api/documents/programmes/:id/status-case.docx",
      {
        schema: {
          tags: ["documents"],
          summary: "A programme's status board case on a day as Word (.docx), from the current data",
          params: idParams,
          querystring: programmeCaseQuery,
          response: fileReplies(docxContentType, "The board case as a Word file"),
        },
      },
      async (request, reply) =>
        sendDocx(reply, await programmeCaseDocx(db, callerOf(request), request.params.id, request.query)),
    );

    app.get(
      "/api/documents/action-plans/:id/plan.docx",
      {
        schema: {
          tags: ["documents"],
          summary: "An action plan in the seed's form as Word (.docx), with a period's progress when given",
          params: idParams,
          querystring: actionPlanDocumentQuery,
          response: fileReplies(docxContentType, "The action plan as a Word file"),
        },
      },
      async (request, reply) =>
        sendDocx(reply, await actionPlanDocx(db, callerOf(request), request.params.id, request.query)),
    );

    app.get(
      "/api/documents/:id",
      {
        schema: {
          tags: ["documents"],
          summary: "A stored document with its content, rebuilt from its snapshot",
          params: idParams,
          response: replies(documentView),
        },
      },
      async (request) => getDocument(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/documents/:id/docx",
      {
        schema: {
          tags: ["documents"],
          summary: "Download a stored document as Word (.docx)",
          params: idParams,
          response: fileReplies(docxContentType, "The document as a Word file"),
        },
      },
      async (request, reply) => sendDocx(reply, await documentDocx(db, callerOf(request), request.params.id)),
    );

    app.get(
      "/api/documents/:id/preview",
      {
        schema: {
          tags: ["documents"],
          summary: "A printable HTML preview of a stored document",
          params: idParams,
          response: fileReplies("text/html", "The document as a printable HTML page"),
        },
      },
      async (request, reply) => {
        const html = await documentHtml(db, callerOf(request), request.params.id);
        return reply
          .type("text/html; charset=utf-8")
          .header("content-security-policy", previewPolicy)
          .send(html);
      },
    );
  };
