// The notification worker started by `tertial serve`: pg-boss on the same database (PostgreSQL, or
// the embedded PGlite through an adapter on its one connection; decision 0011) runs the hourly
// reminder check, the daily digest and the sending of mails. pg-boss hands each job to one worker
// across all servers; the outbox row is the record of the mail and what makes a send happen once.

import { PGlite } from "@electric-sql/pglite";
import nodemailer from "nodemailer";
import PgBoss from "pg-boss";
import type { Config } from "../../config.ts";
import type { Database, Db } from "../../db/client.ts";
import { digestDue, osloClock } from "../../domain/notifications.ts";
import { deliverMail, prepareDigests, type SendMail } from "./mail.ts";
import { type MailQueue, setMailQueue } from "./mailQueue.ts";
import { selectQueuedOutboxIds } from "./queries.ts";
import { runDailyCheck } from "./reminders.ts";

const queues = { send: "tertial-send-mail", check: "tertial-reminder-check", digest: "tertial-digest" };

type SqlClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
};

/**
 * pg-boss's way into a Drizzle database or transaction: its statements go through the same
 * connection, so a job sent in a transaction is committed or rolled back with it.
 */
export function bossDb(db: Db): PgBoss.Db {
  const client = (db as unknown as { session: { client: SqlClient } }).session.client;
  return {
    async executeSql(text, values) {
      // pg-boss creates its schema with several statements at once, which PGlite runs only by exec.
      if ((!values || values.length === 0) && client.exec && client instanceof PGlite) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
  };
}

export type WorkerOptions = {
  /** Replaces SMTP (tests count what is sent this way too). */
  send?: SendMail;
  /** How long a send may take before pg-boss gives the job to another worker. */
  expireInSeconds?: number;
  /** How often an idle worker asks for jobs. */
  pollingIntervalSeconds?: number;
  /** The clock (tests set the day of the reminders). */
  now?: () => Date;
  /** No cron schedules (tests run the check and the digest themselves). */
  schedule?: boolean;
};

export type NotificationWorker = {
  mailEnabled: boolean;
  /** Raises today's reminders now (also run hourly). */
  runCheck(): Promise<number>;
  /** Writes today's digests now, if their hour has come (also run at the configured hour). */
  runDigest(options?: { force?: boolean }): Promise<number>;
  /** Queues the sending of every mail still queued in the outbox (also run at start). */
  sweep(): Promise<number>;
  stop(options?: { graceful?: boolean }): Promise<void>;
};

function smtpSender(config: Config): SendMail | undefined {
  const { smtpUrl, mailFrom } = config.notifications;
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return async ({ to, subject, text }) => {
    await transport.sendMail({ from: mailFrom, to, subject, text });
  };
}

export async function startNotificationWorker(
  database: Database & { url?: string },
  config: Config,
  log: { info(message: string): void; error(message: string): void },
  options: WorkerOptions = {},
): Promise<NotificationWorker> {
  const { db } = database;
  const now = options.now ?? (() => new Date());
  const send = options.send ?? smtpSender(config);
  if (!send) log.info("No SMTP_URL is set: notifications are shown in the app only, and no e-mail is sent.");

  const connectionString = database.kind === "postgres" ? (database.url ?? config.databaseUrl) : undefined;
  const boss = new PgBoss(
    connectionString
      ? { connectionString, max: 3, schema: "pgboss" }
      : { db: bossDb(db), schema: "pgboss", supervise: true },
  );
  boss.on("error", (error: Error) => log.error(`notification worker: ${error.message}`));
  await boss.start();
  await boss.createQueue(queues.send, {
    name: queues.send,
    // "stately": at most one waiting and one running job per key (mail-ID), so a sweep that
    // queues a mail whose job still waits adds none.
    policy: "stately",
    retryLimit: 4,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 120,
  });
  await boss.createQueue(queues.check, { name: queues.check, policy: "singleton" });
  await boss.createQueue(queues.digest, { name: queues.digest, policy: "singleton" });

  const queue: MailQueue = {
    publicUrl: config.publicUrl,
    async enqueue(tx, outboxId) {
      await boss.send(queues.send, { outboxId }, { db: bossDb(tx), singletonKey: `mail-${outboxId}` });
    },
  };
  if (send) setMailQueue(queue);

  const runCheck = async () =>
    (
      await runDailyCheck(db, {
        today: osloClock(now()).day,
        reminderDays: config.notifications.reminderDays,
      })
    ).notifications;
  const runDigest = async ({ force = false } = {}) => {
    if (!send) return 0;
    const { due, day } = digestDue(now(), config.notifications.digestHour);
    return due || force ? prepareDigests(db, queue, day) : 0;
  };
  const sweep = async () => {
    if (!send) return 0;
    const ids = await selectQueuedOutboxIds(db);
    for (const id of ids) await db.transaction((tx) => queue.enqueue(tx, id));
    return ids.length;
  };

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(queues.check, polling, async () => {
    await runCheck();
    // Every hour too, not only at start: a mail whose job was lost is found again in the outbox.
    await sweep();
  });
  if (send) {
    await boss.work(queues.digest, polling, async () => {
      await runDigest({ force: true });
    });
    await boss.work<{ outboxId: number }>(queues.send, polling, async ([job]) => {
      if (!job) return;
      const result = await deliverMail(db, job.data.outboxId, send, { lock: database.kind === "postgres" });
      // Throwing hands the job back to pg-boss, which tries again later.
      if (result === "retry") throw new Error(`mail ${job.data.outboxId} not sent; trying again`);
    });
  }
  if (options.schedule !== false) {
    await boss.schedule(queues.check, "5 * * * *", {}, { tz: "Europe/Oslo" });
    if (send) {
      await boss.schedule(
        queues.digest,
        `0 ${config.notifications.digestHour} * * *`,
        {},
        { tz: "Europe/Oslo" },
      );
    }
    // At start too: a server that was down at the hour still reminds today, and still sends
    // today's digest once its hour has passed (a digest already sent today is not sent again).
    await runCheck().catch((error: Error) => log.error(`reminder check: ${error.message}`));
    await runDigest().catch((error: Error) => log.error(`digest: ${error.message}`));
  }
  // Mails queued before a crash, or while no worker ran, are sent now.
  await sweep();

  return {
    mailEnabled: Boolean(send),
    runCheck,
    runDigest,
    sweep,
    async stop({ graceful = true } = {}) {
      setMailQueue(undefined);
      await boss.stop({ graceful, wait: true, timeout: 10_000 });
    },
  };
}
