import { useMemo } from "react";
import { ApiProblem, type FieldProblem, isApiProblem } from "../api/client.ts";

// A refused save marks the fields the server found wrong. Once the user changes such a field, its
// message no longer describes what is on screen, so it goes; when every marked field has been
// changed, the summary alert goes too. Only the server can say whether the new value is right, so
// nothing is marked right either: the next save asks it again.

/** The value at a problem's field path ("code", "steps.2024.value") in a form's payload. */
export function valueAt(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const step of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The problems that still describe the form: those whose field has the value that was sent. A
 * problem without a field (the request as a whole) stands until the next save.
 */
export function standingProblems(
  problems: readonly FieldProblem[],
  submitted: unknown,
  current: unknown,
): FieldProblem[] {
  return problems.filter(
    (problem) =>
      !problem.field || sameValue(valueAt(submitted, problem.field), valueAt(current, problem.field)),
  );
}

/**
 * The error as the form should show it now: unchanged while every marked field still has the sent
 * value, with the changed fields' problems left out, or null once all marked fields are changed.
 * Errors without field problems (a network failure, a newer version on the server) stand as they are.
 */
export function liveError(error: unknown, submitted: unknown, current: unknown): unknown {
  if (!isApiProblem(error) || error.problems.length === 0) return error;
  const standing = standingProblems(error.problems, submitted, current);
  if (standing.length === error.problems.length) return error;
  if (standing.length === 0) return null;
  return withProblems(error, standing);
}

function withProblems(error: ApiProblem, problems: FieldProblem[]): ApiProblem {
  const fields = new Set(problems.map((problem) => problem.field));
  const rawProblems = Array.isArray(error.body.problems)
    ? error.body.problems.filter(
        (problem: unknown) =>
          typeof problem !== "object" ||
          problem === null ||
          fields.has(String((problem as FieldProblem).field)),
      )
    : error.body.problems;
  return new ApiProblem(error.status, error.code, error.detail, problems, {
    ...error.body,
    problems: rawProblems,
  });
}

/**
 * `liveError` for a form: pass the mutation's error and variables (what was sent) and the payload
 * the form would send now, built the same way. The result is stable while the standing problems are.
 */
export function useLiveError(error: unknown, submitted: unknown, current: unknown): unknown {
  const standing =
    isApiProblem(error) && error.problems.length > 0
      ? standingProblems(error.problems, submitted, current)
      : [];
  const key = standing.map((problem) => `${problem.field}\u0000${problem.message}`).join("\u0001");
  // Recomputed only when another error comes or the standing problems change, not at each keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: submitted and current are summed up by key
  return useMemo(() => liveError(error, submitted, current), [error, key]);
}
