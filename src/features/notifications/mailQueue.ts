import type { Db } from "../../db/client.ts";

/**
 * Where mails go once written to the outbox: the running notification worker's queue. Set by the
 * worker while it runs (src/features/notifications/worker.ts), so that the services of other
 * features raise notifications with a database handle alone. Unset, Tertial notifies in the app
 * only: no SMTP server is configured, or this process (a command, a test) sends no mail.
 */
export type MailQueue = {
  /** The public address the links in mails start with; only the path without it. */
  publicUrl: string | undefined;
  /** Queues the sending of an outbox row in the transaction `tx` that wrote it. */
  enqueue(tx: Db, outboxId: number): Promise<void>;
};

let queue: MailQueue | undefined;

export function setMailQueue(next: MailQueue | undefined) {
  queue = next;
}

export function currentMailQueue(): MailQueue | undefined {
  return queue;
}
