// Errors met while receiving a multipart upload, as problems the client can act on.

import { AppError } from "../errors.ts";

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
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError("bad_request", `The upload is not a readable multipart/form-data body: ${reason}.`, {
    problems: [{ field: "file", code: "broken_multipart", message: "broken multipart body" }],
  });
}
