import "../scorecard/scorecard.css";
import { Card, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useId, useMemo } from "react";
import { indicatorName } from "../../api/indicators.ts";
import { type Measure, useIndicatorSeriesSpan } from "../../api/measures.ts";
import { useLatestPeriod } from "../../api/scorecards.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import { useChartComponent } from "../indicators/chartLoader.ts";
import { MonthlyTable } from "../indicators/MonthlyTable.tsx";
import { formatMonth } from "../scorecard/periods.ts";
import { effectSeriesSpan } from "./effectSpan.ts";
import { describeEffect, formatFigureWithUnit } from "./effectWords.ts";
import type { ChartMark } from "./IndicatorMeasures.tsx";

type IndicatorRef = { id: number; label: string };

/** The effect indicator first, then the other linked indicators the reader may see, each once. */
function indicatorsOf(measure: Measure): IndicatorRef[] {
  const refs: IndicatorRef[] = [];
  if (measure.effectIndicator) {
    const { id, code, name } = measure.effectIndicator;
    refs.push({ id, label: `${code} ${name}` });
  }
  for (const link of measure.links) {
    if (link.kind !== "indicator" || !link.readable) continue;
    if (refs.some((ref) => ref.id === link.targetId)) continue;
    refs.push({ id: link.targetId, label: [link.number, link.title].filter(Boolean).join(" ") });
  }
  return refs;
}

/**
 * Each linked indicator month by month for the measure's unit, on the indicator page's chart, with
 * the measure's start and full effect as vertical lines and its expected value as a horizontal one,
 * and whether the newest figure has reached it in words.
 */
export function MeasureEffect({ measure }: { measure: Measure }) {
  const { t } = useLocale();
  const indicators = indicatorsOf(measure);
  const latestPeriod = useLatestPeriod(indicators.length > 0 ? measure.unit.id : undefined);
  return (
    <section aria-labelledby="measure-effect">
      <Heading level={2} data-size="sm" id="measure-effect">
        {t("measures.effect.heading")}
      </Heading>
      {indicators.length === 0 ? (
        <Paragraph>{t("measures.effect.none")}</Paragraph>
      ) : latestPeriod.isPending ? (
        <Spinner aria-label={t("common.loading")} />
      ) : (
        <>
          <Paragraph data-size="sm">{t("measures.effect.intro", { unit: measure.unit.name })}</Paragraph>
          {indicators.map((indicator) => (
            <IndicatorEffect
              key={indicator.id}
              measure={measure}
              indicator={indicator}
              span={effectSeriesSpan(measure, latestPeriod.data?.lastDataMonth ?? null, todayIsoDate())}
            />
          ))}
        </>
      )}
    </section>
  );
}

function IndicatorEffect({
  measure,
  indicator,
  span,
}: {
  measure: Measure;
  indicator: IndicatorRef;
  span: { from: string; to: string };
}) {
  const { t, locale } = useLocale();
  const series = useIndicatorSeriesSpan(indicator.id, measure.unit.id, span.from, span.to);
  const IndicatorChart = useChartComponent();
  const headingId = useId();
  const descriptionId = useId();
  const intl = intlLocale[locale];
  const target = measure.effectIndicator?.id === indicator.id ? measure.effectTarget : null;
  const data = series.data;

  const marks = useMemo<ChartMark[]>(
    () => [
      ...(measure.start ? [{ month: measure.start.slice(0, 7), label: t("measures.effect.startMark") }] : []),
      ...(measure.fullEffectDate
        ? [{ month: measure.fullEffectDate.slice(0, 7), label: t("measures.effect.fullMark") }]
        : []),
    ],
    [measure.start, measure.fullEffectDate, t],
  );
  const references = useMemo(
    () =>
      data && target !== null
        ? [
            {
              value: target,
              label: t("measures.effect.reference", {
                value: formatFigureWithUnit(target, data.indicator, locale),
              }),
            },
          ]
        : [],
    [data, target, t, locale],
  );

  // The judged value, as the scorecard and the chart's main line have it: a count judged over
  // three months is compared with the expected value as a three-month figure, not one month's.
  const months = data?.months.map((month) => ({ month: month.month, value: month.judged.value })) ?? [];
  const hasFigures = months.some((month) => month.value !== null);
  return (
    <section aria-labelledby={headingId} className="measure-effect">
      <Heading level={3} data-size="xs" id={headingId}>
        <RouterLink to="/indicators/$id" params={{ id: String(indicator.id) }}>
          {data ? `${data.indicator.code} ${indicatorName(data.indicator, locale)}` : indicator.label}
        </RouterLink>
      </Heading>
      {series.isPending && <Spinner aria-label={t("common.loading")} />}
      {series.isError && <ProblemAlert error={series.error} />}
      {data && (
        <>
          <Paragraph id={descriptionId} className="measure-effect-words">
            {describeEffect(
              {
                indicator: data.indicator,
                months,
                target,
                fullEffectDate: measure.fullEffectDate,
                today: todayIsoDate(),
                unitName: data.unit.name,
                from: data.from,
                to: data.to,
              },
              t,
              locale,
            )}
          </Paragraph>
          {hasFigures && (
            <>
              <Card className="chart-card">
                {IndicatorChart ? (
                  <IndicatorChart
                    series={data}
                    describedBy={descriptionId}
                    marks={marks}
                    references={references}
                    label={`${t("measures.effect.chartLabel", {
                      name: indicatorName(data.indicator, locale),
                      unit: data.unit.name,
                      from: formatMonth(data.from, intl),
                      to: formatMonth(data.to, intl),
                    })}. ${t("measures.effect.chartParts")}`}
                  />
                ) : (
                  <Spinner aria-label={t("common.loading")} />
                )}
              </Card>
              <Details>
                <Details.Summary>{t("indicators.monthly.tableToggle")}</Details.Summary>
                <Details.Content>
                  <MonthlyTable series={data} />
                </Details.Content>
              </Details>
            </>
          )}
        </>
      )}
    </section>
  );
}
