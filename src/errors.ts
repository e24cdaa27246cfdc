import type { FieldProblemCode, ProblemReason } from "./i18n/problems/index.ts";
import { fieldProblemText, reasonText } from "./i18n/problemText.ts";
import type { ProblemParams } from "./schemas/contract.ts";

// Typed application errors. They leave the server as RFC 9457 problem+json, worded in the
// caller's language from the catalogues in src/i18n/problems (the English text is for the log).
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "too_many_requests"
  | "payload_too_large";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  too_many_requests: 429,
  payload_too_large: 413,
};

/** One refused field: `code` and `params` are stable; `message` is worded per request. */
export type FieldProblem = {
  field: string;
  code: FieldProblemCode;
  message: string;
  params?: ProblemParams;
  row?: number;
};

/** A refused field, with its English wording until the answer is worded for the caller. */
export function fieldProblem(
  field: string,
  code: FieldProblemCode,
  params?: ProblemParams,
  row?: number,
): FieldProblem {
  return {
    field,
    code,
    message: fieldProblemText("en", code, params) ?? code,
    ...(params ? { params } : {}),
    ...(row === undefined ? {} : { row }),
  };
}

/**
 * `reason` and `params` say precisely what was refused (a stable code such as
 * "unit_has_active_children" and the values its wording needs); `problems` name fields.
 */
export type ProblemDetails = {
  reason?: ProblemReason;
  params?: ProblemParams;
  problems?: FieldProblem[];
  [key: string]: unknown;
};

export class AppError extends Error {
  readonly status: number;
  readonly details: ProblemDetails;
  constructor(
    readonly code: ErrorCode,
    reason: ProblemReason,
    details: ProblemDetails = {},
  ) {
    super(reasonText("en", reason, details.params));
    this.name = "AppError";
    this.status = statusByCode[code];
    this.details = { ...details, reason };
  }
}

/** Something the caller cannot see, or that does not exist: the two answer alike. */
export const notFound = (reason: ProblemReason, params?: ProblemParams) =>
  new AppError("not_found", reason, params ? { params } : {});
export const forbidden = (reason: ProblemReason, params?: ProblemParams) =>
  new AppError("forbidden", reason, params ? { params } : {});
/** Someone saved a newer version; `name` names the thing when it has a name of its own. */
export const staleVersion = (name: string | null, current: unknown) =>
  new AppError("stale_version", name ? "stale_version_named" : "stale_version", {
    ...(name ? { params: { name } } : {}),
    current,
  });
