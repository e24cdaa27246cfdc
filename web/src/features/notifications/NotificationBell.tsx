import { Link } from "@tanstack/react-router";
import { useUnreadCount } from "../../api/notifications.ts";
import { useT } from "../../i18n/i18n.tsx";
import "./notifications.css";

/** A bell, the usual sign of notifications; the link's name says what it is and how many are unread. */
function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The header's bell: a link to the notifications page with the count of unread ones. */
export function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount();
  const count = unread.data?.unreadCount ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" aria-label={t("notifications.bell", { count })}>
      <BellIcon />
      {count > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
