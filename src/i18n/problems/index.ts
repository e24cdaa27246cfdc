// Every problem the server can name, worded in bokmål and English: one catalogue per area, merged
// here. The server words `detail` and each field's `message` in the caller's language from these;
// the types make a reason or field code without wording a compile error.

import { commonFieldProblems, commonReasons } from "./common.ts";
import { measurementReasons } from "./measurements.ts";

export const reasonCatalogues = {
  nb: { ...commonReasons.nb, ...measurementReasons.nb },
  en: { ...commonReasons.en, ...measurementReasons.en },
} as const;

export const fieldProblemCatalogues = {
  nb: { ...commonFieldProblems.nb },
  en: { ...commonFieldProblems.en },
} as const;

export type ProblemReason = keyof typeof reasonCatalogues.nb;
export type FieldProblemCode = keyof typeof fieldProblemCatalogues.nb;
