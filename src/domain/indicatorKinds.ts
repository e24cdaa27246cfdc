// The value lists of an indicator and its targets. The database schema, the API schemas and the
// web's forms all read them from here, so the API and the database agree.

import type { ValueKind } from "./measures.ts";
import type { Comparator, Direction } from "./targets.ts";
import type { TrendMode } from "./trend.ts";
import type { EvaluationBasis } from "./windows.ts";

export const directions = ["higher", "lower"] as const satisfies readonly Direction[];
export const valueKinds = [
  "ratio",
  "count",
  "stock",
  "not_aggregatable",
] as const satisfies readonly ValueKind[];
export const evaluationBases = [
  "this_period",
  "year_to_date",
  "year",
] as const satisfies readonly EvaluationBasis[];
export const trendModes = ["relative", "points"] as const satisfies readonly TrendMode[];
export const comparators = ["gte", "gt", "lte", "lt"] as const satisfies readonly Comparator[];
