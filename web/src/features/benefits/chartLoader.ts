import { useEffect, useState } from "react";

// The chart's code (ECharts) is loaded on demand, as the indicator chart's is
// (web/src/features/indicators/chartLoader.ts): pages show their tables before it arrives.

type ChartModule = typeof import("./BenefitChart.tsx");

let loaded: ChartModule | null = null;

/** The chart component once its code is here; null while it loads or when it could not load. */
export function useBenefitChartComponent() {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let current = true;
    import("./BenefitChart.tsx")
      .then((next) => {
        loaded = next;
        if (current) setModule(next);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [module]);
  return module?.default ?? null;
}
