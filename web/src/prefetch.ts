// What the largest pages read first, fetched by their routes' loaders at the same time as the
// pages' code instead of after it has loaded and rendered (docs/performance.md). Each read uses the
// same query options as the page's own hook, so the page finds the answer in the cache, or the
// request in flight. A failure here is left to the page, which asks again and shows the problem.
import type { QueryClient } from "@tanstack/react-query";
import { fetchUnits, queryKeys } from "./api/hooks.ts";
import { indicatorQueries } from "./api/indicators.ts";
import { roundMatrixQuery } from "./api/reporting.ts";
import { scorecardQueries } from "./api/scorecards.ts";
import type { Me } from "./api/types.ts";
import { loadChart } from "./features/indicators/chartLoader.ts";
import { readRememberedUnitId, unitToShow } from "./features/layout/unitChoice.ts";
import {
  type FiguresSearch,
  latestFinishedPeriod,
  parsePeriodChoice,
  periodFromSearch,
} from "./features/scorecard/periods.ts";

async function shownUnit(queryClient: QueryClient, search: FiguresSearch) {
  const me = queryClient.getQueryData<Me | null>(queryKeys.me);
  if (!me) return null;
  const units = await queryClient.ensureQueryData({ queryKey: queryKeys.units, queryFn: fetchUnits });
  return unitToShow(me, units, search.unit, readRememberedUnitId());
}

export async function prefetchScorecardPage(queryClient: QueryClient, search: FiguresSearch) {
  const unit = await shownUnit(queryClient, search);
  if (!unit) return;
  let fallback = latestFinishedPeriod();
  if (search.year === undefined) {
    const latest = await queryClient.ensureQueryData(scorecardQueries.latestPeriod(unit.id));
    fallback = latest.period ?? fallback;
  }
  const period = periodFromSearch(search, fallback);
  await Promise.all([
    queryClient.prefetchQuery(scorecardQueries.scorecard(unit.id, period)),
    queryClient.prefetchQuery(scorecardQueries.summary(unit.id, parsePeriodChoice(period).year)),
  ]);
}

export async function prefetchIndicatorPage(
  queryClient: QueryClient,
  indicatorId: number,
  search: FiguresSearch,
) {
  // The chart's code is the largest part of the page: it loads beside the data, not after it.
  const chart = loadChart();
  const reads = [
    queryClient.prefetchQuery(indicatorQueries.one(indicatorId)),
    queryClient.prefetchQuery(indicatorQueries.targets(indicatorId)),
  ];
  const unit = await shownUnit(queryClient, search);
  if (unit) {
    const period = periodFromSearch(search, latestFinishedPeriod());
    reads.push(queryClient.prefetchQuery(scorecardQueries.series(indicatorId, unit.id, period)));
  }
  await Promise.all([...reads, chart]);
}

export function prefetchRoundPage(queryClient: QueryClient, roundId: number) {
  return queryClient.prefetchQuery(roundMatrixQuery(roundId));
}
