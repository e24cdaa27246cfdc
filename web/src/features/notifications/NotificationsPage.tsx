import { Button, Link, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { Link as RouterLink, useRouter } from "@tanstack/react-router";
import { type MouseEvent, useState } from "react";
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from "../../api/notifications.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import "./notifications.css";

/** The signed-in person's notifications, newest first; following one marks it read. */
export function NotificationsPage() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const [status, setStatus] = useState<string | null>(null);
  const pages = list.data?.pages ?? [];
  const notifications = pages.flatMap((page) => page.notifications);
  const unreadCount = pages[0]?.unreadCount ?? 0;

  const markAllRead = () =>
    markAll.mutate(undefined, { onSuccess: () => setStatus(t("notifications.allMarked")) });

  return (
    <div className="page">
      <PageTitle>{t("notifications.title")}</PageTitle>
      <Paragraph className="page-intro">{t("notifications.intro")}</Paragraph>
      <LiveStatus message={status} />
      <ProblemAlert error={list.error ?? markAll.error} headingLevel={2} />
      {list.isPending && <Spinner aria-label={t("common.loading")} />}
      {list.data && (
        <>
          <div className="notifications-actions">
            <Paragraph data-size="sm">
              <strong>{t("notifications.unreadCount", { count: unreadCount })}</strong>
            </Paragraph>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={markAllRead}
              loading={markAll.isPending}
              disabled={unreadCount === 0}
            >
              {t("notifications.markAll")}
            </Button>
            {me.isSystemAdmin && (
              <RouterLink to="/notifications/mail" className="app-header__link">
                {t("notifications.mailLog")}
              </RouterLink>
            )}
          </div>
          {notifications.length === 0 ? (
            <Paragraph>{t("notifications.empty")}</Paragraph>
          ) : (
            <ul className="notification-list" aria-label={t("notifications.listLabel")}>
              {notifications.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} />
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <Button
              type="button"
              variant="tertiary"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t("notifications.more")}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, locale } = useLocale();
  const router = useRouter();
  const markRead = useMarkRead();

  // Marked read first, so the bell's count is right on the page the link opens.
  const follow = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      if (!notification.read) markRead.mutate(notification.id);
      return;
    }
    event.preventDefault();
    if (!notification.read) await markRead.mutateAsync(notification.id).catch(() => undefined);
    router.history.push(notification.path);
  };

  return (
    <li className="notification-item" data-unread={notification.read ? undefined : true}>
      <span className="notification-item__state">
        {notification.read ? t("notifications.read") : t("notifications.unread")}
      </span>
      <Link href={notification.path} onClick={follow} className="notification-item__link">
        {notification.text}
      </Link>
      <span className="notification-item__time">{formatDateTime(notification.createdAt, locale)}</span>
    </li>
  );
}
