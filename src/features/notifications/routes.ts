import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { requestLocale } from "../../problemReply.ts";
import { replies } from "../../schemas/contract.ts";
import {
  mailListQuery,
  mailPageView,
  markAllReadView,
  notificationListQuery,
  notificationPageView,
  notificationParams,
  notificationView,
  preferencesInput,
  preferencesView,
  unreadCountView,
} from "./schema.ts";
import {
  getPreferences,
  listMyNotifications,
  listSentMail,
  markAllNotificationsRead,
  markNotificationRead,
  myUnreadCount,
  requireMailLogAccess,
  setPreferences,
} from "./service.ts";

const tags = ["notifications"];

export const notificationRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const mailEnabled = Boolean(config.notifications.smtpUrl);

    app.get(
      "/api/notifications",
      {
        schema: {
          tags,
          summary: "Your notifications, newest first, a page at a time, with the count of unread ones",
          querystring: notificationListQuery,
          response: replies(notificationPageView),
        },
      },
      async (request) => listMyNotifications(db, callerOf(request), requestLocale(request), request.query),
    );

    app.get(
      "/api/notifications/unread-count",
      {
        schema: {
          tags,
          summary: "How many of your notifications are unread",
          response: replies(unreadCountView),
        },
      },
      async (request) => myUnreadCount(db, callerOf(request)),
    );

    app.post(
      "/api/notifications/:id/read",
      {
        schema: {
          tags,
          summary: "Mark one of your notifications read",
          params: notificationParams,
          response: replies(notificationView),
        },
      },
      async (request) =>
        markNotificationRead(db, callerOf(request), requestLocale(request), request.params.id),
    );

    app.post(
      "/api/notifications/read-all",
      { schema: { tags, summary: "Mark all your notifications read", response: replies(markAllReadView) } },
      async (request) => markAllNotificationsRead(db, callerOf(request)),
    );

    app.get(
      "/api/notifications/preferences",
      {
        schema: {
          tags,
          summary: "Your choice of e-mail for notifications",
          response: replies(preferencesView),
        },
      },
      async (request) => getPreferences(db, callerOf(request), mailEnabled),
    );

    app.put(
      "/api/notifications/preferences",
      {
        schema: {
          tags,
          summary: "Choose e-mail for notifications: a daily digest, each at once, or none",
          body: preferencesInput,
          response: replies(preferencesView),
        },
      },
      async (request) => setPreferences(db, callerOf(request), mailEnabled, request.body),
    );

    app.get(
      "/api/notifications/mail",
      {
        // The right is checked before the query is read: the log holds every person's mail.
        preValidation: async (request) => requireMailLogAccess(callerOf(request)),
        schema: {
          tags,
          summary: "Sent e-mail, newest first (system administrators)",
          querystring: mailListQuery,
          response: replies(mailPageView),
        },
      },
      async (request) => listSentMail(db, callerOf(request), request.query),
    );
  };
