// Mails: the daily digest of each digest person's unmailed notifications, and sending one outbox
// row. A mail is written to the outbox (and its job queued) in one transaction before anything is
// sent, so a crash loses nothing; a sent mail is marked sent, so it is not sent again.

import type { Db } from "../../db/client.ts";
import { maxMailAttempts } from "../../domain/notifications.ts";
import type { MailQueue } from "./mailQueue.ts";
import {
  insertOutbox,
  lockOutbox,
  lockUnmailed,
  markMailed,
  recordFailure,
  recordSent,
  selectDigestCandidates,
  selectRecipients,
} from "./queries.ts";
import { digestMail } from "./words.ts";

/**
 * Writes today's digest for each digest person with unmailed notifications: one mail each, keyed
 * by person and day, so a second run (or a second server) on the same day writes none.
 */
export async function prepareDigests(db: Db, queue: MailQueue, day: string): Promise<number> {
  let written = 0;
  for (const userId of await selectDigestCandidates(db)) {
    written += await db.transaction(async (tx) => {
      const [person] = await selectRecipients(tx, [userId]);
      const items = await lockUnmailed(tx, userId);
      if (!person?.email || items.length === 0) return 0;
      const outboxId = await insertOutbox(tx, {
        userId,
        dedupeKey: `digest:${userId}:${day}`,
        recipient: person.email.trim(),
        notificationCount: items.length,
        ...digestMail(person.locale, queue.publicUrl, items),
      });
      // Today's digest went already: what came since waits for tomorrow's.
      if (outboxId === undefined) return 0;
      await markMailed(
        tx,
        items.map((n) => n.id),
      );
      await queue.enqueue(tx, outboxId);
      return 1;
    });
  }
  return written;
}

export type Envelope = { to: string; subject: string; text: string };
export type SendMail = (envelope: Envelope) => Promise<void>;

export type DeliveryResult = "sent" | "already_done" | "missing" | "retry" | "failed";

/**
 * Sends one queued mail. On PostgreSQL the row stays locked while it is sent, so a second server
 * handed the same mail (a re-queued job) waits and then finds it sent. A failure is counted and
 * kept; after the last attempt the mail is marked failed.
 */
export async function deliverMail(
  db: Db,
  outboxId: number,
  send: SendMail,
  options: { lock: boolean },
): Promise<DeliveryResult> {
  const work = async (tx: Db): Promise<DeliveryResult> => {
    const mail = await lockOutbox(tx, outboxId, options.lock);
    if (!mail) return "missing";
    if (mail.status !== "queued") return "already_done";
    try {
      await send({ to: mail.recipient, subject: mail.subject, text: mail.text });
    } catch (error) {
      const final = mail.attempts + 1 >= maxMailAttempts;
      await recordFailure(tx, outboxId, error instanceof Error ? error.message : String(error), final);
      return final ? "failed" : "retry";
    }
    await recordSent(tx, outboxId);
    return "sent";
  };
  return options.lock ? db.transaction(work) : work(db);
}
