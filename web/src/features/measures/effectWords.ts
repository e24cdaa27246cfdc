// A measure's expected effect on one indicator in words, as its page says it under the chart:
// "Forventet effekt: 85 % eller høyere innen 1. juni 2025. Vurdert tall til og med apr. 2025: 78 %. Den
// forventede effekten er ikke nådd ennå." The rule itself is src/domain/measureEffect.ts.

import { judgeExpectedEffect, latestFigure } from "../../../../src/domain/measureEffect.ts";
import type { Direction } from "../../../../src/domain/targets.ts";
import { formatDate } from "../../components/dates.ts";
import { intlLocale, type Locale, type Translate } from "../../i18n/i18n.tsx";
import { formatNumber, withUnit } from "../scorecard/format.ts";
import { formatMonth } from "../scorecard/periods.ts";

export type EffectContext = {
  indicator: { direction: Direction; decimals: number; unitLabel: string };
  /** Each month's judged value (as the scorecard judges it, to that month); null where there is none. */
  months: readonly { month: string; value: number | null }[];
  /** The expected value on this indicator; null when it is not the measure's effect indicator. */
  target: number | null;
  fullEffectDate: string | null;
  today: string;
  unitName: string;
  from: string;
  to: string;
};

export function formatFigureWithUnit(
  value: number,
  indicator: EffectContext["indicator"],
  locale: Locale,
): string {
  return withUnit(formatNumber(value, locale, indicator.decimals), indicator.unitLabel);
}

/** The expected value with its direction: "85 % eller høyere", "5 % eller lavere". */
export function expectedValueText(target: number, context: EffectContext, t: Translate, locale: Locale) {
  const value = formatFigureWithUnit(target, context.indicator, locale);
  return t(context.indicator.direction === "higher" ? "measures.effect.atLeast" : "measures.effect.atMost", {
    value,
  });
}

export function describeEffect(context: EffectContext, t: Translate, locale: Locale): string {
  const { indicator, target, fullEffectDate } = context;
  const intl = intlLocale[locale];
  const latest = latestFigure(context.months);
  const judgement = judgeExpectedEffect({
    direction: indicator.direction,
    decimals: indicator.decimals,
    target,
    fullEffectDate,
    today: context.today,
    latest,
  });
  const parts: string[] = [];
  if (target !== null) {
    const value = expectedValueText(target, context, t, locale);
    parts.push(
      fullEffectDate
        ? t("measures.effect.expected", { value, date: formatDate(fullEffectDate, locale) })
        : t("measures.effect.expectedUndated", { value }),
    );
  }
  if (latest) {
    parts.push(
      t("measures.effect.latest", {
        value: formatFigureWithUnit(latest.value, indicator, locale),
        month: formatMonth(latest.month, intl),
      }),
    );
  }
  parts.push(
    t(`measures.effect.judgement.${judgement}`, {
      unit: context.unitName,
      from: formatMonth(context.from, intl),
      to: formatMonth(context.to, intl),
      month: fullEffectDate ? formatMonth(fullEffectDate.slice(0, 7), intl) : "",
    }),
  );
  return parts.join(" ");
}
