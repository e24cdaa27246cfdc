// Benefits realisation (issue 14): the server's answer types (src/features/benefits/schema.ts,
// type-only) and the TanStack Query hooks that read and change a programme's or plan's benefits.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BenefitChartView,
  BenefitPlanView,
  BenefitPortfolioView,
  BenefitView,
  CostView,
  createBenefitInput,
  createCostInput,
  saveReadingsInput,
  updateBenefitInput,
  updateCostInput,
} from "../../../src/features/benefits/schema.ts";
import { api } from "./client.ts";

export type BenefitPlan = BenefitPlanView;
export type BenefitPlanRow = BenefitPlanView["benefits"][number];
export type BenefitChart = BenefitChartView;
export type Benefit = BenefitView;
export type BenefitCost = CostView;
export type BenefitKind = BenefitView["kind"];
export type CostKind = CostView["kind"];
export type CreateBenefitInput = z.input<typeof createBenefitInput>;
export type CreateCostInput = z.input<typeof createCostInput>;
export type SaveReadingsInput = z.input<typeof saveReadingsInput>;
export type UpdateBenefitInput = z.input<typeof updateBenefitInput>;
export type UpdateCostInput = z.input<typeof updateCostInput>;
export type BenefitPortfolio = BenefitPortfolioView;

export const benefitKinds = ["economic", "quality", "qualitative"] as const satisfies readonly BenefitKind[];
export const costKinds = ["investment", "transition", "running"] as const satisfies readonly CostKind[];

/** Benefits hang on a programme or an action plan; their API paths differ only in the prefix. */
export type BenefitOwnerKind = "programme" | "action_plan";
const ownerPath = (kind: BenefitOwnerKind, id: number) =>
  kind === "programme" ? `/api/programmes/${id}` : `/api/action-plans/${id}`;

// Every query starts with "benefits", so one invalidation after a change refreshes plan and charts.
export const benefitKeys = {
  all: ["benefits"] as const,
  plan: (kind: BenefitOwnerKind, id: number) => ["benefits", "plan", kind, id] as const,
  chart: (id: number) => ["benefits", "chart", id] as const,
  portfolio: (unitId: number) => ["benefits", "portfolio", unitId] as const,
};

export function useBenefitPlan(kind: BenefitOwnerKind, id: number) {
  return useQuery({
    queryKey: benefitKeys.plan(kind, id),
    queryFn: () => api.get<BenefitPlan>(`${ownerPath(kind, id)}/benefits`),
  });
}

export function useBenefitChart(id: number | null) {
  return useQuery({
    queryKey: benefitKeys.chart(id ?? 0),
    queryFn: () => api.get<BenefitChart>(`/api/benefits/${id}/chart`),
    enabled: id !== null,
  });
}

function useBenefitMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: benefitKeys.all }),
  });
}

export const useCreateBenefit = (kind: BenefitOwnerKind, id: number) =>
  useBenefitMutation((input: CreateBenefitInput) =>
    api.post<Benefit>(`${ownerPath(kind, id)}/benefits`, input),
  );

export const useSaveReadings = (benefitId: number) =>
  useBenefitMutation((input: SaveReadingsInput) =>
    api.post<unknown>(`/api/benefits/${benefitId}/readings`, input),
  );

export const useCreateCost = (kind: BenefitOwnerKind, id: number) =>
  useBenefitMutation((input: CreateCostInput) =>
    api.post<BenefitCost>(`${ownerPath(kind, id)}/costs`, input),
  );

export const useDeleteCost = () =>
  useBenefitMutation((cost: { id: number; version: number }) =>
    api.delete<null>(`/api/benefit-costs/${cost.id}?version=${cost.version}`),
  );

export const useUpdateBenefit = (benefitId: number) =>
  useBenefitMutation((input: UpdateBenefitInput) => api.patch<Benefit>(`/api/benefits/${benefitId}`, input));

export const useDeleteBenefit = () =>
  useBenefitMutation((benefit: { id: number; version: number }) =>
    api.delete<null>(`/api/benefits/${benefit.id}?version=${benefit.version}`),
  );

export const useUpdateCost = (costId: number) =>
  useBenefitMutation((input: UpdateCostInput) =>
    api.patch<BenefitCost>(`/api/benefit-costs/${costId}`, input),
  );

/** The economic benefits of the programmes and action plans under a unit, summed against investment. */
export function useBenefitPortfolio(unitId: number | undefined) {
  return useQuery({
    queryKey: benefitKeys.portfolio(unitId ?? 0),
    queryFn: () => api.get<BenefitPortfolio>(`/api/benefits/portfolio?unitId=${unitId}`),
    enabled: unitId !== undefined,
  });
}
