// Two notification workers on one PostgreSQL database, as two servers behind a load balancer run
// them: every mail is sent once, and each digest person gets one digest.

import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mailOutbox, users } from "../../db/schema.ts";
import { createTestApp, testConfig } from "../../testing/app.ts";
import { raiseNotifications } from "./events.ts";
import { eventually, startSmtpServer } from "./smtp.fixture.ts";
import { type NotificationWorker, startNotificationWorker } from "./worker.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let workers: NotificationWorker[] = [];
const people: { id: number; email: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  for (let i = 0; i < 4; i++) {
    const person = await t.make.user({ username: `p${i}` });
    const email = `p${i}@example.no`;
    // Two want each mail at once, two a digest.
    await t.db
      .update(users)
      .set({ email, notifyMode: i < 2 ? "immediate" : "digest" })
      .where(eq(users.id, person.id));
    people.push({ id: person.id, email });
  }
  const config = testConfig({
    notifications: { smtpUrl: smtp.url, mailFrom: "tertial@example.no", digestHour: 0, reminderDays: [7, 1] },
  });
  const options = { schedule: false, pollingIntervalSeconds: 0.5 };
  const quiet = { info: () => {}, error: () => {} };
  workers = [
    await startNotificationWorker(t.database, config, quiet, options),
    await startNotificationWorker(t.database, config, quiet, options),
  ];
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await smtp?.close();
  await t?.close();
});

it("sends each mail once, and one digest per person, with two workers on one database", async () => {
  const events = 15;
  await t.db.transaction(async (tx) => {
    for (let n = 0; n < events; n++) {
      await raiseNotifications(
        tx,
        people.map((person) => ({
          userId: person.id,
          kind: "measure_overdue" as const,
          eventKey: `test:${n}`,
          path: `/measures/${n}`,
          params: { measure: `Tiltak ${n}`, deadline: "2024-05-15" },
        })),
      );
    }
  });
  // Both servers sweep and make digests at the same moment.
  await Promise.all(workers.flatMap((worker) => [worker.sweep(), worker.runDigest({ force: true })]));

  const immediate = people.slice(0, 2);
  const digest = people.slice(2);
  const expected = immediate.length * events + digest.length;
  await eventually(async () => {
    const rows = await t.db
      .select({ status: mailOutbox.status })
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.userId,
          people.map((p) => p.id),
        ),
      );
    return rows.length === expected && rows.every((row) => row.status === "sent");
  });
  // Nothing is left queued to send again.
  expect(await workers[0]?.sweep()).toBe(0);
  for (const person of immediate) {
    const subjects = smtp.to(person.email).map((mail) => mail.subject);
    expect(subjects).toHaveLength(events);
    expect(new Set(subjects).size).toBe(events);
  }
  for (const person of digest) {
    const mails = smtp.to(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`${events} nye varsler i Tertial`);
  }
});
