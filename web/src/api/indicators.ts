// The indicator catalogue and targets: shapes (mirroring src/features/indicators/service.ts and
// targets.ts) and the TanStack Query hooks that read and change them.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";

export const directions = ["higher", "lower"] as const;
export type Direction = (typeof directions)[number];
export const valueKinds = ["ratio", "count", "stock", "not_aggregatable"] as const;
export type ValueKind = (typeof valueKinds)[number];
export const evaluationBases = ["this_period", "year_to_date", "year"] as const;
export type EvaluationBasis = (typeof evaluationBases)[number];
export const trendModes = ["relative", "points"] as const;
export type TrendMode = (typeof trendModes)[number];
export const comparators = ["gte", "gt", "lte", "lt"] as const;
export type Comparator = (typeof comparators)[number];

export type Indicator = {
  id: number;
  code: string;
  nameNb: string;
  nameEn: string | null;
  definition: string;
  unitLabel: string;
  direction: Direction;
  valueKind: ValueKind;
  scale: number;
  decimals: number;
  dataSource: string | null;
  lagMonths: number;
  minDenominator: number | null;
  evaluationBasis: EvaluationBasis;
  trendMode: TrendMode;
  ownerUnitId: number | null;
  retired: boolean;
  retiredAt: string | null;
  version: number;
};

export type TargetRule =
  | { kind: "threshold"; comparator: Comparator; value: number }
  | { kind: "limits"; greenLimit: number; yellowLimit: number }
  | { kind: "baseline_change_with_floor"; baselineYear: number; changePerYear: number; limit: number }
  | { kind: "better_than_last_year" }
  | { kind: "change_vs_baseline"; baselineYear: number; share: number }
  | { kind: "yearly_steps"; steps: Record<string, { comparator: Comparator; value: number }> };

export type Target = {
  id: number;
  indicatorId: number;
  year: number | null;
  unitId: number | null;
  rule: TargetRule;
  note: string | null;
  version: number;
};

export type IndicatorFields = Omit<Indicator, "id" | "retired" | "retiredAt" | "version">;

export const indicatorKeys = {
  all: ["indicators"] as const,
  list: (includeRetired: boolean) => ["indicators", "list", includeRetired] as const,
  one: (id: number) => ["indicators", "one", id] as const,
  targets: (id: number) => ["indicators", "targets", id] as const,
};

/** Display name in the reader's language; the Norwegian name when there is no English one. */
export function indicatorName(indicator: Pick<Indicator, "nameNb" | "nameEn">, locale: "nb" | "en") {
  return locale === "en" && indicator.nameEn ? indicator.nameEn : indicator.nameNb;
}

export function useIndicators(includeRetired = false) {
  return useQuery({
    queryKey: indicatorKeys.list(includeRetired),
    queryFn: () => api.get<Indicator[]>(`/api/indicators?includeRetired=${includeRetired}`),
  });
}

export function useIndicator(id: number) {
  return useQuery({
    queryKey: indicatorKeys.one(id),
    queryFn: () => api.get<Indicator>(`/api/indicators/${id}`),
  });
}

export function useTargets(indicatorId: number) {
  return useQuery({
    queryKey: indicatorKeys.targets(indicatorId),
    queryFn: () => api.get<Target[]>(`/api/indicators/${indicatorId}/targets`),
  });
}

/**
 * Indicators and targets feed every scorecard, and each change writes the audit log: all of
 * those caches go stale.
 */
function useInvalidateIndicators() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["scorecards"] }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
    ]);
}

export function useCreateIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (input: IndicatorFields) => api.post<Indicator>("/api/indicators", input),
    onSuccess: invalidate,
  });
}

export function useUpdateIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<IndicatorFields> & { id: number; version: number }) =>
      api.patch<Indicator>(`/api/indicators/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useSetIndicatorRetired() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ id, version, retired }: { id: number; version: number; retired: boolean }) =>
      api.post<Indicator>(`/api/indicators/${id}/${retired ? "retire" : "reinstate"}`, { version }),
    onSuccess: invalidate,
  });
}

export type TargetInput = {
  year: number | null;
  unitId: number | null;
  rule: TargetRule;
  note: string | null;
};

export function useCreateTarget(indicatorId: number) {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (input: TargetInput) => api.post<Target>(`/api/indicators/${indicatorId}/targets`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateTarget() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; rule: TargetRule; note: string | null }) =>
      api.patch<Target>(`/api/targets/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<void>(`/api/targets/${id}?version=${version}`),
    onSuccess: invalidate,
  });
}
