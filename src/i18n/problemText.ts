import type { Locale } from "./locale.ts";
import {
  type FieldProblemCode,
  fieldProblemCatalogues,
  type ProblemReason,
  reasonCatalogues,
} from "./problems/index.ts";
import { fillMessage, type MessageValues } from "./render.ts";

export function isProblemReason(value: unknown): value is ProblemReason {
  return typeof value === "string" && Object.hasOwn(reasonCatalogues.nb, value);
}

export function isFieldProblemCode(value: unknown): value is FieldProblemCode {
  return typeof value === "string" && Object.hasOwn(fieldProblemCatalogues.nb, value);
}

/** A refusal as a sentence in `locale`. */
export function reasonText(locale: Locale, reason: ProblemReason, params?: MessageValues): string {
  return fillMessage(locale, reasonCatalogues[locale][reason], params);
}

/**
 * What is wrong with one field, in `locale`. A code may have variants by kind of value
 * ("too_small.string"), chosen by the `origin` or `expected` parameter when the catalogue has one.
 */
export function fieldProblemText(
  locale: Locale,
  code: string,
  params: MessageValues = {},
): string | undefined {
  const catalogue: Record<string, string> = fieldProblemCatalogues[locale];
  const variant = params.origin ?? params.expected;
  const template =
    (typeof variant === "string" ? catalogue[`${code}.${variant}`] : undefined) ?? catalogue[code];
  return template === undefined ? undefined : fillMessage(locale, template, params);
}
