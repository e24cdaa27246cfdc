// Risk-reducing measures (issue 12): the server's answer types (src/features/measures/schema.ts,
// type-only) and the TanStack Query hooks that read and change them.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateMeasureInput,
  IndicatorMeasureView,
  MeasureListView,
  MeasureView,
  UpdateMeasureInput,
} from "../../../src/features/measures/schema.ts";
import { api } from "./client.ts";
import { type IndicatorSeries, scorecardKeys } from "./scorecards.ts";

export type Measure = MeasureView;
export type MeasureList = MeasureListView;
export type MeasureListItem = MeasureListView["items"][number];
export type IndicatorMeasure = IndicatorMeasureView;
export type MeasurePhase = MeasureView["phase"];
export type MeasureStatus = NonNullable<MeasureView["status"]>;
export type MeasureLogEntry = MeasureView["log"][number];

export const measurePhases = [
  "decided",
  "in_progress",
  "completed",
  "cancelled",
] as const satisfies readonly MeasurePhase[];
export const measureStatuses = [
  "as_planned",
  "delayed",
  "not_started",
] as const satisfies readonly MeasureStatus[];

export type MeasureFilter = {
  unitId?: number;
  phase?: MeasurePhase;
  status?: MeasureStatus;
  overdue?: boolean;
  ownerUserId?: number;
  requirementId?: number;
  offset?: number;
  limit?: number;
};

export const measureKeys = {
  all: ["measures"] as const,
  list: (filter: MeasureFilter) => ["measures", "list", filter] as const,
  one: (id: number) => ["measures", "one", id] as const,
  indicator: (id: number) => ["measures", "indicator", id] as const,
  attention: ["measures", "attention"] as const,
};

function listPath(filter: MeasureFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/api/measures?${text}` : "/api/measures";
}

export function useMeasures(filter: MeasureFilter, enabled = true) {
  return useQuery({
    queryKey: measureKeys.list(filter),
    queryFn: () => api.get<MeasureList>(listPath(filter)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeasure(id: number) {
  return useQuery({
    queryKey: measureKeys.one(id),
    queryFn: () => api.get<Measure>(`/api/measures/${id}`),
  });
}

export function useIndicatorMeasures(indicatorId: number) {
  return useQuery({
    queryKey: measureKeys.indicator(indicatorId),
    queryFn: () => api.get<IndicatorMeasure[]>(`/api/indicators/${indicatorId}/measures`),
  });
}

/** The signed-in person's overdue and delayed measures: their own, and their units' as editor. */
export function useMeasuresNeedingAttention() {
  return useQuery({
    queryKey: measureKeys.attention,
    queryFn: () => api.get<MeasureList>("/api/measures/attention?limit=500"),
  });
}

/**
 * An indicator month by month for a measure's unit over the months given (YYYY-MM). Kept with the
 * scorecards' keys, so imported figures refresh it as they refresh the indicator's own chart.
 */
export function useIndicatorSeriesSpan(indicatorId: number, unitId: number, from: string, to: string) {
  return useQuery({
    queryKey: [...scorecardKeys.all, "series-span", indicatorId, unitId, from, to] as const,
    queryFn: () =>
      api.get<IndicatorSeries>(
        `/api/indicators/${indicatorId}/series?unitId=${unitId}&from=${from}&to=${to}`,
      ),
  });
}

function useMeasureMutation<Input>(send: (input: Input) => Promise<Measure>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (measure) => {
      queryClient.setQueryData(measureKeys.one(measure.id), measure);
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
    },
  });
}

export function useCreateMeasure() {
  return useMeasureMutation((input: CreateMeasureInput) => api.post<Measure>("/api/measures", input));
}

export function useUpdateMeasure(id: number) {
  return useMeasureMutation((input: UpdateMeasureInput) => api.patch<Measure>(`/api/measures/${id}`, input));
}

export type MeasureLogInput = {
  version: number;
  period: string;
  phase: MeasurePhase;
  status: MeasureStatus | null;
  text: string;
};

export function useAddMeasureLog(id: number) {
  return useMeasureMutation((input: MeasureLogInput) => api.post<Measure>(`/api/measures/${id}/log`, input));
}

export type MeasureLinksInput = {
  version: number;
  links: { kind: Measure["links"][number]["kind"]; targetId: number }[];
};

/** Sets a measure's links; the id travels with the call, so a measure just created can be linked at once. */
export function useSetMeasureLinks() {
  return useMeasureMutation(({ id, ...input }: MeasureLinksInput & { id: number }) =>
    api.put<Measure>(`/api/measures/${id}/links`, input),
  );
}
