import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { AppError, fieldProblem } from "../../errors.ts";
import { requirementTableLimits } from "../../files/limits.ts";
import { uploadError } from "../../files/upload.ts";
import { callerOf } from "../../http.ts";
import { formatSize } from "../../i18n/render.ts";
import { id, idParams, versionQuery } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import { addChapter, removeChapter, reorderChapters, updateChapter } from "./chapters.ts";
import { compareVersions } from "./compare.ts";
import {
  createDocument,
  getDocument,
  listDocuments,
  publishDocument,
  removeDocument,
  updateDocument,
} from "./documents.ts";
import { assertCanImportRequirements, importRequirements } from "./import.ts";
import { createNewVersion } from "./newVersion.ts";
import {
  addRequirement,
  getRequirement,
  listParentRequirements,
  removeRequirement,
  updateRequirement,
} from "./requirements.ts";
import {
  chapterInput,
  chapterView,
  comparisonView,
  createDocumentInput,
  createRequirementInput,
  documentFilter,
  documentHeaderView,
  documentListItemView,
  documentView,
  importResultView,
  parentRequirementsView,
  reorderChaptersInput,
  requirementDetailView,
  requirementView,
  updateChapterInput,
  updateDocumentInput,
  updateRequirementInput,
  versionInput,
} from "./schema.ts";

const tags = ["steering documents"];

export const steeringRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered here, not for the whole server: only the requirement import takes multipart bodies.
    await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });

    app.get(
      "/api/steering-documents",
      {
        schema: {
          tags,
          summary: "Steering documents you can read (drafts only for the issuing unit), every version",
          querystring: documentFilter,
          response: replies(z.array(documentListItemView)),
        },
      },
      async (request) => listDocuments(db, callerOf(request), request.query),
    );

    app.post(
      "/api/steering-documents",
      {
        schema: {
          tags,
          summary: "Start a steering document as a draft",
          body: createDocumentInput,
          response: replies(documentHeaderView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createDocument(db, callerOf(request), request.body)),
    );

    app.get(
      "/api/steering-documents/:id",
      {
        schema: {
          tags,
          summary: "One document version with its chapters, requirements, versions and what you may do",
          params: idParams,
          response: replies(documentView),
        },
      },
      async (request) => getDocument(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/steering-documents/:id",
      {
        schema: {
          tags,
          summary: "Change a draft's title, year, kind or recipients",
          params: idParams,
          body: updateDocumentInput,
          response: replies(documentHeaderView),
        },
      },
      async (request) => updateDocument(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/steering-documents/:id",
      {
        schema: {
          tags,
          summary: "Delete a draft",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await removeDocument(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/steering-documents/:id/publish",
      {
        schema: {
          tags,
          summary: "Publish a draft to its recipients; it is read-only from then on",
          params: idParams,
          body: versionInput,
          response: replies(documentHeaderView),
        },
      },
      async (request) => publishDocument(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/steering-documents/:id/versions",
      {
        schema: {
          tags,
          summary: "Make a new draft version of a published document (a copy linked to it)",
          params: idParams,
          response: replies(documentHeaderView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createNewVersion(db, callerOf(request), request.params.id)),
    );

    app.get(
      "/api/steering-documents/:id/compare",
      {
        schema: {
          tags,
          summary:
            "What changed from this version to another: chapters and requirements added, removed, changed",
          params: idParams,
          querystring: z.object({ with: id }),
          response: replies(comparisonView),
        },
      },
      async (request) => compareVersions(db, callerOf(request), request.params.id, request.query.with),
    );

    app.get(
      "/api/steering-documents/:id/parent-requirements",
      {
        schema: {
          tags,
          summary: "Requirements sent to this document's issuer from above, to derive requirements from",
          params: idParams,
          response: replies(parentRequirementsView),
        },
      },
      async (request) => listParentRequirements(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/steering-documents/:id/chapters",
      {
        schema: {
          tags,
          summary: "Add a chapter (main goal) at the end",
          params: idParams,
          body: chapterInput,
          response: replies(chapterView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addChapter(db, callerOf(request), request.params.id, request.body)),
    );

    app.put(
      "/api/steering-documents/:id/chapters/order",
      {
        schema: {
          tags,
          summary: "Put the chapters in a new order (every chapter id once)",
          params: idParams,
          body: reorderChaptersInput,
          response: replies(z.array(chapterView)),
        },
      },
      async (request) => reorderChapters(db, callerOf(request), request.params.id, request.body),
    );

    app.patch(
      "/api/chapters/:id",
      {
        schema: {
          tags,
          summary: "Rename a chapter",
          params: idParams,
          body: updateChapterInput,
          response: replies(chapterView),
        },
      },
      async (request) => updateChapter(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/chapters/:id",
      {
        schema: {
          tags,
          summary: "Delete an empty chapter",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await removeChapter(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/steering-documents/:id/requirements",
      {
        schema: {
          tags,
          summary: "Add a requirement to a draft",
          params: idParams,
          body: createRequirementInput,
          response: replies(requirementView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addRequirement(db, callerOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/steering-documents/:id/requirements/import",
      {
        schema: {
          tags,
          summary:
            "Import a requirement table (CSV or XLSX, multipart field 'file'): checked whole, all or nothing; ?dryRun=true only checks",
          params: idParams,
          querystring: z.object({ dryRun: z.stringbool().default(false) }),
          consumes: ["multipart/form-data"],
          response: replies(importResultView),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        // Rights and the document first: a refused upload is answered without reading its body.
        await assertCanImportRequirements(db, caller, request.params.id);
        const limitBytes = Math.min(config.uploadLimitBytes, requirementTableLimits.uploadBytes);
        const tooLarge = () =>
          new AppError("payload_too_large", "requirement_table_too_large", {
            params: { limit: formatSize(limitBytes), limitBytes },
          });
        const file = await request.file({ limits: { fileSize: limitBytes } }).catch((error: unknown) => {
          throw uploadError(error, tooLarge);
        });
        if (!file) {
          throw new AppError("bad_request", "upload_file_missing", {
            problems: [fieldProblem("file", "missing_file")],
          });
        }
        const data = await file.toBuffer().catch((error: unknown) => {
          throw uploadError(error, tooLarge);
        });
        return importRequirements(
          db,
          caller,
          request.params.id,
          { name: path.basename(file.filename || "upload.csv"), data },
          { dryRun: request.query.dryRun },
        );
      },
    );

    app.get(
      "/api/requirements/:id",
      {
        schema: {
          tags,
          summary: "One requirement, with where it derives from and what derives from it",
          params: idParams,
          response: replies(requirementDetailView),
        },
      },
      async (request) => getRequirement(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/requirements/:id",
      {
        schema: {
          tags,
          summary: "Change a requirement of a draft",
          params: idParams,
          body: updateRequirementInput,
          response: replies(requirementView),
        },
      },
      async (request) => updateRequirement(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/requirements/:id",
      {
        schema: {
          tags,
          summary: "Delete a requirement of a draft",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await removeRequirement(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );
  };
