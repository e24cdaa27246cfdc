import path from "node:path";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { requirementTableLimits } from "../../files/limits.ts";
import { uploadError } from "../../files/upload.ts";
import { requireUser } from "../../http.ts";
import { id, idParams, versionQuery } from "../../schemas/common.ts";
import { addChapter, removeChapter, reorderChapters, updateChapter } from "./chapters.ts";
import { compareVersions } from "./compare.ts";
import {
  createDocument,
  createNewVersion,
  getDocument,
  listDocuments,
  publishDocument,
  removeDocument,
  updateDocument,
} from "./documents.ts";
import { assertCanImportRequirements, importRequirements } from "./import.ts";
import {
  addRequirement,
  getRequirement,
  listParentRequirements,
  removeRequirement,
  updateRequirement,
} from "./requirements.ts";
import {
  chapterInput,
  createDocumentInput,
  createRequirementInput,
  documentFilter,
  reorderChaptersInput,
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
        },
      },
      async (request) => listDocuments(db, requireUser(request).principal, request.query),
    );

    app.post(
      "/api/steering-documents",
      { schema: { tags, summary: "Start a steering document as a draft", body: createDocumentInput } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await createDocument(db, principal, actor, request.body));
      },
    );

    app.get(
      "/api/steering-documents/:id",
      {
        schema: {
          tags,
          summary: "One document version with its chapters, requirements, versions and what you may do",
          params: idParams,
        },
      },
      async (request) => getDocument(db, requireUser(request).principal, request.params.id),
    );

    app.patch(
      "/api/steering-documents/:id",
      {
        schema: {
          tags,
          summary: "Change a draft's title, year, kind or recipients",
          params: idParams,
          body: updateDocumentInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateDocument(db, principal, actor, request.params.id, request.body);
      },
    );

    app.delete(
      "/api/steering-documents/:id",
      { schema: { tags, summary: "Delete a draft", params: idParams, querystring: versionQuery } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await removeDocument(db, principal, actor, request.params.id, request.query.version);
        return reply.code(204).send();
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
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return publishDocument(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/steering-documents/:id/versions",
      {
        schema: {
          tags,
          summary: "Make a new draft version of a published document (a copy linked to it)",
          params: idParams,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await createNewVersion(db, principal, actor, request.params.id));
      },
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
        },
      },
      async (request) =>
        compareVersions(db, requireUser(request).principal, request.params.id, request.query.with),
    );

    app.get(
      "/api/steering-documents/:id/parent-requirements",
      {
        schema: {
          tags,
          summary: "Requirements sent to this document's issuer from above, to derive requirements from",
          params: idParams,
        },
      },
      async (request) => listParentRequirements(db, requireUser(request).principal, request.params.id),
    );

    app.post(
      "/api/steering-documents/:id/chapters",
      {
        schema: {
          tags,
          summary: "Add a chapter (main goal) at the end",
          params: idParams,
          body: chapterInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await addChapter(db, principal, actor, request.params.id, request.body));
      },
    );

    app.put(
      "/api/steering-documents/:id/chapters/order",
      {
        schema: {
          tags,
          summary: "Put the chapters in a new order (every chapter id once)",
          params: idParams,
          body: reorderChaptersInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return reorderChapters(db, principal, actor, request.params.id, request.body);
      },
    );

    app.patch(
      "/api/chapters/:id",
      { schema: { tags, summary: "Rename a chapter", params: idParams, body: updateChapterInput } },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateChapter(db, principal, actor, request.params.id, request.body);
      },
    );

    app.delete(
      "/api/chapters/:id",
      { schema: { tags, summary: "Delete an empty chapter", params: idParams, querystring: versionQuery } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await removeChapter(db, principal, actor, request.params.id, request.query.version);
        return reply.code(204).send();
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
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply
          .code(201)
          .send(await addRequirement(db, principal, actor, request.params.id, request.body));
      },
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
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        // Rights and the document first: a refused upload is answered without reading its body.
        await assertCanImportRequirements(db, principal, request.params.id);
        const limitBytes = Math.min(config.uploadLimitBytes, requirementTableLimits.uploadBytes);
        const tooLarge = () =>
          new AppError(
            "payload_too_large",
            `The file is larger than the limit of ${limitBytes} bytes for a requirement table.`,
          );
        const file = await request.file({ limits: { fileSize: limitBytes } }).catch((error: unknown) => {
          throw uploadError(error, tooLarge);
        });
        if (!file) {
          throw new AppError("bad_request", "Attach the table as the multipart/form-data field 'file'.", {
            problems: [{ field: "file", message: "is required" }],
          });
        }
        const data = await file.toBuffer().catch((error: unknown) => {
          throw uploadError(error, tooLarge);
        });
        return importRequirements(
          db,
          principal,
          actor,
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
        },
      },
      async (request) => getRequirement(db, requireUser(request).principal, request.params.id),
    );

    app.patch(
      "/api/requirements/:id",
      {
        schema: {
          tags,
          summary: "Change a requirement of a draft",
          params: idParams,
          body: updateRequirementInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateRequirement(db, principal, actor, request.params.id, request.body);
      },
    );

    app.delete(
      "/api/requirements/:id",
      {
        schema: {
          tags,
          summary: "Delete a requirement of a draft",
          params: idParams,
          querystring: versionQuery,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await removeRequirement(db, principal, actor, request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
