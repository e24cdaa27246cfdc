// Scorecards, summary tables, published snapshots, an indicator's monthly series and its
// breakdown by child units: shapes (mirroring src/features/scorecards/present.ts and service.ts)
// and the hooks that read and publish them.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";
import type { Comparator, Indicator, TargetRule } from "./indicators.ts";

export type Colour = "green" | "yellow" | "red" | "grey";

export type WindowView = {
  first: string;
  last: string;
  state: "value" | "no_data" | "too_few";
  value: number | null;
  roundedValue: number | null;
  displayedValue: string | null;
  reason:
    | "no_observations"
    | "zero_denominator"
    | "several_units_not_aggregatable"
    | "too_few_cases"
    | "out_of_range"
    | null;
  numeratorSum: number;
  denominatorSum: number | null;
  monthsUsed: string[];
  monthsMissing: string[];
  unitsUsed: string[];
};

export type IndicatorSummary = Pick<
  Indicator,
  | "id"
  | "code"
  | "nameNb"
  | "nameEn"
  | "unitLabel"
  | "direction"
  | "valueKind"
  | "scale"
  | "decimals"
  | "lagMonths"
  | "minDenominator"
  | "evaluationBasis"
  | "trendMode"
  | "dataSource"
>;

export type RowTarget = {
  id: number;
  year: number | null;
  unitId: number | null;
  level: "unit" | "above" | "general";
  rule: TargetRule;
  note: string | null;
};

export type AttainmentReason =
  | "met"
  | "not_met"
  | "between_limits"
  | "no_data"
  | "too_few"
  | "no_target"
  | "no_step_for_year"
  | "before_baseline_year"
  | "no_baseline"
  | "no_last_year_value"
  | "out_of_range";

export type Attainment = {
  colour: Colour;
  reason: AttainmentReason;
  targetValue: number | null;
  comparator: Comparator | null;
  displayedValue: string | null;
};

export type TrendReason =
  | "improved"
  | "unchanged"
  | "worsened"
  | "no_value_now"
  | "no_value_before"
  | "zero_base"
  | "too_few"
  | "out_of_range";

export type Trend = {
  colour: Colour;
  change: number | null;
  mode: "relative" | "points";
  reason: TrendReason;
};

export type ScorecardRow = {
  indicator: IndicatorSummary;
  lastMonth: string;
  targetYear: number;
  thisPeriod: WindowView;
  yearToDate: WindowView;
  lastYearToDate: WindowView;
  sameWindowLastYear: WindowView;
  evaluationBasis: Indicator["evaluationBasis"];
  evaluated: WindowView;
  target: RowTarget | null;
  baselineValue: number | null;
  attainment: Attainment;
  trend: Trend;
  explanation: string;
};

export type ColourShare = { count: number; total: number; percent: number | null; formatted: string };

export type Scorecard = {
  snapshotVersion: 1;
  unit: { id: number; code: string; name: string };
  period: string;
  periodLabel: string;
  extractedAt: string;
  rows: ScorecardRow[];
  summary: {
    total: number;
    attainment: Record<Colour, ColourShare>;
    trend: Record<Colour, ColourShare>;
  };
};

export type SummaryTable = {
  columns: { period: string; label: string }[];
  rows: { colour: Colour; label: string; cells: ColourShare[] }[];
};

export type SummaryTables = {
  unit: { id: number; code: string; name: string };
  year: number;
  columns: {
    period: string;
    label: string;
    source: "published" | "live";
    publishedId: number | null;
    extractedAt: string;
  }[];
  attainment: SummaryTable;
  trend: SummaryTable;
};

export type PublishedEntry = {
  id: number;
  unitId: number;
  period: string;
  extractedAt: string;
  publishedByName: string;
};

export type ScorecardDiff = {
  comparedAt: string;
  changed: number;
  unchanged: number;
  indicators: {
    code: string;
    name: string;
    status: "changed" | "added" | "removed";
    fields: { field: string; before: string | null; after: string | null }[];
  }[];
};

export type PublishedScorecard = PublishedEntry & {
  scorecard: Scorecard;
  changesSincePublished: ScorecardDiff;
};

export type SeriesMonth = {
  month: string;
  state: WindowView["state"];
  value: number | null;
  displayedValue: string | null;
  numeratorSum: number;
  denominatorSum: number | null;
  unitsUsed: string[];
  targetValue: number | null;
  comparator: Comparator | null;
  colour: Colour;
};

export type IndicatorSeries = {
  indicator: IndicatorSummary;
  unit: { id: number; code: string; name: string };
  from: string;
  to: string;
  targets: { year: number; target: RowTarget | null }[];
  months: SeriesMonth[];
};

export type IndicatorBreakdown = {
  indicator: IndicatorSummary;
  unit: { id: number; code: string; name: string };
  period: string;
  total: ScorecardRow;
  own: ScorecardRow | null;
  children: { unit: { id: number; code: string; name: string }; row: ScorecardRow }[];
};

export const scorecardKeys = {
  all: ["scorecards"] as const,
  scorecard: (unitId: number, period: string) => ["scorecards", "card", unitId, period] as const,
  summary: (unitId: number, year: number) => ["scorecards", "summary", unitId, year] as const,
  published: (unitId: number) => ["scorecards", "published", unitId] as const,
  publishedOne: (id: number) => ["scorecards", "published-one", id] as const,
  series: (indicatorId: number, unitId: number, from: string, to: string) =>
    ["scorecards", "series", indicatorId, unitId, from, to] as const,
  breakdown: (indicatorId: number, unitId: number, period: string) =>
    ["scorecards", "breakdown", indicatorId, unitId, period] as const,
};

export function scorecardXlsxUrl(unitId: number, period: string) {
  return `/api/units/${unitId}/scorecard.xlsx?period=${encodeURIComponent(period)}`;
}

export function publishedXlsxUrl(id: number) {
  return `/api/published-scorecards/${id}/scorecard.xlsx`;
}

export function useScorecard(unitId: number | undefined, period: string) {
  return useQuery({
    queryKey: scorecardKeys.scorecard(unitId ?? 0, period),
    queryFn: () => api.get<Scorecard>(`/api/units/${unitId}/scorecard?period=${encodeURIComponent(period)}`),
    enabled: unitId !== undefined,
    // Keep the table on screen while another period loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useSummaryTables(unitId: number | undefined, year: number) {
  return useQuery({
    queryKey: scorecardKeys.summary(unitId ?? 0, year),
    queryFn: () => api.get<SummaryTables>(`/api/units/${unitId}/scorecard/summary?year=${year}`),
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

export function useIndicatorSeries(
  indicatorId: number,
  unitId: number | undefined,
  from: string,
  to: string,
) {
  return useQuery({
    queryKey: scorecardKeys.series(indicatorId, unitId ?? 0, from, to),
    queryFn: () =>
      api.get<IndicatorSeries>(
        `/api/indicators/${indicatorId}/series?unitId=${unitId}&from=${from}&to=${to}`,
      ),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
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
