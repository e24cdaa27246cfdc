// The chart of the figure the scorecard judges, month by month, against the target: each dot is
// the scorecard row's figure with data to that month, coloured by the row's rule. A month's own
// value is drawn too, thin and uncoloured, only where it is on the target's scale. Only the parts
// of ECharts used here are imported, and this module is loaded on demand (React.lazy), so the
// page's figures show before ECharts arrives and pages without a chart never download it.

import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Colour, IndicatorSeries } from "../../api/scorecards.ts";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import type { ChartMark } from "../measures/IndicatorMeasures.tsx";
import { formatNumber } from "../scorecard/format.ts";
import { formatMonth } from "../scorecard/periods.ts";

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

// Dots take the month's colour; the table below the chart says the same in words.
const dotColour: Record<Colour, string> = {
  green: "#0b7a3e",
  yellow: "#a36a00",
  red: "#c0262d",
  grey: "#6b7280",
};

type Reference = { value: number; label: string };

// One empty list for every render: a new one each time would redraw the chart each time.
const noReferences: readonly Reference[] = [];

export default function IndicatorChart({
  series,
  label,
  describedBy,
  marks = [],
  references = noReferences,
}: {
  series: IndicatorSeries;
  label: string;
  describedBy: string;
  /** Measures' start and full-effect months, drawn as vertical lines (listed in words below). */
  marks?: readonly ChartMark[];
  /** Values to hold the figures against, such as a measure's expected effect: horizontal lines. */
  references?: readonly Reference[];
}) {
  const { t, locale } = useLocale();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: "canvas" });
    const intl = intlLocale[locale];
    const decimals = series.indicator.decimals;
    const hasTarget = series.months.some((month) => month.targetValue !== null);
    const judgedName = t("indicators.chart.judged", {
      window: t(`indicators.chart.window.${series.indicator.evaluationBasis}`),
    });
    const monthlyName = t("indicators.chart.monthly");
    const showMonthly = series.monthlyComparable;
    const markLines = marks.flatMap((mark) => {
      const index = series.months.findIndex((month) => month.month === mark.month);
      return index < 0 ? [] : [{ xAxis: index, name: mark.label }];
    });
    const referenceLines = references.map((reference) => ({
      yAxis: reference.value,
      name: reference.label,
      lineStyle: { color: "#6f2a8a", type: "solid", width: 2 },
      label: { formatter: "{b}", position: "insideStartTop", fontSize: 11 },
    }));
    const lines = [...markLines, ...referenceLines];
    // The axis fits the data; a reference line beyond it would be cut off, so the axis reaches it.
    const referenceValues = references.map((reference) => reference.value);
    chart.setOption({
      // The chart is one image to assistive technology: the container is named, and the numbers
      // are in the table below; ECharts' own generated description is switched off.
      aria: { enabled: false },
      animation: false,
      grid: { left: 64, right: 16, top: 56, bottom: 40, containLabel: false },
      legend: {
        top: 0,
        data: [
          judgedName,
          ...(hasTarget ? [t("indicators.chart.target")] : []),
          ...(showMonthly ? [monthlyName] : []),
        ],
      },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) =>
          typeof value === "number" ? formatNumber(value, locale, decimals) : t("scorecard.noData"),
      },
      xAxis: {
        type: "category",
        data: series.months.map((month) => formatMonth(month.month, intl)),
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: "value",
        scale: true,
        ...(referenceValues.length > 0
          ? {
              min: (extent: { min: number }) => Math.floor(Math.min(extent.min, ...referenceValues)),
              max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, ...referenceValues)),
            }
          : {}),
        name: series.indicator.unitLabel,
        axisLabel: { formatter: (value: number) => formatNumber(value, locale) },
      },
      series: [
        {
          name: judgedName,
          type: "line",
          // The figure as shown (rounded), so a dot sits where its label says.
          data: series.months.map((month) =>
            month.judged.roundedValue === null
              ? null
              : { value: month.judged.roundedValue, itemStyle: { color: dotColour[month.colour] } },
          ),
          connectNulls: false,
          symbol: "circle",
          symbolSize: 9,
          lineStyle: { color: "#1f4e8c", width: 2 },
          itemStyle: { color: "#1f4e8c" },
          ...(lines.length > 0
            ? {
                markLine: {
                  silent: true,
                  symbol: "none",
                  lineStyle: { color: "#6f2a8a", type: "dotted", width: 2 },
                  label: { formatter: "{b}", position: "insideEndTop", fontSize: 10 },
                  data: lines,
                },
              }
            : {}),
        },
        ...(hasTarget
          ? [
              {
                name: t("indicators.chart.target"),
                type: "line",
                step: "middle",
                data: series.months.map((month) => month.targetValue),
                symbol: "none",
                lineStyle: { color: "#3d3d3d", width: 2, type: "dashed" },
                itemStyle: { color: "#3d3d3d" },
              },
            ]
          : []),
        ...(showMonthly
          ? [
              {
                name: monthlyName,
                type: "line",
                data: series.months.map((month) => month.value),
                connectNulls: false,
                symbol: "emptyCircle",
                symbolSize: 5,
                lineStyle: { color: "#8a8f98", width: 1 },
                itemStyle: { color: "#8a8f98" },
              },
            ]
          : []),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [series, locale, t, marks, references]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      className="indicator-chart"
    />
  );
}
