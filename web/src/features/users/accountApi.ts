import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { useInvalidateUsers } from "../../api/hooks.ts";

/** An administrator sets a new password; the server ends all of that user's sessions. */
export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, password }: { userId: number; password: string }) =>
      api.post<void>(`/api/users/${userId}/password`, { password }),
    onSuccess: invalidate,
  });
}

/** Deactivating ends all of the user's sessions; reactivating lets them sign in again. */
export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: number; active: boolean }) =>
      api.post<{ id: number; active: boolean }>(
        `/api/users/${userId}/${active ? "reactivate" : "deactivate"}`,
      ),
    onSuccess: invalidate,
  });
}

/** Links a user to the sign-in service by its id for them; null unlinks. Sessions go on. */
export function useSetExternalId() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, externalId }: { userId: number; externalId: string | null }) =>
      api.put<{ id: number; externalId: string | null }>(`/api/users/${userId}/external-id`, { externalId }),
    onSuccess: invalidate,
  });
}
