// Units' own risks ("Topp 5", issue 12): the server's answer types (src/features/unitRisks/schema.ts,
// type-only) and the TanStack Query hooks that read and change a unit's register.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createUnitRiskInput,
  saveUnitRiskAssessmentInput,
  UnitRiskAssessmentView,
  UnitRiskListView,
  UnitRiskRowView,
  UnitRiskView,
  UpdateUnitRiskInput,
} from "../../../src/features/unitRisks/schema.ts";
import { api } from "./client.ts";

export type UnitRiskList = UnitRiskListView;
export type UnitRiskRow = UnitRiskRowView;
export type UnitRisk = UnitRiskView;
export type UnitRiskAssessment = UnitRiskAssessmentView;
export type UnitRiskHorizon = UnitRiskView["horizon"];
export type CreateUnitRiskInput = z.input<typeof createUnitRiskInput>;
export type SaveUnitRiskAssessmentInput = z.input<typeof saveUnitRiskAssessmentInput>;
export type { UpdateUnitRiskInput };

export const unitRiskHorizons = [
  "this_year",
  "one_to_four_years",
] as const satisfies readonly UnitRiskHorizon[];

// Every query starts with "unitRisks", so one invalidation after a change refreshes the register
// in every period the page has shown.
export const unitRiskKeys = {
  all: ["unitRisks"] as const,
  list: (unitId: number, period: string) => ["unitRisks", "list", unitId, period] as const,
};

/** The unit's register in a period, open risks by rank and then the closed ones. */
export function useUnitRisks(unitId: number, period: string) {
  return useQuery({
    queryKey: unitRiskKeys.list(unitId, period),
    queryFn: () =>
      api.get<UnitRiskList>(
        `/api/units/${unitId}/risks?${new URLSearchParams({ period, includeClosed: "true" }).toString()}`,
      ),
    placeholderData: keepPreviousData,
  });
}

function useUnitRiskMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Also after a refusal: a stale version means someone else changed the register meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitRiskKeys.all }),
  });
}

export function useCreateUnitRisk(unitId: number) {
  return useUnitRiskMutation((input: CreateUnitRiskInput) =>
    api.post<UnitRisk>(`/api/units/${unitId}/risks`, input),
  );
}

export function useUpdateUnitRisk(id: number) {
  return useUnitRiskMutation((input: UpdateUnitRiskInput) =>
    api.patch<UnitRisk>(`/api/unit-risks/${id}`, input),
  );
}

export function useCloseUnitRisk(id: number) {
  return useUnitRiskMutation((input: { version: number }) =>
    api.post<UnitRisk>(`/api/unit-risks/${id}/close`, input),
  );
}

export function useSaveUnitRiskAssessment(id: number, period: string) {
  return useUnitRiskMutation((input: SaveUnitRiskAssessmentInput) =>
    api.put<UnitRiskAssessment>(`/api/unit-risks/${id}/assessments/${encodeURIComponent(period)}`, input),
  );
}
