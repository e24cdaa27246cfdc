// A schema's own wording of a refused value ("must be a month written YYYY-MM") names a rule of
// the field-problem catalogue, so the server can word it in the caller's language. Messages are
// registered when the schemas are built — a fixed set, never one per request.

import type { FieldProblemCode } from "../i18n/problems/index.ts";
import { fieldProblemText } from "../i18n/problemText.ts";
import type { ProblemParams } from "./contract.ts";

const ruleByMessage = new Map<string, { rule: FieldProblemCode; params: ProblemParams }>();

/** The English message of `rule`, remembered so that a refusal with it can be worded again. */
export function ruleMessage(rule: FieldProblemCode, params: ProblemParams = {}): string {
  const message = fieldProblemText("en", rule, params) ?? rule;
  ruleByMessage.set(message, { rule, params });
  return message;
}

export function ruleOfMessage(message: string | undefined) {
  return message === undefined ? undefined : ruleByMessage.get(message);
}
