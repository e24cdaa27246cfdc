import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createUnitInput, updateUnitInput } from "../../../src/features/units/schema.ts";
import type { createUserInput } from "../../../src/features/users/schema.ts";
import { api, isApiProblem } from "./client.ts";
import type {
  AuditPage,
  Me,
  Role,
  SetupStatus,
  SignInOptions,
  SignOutView,
  Unit,
  UserWithRoles,
} from "./types.ts";

export const queryKeys = {
  me: ["me"] as const,
  setup: ["setup"] as const,
  signInOptions: ["signInOptions"] as const,
  units: ["units"] as const,
  users: ["users"] as const,
  audit: (filter: AuditFilter) => ["audit", filter] as const,
  auditAll: ["audit"] as const,
};

/** The signed-in user, or null when nobody is signed in (the server answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/api/auth/me");
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: () => api.get<SetupStatus>("/api/setup") });
}

/** How one signs in here: password, the organisation's identity provider, or both. */
export function useSignInOptions() {
  return useQuery({
    queryKey: queryKeys.signInOptions,
    queryFn: () => api.get<SignInOptions>("/api/auth/options"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>("/api/auth/login", input),
    onSuccess: (me) => {
      // A new user must not see the previous user's cached data.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SignOutView>("/api/auth/logout"),
    onSuccess: ({ signOutUrl }) => {
      // Signed in through the organisation's provider: sign out there too, which comes back to /login.
      if (signOutUrl) window.location.assign(signOutUrl);
    },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

/**
 * Saves the signed-in user's interface language. The cached user changes at once, so the page
 * switches without waiting; the server's answer then replaces it. A failed save reloads the user,
 * so the page shows the language that is actually saved.
 */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Me["locale"]) => api.patch<Me>("/api/auth/me", { locale }),
    // One at a time, so quick switches reach the server, and come back, in the order made.
    scope: { id: "me.locale" },
    onMutate: (locale) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) => (me ? { ...me, locale } : me));
    },
    onSuccess: (saved) => {
      // Someone who signed out (or in as another user) meanwhile keeps their own state.
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) => (me?.id === saved.id ? saved : me));
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

export const fetchUnits = () => api.get<Unit[]>("/api/units");

export function useUnits(enabled = true) {
  return useQuery({ queryKey: queryKeys.units, queryFn: fetchUnits, enabled });
}

/** `validTo` is exclusive: the unit is inactive from that day; null clears it (reactivates). */
export type CreateUnitInput = z.input<typeof createUnitInput>;
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

/** Every change to a unit also writes the audit log, so both caches go stale. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.units }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
    ]);
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api.post<Unit>("/api/units", input),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUnitInput & { id: number }) =>
      api.patch<Unit>(`/api/units/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useMoveUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; parentId: number | null }) =>
      api.post<Unit>(`/api/units/${id}/move`, input),
    onSuccess: invalidate,
  });
}

export function useDeactivateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; validTo: string }) =>
      api.post<Unit>(`/api/units/${id}/deactivate`, input),
    onSuccess: invalidate,
  });
}

export type AuditFilter = {
  unitId?: number;
  actorId?: number;
  entityType?: string;
  /** Calendar days (YYYY-MM-DD), both included, in the user's own time zone. */
  from?: string;
  to?: string;
};

const auditPageSize = 50;

function startOfLocalDay(day: string): Date {
  return new Date(`${day}T00:00:00`);
}

function auditSearchParams(filter: AuditFilter, beforeId: number | undefined) {
  const params = new URLSearchParams({ limit: String(auditPageSize) });
  if (filter.unitId) params.set("unitId", String(filter.unitId));
  if (filter.actorId) params.set("actorId", String(filter.actorId));
  if (filter.entityType) params.set("entityType", filter.entityType);
  if (filter.from) params.set("from", startOfLocalDay(filter.from).toISOString());
  if (filter.to) {
    // The server's `to` is exclusive; the user means the whole of that day.
    const end = startOfLocalDay(filter.to);
    end.setDate(end.getDate() + 1);
    params.set("to", end.toISOString());
  }
  if (beforeId) params.set("beforeId", String(beforeId));
  return params;
}

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ pageParam }) => api.get<AuditPage>(`/api/audit?${auditSearchParams(filter, pageParam)}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.entries.length === auditPageSize ? lastPage.entries.at(-1)?.id : undefined,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: () => api.get<UserWithRoles[]>("/api/users"),
    enabled,
  });
}

export type CreateUserInput = z.input<typeof createUserInput>;

/** Every change to a user also writes the audit log and may change the signed-in user's roles. */
export function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      // The signed-in user's own roles may have changed.
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      api.post<{ id: number; username: string; displayName: string }>("/api/users", input),
    onSuccess: invalidate,
  });
}

export function useAssignRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, ...input }: { userId: number; unitId: number; role: Role }) =>
      api.post<{ id: number }>(`/api/users/${userId}/roles`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (assignmentId: number) => api.delete<void>(`/api/role-assignments/${assignmentId}`),
    onSuccess: invalidate,
  });
}
