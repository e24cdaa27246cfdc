import type { ScorecardRow, WindowView } from "../../api/scorecards.ts";
import { intlLocale, type Locale, type Translate, useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { describeRowTarget, formatChange, formatFigure, formatNumber } from "./format.ts";
import { formatMonth, formatMonthSpan } from "./periods.ts";
import { attainmentLabelKey, trendLabelKey } from "./StatusTags.tsx";

const kindRuleKey: Record<ScorecardRow["indicator"]["valueKind"], MessageKey> = {
  ratio: "scorecard.explain.rule.ratio",
  count: "scorecard.explain.rule.count",
  stock: "scorecard.explain.rule.stock",
  not_aggregatable: "scorecard.explain.rule.notAggregatable",
};

const basisKey: Record<ScorecardRow["evaluationBasis"], MessageKey> = {
  this_period: "scorecard.basis.this_period",
  year_to_date: "scorecard.basis.year_to_date",
  year: "scorecard.basis.year",
};

const levelKey: Record<"unit" | "above" | "general", MessageKey> = {
  unit: "scorecard.explain.level.unit",
  above: "scorecard.explain.level.above",
  general: "scorecard.explain.level.general",
};

const noValueKey: Record<NonNullable<WindowView["reason"]>, MessageKey> = {
  no_observations: "scorecard.explain.noValue.no_observations",
  zero_denominator: "scorecard.explain.noValue.zero_denominator",
  several_units_not_aggregatable: "scorecard.explain.noValue.several_units_not_aggregatable",
  too_few_cases: "scorecard.explain.noValue.too_few_cases",
  out_of_range: "scorecard.explain.noValue.out_of_range",
};

/** How a window's figure was reached: "6 / 231 × 100 = 2,6", "sum 1 173", or why there is none. */
function calculation(row: ScorecardRow, window: WindowView, locale: Locale, t: Translate): string {
  const { indicator } = row;
  const sum = (value: number) => formatNumber(value, locale, value % 1 === 0 ? 0 : undefined);
  const figure = formatFigure(window, indicator.decimals, locale);
  if (window.state === "too_few") {
    return t("scorecard.explain.tooFew", {
      denominator: sum(window.denominatorSum ?? 0),
      minimum: sum(indicator.minDenominator ?? 0),
    });
  }
  if (window.state === "no_data" || figure === null) {
    return window.reason ? t(noValueKey[window.reason]) : t("scorecard.explain.noValue.no_observations");
  }
  if (indicator.valueKind === "ratio" && window.numeratorSum !== null && window.denominatorSum !== null) {
    const scale = indicator.scale === 1 ? "" : ` × ${sum(indicator.scale)}`;
    return `${sum(window.numeratorSum)} / ${sum(window.denominatorSum)}${scale} = ${figure}`;
  }
  if (indicator.valueKind === "count") return t("scorecard.explain.sumIs", { figure });
  return figure;
}

function WindowFacts({ label, row, window }: { label: string; row: ScorecardRow; window: WindowView }) {
  const { t, locale } = useLocale();
  const intl = intlLocale[locale];
  const months = window.monthsUsed.length + window.monthsMissing.length;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <span className="explain__span">{formatMonthSpan(window.first, window.last, intl)}: </span>
        <strong>{calculation(row, window, locale, t)}</strong>
        <span className="explain__meta">
          {t("scorecard.explain.monthsUsed", { used: window.monthsUsed.length, total: months })}
          {window.monthsMissing.length > 0 &&
            ` ${t("scorecard.explain.monthsMissing", {
              months: window.monthsMissing.map((month) => formatMonth(month, intl)).join(", "),
            })}`}
          {window.unitsUsed.length > 0 &&
            ` ${t("scorecard.explain.units", { units: window.unitsUsed.join(", ") })}`}
        </span>
      </dd>
    </>
  );
}

/** Everything behind one scorecard row: each window's sums and months, the target, the rules. */
export function FigureExplanation({ row }: { row: ScorecardRow }) {
  const { t, locale } = useLocale();
  const { indicator } = row;
  const target = describeRowTarget(row.target, row.attainment, {
    unitLabel: indicator.unitLabel,
    direction: indicator.direction,
    decimals: indicator.decimals,
    locale,
    t,
    year: row.targetYear,
  });
  const intl = intlLocale[locale];
  const band = row.trend.mode === "relative" ? "±2 %" : `±2 ${t("scorecard.trend.points")}`;
  return (
    <div className="explain">
      <dl className="explain__facts">
        <dt>{t("scorecard.explain.lastMonth")}</dt>
        <dd>
          {formatMonth(row.lastMonth, intl)}
          {indicator.lagMonths > 0 && ` ${t("scorecard.explain.lag", { months: indicator.lagMonths })}`}
        </dd>
        <dt>{t("scorecard.explain.rule")}</dt>
        <dd>
          {t(kindRuleKey[indicator.valueKind])}
          {indicator.valueKind === "ratio" && indicator.scale !== 1
            ? ` ${t("scorecard.explain.scale", { scale: formatNumber(indicator.scale, locale) })}`
            : ""}
        </dd>
        <WindowFacts label={t("scorecard.column.thisPeriod")} row={row} window={row.thisPeriod} />
        <WindowFacts label={t("scorecard.column.yearToDate")} row={row} window={row.yearToDate} />
        <WindowFacts label={t("scorecard.column.lastYearToDate")} row={row} window={row.lastYearToDate} />
        <WindowFacts
          label={t("scorecard.explain.sameWindowLastYear")}
          row={row}
          window={row.sameWindowLastYear}
        />
        <dt>{t("scorecard.column.target")}</dt>
        <dd>
          {target ? (
            <>
              {target.rule}
              {target.computed && ` ${target.computed}`}
              {row.target && (
                <span className="explain__meta">
                  {t(levelKey[row.target.level])}{" "}
                  {row.target.year === null
                    ? t("scorecard.explain.everyYear")
                    : t("scorecard.explain.forYear", { year: row.target.year })}
                  {row.target.note ? ` ${t("scorecard.explain.note", { note: row.target.note })}` : ""}
                </span>
              )}
            </>
          ) : (
            t("scorecard.explain.noTarget", { year: row.targetYear })
          )}
        </dd>
        <dt>{t("scorecard.column.attainment")}</dt>
        <dd>
          {t(attainmentLabelKey(row.attainment.colour, row.attainment.reason))}.{" "}
          {t("scorecard.explain.attainmentRule", {
            basis: t(basisKey[row.evaluationBasis]),
            span: formatMonthSpan(row.evaluated.first, row.evaluated.last, intl),
            figure: formatFigure(row.evaluated, indicator.decimals, locale) ?? t("scorecard.noData"),
          })}
        </dd>
        <dt>{t("scorecard.column.trend")}</dt>
        <dd>
          {t(trendLabelKey(row.trend.colour))}
          {row.trend.change !== null && ` (${formatChange(row.trend.change, row.trend.mode, locale, t)})`}.{" "}
          {t("scorecard.explain.trendRule", {
            band,
            direction: t(
              indicator.direction === "higher"
                ? "scorecard.explain.higherIsBetter"
                : "scorecard.explain.lowerIsBetter",
            ),
          })}
        </dd>
      </dl>
    </div>
  );
}
