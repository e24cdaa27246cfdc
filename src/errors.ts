import type { ProblemParams } from "./schemas/contract.ts";

// Typed application errors. They leave the server as RFC 9457 problem+json.
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

/** One refused field: `code` and `params` are stable, `message` is English (see src/schemas/contract.ts). */
export type FieldProblem = {
  field: string;
  code: string;
  message: string;
  params?: ProblemParams;
  row?: number;
};

/**
 * `reason` and `params` say precisely what was refused (a stable code such as
 * "unit_has_active_children" and the values its wording needs); `problems` name fields.
 */
export type ProblemDetails = {
  reason?: string;
  params?: ProblemParams;
  problems?: FieldProblem[];
  [key: string]: unknown;
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ProblemDetails = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (reason: string) => new AppError("forbidden", reason);
export const staleVersion = (what: string, current: unknown) =>
  new AppError(
    "stale_version",
    `${what} was changed by someone else after you opened it. Reload to see their version.`,
    { current },
  );
