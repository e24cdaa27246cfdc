// The domain names a scale's problems with its own reason codes; the catalogue words them.

import type { FieldProblemCode } from "../../i18n/problems/index.ts";

const known = new Set<string>([
  "scale_kind_unknown",
  "scale_level_count",
  "scale_level_key_invalid",
  "scale_level_key_duplicate",
  "scale_level_rank",
  "scale_colour_unknown",
  "scale_label_missing",
  "scale_label_too_long",
  "scale_definition_too_long",
  "scale_axis_count",
  "scale_cells_shape",
  "scale_cell_unknown_level",
  "scale_cells_not_monotonic",
  "scale_area_count",
  "scale_area_key_duplicate",
]);

/** The catalogue's code for a domain reason; an unknown one falls back to a general wording. */
export function scaleProblemCode(reason: string): FieldProblemCode {
  return (known.has(reason) ? reason : "scale_problem") as FieldProblemCode;
}
