import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { allowsSomewhere, canImportFor, type Principal } from "../../domain/access.ts";
import { AppError, fieldProblem, forbidden } from "../../errors.ts";
import { uploadError } from "../../files/upload.ts";
import { callerOf } from "../../http.ts";
import { formatSize } from "../../i18n/render.ts";
import { replies } from "../../schemas/contract.ts";
import { formatOfFileName } from "./files.ts";
import {
  historyQuery,
  importFileQuery,
  importReportView,
  importRowsInput,
  measurementHistoryView,
  measurementQuery,
  measurementView,
} from "./schema.ts";
import {
  importMeasurementFile,
  importMeasurementRows,
  listMeasurements,
  measurementHistory,
} from "./service.ts";

/**
 * Checked before an upload is read: only someone who may write figures somewhere (an editor, or a
 * system administrator) gets the file read at all. Which units a file's rows may name is checked
 * row by row once it is read.
 */
function assertMayImportSomewhere(principal: Principal) {
  if (!allowsSomewhere(principal, (unitPath) => canImportFor(principal, unitPath))) {
    throw forbidden("measurement_import_needs_editor");
  }
}

export const measurementRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered here, not for the whole server: only this upload takes multipart bodies.
    await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });

    const tooLarge = () =>
      new AppError("payload_too_large", "measurement_upload_too_large", {
        params: { limit: formatSize(config.uploadLimitBytes), limitBytes: config.uploadLimitBytes },
      });

    app.post(
      "/api/measurements",
      {
        schema: {
          tags: ["measurements"],
          summary: "Store monthly values sent as JSON; checked whole, written all or nothing",
          body: importRowsInput,
          response: replies(importReportView),
        },
      },
      async (request) => importMeasurementRows(db, callerOf(request), request.body),
    );

    app.post(
      "/api/measurements/import",
      {
        schema: {
          tags: ["measurements"],
          summary:
            "Import a CSV or XLSX file (multipart field 'file'): checked whole, written all or nothing; ?dryRun=true only reports",
          querystring: importFileQuery,
          consumes: ["multipart/form-data"],
          response: replies(importReportView),
        },
      },
      async (request) => {
        const caller = callerOf(request);
        assertMayImportSomewhere(caller.principal);
        const file = await request.file().catch((error: unknown) => {
          throw uploadError(error, tooLarge);
        });
        if (!file) {
          throw new AppError("bad_request", "upload_file_missing", {
            problems: [fieldProblem("file", "missing_file")],
          });
        }
        const fileName = path.basename(file.filename || "upload.csv");
        // Refuse a wrong file type before reading a byte of it.
        formatOfFileName(fileName);
        // The import reads the file twice (check, then write), so it is kept on disk meanwhile.
        const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), "tertial-import-"));
        try {
          const filePath = path.join(folder, `upload${path.extname(fileName).toLowerCase()}`);
          try {
            await pipeline(file.file, fs.createWriteStream(filePath));
          } catch (error) {
            // The disk failing (a system error) is ours to report as a 500; the body breaking off is
            // the client's doing.
            if (typeof error === "object" && error !== null && "syscall" in error) throw error;
            throw uploadError(error, tooLarge);
          }
          if (file.file.truncated) throw tooLarge();
          return await importMeasurementFile(
            db,
            caller,
            { path: filePath, name: fileName },
            { dryRun: request.query.dryRun },
          );
        } finally {
          await fs.promises.rm(folder, { recursive: true, force: true });
        }
      },
    );

    app.get(
      "/api/measurements",
      {
        schema: {
          tags: ["measurements"],
          summary: "The values stored for one unit itself, month by month (default: the last 36 months)",
          querystring: measurementQuery,
          response: replies(z.array(measurementView)),
        },
      },
      async (request) => listMeasurements(db, callerOf(request), request.query),
    );

    app.get(
      "/api/measurements/history",
      {
        schema: {
          tags: ["measurements"],
          summary: "One value and the values it replaced: who, when, old value",
          querystring: historyQuery,
          response: replies(measurementHistoryView),
        },
      },
      async (request) => measurementHistory(db, callerOf(request), request.query),
    );
  };
