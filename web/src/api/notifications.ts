// Notifications (the bell), the e-mail choice and the log of sent mail: the server's answer types
// (src/features/notifications/schema.ts, type-only) and the TanStack Query hooks.

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MailPageView,
  NotificationPageView,
  NotificationView,
  PreferencesView,
} from "../../../src/features/notifications/schema.ts";
import { useLocale } from "../i18n/i18n.tsx";
import { api } from "./client.ts";

export type Notification = NotificationView;
export type NotificationPreferences = PreferencesView;
export type NotifyMode = PreferencesView["notifyMode"];
export type SentMail = MailPageView["mails"][number];
export type MailStatus = SentMail["status"];

export const notifyModes = ["digest", "immediate", "off"] as const satisfies readonly NotifyMode[];

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  list: (locale: string) => ["notifications", "list", locale] as const,
  preferences: ["notifications", "preferences"] as const,
  mail: (status: MailStatus | undefined) => ["notifications", "mail", status ?? "all"] as const,
};

/** The bell's count, asked again every minute and whenever the window gets focus again. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<{ unreadCount: number }>("/api/notifications/unread-count"),
    refetchInterval: 60_000,
  });
}

/** One's own notifications, newest first, 30 at a time; the text comes in the page's language. */
export function useNotifications() {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(locale),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<NotificationPageView>(
        pageParam === undefined ? "/api/notifications" : `/api/notifications?beforeId=${pageParam}`,
      ),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}

function useNotificationMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkRead() {
  return useNotificationMutation((id: number) => api.post<Notification>(`/api/notifications/${id}/read`));
}

export function useMarkAllRead() {
  return useNotificationMutation(() =>
    api.post<{ marked: number; unreadCount: number }>("/api/notifications/read-all"),
  );
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get<NotificationPreferences>("/api/notifications/preferences"),
  });
}

export function useSetNotifyMode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notifyMode: NotifyMode) =>
      api.put<NotificationPreferences>("/api/notifications/preferences", { notifyMode }),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}

/** Sent mail, newest first, 50 at a time (system administrators). */
export function useSentMail(status: MailStatus | undefined) {
  return useInfiniteQuery({
    queryKey: notificationKeys.mail(status),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams();
      if (status) query.set("status", status);
      if (pageParam !== undefined) query.set("beforeId", String(pageParam));
      const text = query.toString();
      return api.get<MailPageView>(text ? `/api/notifications/mail?${text}` : "/api/notifications/mail");
    },
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}
