// A crash between queueing a mail and sending it loses nothing and sends nothing twice: the mail
// and its job are committed with the event, and whichever worker comes next sends it once.

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mailOutbox, users } from "../../db/schema.ts";
import { createTestApp, testConfig } from "../../testing/app.ts";
import { raiseNotifications } from "./events.ts";
import { deliverMail } from "./mail.ts";
import { eventually, startSmtpServer } from "./smtp.fixture.ts";
import { startNotificationWorker } from "./worker.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let userId = 0;
const quiet = { info: () => {}, error: () => {} };
const config = () =>
  testConfig({
    publicUrl: "https://tertial.example.no",
    notifications: { smtpUrl: smtp.url, mailFrom: "tertial@example.no", digestHour: 7, reminderDays: [7, 1] },
  });

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  const person = await t.make.user({ username: "kari" });
  userId = person.id;
  await t.db
    .update(users)
    .set({ email: "kari@example.no", notifyMode: "immediate" })
    .where(eq(users.id, userId));
});

afterAll(async () => {
  await smtp.close();
  await t.close();
});

const raise = (key: string) =>
  t.db.transaction((tx) =>
    raiseNotifications(tx, [
      {
        userId,
        kind: "measure_overdue",
        eventKey: key,
        path: "/measures/1",
        params: { measure: key, deadline: "2024-05-15" },
      },
    ]),
  );

const outbox = (measure: string) =>
  t.db
    .select()
    .from(mailOutbox)
    .where(sql`${mailOutbox.subject} like ${`%${measure}%`}`);

it("sends a mail queued before the worker stopped once, when the next worker starts", async () => {
  // A worker that does not ask for jobs again for an hour: it queues, and stops before it sends.
  const first = await startNotificationWorker(t.database, config(), quiet, {
    schedule: false,
    pollingIntervalSeconds: 3600,
  });
  await raise("before-crash");
  expect((await outbox("before-crash"))[0]?.status).toBe("queued");
  await first.stop({ graceful: false });
  expect(smtp.received).toEqual([]);

  const second = await startNotificationWorker(t.database, config(), quiet, {
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
  try {
    await eventually(async () => (await outbox("before-crash"))[0]?.status === "sent");
    // Its start-up sweep queued the same mail again; the job and the outbox keep it to one.
    expect(await second.sweep()).toBe(0);
    expect(smtp.received.filter((m) => m.subject.includes("before-crash"))).toHaveLength(1);
    expect((await outbox("before-crash"))[0]?.attempts).toBe(1);
  } finally {
    await second.stop();
  }
});

it("sends a queued mail whose job was lost, from the outbox, once", async () => {
  const first = await startNotificationWorker(t.database, config(), quiet, {
    schedule: false,
    pollingIntervalSeconds: 3600,
  });
  await raise("job-lost");
  await first.stop({ graceful: false });
  // The job queue loses the job (a restore of an older copy, say); the outbox still has the mail.
  await t.db.execute(sql`delete from pgboss.job where name = 'tertial-send-mail'`);

  const second = await startNotificationWorker(t.database, config(), quiet, {
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
  try {
    await eventually(async () => (await outbox("job-lost"))[0]?.status === "sent");
    expect(smtp.received.filter((m) => m.subject.includes("job-lost"))).toHaveLength(1);
  } finally {
    await second.stop();
  }
});

it("does not send a mail that was sent already, whoever is handed it again", async () => {
  const [sent] = await outbox("before-crash");
  if (!sent) throw new Error("no mail");
  let calls = 0;
  const send = async () => {
    calls += 1;
  };
  expect(await deliverMail(t.db, sent.id, send, { lock: false })).toBe("already_done");
  expect(calls).toBe(0);
});

it("keeps a failed attempt's error, and marks the mail failed after the last attempt", async () => {
  const worker = await startNotificationWorker(t.database, config(), quiet, {
    schedule: false,
    pollingIntervalSeconds: 3600,
  });
  await raise("refused");
  await worker.stop({ graceful: false });
  const [mail] = await outbox("refused");
  if (!mail) throw new Error("no mail");
  const refuse = async () => {
    throw new Error("550 mailbox unavailable");
  };
  expect(await deliverMail(t.db, mail.id, refuse, { lock: false })).toBe("retry");
  await t.db.update(mailOutbox).set({ attempts: 4 }).where(eq(mailOutbox.id, mail.id));
  expect(await deliverMail(t.db, mail.id, refuse, { lock: false })).toBe("failed");
  const [failed] = await outbox("refused");
  expect(failed).toMatchObject({ status: "failed", attempts: 5, lastError: "550 mailbox unavailable" });
});
