import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { mailStatuses, notificationKinds } from "../../domain/notifications.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { users } from "../schema.ts";

/**
 * One thing a person is told in the app (the bell): an event about a round, an answer or a
 * measure. `eventKey` is unique per user, so a daily check that runs twice (or on two servers)
 * never tells anyone the same thing twice. `mailedAt` is set once the notification has gone into
 * a mail (or was let go because the person takes no mail): the digest collects those still unset.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    eventKey: text("event_key").notNull(),
    /** The page of the item, from the web app's root ("/answers/12"). */
    path: text("path").notNull(),
    /** What the words need: the document's title, the unit, the period, the deadline, days. */
    params: jsonb("params").notNull().$type<Record<string, string | number>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("notifications_user_event_unique").on(table.userId, table.eventKey),
    index("notifications_user_created_idx").on(table.userId, table.id),
    index("notifications_unread_idx").on(table.userId).where(sql`${table.readAt} is null`),
    index("notifications_unmailed_idx").on(table.userId).where(sql`${table.mailedAt} is null`),
  ],
);

/**
 * Every mail Tertial sends, kept: written before it is sent, so a crash between the two loses
 * nothing (the row stays queued and is sent again), and read by administrators afterwards.
 * `dedupeKey` is unique, so two servers preparing the same mail write it once.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    dedupeKey: text("dedupe_key").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    notificationCount: integer("notification_count").notNull().default(1),
    status: text("status", { enum: mailStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("mail_outbox_dedupe_unique").on(table.dedupeKey),
    index("mail_outbox_queued_idx").on(table.id).where(sql`${table.status} = 'queued'`),
  ],
);
