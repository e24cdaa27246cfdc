import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { IndicatorMeasure } from "../../api/measures.ts";
import type { Translate } from "../../i18n/i18n.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { usePhaseStatus } from "./MeasureLabels.tsx";

/** A vertical mark on the indicator's chart: the month and what happens in it. */
export type ChartMark = { month: string; label: string };

/** Each measure's start and full-effect month, as the chart marks them. */
export function measureMarks(measures: readonly IndicatorMeasure[], t: Translate): ChartMark[] {
  return measures.flatMap((measure) => [
    ...(measure.start
      ? [{ month: measure.start.slice(0, 7), label: t("measures.chart.startMark", { title: measure.title }) }]
      : []),
    ...(measure.fullEffectDate
      ? [
          {
            month: measure.fullEffectDate.slice(0, 7),
            label: t("measures.chart.fullMark", { title: measure.title }),
          },
        ]
      : []),
  ]);
}

/** The chart's marks in words: the measures on the indicator, with their dates and expected value. */
export function IndicatorMeasures({ measures }: { measures: readonly IndicatorMeasure[] }) {
  const { t } = useLocale();
  const words = usePhaseStatus();
  return (
    <section aria-labelledby="indicator-measures" className="indicator-measures">
      <Heading level={3} data-size="xs" id="indicator-measures">
        {t("measures.chart.heading")}
      </Heading>
      {measures.length === 0 ? (
        <Paragraph data-size="sm">{t("measures.chart.none")}</Paragraph>
      ) : (
        <ul>
          {measures.map((measure) => (
            <li key={measure.id}>
              <RouterLink to="/measures/$id" params={{ id: String(measure.id) }}>
                {measure.title}
              </RouterLink>{" "}
              ({measure.unit.name}).{" "}
              {t("measures.chart.item", {
                phase: words.phase(measure.phase),
                status: words.status(measure.status),
                start: words.date(measure.start),
                full: words.date(measure.fullEffectDate),
                target: measure.effectTarget ?? t("measures.noDate"),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
