// Building blocks of the API's answers, shared by every feature's schema.ts: problems (RFC 9457),
// capabilities, files and empty answers. Routes declare their answers with `replies`, so the
// OpenAPI document at /api/docs shows every response, and an answer that breaks its schema
// fails on the server (and so in the tests) instead of surprising the web.

import { z } from "zod";

/** The stable codes of problems. The `detail` sentence is English; clients word the code. */
export const problemCodes = [
  "bad_request",
  "bad_url",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "stale_version",
  "payload_too_large",
  "uri_too_long",
  "too_many_requests",
  "internal",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/** Values a problem's wording needs ("at most {maximum} characters"). */
export const problemParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ProblemParams = z.infer<typeof problemParams>;

export const fieldProblem = z
  .object({
    field: z.string().meta({ description: "Dotted path of the field, e.g. `targets.0.value`" }),
    code: z.string().meta({
      description:
        "Stable code: zod's issue codes (`too_small`, `too_big`, `invalid_format`, `invalid_type`, " +
        "`invalid_value`, `custom`) for request checks, or the feature's own (`unknown_unit`, `in_use`, ...)",
    }),
    message: z.string().meta({ description: "English wording, for logs and the command line" }),
    params: problemParams.optional(),
    row: z.number().int().optional().meta({ description: "The row of an imported file, from 1" }),
  })
  .meta({ id: "FieldProblem" });
export type FieldProblemView = z.infer<typeof fieldProblem>;

/**
 * An error answer. `code` is the stable category; `reason` and `params`, when present, say
 * precisely what was refused, so that a client can word it in the user's language.
 */
export const problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(problemCodes),
    reason: z.string().optional(),
    params: problemParams.optional(),
    detail: z.string(),
    instance: z.string(),
    problems: z.array(fieldProblem).optional(),
    current: z.unknown().optional().meta({ description: "On `stale_version`: the version now stored" }),
    retryAfterSeconds: z.number().optional(),
  })
  .meta({ id: "Problem" });

const problemReplies = { "4xx": problem, "5xx": problem } as const;

/** The answers of a JSON route: `ok` with `status` (200 unless given), problems otherwise. */
export function replies<Schema extends z.ZodType, Status extends 200 | 201 = 200>(
  ok: Schema,
  status?: Status,
) {
  return { [status ?? 200]: ok, ...problemReplies } as { [key in Status]: Schema } & typeof problemReplies;
}

/** The answers of a route that answers 204 with no body. */
export function noContentReplies() {
  return { 204: z.null().meta({ description: "No content" }), ...problemReplies };
}

/** The answers of a route that sends the browser elsewhere (302), problems otherwise. */
export function redirectReplies(description: string) {
  return { 302: z.null().meta({ description }), ...problemReplies };
}

/** The answers of a download: a file of `contentType`, problems otherwise. */
export function fileReplies(contentType: string, description: string) {
  return {
    200: { description, content: { [contentType]: { schema: z.string().meta({ format: "binary" }) } } },
    ...problemReplies,
  };
}

/** What the caller may do with a resource, decided on the server from src/domain/access.ts. */
export function capabilities<Key extends string>(keys: readonly Key[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.boolean()])) as Record<Key, z.ZodBoolean>;
  return z.object(shape).meta({ description: "What the signed-in caller may do here" });
}
