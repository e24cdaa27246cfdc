// Reporting rounds and answers: the server's answer types (src/features/reporting/schema.ts,
// type-only) and the TanStack Query hooks that read and change them.

import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { answerStates } from "../../../src/domain/workflow.ts";
import type {
  AnswerCountsView,
  AnswerDetailView,
  AnswerDiffView,
  AnswerVersionView,
  AnswerView,
  ConsolidationView,
  InboxView,
  JointTextView,
  MatrixCellView,
  NextWorkView,
  OverdueListView,
  PreviousAnswerView,
  ReportingProgressView,
  ReturnedItemView,
  RoundMatrixView,
  RoundView,
  WorkItemView,
} from "../../../src/features/reporting/schema.ts";
import { api } from "./client.ts";
import { steeringKeys } from "./steering.ts";

export { answerStates };

export const answerStatuses = [
  "not_started",
  "fulfilled",
  "partly_fulfilled",
  "not_fulfilled",
  "not_relevant",
] as const satisfies readonly AnswerView["status"][];
export type AnswerStatus = AnswerView["status"];
export type WrittenStatus = Exclude<AnswerStatus, "not_started">;
export const writtenStatuses = answerStatuses.filter((s): s is WrittenStatus => s !== "not_started");

export type AnswerState = AnswerView["state"];
export type AnswerAction = AnswerView["allowedActions"][number];

export type Counts = AnswerCountsView;
export type Round = RoundView;
export type JointText = JointTextView;
export type Answer = AnswerView;
export type AnswerDetail = AnswerDetailView;
export type MatrixCell = MatrixCellView;
export type RoundMatrix = RoundMatrixView;
export type Consolidation = ConsolidationView;
export type WorkItem = WorkItemView;
export type ReturnedItem = ReturnedItemView;
export type Inbox = InboxView;
export type OverdueList = OverdueListView;
export type AnswerVersion = AnswerVersionView;
export type AnswerDiff = AnswerDiffView;
export type NextWork = NextWorkView;
export type PreviousAnswer = PreviousAnswerView;
export type ReportingProgress = ReportingProgressView;

// Every reporting query starts with "reporting", so that one invalidation after a change to an
// answer or a round refreshes every view of it (inbox, matrix, consolidation, history).
export const reportingKeys = {
  all: ["reporting"] as const,
  rounds: (documentId: number) => ["reporting", "rounds", documentId] as const,
  round: (id: number) => ["reporting", "round", id] as const,
  matrix: (id: number) => ["reporting", "matrix", id] as const,
  roundOverdue: (id: number) => ["reporting", "overdue", id] as const,
  overdue: ["reporting", "overdue", "all"] as const,
  inbox: ["reporting", "inbox"] as const,
  progress: ["reporting", "progress"] as const,
  answer: (id: number) => ["reporting", "answer", id] as const,
  versions: (id: number) => ["reporting", "versions", id] as const,
  diff: (id: number, from: number, to: number) => ["reporting", "diff", id, from, to] as const,
  consolidation: (roundId: number, requirementId: number) =>
    ["reporting", "consolidation", roundId, requirementId] as const,
};

export function useRounds(documentId: number) {
  return useQuery({
    queryKey: reportingKeys.rounds(documentId),
    queryFn: () => api.get<Round[]>(`/api/steering-documents/${documentId}/rounds`),
  });
}

/** The round page's matrix; its route's loader fetches it while the page's code loads. */
export const roundMatrixQuery = (roundId: number) =>
  queryOptions({
    queryKey: reportingKeys.matrix(roundId),
    queryFn: () => api.get<RoundMatrix>(`/api/rounds/${roundId}/matrix`),
  });

export function useRoundMatrix(roundId: number) {
  return useQuery(roundMatrixQuery(roundId));
}

export function useRoundOverdue(roundId: number, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.roundOverdue(roundId),
    queryFn: () => api.get<OverdueList>(`/api/rounds/${roundId}/overdue`),
    enabled,
  });
}

export function useOverdue(enabled = true) {
  return useQuery({
    queryKey: reportingKeys.overdue,
    queryFn: () => api.get<OverdueList>("/api/overdue"),
    enabled,
  });
}

export function useInbox() {
  return useQuery({ queryKey: reportingKeys.inbox, queryFn: () => api.get<Inbox>("/api/inbox") });
}

/** Open rounds with counts, and the late answers: the start page of people who follow the reporting. */
export function useReportingProgress() {
  return useQuery({
    queryKey: reportingKeys.progress,
    queryFn: () => api.get<ReportingProgress>("/api/reporting/progress"),
  });
}

export function useAnswer(id: number) {
  return useQuery({
    queryKey: reportingKeys.answer(id),
    queryFn: () => api.get<AnswerDetail>(`/api/answers/${id}`),
  });
}

export function useAnswerVersions(id: number, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.versions(id),
    queryFn: () => api.get<AnswerVersion[]>(`/api/answers/${id}/versions`),
    enabled,
  });
}

export function useAnswerDiff(id: number, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: reportingKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: () => api.get<AnswerDiff>(`/api/answers/${id}/diff?from=${range?.from}&to=${range?.to}`),
    enabled: range !== null,
  });
}

export function useConsolidation(roundId: number, requirementId: number) {
  return useQuery({
    queryKey: reportingKeys.consolidation(roundId, requirementId),
    queryFn: () =>
      api.get<Consolidation>(`/api/rounds/${roundId}/requirements/${requirementId}/consolidation`),
  });
}

function invalidateReporting(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reportingKeys.all }),
    queryClient.invalidateQueries({ queryKey: ["audit"] }),
  ]);
}

export function useOpenRound(documentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { period: string; deadline: string }) =>
      api.post<Round>(`/api/steering-documents/${documentId}/rounds`, input),
    onSuccess: () =>
      Promise.all([
        invalidateReporting(queryClient),
        queryClient.invalidateQueries({ queryKey: steeringKeys.document(documentId) }),
      ]),
  });
}

export function useRoundState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: number; version: number; action: "close" | "reopen" }) =>
      api.post<Round>(`/api/rounds/${id}/${action}`, { version }),
    onSuccess: () => invalidateReporting(queryClient),
  });
}

export type AnswerCommand =
  | { action: "save"; version: number; status?: WrittenStatus; text?: string }
  | { action: "submit" | "withdraw"; version: number }
  | { action: "approve"; version: number; comment?: string }
  | { action: "return"; version: number; comment: string };

/** One workflow step on an answer. The answer's cached copy takes the server's answer at once. */
export function useAnswerAction(answerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: AnswerCommand) => {
      const { action, ...body } = command;
      return action === "save"
        ? api.patch<Answer>(`/api/answers/${answerId}`, body)
        : api.post<Answer>(`/api/answers/${answerId}/${action}`, body);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData<AnswerDetail>(reportingKeys.answer(answerId), (old) =>
        old ? { ...old, ...answer } : old,
      );
      // The step is done when the server answers: the page confirms it at once, while the other
      // views (the next answer, the inbox, the history) refresh behind it.
      void invalidateReporting(queryClient);
    },
  });
}
