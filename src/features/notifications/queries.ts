import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { mailOutbox, notifications, roleAssignments, units, users } from "../../db/schema.ts";
import type { Assignment, MailStatus, NotificationKind, NotifyMode } from "../../domain/notifications.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  eventKey: string;
  path: string;
  params: Record<string, string | number>;
};

/** The editor and approver roles of active people, with the paths of their units. */
export async function selectAssignments(db: Db): Promise<Assignment[]> {
  return db
    .select({ userId: roleAssignments.userId, unitPath: units.path, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(users.active, true), inArray(roleAssignments.role, ["editor", "approver"])));
}

export type Recipient = { id: number; email: string | null; locale: "nb" | "en"; notifyMode: NotifyMode };

export async function selectRecipients(db: Db, userIds: readonly number[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, locale: users.locale, notifyMode: users.notifyMode })
    .from(users)
    .where(inArray(users.id, [...userIds]));
}

/** Inserts the notifications not given before (same person, same event key); returns those new. */
export async function insertNotifications(db: Db, rows: readonly NewNotification[]) {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] })
    .returning();
}

export async function markMailed(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ mailedAt: sql`now()` })
    .where(and(inArray(notifications.id, [...ids]), isNull(notifications.mailedAt)));
}

export async function insertOutbox(
  db: Db,
  row: Pick<OutboxRow, "userId" | "dedupeKey" | "recipient" | "subject" | "text" | "notificationCount">,
): Promise<number | undefined> {
  const [inserted] = await db
    .insert(mailOutbox)
    .values(row)
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return inserted?.id;
}

// ---- A person's own notifications ----

export async function selectNotificationPage(db: Db, userId: number, limit: number, beforeId?: number) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        beforeId === undefined ? undefined : lt(notifications.id, beforeId),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function findOwnNotification(db: Db, userId: number, id: number) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

export async function setRead(db: Db, userId: number, id: number) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function setAllRead(db: Db, userId: number): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function selectNotifyMode(db: Db, userId: number) {
  const [row] = await db
    .select({ notifyMode: users.notifyMode, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function updateNotifyMode(db: Db, userId: number, mode: NotifyMode) {
  await db.update(users).set({ notifyMode: mode, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

// ---- The mail log ----

export async function selectOutboxPage(db: Db, limit: number, beforeId?: number, status?: MailStatus) {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        beforeId === undefined ? undefined : lt(mailOutbox.id, beforeId),
        status === undefined ? undefined : eq(mailOutbox.status, status),
      ),
    )
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
}

// ---- Sending ----

/** The mail, locked against another server's sender while this one sends it (PostgreSQL). */
export async function lockOutbox(db: Db, id: number, lock: boolean): Promise<OutboxRow | undefined> {
  const query = db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function recordSent(db: Db, id: number) {
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: sql`now()`, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function recordFailure(db: Db, id: number, error: string, final: boolean) {
  await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      ...(final ? { status: "failed" as const } : {}),
    })
    .where(eq(mailOutbox.id, id));
}

/** Mails still queued: after a crash, their jobs may be gone with the server that made them. */
export async function selectQueuedOutboxIds(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "queued"))
    .orderBy(mailOutbox.id)
    .limit(1000);
  return rows.map((r) => r.id);
}

// ---- The digest ----

/** Digest people with an address and notifications not yet mailed from the last week. */
export async function selectDigestCandidates(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        isNull(notifications.mailedAt),
        sql`${notifications.createdAt} > now() - interval '7 days'`,
        eq(users.notifyMode, "digest"),
        eq(users.active, true),
        sql`coalesce(${users.email}, '') <> ''`,
      ),
    );
  return rows.map((r) => r.userId);
}

/** A person's unmailed notifications of the last week, oldest first, locked for the digest. */
export async function lockUnmailed(db: Db, userId: number) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.mailedAt),
        sql`${notifications.createdAt} > now() - interval '7 days'`,
      ),
    )
    .orderBy(notifications.id)
    .for("update");
}

// ---- The daily check ----

/** Open rounds with the units whose answers are still drafts (not submitted), for the reminders. */
export async function selectRoundsWithDrafts(db: Db) {
  const result = await db.execute(sql`
    select r.id as "roundId", r.period, r.deadline::text as deadline, d.title as document,
           u.id as "unitId", u.name as "unitName", u.path as "unitPath"
      from reporting_rounds r
      join steering_documents d on d.id = r.document_id
      join answers a on a.round_id = r.id and a.state = 'draft'
      join units u on u.id = a.unit_id
     where r.state = 'open'
     group by r.id, d.title, u.id
     order by r.id, u.path`);
  return (result as unknown as { rows: unknown[] }).rows as {
    roundId: number;
    period: string;
    deadline: string;
    document: string;
    unitId: number;
    unitName: string;
    unitPath: string;
  }[];
}

/** Open measures past their deadline that a person owns. */
export async function selectOverdueMeasures(db: Db, today: string) {
  const result = await db.execute(sql`
    select m.id, m.title, m.deadline::text as deadline, m.owner_user_id as "ownerUserId"
      from measures m
      join users o on o.id = m.owner_user_id and o.active
     where m.phase in ('decided', 'in_progress') and m.deadline < ${today}::date
     order by m.id`);
  return (result as unknown as { rows: unknown[] }).rows as {
    id: number;
    title: string;
    deadline: string;
    ownerUserId: number;
  }[];
}
