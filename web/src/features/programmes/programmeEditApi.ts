// The changes to a programme made from its forms: create and edit the programme, add, edit and
// delete phases, name a gate, start the first phase and end the current one. Each refreshes every
// programme query afterwards, also after a refusal, since a stale version means someone else
// changed the programme meanwhile.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createPhaseInput,
  createProgrammeInput,
  ProgrammeView,
  UpdateGateInput,
  UpdatePhaseInput,
  UpdateProgrammeInput,
} from "../../../../src/features/programmes/schema.ts";
import { api } from "../../api/client.ts";
import { type ProgrammeDetail, programmeKeys } from "../../api/programmes.ts";

export type NewProgrammeInput = z.input<typeof createProgrammeInput>;
export type NewPhaseInput = z.input<typeof createPhaseInput>;
export type Programme = ProgrammeView;
export type { UpdateGateInput, UpdatePhaseInput, UpdateProgrammeInput };

function useProgrammeChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export function useCreateProgramme() {
  return useProgrammeChange((input: NewProgrammeInput) => api.post<Programme>("/api/programmes", input));
}

export function useUpdateProgramme(id: number) {
  return useProgrammeChange((input: UpdateProgrammeInput) =>
    api.patch<Programme>(`/api/programmes/${id}`, input),
  );
}

export function useAddPhase(id: number) {
  return useProgrammeChange((input: NewPhaseInput) =>
    api.post<ProgrammeDetail>(`/api/programmes/${id}/phases`, input),
  );
}

export function useUpdatePhase(id: number, number: number) {
  return useProgrammeChange((input: UpdatePhaseInput) =>
    api.patch<ProgrammeDetail>(`/api/programmes/${id}/phases/${number}`, input),
  );
}

export function useDeletePhase(id: number, number: number) {
  return useProgrammeChange((version: number) =>
    api.delete<ProgrammeDetail>(`/api/programmes/${id}/phases/${number}?version=${version}`),
  );
}

export function useEndPhase(id: number, number: number) {
  return useProgrammeChange((input: { version: number; actualEnd: string }) =>
    api.post<ProgrammeDetail>(`/api/programmes/${id}/phases/${number}/end`, input),
  );
}

export function useUpdateGate(id: number, toPhase: number) {
  return useProgrammeChange((input: UpdateGateInput) =>
    api.patch<ProgrammeDetail>(`/api/programmes/${id}/gates/${toPhase}`, input),
  );
}
