import { useEffect, useState } from "react";

// The chart's code (ECharts) is loaded on demand, so pages without a chart never download it, and
// the indicator page's route starts loading it beside the page's data (web/src/prefetch.ts).
// Not React.lazy: a lazy component suspends on its first render even when its code is already
// here, and React then holds the chart back for up to 300 ms before showing it.

type ChartModule = typeof import("./IndicatorChart.tsx");

let loaded: ChartModule | null = null;

export function loadChart(): Promise<ChartModule> {
  return import("./IndicatorChart.tsx").then((module) => {
    loaded = module;
    return module;
  });
}

/** The chart component once its code is here; null while it loads or when it could not load. */
export function useChartComponent() {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let current = true;
    loadChart()
      .then((next) => current && setModule(next))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [module]);
  return module?.default ?? null;
}
