// Reporting rounds and answers: shapes (mirroring src/features/reporting/presenters.ts and
// overview.ts) and the TanStack Query hooks that read and change them.

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { DiffPart, ReportingPoint, Requirement, RequirementKind, UnitRef } from "./steering.ts";
import { steeringKeys } from "./steering.ts";

export const answerStatuses = [
  "not_started",
  "fulfilled",
  "partly_fulfilled",
  "not_fulfilled",
  "not_relevant",
] as const;
export type AnswerStatus = (typeof answerStatuses)[number];
export type WrittenStatus = Exclude<AnswerStatus, "not_started">;
export const writtenStatuses = answerStatuses.filter((s): s is WrittenStatus => s !== "not_started");

export const answerStates = ["draft", "submitted", "approved"] as const;
export type AnswerState = (typeof answerStates)[number];
export type AnswerAction = "save" | "submit" | "approve" | "return";

export type Counts = {
  total: number;
  byStatus: Record<AnswerStatus, number>;
  byState: Record<AnswerState, number>;
  returned: number;
  overdue: number;
};

export type Round = {
  id: number;
  documentId: number;
  period: string;
  reportingPoint: ReportingPoint;
  deadline: string;
  state: "open" | "closed";
  closedAt: string | null;
  version: number;
  document: { id: number; title: string; year: number; versionNumber: number; issuingUnit: UnitRef };
  counts?: Counts;
  can: { close: boolean; reopen: boolean };
};

export type JointText = {
  label: string;
  leadUnit: UnitRef;
  answerId: number;
  text: string;
  status: AnswerStatus;
  state: AnswerState;
};

export type Answer = {
  id: number;
  roundId: number;
  requirementId: number;
  kind: "unit" | "consolidated";
  unit: UnitRef;
  status: AnswerStatus;
  text: string;
  state: AnswerState;
  returnComment: string | null;
  updatedAt: string;
  /** Null until someone has written: the answer as the round created it. */
  updatedBy: string | null;
  version: number;
  overdue: boolean;
  allowedActions: AnswerAction[];
  isJointLead: boolean;
  joint: JointText | null;
};

export type AnswerDetail = Answer & {
  requirement: Requirement;
  round: { id: number; period: string; deadline: string; state: "open" | "closed" };
  document: { id: number; title: string; year: number };
};

export type MatrixCell = {
  answerId: number;
  status: AnswerStatus;
  state: AnswerState;
  returned: boolean;
  overdue: boolean;
};

export type RoundMatrix = {
  round: Round;
  asOf: string;
  chapters: { id: number; title: string; position: number }[];
  units: (UnitRef & { consolidated: boolean; counts: Counts })[];
  rows: {
    requirement: {
      id: number;
      number: string;
      kind: RequirementKind;
      chapterId: number | null;
      text: string;
      leadUnitId: number | null;
    };
    cells: Record<string, MatrixCell>;
  }[];
};

export type Consolidation = {
  round: Round;
  requirement: Requirement;
  consolidated: Answer;
  joint: JointText | null;
  units: Answer[];
};

export type WorkItem = {
  answerId: number;
  kind: "unit" | "consolidated";
  status: AnswerStatus;
  state: AnswerState;
  version: number;
  updatedAt: string;
  unit: UnitRef;
  round: { id: number; period: string; deadline: string };
  document: { id: number; title: string };
  requirement: { id: number; number: string; text: string };
  overdue: boolean;
};

export type ReturnedItem = WorkItem & {
  returnComment: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
};

export type Inbox = {
  asOf: string;
  counts: { toWrite: number; returned: number; toApprove: number; overdue: number };
  returned: ReturnedItem[];
  toWrite: WorkItem[];
  toApprove: WorkItem[];
};

export type OverdueList = { asOf: string; count: number; items: (WorkItem & { daysOverdue: number })[] };

export type AnswerVersion = {
  version: number;
  action: "create" | AnswerAction;
  status: AnswerStatus;
  state: AnswerState;
  text: string;
  comment: string | null;
  actorName: string;
  at: string;
};

export type AnswerDiff = {
  from: AnswerVersion;
  to: AnswerVersion;
  status: { before: AnswerStatus; after: AnswerStatus; changed: boolean };
  state: { before: AnswerState; after: AnswerState; changed: boolean };
  text: {
    changed: boolean;
    words: DiffPart[];
    lines: DiffPart[];
    stats: { inserted: number; deleted: number };
  };
};

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

export function useRoundMatrix(roundId: number) {
  return useQuery({
    queryKey: reportingKeys.matrix(roundId),
    queryFn: () => api.get<RoundMatrix>(`/api/rounds/${roundId}/matrix`),
  });
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
  | { action: "submit" | "approve"; version: number }
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
      return invalidateReporting(queryClient);
    },
  });
}
