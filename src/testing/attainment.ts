// Test support for the target rules (src/domain/targets*.test.ts): the colour a value gets.

import {
  type AttainmentContext,
  type Direction,
  evaluateAttainment,
  type TargetRule,
} from "../domain/targets.ts";

export const year2024: AttainmentContext = { year: 2024 };

export function colourOf(
  value: number | null,
  target: TargetRule | null,
  options: { decimals?: number; direction?: Direction; context?: AttainmentContext } = {},
) {
  return evaluateAttainment({
    value,
    decimals: options.decimals ?? 1,
    direction: options.direction ?? "higher",
    target,
    context: options.context ?? year2024,
  }).colour;
}
