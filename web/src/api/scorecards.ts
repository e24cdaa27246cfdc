// Scorecards, summary tables, published snapshots, an indicator's monthly series and its
// breakdown by child units: the answers' types come from the server's schemas
// (src/features/scorecards/schema.ts); here are the hooks that read and publish them.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AttainmentView,
  IndicatorBreakdownView,
  IndicatorSeriesView,
  LatestPeriodView,
  PublishedEntryView,
  PublishedScorecardView,
  ScorecardView,
  SummaryTablesView,
  TrendView,
} from "../../../src/features/scorecards/schema.ts";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";

export type {
  AttainmentView as Attainment,
  Colour,
  ColourShareView as ColourShare,
  IndicatorSummaryView as IndicatorSummary,
  JudgedWindowKind,
  RowTargetView as RowTarget,
  ScorecardDiffView as ScorecardDiff,
  ScorecardRowView as ScorecardRow,
  SummaryTableView as SummaryTable,
  TrendView as Trend,
  WindowView,
} from "../../../src/features/scorecards/schema.ts";

export type Scorecard = ScorecardView;
export type SummaryTables = SummaryTablesView;
export type PublishedEntry = PublishedEntryView;
export type PublishedScorecard = PublishedScorecardView;
export type IndicatorSeries = IndicatorSeriesView;
export type SeriesMonth = IndicatorSeriesView["months"][number];
export type IndicatorBreakdown = IndicatorBreakdownView;
export type LatestPeriod = LatestPeriodView;
export type AttainmentReason = AttainmentView["reason"];
export type TrendReason = TrendView["reason"];

export const scorecardKeys = {
  all: ["scorecards"] as const,
  scorecard: (unitId: number, period: string) => ["scorecards", "card", unitId, period] as const,
  summary: (unitId: number, year: number) => ["scorecards", "summary", unitId, year] as const,
  published: (unitId: number) => ["scorecards", "published", unitId] as const,
  publishedOne: (id: number) => ["scorecards", "published-one", id] as const,
  series: (indicatorId: number, unitId: number, period: string) =>
    ["scorecards", "series", indicatorId, unitId, period] as const,
  latestPeriod: (unitId: number) => ["scorecards", "latest-period", unitId] as const,
  breakdown: (indicatorId: number, unitId: number, period: string) =>
    ["scorecards", "breakdown", indicatorId, unitId, period] as const,
};

/** The reads a figures page starts with; a route's loader fetches them while the page's code loads. */
export const scorecardQueries = {
  scorecard: (unitId: number, period: string) =>
    queryOptions({
      queryKey: scorecardKeys.scorecard(unitId, period),
      queryFn: () =>
        api.get<Scorecard>(`/api/units/${unitId}/scorecard?period=${encodeURIComponent(period)}`),
    }),
  summary: (unitId: number, year: number) =>
    queryOptions({
      queryKey: scorecardKeys.summary(unitId, year),
      queryFn: () => api.get<SummaryTables>(`/api/units/${unitId}/scorecard/summary?year=${year}`),
    }),
  latestPeriod: (unitId: number) =>
    queryOptions({
      queryKey: scorecardKeys.latestPeriod(unitId),
      queryFn: () => api.get<LatestPeriod>(`/api/units/${unitId}/scorecard/latest-period`),
    }),
  series: (indicatorId: number, unitId: number, period: string) =>
    queryOptions({
      queryKey: scorecardKeys.series(indicatorId, unitId, period),
      queryFn: () =>
        api.get<IndicatorSeries>(
          `/api/indicators/${indicatorId}/series?unitId=${unitId}&period=${encodeURIComponent(period)}`,
        ),
    }),
};

export function scorecardXlsxUrl(unitId: number, period: string) {
  return `/api/units/${unitId}/scorecard.xlsx?period=${encodeURIComponent(period)}`;
}

export function publishedXlsxUrl(id: number) {
  return `/api/published-scorecards/${id}/scorecard.xlsx`;
}

export function useScorecard(unitId: number | undefined, period: string) {
  return useQuery({
    ...scorecardQueries.scorecard(unitId ?? 0, period),
    enabled: unitId !== undefined,
    // Keep the table on screen while another period loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useSummaryTables(unitId: number | undefined, year: number) {
  return useQuery({
    ...scorecardQueries.summary(unitId ?? 0, year),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePublishedScorecards(unitId: number | undefined) {
  return useQuery({
    queryKey: scorecardKeys.published(unitId ?? 0),
    queryFn: () => api.get<PublishedEntry[]>(`/api/units/${unitId}/published-scorecards`),
    enabled: unitId !== undefined,
  });
}

export function usePublishedScorecard(id: number, enabled: boolean) {
  return useQuery({
    queryKey: scorecardKeys.publishedOne(id),
    queryFn: () => api.get<PublishedScorecard>(`/api/published-scorecards/${id}`),
    enabled,
  });
}

export function usePublishScorecard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, period }: { unitId: number; period: string }) =>
      api.post<PublishedEntry>(`/api/units/${unitId}/scorecard/publish`, { period }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scorecardKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]),
  });
}

/** The indicator as the scorecard judges it, month by month, up to the period's last month of data. */
export function useIndicatorSeries(indicatorId: number, unitId: number | undefined, period: string) {
  return useQuery({
    ...scorecardQueries.series(indicatorId, unitId ?? 0, period),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The latest ended period with data: where the scorecard opens when the address names none. */
export function useLatestPeriod(unitId: number | undefined) {
  return useQuery({
    ...scorecardQueries.latestPeriod(unitId ?? 0),
    enabled: unitId !== undefined,
  });
}

export function useIndicatorBreakdown(indicatorId: number, unitId: number | undefined, period: string) {
  return useQuery({
    queryKey: scorecardKeys.breakdown(indicatorId, unitId ?? 0, period),
    queryFn: () =>
      api.get<IndicatorBreakdown>(
        `/api/indicators/${indicatorId}/breakdown?unitId=${unitId}&period=${encodeURIComponent(period)}`,
      ),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}
