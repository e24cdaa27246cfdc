// A person's own notifications and e-mail choice, and the log of sent mail for system
// administrators. Nobody sees or marks another person's notifications: every query is by the
// caller's own user id, so someone else's id answers as if it did not exist.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { MailStatus, NotifyMode } from "../../domain/notifications.ts";
import { forbidden, notFound } from "../../errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { recordAudit } from "../audit/service.ts";
import {
  countUnread,
  findOwnNotification,
  type NotificationRow,
  selectNotificationPage,
  selectNotifyMode,
  selectOutboxPage,
  setAllRead,
  setRead,
  updateNotifyMode,
} from "./queries.ts";
import type { MailPageView, NotificationPageView, NotificationView, PreferencesView } from "./schema.ts";
import { notificationText } from "./words.ts";

function present(locale: Locale, row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(locale, row),
    path: row.path,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}

export async function listMyNotifications(
  db: Db,
  { principal }: Caller,
  locale: Locale,
  query: { limit: number; beforeId?: number },
): Promise<NotificationPageView> {
  const rows = await selectNotificationPage(db, principal.userId, query.limit + 1, query.beforeId);
  const page = rows.slice(0, query.limit);
  return {
    notifications: page.map((row) => present(locale, row)),
    unreadCount: await countUnread(db, principal.userId),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function myUnreadCount(db: Db, { principal }: Caller) {
  return { unreadCount: await countUnread(db, principal.userId) };
}

export async function markNotificationRead(
  db: Db,
  { principal, actor }: Caller,
  locale: Locale,
  id: number,
): Promise<NotificationView> {
  return db.transaction(async (tx) => {
    const before = await findOwnNotification(tx, principal.userId, id);
    if (!before) throw notFound("notification_not_found", { id });
    const after = await setRead(tx, principal.userId, id);
    if (!after) throw notFound("notification_not_found", { id });
    if (before.readAt === null) {
      await recordAudit(tx, actor, {
        action: "notification_read",
        entityType: "notification",
        entityId: String(id),
        unitId: null,
        before: { read: false },
        after: { read: true },
      });
    }
    return present(locale, after);
  });
}

export async function markAllNotificationsRead(db: Db, { principal, actor }: Caller) {
  return db.transaction(async (tx) => {
    const marked = await setAllRead(tx, principal.userId);
    if (marked > 0) {
      await recordAudit(tx, actor, {
        action: "notifications_read_all",
        entityType: "notification",
        entityId: `user:${principal.userId}`,
        unitId: null,
        after: { marked },
      });
    }
    return { marked, unreadCount: 0 };
  });
}

export async function getPreferences(
  db: Db,
  { principal }: Caller,
  mailEnabled: boolean,
): Promise<PreferencesView> {
  const row = await selectNotifyMode(db, principal.userId);
  return {
    notifyMode: row?.notifyMode ?? "digest",
    hasEmail: Boolean(row?.email?.trim()),
    mailEnabled,
  };
}

export async function setPreferences(
  db: Db,
  caller: Caller,
  mailEnabled: boolean,
  input: { notifyMode: NotifyMode },
): Promise<PreferencesView> {
  const { principal, actor } = caller;
  await db.transaction(async (tx) => {
    const before = await selectNotifyMode(tx, principal.userId);
    if (!before || before.notifyMode === input.notifyMode) return;
    await updateNotifyMode(tx, principal.userId, input.notifyMode);
    await recordAudit(tx, actor, {
      action: "notify_mode",
      entityType: "user",
      entityId: String(principal.userId),
      unitId: null,
      before: { notifyMode: before.notifyMode },
      after: { notifyMode: input.notifyMode },
    });
  });
  return getPreferences(db, caller, mailEnabled);
}

/** Refused before anything is read: the log holds every person's mail. */
export function requireMailLogAccess({ principal }: Caller) {
  if (!principal.isSystemAdmin) throw forbidden("mail_log_admins_only");
}

export async function listSentMail(
  db: Db,
  caller: Caller,
  query: { limit: number; beforeId?: number; status?: MailStatus },
): Promise<MailPageView> {
  requireMailLogAccess(caller);
  const rows = await selectOutboxPage(db, query.limit + 1, query.beforeId, query.status);
  const page = rows.slice(0, query.limit);
  return {
    mails: page.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      text: row.text,
      notificationCount: row.notificationCount,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
