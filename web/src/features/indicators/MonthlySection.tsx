import { Card, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useId, useMemo } from "react";
import { indicatorName } from "../../api/indicators.ts";
import { useIndicatorMeasures } from "../../api/measures.ts";
import { type IndicatorSeries, useIndicatorSeries } from "../../api/scorecards.ts";
import type { Unit } from "../../api/types.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import { IndicatorMeasures, measureMarks } from "../measures/IndicatorMeasures.tsx";
import { compactSpan, describeRule, formatNumber, withUnit } from "../scorecard/format.ts";
import { formatMonth } from "../scorecard/periods.ts";
import { useChartComponent } from "./chartLoader.ts";
import { MonthlyTable } from "./MonthlyTable.tsx";

/** The unit's figures month by month, as a chart described in words and as a table. */
export function MonthlySection({
  indicatorId,
  unit,
  period,
}: {
  indicatorId: number;
  unit: Unit;
  period: string;
}) {
  const { t, locale } = useLocale();
  const series = useIndicatorSeries(indicatorId, unit.id, period);
  const IndicatorChart = useChartComponent();
  const measures = useIndicatorMeasures(indicatorId);
  const marks = useMemo(() => measureMarks(measures.data ?? [], t), [measures.data, t]);
  const descriptionId = useId();
  const intl = intlLocale[locale];
  return (
    <section aria-labelledby="monthly-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="monthly-heading" tabIndex={-1} className="page-title">
        {t("indicators.monthly.heading", { unit: unit.name })}
      </Heading>
      {series.isPending && <Spinner aria-label={t("common.loading")} />}
      {series.isError && <ProblemAlert error={series.error} />}
      {series.data && (
        <>
          <Paragraph data-size="sm" id={descriptionId} className="page-intro">
            {chartDescription(series.data, t, locale)}
          </Paragraph>
          <Card className="chart-card">
            {IndicatorChart ? (
              <IndicatorChart
                series={series.data}
                describedBy={descriptionId}
                marks={marks}
                label={t("indicators.chart.label", {
                  name: indicatorName(series.data.indicator, locale),
                  unit: series.data.unit.name,
                  from: formatMonth(series.data.from, intl),
                  to: formatMonth(series.data.to, intl),
                })}
              />
            ) : (
              <Spinner aria-label={t("common.loading")} />
            )}
          </Card>
          {measures.data && <IndicatorMeasures measures={measures.data} />}
          <Details>
            <Details.Summary>{t("indicators.monthly.tableToggle")}</Details.Summary>
            <Details.Content>
              <MonthlyTable series={series.data} />
            </Details.Content>
          </Details>
        </>
      )}
    </section>
  );
}

function chartDescription(
  series: IndicatorSeries,
  t: ReturnType<typeof useLocale>["t"],
  locale: "nb" | "en",
) {
  const { indicator } = series;
  const windowText = t(`indicators.chart.window.${indicator.evaluationBasis}`);
  const withValue = series.months.filter((month) => month.judged.roundedValue !== null);
  const last = withValue.at(-1);
  const targets = series.targets
    .filter((entry) => entry.target)
    .map((entry) =>
      entry.target
        ? `${entry.year}: ${describeRule(entry.target.rule, {
            unitLabel: indicator.unitLabel,
            direction: indicator.direction,
            locale,
            t,
            year: entry.year,
          })}`
        : "",
    )
    .join("; ");
  const parts = [
    t("indicators.chart.judgedIntro", { window: windowText }),
    t("indicators.chart.description", { count: withValue.length, total: series.months.length }),
  ];
  if (!series.monthlyComparable) parts.push(t("indicators.chart.monthlyNotShown"));
  if (last) {
    const figure =
      locale === "nb" && last.judged.displayedValue
        ? last.judged.displayedValue
        : formatNumber(last.judged.roundedValue ?? 0, locale, indicator.decimals);
    parts.push(
      t("indicators.chart.latestJudged", {
        value: withUnit(figure, indicator.unitLabel),
        span: compactSpan(last.judged.first, last.judged.last, locale),
      }),
    );
  }
  parts.push(targets ? t("indicators.chart.targets", { targets }) : t("indicators.chart.noTargets"));
  return parts.join(" ");
}
