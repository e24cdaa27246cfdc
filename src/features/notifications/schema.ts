// What the notification routes take and return: a person's own notifications (the bell), their
// e-mail choice, and for system administrators the log of sent mail.

import { z } from "zod";
import { mailStatuses, notificationKinds, notifyModes } from "../../domain/notifications.ts";
import { bigId, pageLimit } from "../../schemas/common.ts";

export const notificationView = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    /** The sentence in the reader's language. */
    text: z.string(),
    /** The item's page in the web app. */
    path: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: "Notification" });
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPageView = z.object({
  notifications: z.array(notificationView),
  unreadCount: z.number().int(),
  /** Pass as `beforeId` for the next, older page; null on the last page. */
  nextBeforeId: z.number().int().nullable(),
});
export type NotificationPageView = z.infer<typeof notificationPageView>;

export const notificationListQuery = z.object({
  limit: pageLimit(100, 30),
  beforeId: bigId.optional(),
});

export const unreadCountView = z.object({ unreadCount: z.number().int() });

export const markAllReadView = z.object({ marked: z.number().int(), unreadCount: z.number().int() });

export const notificationParams = z.object({ id: bigId });

export const preferencesView = z.object({
  notifyMode: z.enum(notifyModes),
  /** Whether the person has an e-mail address to send to. */
  hasEmail: z.boolean(),
  /** Whether this installation sends e-mail at all (an SMTP server is configured). */
  mailEnabled: z.boolean(),
});
export type PreferencesView = z.infer<typeof preferencesView>;

export const preferencesInput = z.object({ notifyMode: z.enum(notifyModes) });

export const mailView = z
  .object({
    id: z.number().int(),
    recipient: z.string(),
    subject: z.string(),
    text: z.string(),
    notificationCount: z.number().int(),
    status: z.enum(mailStatuses),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "SentMail" });
export type MailView = z.infer<typeof mailView>;

export const mailPageView = z.object({ mails: z.array(mailView), nextBeforeId: z.number().int().nullable() });
export type MailPageView = z.infer<typeof mailPageView>;

export const mailListQuery = z.object({
  limit: pageLimit(200, 50),
  beforeId: bigId.optional(),
  status: z.enum(mailStatuses).optional(),
});
