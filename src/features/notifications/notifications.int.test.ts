// Notifications end to end: events in the reporting workflow become notifications in the bell and
// mails that a real SMTP server (started here) receives, in each person's language, with links.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema.ts";
import { testConfig } from "../../testing/app.ts";
import {
  answerFor,
  call,
  json,
  openRound,
  publishDocument,
  requirement,
  setUpReportingApp,
  t,
  trustA,
} from "../reporting/reporting.fixture.ts";
import { eventually, startSmtpServer } from "./smtp.fixture.ts";
import { type NotificationWorker, startNotificationWorker } from "./worker.ts";

setUpReportingApp();

type Page = {
  notifications: { id: number; kind: string; text: string; path: string; read: boolean }[];
  unreadCount: number;
};

const publicUrl = "https://tertial.example.no";
const address = (username: string) => `${username}@example.no`;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: NotificationWorker;
let today = new Date("2024-04-02T10:00:00Z");
let roundId = 0;

async function setPerson(username: string, values: Partial<typeof users.$inferInsert>) {
  await t.db
    .update(users)
    .set({ email: address(username), ...values })
    .where(eq(users.username, username));
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  await setPerson("taEditor", { notifyMode: "immediate" });
  await setPerson("taEditor2", { notifyMode: "immediate", locale: "en" });
  await setPerson("taApprover", { notifyMode: "digest" });
  await setPerson("tbEditor", { notifyMode: "off" });
  const config = testConfig({
    publicUrl,
    notifications: {
      smtpUrl: smtp.url,
      mailFrom: "Tertial <tertial@example.no>",
      digestHour: 7,
      reminderDays: [7, 1],
    },
  });
  worker = await startNotificationWorker(
    t.database,
    config,
    { info: () => {}, error: () => {} },
    { schedule: false, pollingIntervalSeconds: 0.5, now: () => today },
  );
  await publishDocument();
  roundId = (await openRound("2024-T1", "2024-05-15")).id;
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
});

const page = (who: string) => json<Page>("GET", who, "/api/notifications");

describe("a round opened", () => {
  it("tells each editor of the units that answer, in the app, not the person who opened it", async () => {
    const { notifications, unreadCount } = await page("taEditor");
    expect(unreadCount).toBe(1);
    expect(notifications[0]).toMatchObject({ kind: "round_opened", path: `/rounds/${roundId}`, read: false });
    expect(notifications[0]?.text).toBe(
      "Rapporteringen 2024-T1 for «Styringskrav og rammer 2024» er åpnet. Fristen er 15.05.2024.",
    );
    expect((await page("tbEditor")).unreadCount).toBe(1);
    expect((await page("regApprover")).unreadCount).toBe(0);
    expect((await page("taApprover")).unreadCount).toBe(0);
  });

  it("mails the people who want mail at once, in their language, with the full link", async () => {
    await eventually(
      () => smtp.to(address("taEditor")).length > 0 && smtp.to(address("taEditor2")).length > 0,
    );
    const [bokmal] = smtp.to(address("taEditor"));
    expect(bokmal?.subject).toBe("Tertial: Rapporteringen 2024-T1 er åpnet");
    expect(bokmal?.text).toContain("Rapporteringen 2024-T1 for «Styringskrav og rammer 2024» er åpnet.");
    expect(bokmal?.text).toContain(`Åpne: ${publicUrl}/rounds/${roundId}`);
    const [english] = smtp.to(address("taEditor2"));
    expect(english?.subject).toBe("Tertial: Reporting 2024-T1 is open");
    expect(english?.text).toContain("The deadline is 15 May 2024.");
    expect(english?.text).toContain(`Open: ${publicUrl}/rounds/${roundId}`);
  });

  it("sends no mail to a person who chose none, and none yet to a digest person", () => {
    expect(smtp.to(address("tbEditor"))).toEqual([]);
    expect(smtp.to(address("taApprover"))).toEqual([]);
  });
});

describe("answers submitted, returned and approved", () => {
  let answerId = 0;

  it("tells no one of a submission that is refused", async () => {
    const answer = await answerFor(roundId, trustA.id, requirement.everyTertial);
    answerId = answer.id;
    const refused = await call("POST", "taEditor", `/api/answers/${answer.id}/submit`, {
      version: answer.version,
    });
    expect(refused.statusCode).toBe(400);
    expect((await page("taApprover")).unreadCount).toBe(0);
  });

  it("tells the unit's approvers of a submission, and its editors of a return", async () => {
    const current = await json<{ version: number }>("GET", "taEditor", `/api/answers/${answerId}`);
    const saved = await json<{ version: number }>("PATCH", "taEditor", `/api/answers/${answerId}`, {
      version: current.version,
      status: "fulfilled",
      text: "Gjort.",
    });
    const submitted = await json<{ version: number }>("POST", "taEditor", `/api/answers/${answerId}/submit`, {
      version: saved.version,
    });
    const approverPage = await page("taApprover");
    expect(approverPage.notifications[0]).toMatchObject({
      kind: "answer_submitted",
      path: `/answers/${answerId}`,
    });
    expect(approverPage.notifications[0]?.text).toContain("Trust A HF har sendt inn svaret på krav 1");
    // The writer who submitted is not told of their own step.
    expect((await page("taEditor")).notifications.map((n) => n.kind)).not.toContain("answer_submitted");

    await json("POST", "taApprover", `/api/answers/${answerId}/return`, {
      version: submitted.version,
      comment: "Skriv mer.",
    });
    await eventually(
      () =>
        smtp
          .to(address("taEditor2"))
          .some((mail) => mail.subject === "Tertial: Answer returned: Trust A HF") &&
        smtp
          .to(address("taEditor"))
          .some((mail) => mail.subject === "Tertial: Svar sendt tilbake: Trust A HF"),
    );
    const returned = smtp.to(address("taEditor")).find((mail) => mail.subject.includes("sendt tilbake"));
    expect(returned?.text).toContain(`${publicUrl}/answers/${answerId}`);
  });

  it("gathers a digest person's notifications into one mail at the digest, and only once a day", async () => {
    const current = await json<{ version: number }>("GET", "taEditor", `/api/answers/${answerId}`);
    await json("POST", "taEditor", `/api/answers/${answerId}/submit`, { version: current.version });
    expect((await page("taApprover")).unreadCount).toBe(2);

    expect(await worker.runDigest({ force: true })).toBe(1);
    await eventually(() => smtp.to(address("taApprover")).length > 0);
    const [digest] = smtp.to(address("taApprover"));
    expect(digest?.subject).toBe("2 nye varsler i Tertial");
    expect(digest?.text.match(/har sendt inn svaret på krav 1/g)).toHaveLength(2);
    expect(digest?.text).toContain(`${publicUrl}/answers/${answerId}`);
    expect(await worker.runDigest({ force: true })).toBe(0);
  });
});

describe("an answer approved", () => {
  it("tells the unit's editors", async () => {
    const answer = await answerFor(roundId, trustA.id, requirement.everyTertial);
    await json("POST", "taApprover", `/api/answers/${answer.id}/approve`, { version: answer.version });
    const newest = (await page("taEditor2")).notifications[0];
    expect(newest).toMatchObject({ kind: "answer_approved", path: `/answers/${answer.id}` });
    await eventually(() =>
      smtp.to(address("taEditor2")).some((mail) => mail.subject === "Tertial: Answer approved: Trust A HF"),
    );
  });
});

describe("the daily check", () => {
  it("reminds the editors of units that have not submitted, once per stage, and says when it is overdue", async () => {
    today = new Date("2024-05-08T08:00:00Z");
    await worker.runCheck();
    await worker.runCheck();
    const soon = (await page("tbEditor")).notifications.filter((n) => n.kind === "deadline_soon");
    expect(soon).toHaveLength(1);
    expect(soon[0]?.text).toContain("om 7 dager (15.05.2024)");
    expect(soon[0]?.text).toContain("Svar fra Trust B HF er ikke sendt inn.");

    today = new Date("2024-05-16T08:00:00Z");
    await worker.runCheck();
    await worker.runCheck();
    const overdue = (await page("tbEditor")).notifications.filter((n) => n.kind === "overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.text).toContain("gikk ut 15.05.2024");
  });
});

describe("a measure past its deadline", () => {
  it("tells its owner once, and again only when a new deadline passes", async () => {
    const [owner] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "tbEditor"));
    const measure = await json<{ id: number; version: number }>("POST", "taEditor", "/api/measures", {
      responsibleUnitId: trustA.id,
      title: "Flere sykepleiere i turnus",
      ownerUserId: owner?.id,
      phase: "in_progress",
      deadline: "2024-05-31",
    });
    today = new Date("2024-06-03T08:00:00Z");
    await worker.runCheck();
    await worker.runCheck();
    const told = (await page("tbEditor")).notifications.filter((n) => n.kind === "measure_overdue");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ path: `/measures/${measure.id}` });
    expect(told[0]?.text).toBe("Tiltaket «Flere sykepleiere i turnus» har passert fristen 31.05.2024.");
  });
});

describe("the API", () => {
  it("marks one read, refuses another person's, and marks all read", async () => {
    const mine = await page("tbEditor");
    const first = mine.notifications[0];
    if (!first) throw new Error("no notification");
    const other = await call("POST", "taEditor", `/api/notifications/${first.id}/read`);
    expect(other.statusCode).toBe(404);
    const read = await json<{ read: boolean }>("POST", "tbEditor", `/api/notifications/${first.id}/read`);
    expect(read.read).toBe(true);
    expect((await page("tbEditor")).unreadCount).toBe(mine.unreadCount - 1);
    const all = await json<{ marked: number }>("POST", "tbEditor", "/api/notifications/read-all");
    expect(all.marked).toBe(mine.unreadCount - 1);
    expect(
      (await json<{ unreadCount: number }>("GET", "tbEditor", "/api/notifications/unread-count")).unreadCount,
    ).toBe(0);
    const audit = await json<{ entries: { action: string }[] }>(
      "GET",
      "root",
      "/api/audit?entityType=notification",
    );
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["notification_read", "notifications_read_all"]),
    );
  });

  it("keeps each person's e-mail choice, and refuses one that is not offered", async () => {
    expect(await json("GET", "taApprover", "/api/notifications/preferences")).toEqual({
      notifyMode: "digest",
      hasEmail: true,
      mailEnabled: false,
    });
    const changed = await json<{ notifyMode: string }>(
      "PUT",
      "taApprover",
      "/api/notifications/preferences",
      {
        notifyMode: "immediate",
      },
    );
    expect(changed.notifyMode).toBe("immediate");
    const bad = await call("PUT", "taApprover", "/api/notifications/preferences", { notifyMode: "hourly" });
    expect(bad.statusCode).toBe(400);
  });

  it("shows sent mail to system administrators only", async () => {
    expect((await call("GET", "taAdmin", "/api/notifications/mail?limit=abc")).statusCode).toBe(403);
    const log = await json<{ mails: { recipient: string; status: string; subject: string }[] }>(
      "GET",
      "root",
      "/api/notifications/mail",
    );
    expect(log.mails.some((m) => m.recipient === address("taApprover") && m.status === "sent")).toBe(true);
    expect(log.mails.every((m) => m.recipient !== address("tbEditor"))).toBe(true);
  });

  it("bounds ids", async () => {
    expect((await call("POST", "taEditor", "/api/notifications/99999999999999999999/read")).statusCode).toBe(
      400,
    );
    expect((await call("GET", "taEditor", "/api/notifications?limit=1000")).statusCode).toBe(400);
  });
});
