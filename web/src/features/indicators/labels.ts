import type { Direction, EvaluationBasis, TrendMode, ValueKind } from "../../api/indicators.ts";
import { hasMessage, type Translate } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";

export const directionKey: Record<Direction, MessageKey> = {
  higher: "indicators.direction.higher",
  lower: "indicators.direction.lower",
};

export const valueKindKey: Record<ValueKind, MessageKey> = {
  ratio: "indicators.valueKind.ratio",
  count: "indicators.valueKind.count",
  stock: "indicators.valueKind.stock",
  not_aggregatable: "indicators.valueKind.not_aggregatable",
};

export const basisKey: Record<EvaluationBasis, MessageKey> = {
  this_period: "scorecard.basis.this_period",
  year_to_date: "scorecard.basis.year_to_date",
  year: "scorecard.basis.year",
};

export const trendModeKey: Record<TrendMode, MessageKey> = {
  relative: "indicators.trendMode.relative",
  points: "indicators.trendMode.points",
};

/** Field names the server uses in its problems, in the reader's language (`rule.value` too). */
export function indicatorFieldLabel(t: Translate) {
  return (field: string): string | undefined => {
    const key = `indicators.field.${field}`;
    return hasMessage(key) ? t(key) : undefined;
  };
}
