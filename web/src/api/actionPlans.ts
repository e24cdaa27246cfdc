// Action plans (issue 14, seed 004): the server's answer types (src/features/actionPlans/schema.ts,
// type-only) and the TanStack Query hooks that read a plan, its tertial progress and a comparison
// of versions, and adopt and revise it.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ActionPlanComparisonView,
  ActionPlanListItemView,
  ActionPlanProgressView,
  ActionPlanView,
  KeyIndicatorProgressView,
  KeyIndicatorView,
  MeasureProgressView,
  PlanMeasureView,
  SubGoalView,
} from "../../../src/features/actionPlans/schema.ts";
import { api } from "./client.ts";

export type ActionPlan = ActionPlanView;
export type ActionPlanListItem = ActionPlanListItemView;
export type ActionPlanProgress = ActionPlanProgressView;
export type ActionPlanComparison = ActionPlanComparisonView;
export type KeyIndicator = KeyIndicatorView;
export type KeyIndicatorProgress = KeyIndicatorProgressView;
export type MeasureProgress = MeasureProgressView;
export type PlanMeasure = PlanMeasureView;
export type SubGoal = SubGoalView;

// Every query starts with "actionPlans": one invalidation after a change refreshes them all.
export const actionPlanKeys = {
  all: ["actionPlans"] as const,
  list: (unitId: number | undefined) => ["actionPlans", "list", unitId ?? null] as const,
  plan: (id: number) => ["actionPlans", "plan", id] as const,
  progress: (id: number, period: string) => ["actionPlans", "progress", id, period] as const,
  compare: (id: number, other: number) => ["actionPlans", "compare", id, other] as const,
};

export function useActionPlans(unitId: number | undefined) {
  return useQuery({
    queryKey: actionPlanKeys.list(unitId),
    queryFn: () =>
      api.get<ActionPlanListItem[]>(`/api/action-plans${unitId === undefined ? "" : `?unitId=${unitId}`}`),
  });
}

export function useActionPlan(id: number) {
  return useQuery({
    queryKey: actionPlanKeys.plan(id),
    queryFn: () => api.get<ActionPlan>(`/api/action-plans/${id}`),
  });
}

export function useActionPlanProgress(id: number, period: string) {
  return useQuery({
    queryKey: actionPlanKeys.progress(id, period),
    queryFn: () =>
      api.get<ActionPlanProgress>(`/api/action-plans/${id}/progress?period=${encodeURIComponent(period)}`),
    placeholderData: keepPreviousData,
  });
}

export function useActionPlanComparison(id: number, other: number | null) {
  return useQuery({
    queryKey: actionPlanKeys.compare(id, other ?? 0),
    queryFn: () => api.get<ActionPlanComparison>(`/api/action-plans/${id}/compare?with=${other}`),
    enabled: other !== null,
  });
}

function usePlanMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: actionPlanKeys.all }),
  });
}

export function useAdoptActionPlan(id: number) {
  return usePlanMutation((input: { version: number }) =>
    api.post<ActionPlan>(`/api/action-plans/${id}/adopt`, input),
  );
}

export function useReviseActionPlan(id: number) {
  return usePlanMutation((input: { year: number }) =>
    api.post<ActionPlan>(`/api/action-plans/${id}/revisions`, input),
  );
}

export const actionPlanExportUrl = (id: number, period: string) =>
  `/api/action-plans/${id}/export.xlsx?period=${encodeURIComponent(period)}`;
