// Expected against realised month by month, drawn as the indicator chart is (ECharts, only the
// parts used, loaded on demand): the expected value as a dashed straight line from the baseline to
// the target, the realised value as the reading standing at each month's end. The chart is one
// image to assistive technology; the table beside it has every figure.

import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { BenefitChart as ChartData } from "../../api/benefits.ts";
import { formatDate } from "../../components/dates.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatNumber } from "../../i18n/numbers.ts";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function BenefitChart({
  chart,
  label,
  describedBy,
}: {
  chart: ChartData;
  label: string;
  describedBy: string;
}) {
  const { t, locale } = useLocale();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const instance = echarts.init(container, undefined, { renderer: "canvas" });
    const expectedName = t("benefits.chart.expected");
    const realisedName = t("benefits.chart.realised");
    const round = (value: number) => Math.round(value * 100) / 100;
    instance.setOption({
      aria: { enabled: false },
      animation: false,
      grid: { left: 72, right: 16, top: 40, bottom: 40, containLabel: false },
      legend: { top: 0, data: [realisedName, expectedName] },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) => (typeof value === "number" ? formatNumber(value, locale) : "–"),
      },
      xAxis: {
        type: "category",
        data: chart.points.map((point) => formatDate(point.date, locale)),
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: "value",
        scale: true,
        name: chart.benefit.measureUnit,
        axisLabel: { formatter: (value: number) => formatNumber(value, locale) },
      },
      series: [
        {
          name: realisedName,
          type: "line",
          step: "end",
          data: chart.points.map((point) => (point.realised === null ? null : round(point.realised))),
          connectNulls: false,
          symbol: "circle",
          symbolSize: 6,
          lineStyle: { color: "#1f4e8c", width: 2 },
          itemStyle: { color: "#1f4e8c" },
        },
        {
          name: expectedName,
          type: "line",
          data: chart.points.map((point) => round(point.expected)),
          symbol: "none",
          lineStyle: { color: "#3d3d3d", width: 2, type: "dashed" },
          itemStyle: { color: "#3d3d3d" },
        },
      ],
    });
    const resize = () => instance.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      instance.dispose();
    };
  }, [chart, locale, t]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      className="benefit-chart"
    />
  );
}
