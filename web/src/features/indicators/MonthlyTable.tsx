import { Table } from "@digdir/designsystemet-react";
import type { IndicatorSeries } from "../../api/scorecards.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import { compactSpan, formatFigure, formatNumber } from "../scorecard/format.ts";
import { formatMonth } from "../scorecard/periods.ts";
import { AttainmentTag } from "../scorecard/StatusTags.tsx";

/** The chart's numbers: each month's judged figure, its window and colour, and the month's own value. */
export function MonthlyTable({ series }: { series: IndicatorSeries }) {
  const { t, locale } = useLocale();
  const intl = intlLocale[locale];
  const isRatio = series.indicator.valueKind === "ratio";
  const sum = (value: number | null) => (value === null ? t("common.none") : formatNumber(value, locale));
  return (
    <ScrollRegion label={t("indicators.monthly.tableCaption")}>
      <Table border data-size="sm" zebra>
        <caption className="sr-only">{t("indicators.monthly.tableCaption")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("indicators.monthly.month")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("indicators.monthly.judged", { unit: series.indicator.unitLabel })}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("indicators.monthly.judgedSpan")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("indicators.monthly.value", { unit: series.indicator.unitLabel })}
            </Table.HeaderCell>
            {isRatio && (
              <Table.HeaderCell scope="col" className="numeric">
                {t("indicators.monthly.numerator")}
              </Table.HeaderCell>
            )}
            {isRatio && (
              <Table.HeaderCell scope="col" className="numeric">
                {t("indicators.monthly.denominator")}
              </Table.HeaderCell>
            )}
            <Table.HeaderCell scope="col" className="numeric">
              {t("indicators.monthly.target")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("indicators.monthly.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {series.months.map((month) => (
            <Table.Row key={month.month}>
              <Table.HeaderCell scope="row">{formatMonth(month.month, intl)}</Table.HeaderCell>
              <Table.Cell className="numeric">
                <strong>
                  {formatFigure(month.judged, series.indicator.decimals, locale) ?? t("scorecard.noData")}
                </strong>
              </Table.Cell>
              <Table.Cell className="nowrap">
                {compactSpan(month.judged.first, month.judged.last, locale)}
              </Table.Cell>
              <Table.Cell className="numeric">
                {month.value === null
                  ? (month.displayedValue ?? t("scorecard.noData"))
                  : locale === "nb" && month.displayedValue
                    ? month.displayedValue
                    : formatNumber(month.value, locale, series.indicator.decimals)}
              </Table.Cell>
              {isRatio && (
                <Table.Cell className="numeric">
                  {sum(month.state === "value" ? month.numeratorSum : null)}
                </Table.Cell>
              )}
              {isRatio && (
                <Table.Cell className="numeric">
                  {sum(month.state === "value" ? month.denominatorSum : null)}
                </Table.Cell>
              )}
              <Table.Cell className="numeric">
                {month.targetValue === null ? t("common.none") : formatNumber(month.targetValue, locale)}
              </Table.Cell>
              <Table.Cell>
                <AttainmentTag colour={month.colour} reason={month.reason} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
