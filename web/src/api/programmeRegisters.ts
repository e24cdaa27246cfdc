// A programme's registers (issue 14): the server's answer types (src/features/programmeRegisters,
// type-only) and the TanStack Query hooks that read and change groups, stakeholders, training,
// resources and risks.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ProgrammeRiskListView } from "../../../src/features/programmeRegisters/riskSchema.ts";
import type {
  createGroupInput,
  createResourceInput,
  createStakeholderInput,
  createTrainingInput,
  GroupListView,
  GroupView,
  ResourceListView,
  StakeholderListView,
  TrainingListView,
  updateGroupInput,
  updateStakeholderInput,
  updateTrainingInput,
} from "../../../src/features/programmeRegisters/schema.ts";
import type {
  createUnitRiskInput,
  saveUnitRiskAssessmentInput,
  updateUnitRiskInput,
} from "../../../src/features/unitRisks/schema.ts";
import { api } from "./client.ts";

export type ProgrammeGroup = GroupView;
export type GroupList = GroupListView;
export type StakeholderList = StakeholderListView;
export type Stakeholder = StakeholderList["stakeholders"][number];
export type TrainingList = TrainingListView;
export type Training = TrainingList["training"][number];
export type ResourceList = ResourceListView;
export type ProgrammeRiskList = ProgrammeRiskListView;
export type ProgrammeRisk = ProgrammeRiskList["risks"][number];
export type NewGroup = z.input<typeof createGroupInput>;
export type NewStakeholder = z.input<typeof createStakeholderInput>;
export type NewTraining = z.input<typeof createTrainingInput>;
export type NewResource = z.input<typeof createResourceInput>;
export type NewProgrammeRisk = z.input<typeof createUnitRiskInput>;
/** A change sent with the version it was read at (a number here, though the server takes text). */
type Change<Input extends { version: unknown }> = Omit<Input, "version"> & { version: number };
export type GroupChange = Change<z.input<typeof updateGroupInput>>;
export type StakeholderChange = Change<z.input<typeof updateStakeholderInput>>;
export type TrainingChange = Change<z.input<typeof updateTrainingInput>>;
export type ProgrammeRiskChange = Change<z.input<typeof updateUnitRiskInput>>;
export type ProgrammeRiskAssessmentInput = z.input<typeof saveUnitRiskAssessmentInput>;

export const groupKinds = ["steering", "project", "reference"] as const;
export const memberRoles = ["chair", "member", "secretary"] as const;
export const engagementLevels = ["low", "medium", "high"] as const;
export const activityStatuses = ["planned", "done", "cancelled"] as const;

export type RegisterName = "groups" | "stakeholders" | "training" | "resources" | "risks";

// Every query of a programme's registers starts with "programmeRegisters" and the programme, so a
// change refreshes that register (and, for risks, every period shown).
export const registerKeys = {
  all: (programmeId: number) => ["programmeRegisters", programmeId] as const,
  one: (programmeId: number, register: RegisterName, extra = "") =>
    ["programmeRegisters", programmeId, register, extra] as const,
};

const path = (programmeId: number, register: RegisterName) => `/api/programmes/${programmeId}/${register}`;

export const useGroups = (programmeId: number) =>
  useQuery({
    queryKey: registerKeys.one(programmeId, "groups"),
    queryFn: () => api.get<GroupList>(path(programmeId, "groups")),
  });

export const useStakeholders = (programmeId: number) =>
  useQuery({
    queryKey: registerKeys.one(programmeId, "stakeholders"),
    queryFn: () => api.get<StakeholderList>(path(programmeId, "stakeholders")),
  });

export const useTraining = (programmeId: number) =>
  useQuery({
    queryKey: registerKeys.one(programmeId, "training"),
    queryFn: () => api.get<TrainingList>(path(programmeId, "training")),
  });

export const useResources = (programmeId: number) =>
  useQuery({
    queryKey: registerKeys.one(programmeId, "resources"),
    queryFn: () => api.get<ResourceList>(path(programmeId, "resources")),
  });

export const useProgrammeRisks = (programmeId: number, period: string) =>
  useQuery({
    queryKey: registerKeys.one(programmeId, "risks", period),
    queryFn: () =>
      api.get<ProgrammeRiskList>(
        `${path(programmeId, "risks")}?${new URLSearchParams({ period }).toString()}`,
      ),
  });

function useRegisterMutation<Input, Output>(
  programmeId: number,
  register: RegisterName,
  send: (input: Input) => Promise<Output>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Also after a refusal: a stale version means someone else changed the register meanwhile.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...registerKeys.all(programmeId), register] }),
  });
}

/** Adds a row to one of the programme's registers. */
export const useAddToRegister = <Input, Output = unknown>(programmeId: number, register: RegisterName) =>
  useRegisterMutation(programmeId, register, (input: Input) =>
    api.post<Output>(path(programmeId, register), input),
  );

/** Changes a row of one of the programme's registers from the version read. */
export const useChangeInRegister = <Input extends { version: number }>(
  programmeId: number,
  register: RegisterName,
) =>
  useRegisterMutation(programmeId, register, ({ id, ...input }: Input & { id: number }) =>
    api.patch<unknown>(`${path(programmeId, register)}/${id}`, input),
  );

/** Removes a row with the version read. */
export const useRemoveFromRegister = (programmeId: number, register: Exclude<RegisterName, "risks">) =>
  useRegisterMutation(programmeId, register, ({ id, version }: { id: number; version: number }) =>
    api.delete<null>(`${path(programmeId, register)}/${id}?version=${version}`),
  );

export const useAssessProgrammeRisk = (programmeId: number) =>
  useRegisterMutation(
    programmeId,
    "risks",
    ({ riskId, period, ...input }: ProgrammeRiskAssessmentInput & { riskId: number; period: string }) =>
      api.put<unknown>(`${path(programmeId, "risks")}/${riskId}/assessments/${period}`, input),
  );

export const useCloseProgrammeRisk = (programmeId: number) =>
  useRegisterMutation(programmeId, "risks", ({ id, version }: { id: number; version: number }) =>
    api.post<unknown>(`${path(programmeId, "risks")}/${id}/close`, { version }),
  );
