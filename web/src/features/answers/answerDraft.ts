import { type ApiProblem, isApiProblem } from "../../api/client.ts";
import { type Answer, type AnswerStatus, answerStatuses } from "../../api/reporting.ts";

// What the answer editor holds, and a refusal because someone else saved first.

export type Draft = { status: AnswerStatus; text: string };

function isAnswer(value: unknown): value is Answer {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "number" &&
    typeof candidate.version === "number" &&
    typeof candidate.text === "string" &&
    answerStatuses.some((status) => status === candidate.status)
  );
}

export function staleAnswer(error: unknown): (ApiProblem & { current: Answer }) | null {
  if (!isApiProblem(error) || error.code !== "stale_version") return null;
  return isAnswer(error.body.current) ? Object.assign(error, { current: error.body.current }) : null;
}

/** Someone else saved first: what the person had written, and the answer as it is saved now. */
export type Conflict = { mine: Draft; theirs: Answer };
