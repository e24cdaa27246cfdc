import { staleCurrent } from "../../api/client.ts";
import type { Answer, AnswerStatus } from "../../api/reporting.ts";

// What the answer editor holds, and a refusal because someone else saved first.

export type Draft = { status: AnswerStatus; text: string };

/** The answer as saved now, when a save was refused because someone else saved first. */
export function staleAnswer(error: unknown): Answer | null {
  return staleCurrent<Answer>(error);
}

/** Someone else saved first: what the person had written, and the answer as it is saved now. */
export type Conflict = { mine: Draft; theirs: Answer };
