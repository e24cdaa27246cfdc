// The indicator catalogue and targets: the server's answer types (src/features/indicators/schema.ts,
// type-only) and the TanStack Query hooks that read and change them.

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  IndicatorFields,
  IndicatorView,
  TargetInput,
  TargetRuleView,
  TargetView,
} from "../../../src/features/indicators/schema.ts";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";

export {
  comparators,
  directions,
  evaluationBases,
  trendModes,
  valueKinds,
} from "../../../src/domain/indicatorKinds.ts";
export type { IndicatorFields, TargetInput };
export type Indicator = IndicatorView;
export type Target = TargetView;
export type TargetRule = TargetRuleView;
export type Direction = Indicator["direction"];
export type ValueKind = Indicator["valueKind"];
export type EvaluationBasis = Indicator["evaluationBasis"];
export type TrendMode = Indicator["trendMode"];
export type Comparator = Extract<TargetRule, { kind: "threshold" }>["comparator"];

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

/** The reads the indicator page starts with; its route's loader fetches them while the code loads. */
export const indicatorQueries = {
  one: (id: number) =>
    queryOptions({
      queryKey: indicatorKeys.one(id),
      queryFn: () => api.get<Indicator>(`/api/indicators/${id}`),
    }),
  targets: (indicatorId: number) =>
    queryOptions({
      queryKey: indicatorKeys.targets(indicatorId),
      queryFn: () => api.get<Target[]>(`/api/indicators/${indicatorId}/targets`),
    }),
};

export function useIndicator(id: number) {
  return useQuery(indicatorQueries.one(id));
}

export function useTargets(indicatorId: number) {
  return useQuery(indicatorQueries.targets(indicatorId));
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
