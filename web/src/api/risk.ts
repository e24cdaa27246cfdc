// Risk assessments of goals (issue 12): the server's answer types (src/features/risk/schema.ts,
// type-only) and the TanStack Query hooks that read and change them.

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  RiskAssessmentVersionView,
  RiskAssessmentView,
  RiskTableView,
  RoundRiskView,
} from "../../../src/features/risk/schema.ts";
import { api } from "./client.ts";
import { type Round, reportingKeys } from "./reporting.ts";

export type RoundRisk = RoundRiskView;
export type RiskGoal = RoundRiskView["goals"][number];
export type RiskScale = RoundRiskView["scale"];
export type RiskLevel = RiskScale["levels"][number];
export type RiskColour = RiskLevel["colour"];
export type RiskAssessment = RiskAssessmentView;
export type RiskChange = RiskAssessmentView["change"];
export type RiskAction = RiskAssessmentView["allowedActions"][number];
export type RiskAssessmentVersion = RiskAssessmentVersionView;
export type RiskTable = RiskTableView;

export const riskChanges = [
  "improved",
  "unchanged",
  "worsened",
  "new",
  "not_assessed",
] as const satisfies readonly RiskChange[];

// Every risk query starts with "risk", so that one invalidation after a step refreshes the round's
// overview, the assessment, its history and Tabell 3 alike.
export const riskKeys = {
  all: ["risk"] as const,
  round: (roundId: number) => ["risk", "round", roundId] as const,
  assessment: (id: number) => ["risk", "assessment", id] as const,
  versions: (id: number) => ["risk", "versions", id] as const,
  table: (documentId: number) => ["risk", "table", documentId] as const,
};

/** A round's assessed goals: the overall assessment beside the units' the caller may read. */
export const roundRiskQuery = (roundId: number) =>
  queryOptions({
    queryKey: riskKeys.round(roundId),
    queryFn: () => api.get<RoundRisk>(`/api/rounds/${roundId}/risk`),
  });

export function useRoundRisk(roundId: number, enabled = true) {
  return useQuery({ ...roundRiskQuery(roundId), enabled });
}

/** The round itself (its document and period), for the pages' breadcrumbs. */
export function useRound(roundId: number, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.round(roundId),
    queryFn: () => api.get<Round>(`/api/rounds/${roundId}`),
    enabled,
  });
}

/** A document's rounds (the same query as the steering page's), to name the period before. */
export function useDocumentRounds(documentId: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.rounds(documentId ?? 0),
    queryFn: () => api.get<Round[]>(`/api/steering-documents/${documentId}/rounds`),
    enabled: documentId !== undefined,
  });
}

export function useRiskAssessment(id: number) {
  return useQuery({
    queryKey: riskKeys.assessment(id),
    queryFn: () => api.get<RiskAssessment>(`/api/risk-assessments/${id}`),
  });
}

export function useRiskAssessmentVersions(id: number) {
  return useQuery({
    queryKey: riskKeys.versions(id),
    queryFn: () => api.get<RiskAssessmentVersion[]>(`/api/risk-assessments/${id}/versions`),
  });
}

/** Tabell 3: the issuer's overall assessments in the document's last two reviewed rounds. */
export function useRiskTable(documentId: number) {
  return useQuery({
    queryKey: riskKeys.table(documentId),
    queryFn: () => api.get<RiskTable>(`/api/steering-documents/${documentId}/risk-table`),
  });
}

/** What a save sends: a level on a level scale, or likelihood and consequence on a matrix. */
export type RiskFields = {
  level?: string | null;
  likelihood?: number | null;
  consequence?: number | null;
  residualLikelihood?: number | null;
  residualConsequence?: number | null;
  justification?: string;
};

export type RiskCommand =
  | ({ action: "save"; version: number } & RiskFields)
  | { action: "submit" | "withdraw"; version: number }
  | { action: "approve"; version: number; comment?: string }
  | { action: "return"; version: number; comment: string };

/** One workflow step on an assessment. Its cached copy takes the server's answer at once. */
export function useRiskAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: RiskCommand) => {
      const { action, ...body } = command;
      return action === "save"
        ? api.patch<RiskAssessment>(`/api/risk-assessments/${id}`, body)
        : api.post<RiskAssessment>(`/api/risk-assessments/${id}/${action}`, body);
    },
    onSuccess: (assessment) => {
      queryClient.setQueryData(riskKeys.assessment(id), assessment);
      // The overviews and the history refresh behind the page, which confirms the step at once.
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}
