// The changes an action plan's editors make in the web (issue 14): create a plan, change its
// fields, add, change and delete sub-goals and key indicators, and add, change and take out measures.
// Every change refreshes every action plan query, as the adopt and revise hooks do.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateActionPlanInput,
  CreatePlanMeasureInput,
  KeyIndicatorInput,
  UpdateActionPlanInput,
  UpdateKeyIndicatorInput,
  UpdatePlanMeasureInput,
} from "../../../../src/features/actionPlans/schema.ts";
import {
  type ActionPlan,
  actionPlanKeys,
  type KeyIndicator,
  type PlanMeasure,
  type SubGoal,
} from "../../api/actionPlans.ts";
import { api } from "../../api/client.ts";

export type { CreatePlanMeasureInput, KeyIndicatorInput, UpdateKeyIndicatorInput, UpdatePlanMeasureInput };

function usePlanChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: actionPlanKeys.all }),
  });
}

export function useCreateActionPlan() {
  return usePlanChange((input: CreateActionPlanInput) => api.post<ActionPlan>("/api/action-plans", input));
}

export function useUpdateActionPlan(planId: number) {
  return usePlanChange((input: UpdateActionPlanInput) =>
    api.patch<ActionPlan>(`/api/action-plans/${planId}`, input),
  );
}

type SubGoalFields = { number: number; text: string };

export function useAddSubGoal(planId: number) {
  return usePlanChange((input: SubGoalFields) =>
    api.post<Omit<SubGoal, "keyIndicators">>(`/api/action-plans/${planId}/sub-goals`, input),
  );
}

export function useChangeSubGoal(planId: number, subGoalId: number) {
  return usePlanChange((input: SubGoalFields & { version: number }) =>
    api.patch<Omit<SubGoal, "keyIndicators">>(`/api/action-plans/${planId}/sub-goals/${subGoalId}`, input),
  );
}

export function useRemoveSubGoal(planId: number, subGoalId: number) {
  return usePlanChange((version: number) =>
    api.delete<void>(`/api/action-plans/${planId}/sub-goals/${subGoalId}?version=${version}`),
  );
}

export function useAddKeyIndicator(planId: number, subGoalId: number) {
  return usePlanChange((input: KeyIndicatorInput) =>
    api.post<KeyIndicator>(`/api/action-plans/${planId}/sub-goals/${subGoalId}/key-indicators`, input),
  );
}

export function useChangeKeyIndicator(planId: number, keyIndicatorId: number) {
  return usePlanChange((input: UpdateKeyIndicatorInput) =>
    api.patch<KeyIndicator>(`/api/action-plans/${planId}/key-indicators/${keyIndicatorId}`, input),
  );
}

export function useRemoveKeyIndicator(planId: number, keyIndicatorId: number) {
  return usePlanChange((version: number) =>
    api.delete<void>(`/api/action-plans/${planId}/key-indicators/${keyIndicatorId}?version=${version}`),
  );
}

export function useAddPlanMeasure(planId: number) {
  return usePlanChange((input: CreatePlanMeasureInput) =>
    api.post<PlanMeasure>(`/api/action-plans/${planId}/measures`, input),
  );
}

export function useChangePlanMeasure(planId: number, linkId: number) {
  return usePlanChange((input: UpdatePlanMeasureInput) =>
    api.patch<PlanMeasure>(`/api/action-plans/${planId}/measures/${linkId}`, input),
  );
}

export function useRemovePlanMeasure(planId: number, linkId: number) {
  return usePlanChange((version: number) =>
    api.delete<void>(`/api/action-plans/${planId}/measures/${linkId}?version=${version}`),
  );
}
