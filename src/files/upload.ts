// Errors met while receiving a multipart upload, as problems the client can act on.

import { AppError, fieldProblem } from "../errors.ts";
import type { ProblemReason } from "../i18n/problems/index.ts";

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/**
 * A file over the size limit becomes `tooLarge()`; a broken body (a missing boundary, a part cut
 * off, a client that went away) is the client's doing, so a 400, never a 500.
 */
export function uploadError(error: unknown, tooLarge: () => AppError): unknown {
  if (error instanceof AppError) return error;
  if (codeOf(error) === "FST_REQ_FILE_TOO_LARGE") return tooLarge();
  const status =
    typeof error === "object" &&
    error !== null &&
    "statusCode" in error &&
    typeof error.statusCode === "number"
      ? error.statusCode
      : undefined;
  // Fastify's own client errors (406 not multipart, 413 body too large) already say what they are.
  if (status !== undefined && status >= 400 && status < 500) return error;
  const reason = brokenMultipartReason(error as { code?: string; message?: string }) ?? "upload_broken";
  return new AppError("bad_request", reason, { problems: [fieldProblem("file", "broken_multipart")] });
}

/** Why a multipart body could not be read; undefined when the error is about something else. */
export function brokenMultipartReason(error: {
  code?: string;
  message?: unknown;
}): ProblemReason | undefined {
  switch (error.code) {
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return "upload_not_multipart";
    case "FST_MP_PREMATURE_CLOSE":
      return "upload_ended_early";
    case "FST_PROTO_VIOLATION":
      return "upload_field_name";
    case "FST_INVALID_JSON_FIELD_ERROR":
      return "upload_json_field";
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return "upload_too_many_parts";
  }
  // Busboy, which parses the form, throws plain errors without codes; these are about the body.
  const message = typeof error.message === "string" ? error.message : "";
  if (/^Multipart: Boundary not found$|^Boundary required$/.test(message)) return "upload_no_boundary";
  if (/unexpected end of multipart data/i.test(message)) return "upload_ended_early";
  return undefined;
}
