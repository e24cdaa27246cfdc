// Programmes and projects (issue 14): the server's answer types (src/features/programmes, type-only)
// and the TanStack Query hooks for the portfolio, a programme's phases and gates, and status reports.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createStatusReportInput,
  PortfolioRowView,
  PortfolioView,
  StatusReportListView,
  StatusReportView,
  UpdateStatusReportInput,
} from "../../../src/features/programmes/reportSchema.ts";
import type {
  DecideGateInput,
  GateDecisionView,
  GateView,
  PhaseView,
  ProgrammeDetailView,
} from "../../../src/features/programmes/schema.ts";
import { api } from "./client.ts";

export type Portfolio = PortfolioView;
export type PortfolioRow = PortfolioRowView;
export type ProgrammeDetail = ProgrammeDetailView;
export type ProgrammePhase = PhaseView;
export type ProgrammeGate = GateView;
export type GateDecision = GateDecisionView;
export type GateDecisionKind = GateDecisionView["decision"];
export type StatusReport = StatusReportView;
export type StatusReportList = StatusReportListView;
export type StatusColour = NonNullable<StatusReportView["overallColour"]>;
export type CreateStatusReportInput = z.input<typeof createStatusReportInput>;
export type { DecideGateInput, UpdateStatusReportInput };

export const gateDecisionKinds = [
  "approve",
  "approve_with_conditions",
  "postpone",
  "stop",
] as const satisfies readonly GateDecisionKind[];
export const statusColourList = ["green", "yellow", "red"] as const satisfies readonly StatusColour[];
export const statusAspectList = ["scope", "time", "cost", "benefits", "risk", "overall"] as const;
export type StatusAspect = (typeof statusAspectList)[number];

// Every query starts with "programmes", so one invalidation after a change refreshes the
// portfolio, the programme page and its reports.
export const programmeKeys = {
  all: ["programmes"] as const,
  portfolio: (unitId: number) => ["programmes", "portfolio", unitId] as const,
  detail: (id: number) => ["programmes", "detail", id] as const,
  reports: (id: number) => ["programmes", "reports", id] as const,
  report: (id: number, reportId: number) => ["programmes", "report", id, reportId] as const,
};

export function usePortfolio(unitId: number | undefined) {
  return useQuery({
    queryKey: programmeKeys.portfolio(unitId ?? 0),
    queryFn: () => api.get<Portfolio>(`/api/portfolio?unitId=${unitId}`),
    enabled: unitId !== undefined,
  });
}

export function useProgramme(id: number) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: () => api.get<ProgrammeDetail>(`/api/programmes/${id}`),
  });
}

export function useStatusReports(id: number) {
  return useQuery({
    queryKey: programmeKeys.reports(id),
    queryFn: () => api.get<StatusReportList>(`/api/programmes/${id}/status-reports`),
  });
}

export function useStatusReport(id: number, reportId: number) {
  return useQuery({
    queryKey: programmeKeys.report(id, reportId),
    queryFn: () => api.get<StatusReport>(`/api/programmes/${id}/status-reports/${reportId}`),
  });
}

function useProgrammeMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Also after a refusal: a stale version means someone else changed the programme meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export function useRequestGateDecision(id: number, toPhase: number) {
  return useProgrammeMutation((input: { version: number; requestText: string }) =>
    api.post<ProgrammeDetail>(`/api/programmes/${id}/gates/${toPhase}/request`, input),
  );
}

export function useDecideGate(id: number, toPhase: number) {
  return useProgrammeMutation((input: DecideGateInput) =>
    api.post<ProgrammeDetail>(`/api/programmes/${id}/gates/${toPhase}/decisions`, input),
  );
}

export function useStartPhase(id: number, number: number) {
  return useProgrammeMutation((input: { version: number; actualStart?: string }) =>
    api.post<ProgrammeDetail>(`/api/programmes/${id}/phases/${number}/start`, input),
  );
}

export function useCreateStatusReport(id: number) {
  return useProgrammeMutation((input: CreateStatusReportInput) =>
    api.post<StatusReport>(`/api/programmes/${id}/status-reports`, input),
  );
}

export function useSaveStatusReport(id: number, reportId: number) {
  return useProgrammeMutation((input: UpdateStatusReportInput) =>
    api.patch<StatusReport>(`/api/programmes/${id}/status-reports/${reportId}`, input),
  );
}

export type StatusReportAction = "submit" | "withdraw" | "approve" | "return";

export function useStepStatusReport(id: number, reportId: number) {
  return useProgrammeMutation((input: { action: StatusReportAction; version: number; comment?: string }) =>
    api.post<StatusReport>(`/api/programmes/${id}/status-reports/${reportId}/${input.action}`, {
      version: input.version,
      comment: input.comment ?? "",
    }),
  );
}
