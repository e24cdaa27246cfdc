// How a refusal leaves the server: RFC 9457 problem+json, worded in the caller's language — the
// language saved with the signed-in user, else the request's Accept-Language, else bokmål.

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { FieldProblem } from "./errors.ts";
import { type Locale, localeOf } from "./i18n/locale.ts";
import type { ProblemReason } from "./i18n/problems/index.ts";
import { fieldProblemText, isFieldProblemCode, isProblemReason, reasonText } from "./i18n/problemText.ts";
import type { ProblemCode, ProblemParams } from "./schemas/contract.ts";
import { ruleOfMessage } from "./schemas/rules.ts";

const titleByStatus: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Too large",
  414: "Address too long",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function requestLocale(request: FastifyRequest): Locale {
  return localeOf(request.sessionUser?.locale, request.headers["accept-language"]);
}

/** A field problem worded in `locale`; a code without wording keeps the message it came with. */
export function wordFieldProblem(locale: Locale, problem: FieldProblem): FieldProblem {
  const message = fieldProblemText(locale, problem.code, problem.params ?? {});
  return message === undefined ? problem : { ...problem, message };
}

export type ProblemDetailsOut = {
  reason?: string;
  params?: ProblemParams;
  problems?: FieldProblem[];
  [key: string]: unknown;
};

/**
 * Sends a problem. The `detail` is the wording of `reason` in the caller's language; `fallback`
 * (English) is used only for a reason not yet in the catalogues, and then only in English — a
 * bokmål caller gets the category's sentence instead of English.
 */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ProblemCode,
  fallback: string,
  details: ProblemDetailsOut = {},
) {
  const locale = requestLocale(request);
  const reason = details.reason;
  const params = details.params ?? {};
  const detail = isProblemReason(reason)
    ? reasonText(locale, reason, params)
    : locale === "en"
      ? fallback
      : reasonText(locale, code as ProblemReason, params);
  const problems = details.problems?.map((problem) => wordFieldProblem(locale, problem));
  return reply
    .code(status)
    .header("content-language", locale)
    .type("application/problem+json")
    .send({
      type: `https://tertial.app/problems/${code}`,
      title: titleByStatus[status] ?? "Error",
      status,
      code,
      detail,
      instance: request.url,
      ...details,
      ...(problems ? { problems } : {}),
    });
}

/** The values of a zod issue its wording needs: limits, formats, expected types. */
const issueParamNames = ["minimum", "maximum", "inclusive", "origin", "format", "expected", "divisor"];

/**
 * The fields a request's schema refused. A shared rule (src/schemas/common.ts) names itself in
 * the issue's `params.rule`; a value that is missing altogether reads "required".
 */
export function validationProblems(error: FastifyError): FieldProblem[] {
  return (error.validation ?? []).map((issue) => {
    const given = (issue.params ?? {}) as Record<string, unknown>;
    const ruleParams = (given.params ?? {}) as Record<string, unknown>;
    const params: ProblemParams = {};
    for (const [name, value] of Object.entries({ ...pick(given, issueParamNames), ...ruleParams })) {
      if (["string", "number", "boolean"].includes(typeof value)) params[name] = value as string;
    }
    if (Array.isArray(given.keys)) params.keys = given.keys.join(", ");
    const missing = issue.keyword === "invalid_type" && /received undefined$/.test(issue.message ?? "");
    const named = ruleOfMessage(issue.message);
    if (named) Object.assign(params, named.params);
    const rule = typeof ruleParams.rule === "string" ? ruleParams.rule : named?.rule;
    const wanted = missing ? "required" : (rule ?? issue.keyword);
    const code = isFieldProblemCode(wanted) ? wanted : "invalid";
    delete params.rule;
    return {
      field:
        issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
        String(issue.params?.missingProperty ?? ""),
      code,
      message: fieldProblemText("en", code, params) ?? issue.message ?? "is invalid",
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}

function pick(source: Record<string, unknown>, names: string[]) {
  return Object.fromEntries(names.filter((name) => name in source).map((name) => [name, source[name]]));
}
