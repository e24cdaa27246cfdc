// What surrounds the answer being written: the unit's answer from the period before, the next
// answer waiting for the person in the round, the inbox whose counts agree with its lists, and
// the start page's reporting progress for people who follow rather than write.

import { beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  answerFor,
  current,
  json,
  openRoundsWithOneSubmittedAnswer,
  region,
  requirement,
  roundId,
  setUpReportingApp,
  trustA,
  trustB,
} from "./reporting.fixture.ts";

setUpReportingApp();

type Detail = Answer & {
  previous: { answerId: number; period: string; text: string; state: string } | null;
  next: { answerId: number; requirement: { number: string }; unit: { id: number }; remaining: number } | null;
};
type Item = { answerId: number; overdue: boolean; daysOverdue?: number };
type Inbox = {
  counts: { toWrite: number; returned: number; toApprove: number; overdue: number };
  toWrite: Item[];
  returned: Item[];
  toApprove: Item[];
  overdue: Item[];
};
type Progress = {
  rounds: { period: string; counts: { total: number; overdue: number } }[];
  overdue: { count: number; items: Item[] };
};

const detail = (answerId: number, who: string) => json<Detail>("GET", who, `/api/answers/${answerId}`);

beforeAll(openRoundsWithOneSubmittedAnswer);

describe("the unit's previous answer", () => {
  it("is the same requirement's answer in the tertial before", async () => {
    const t1 = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
    const t2 = await answerFor(await roundId("2024-T2"), trustA.id, requirement.everyTertial);
    const shown = await detail(t2.id, "taEditor");
    expect(shown.previous).toMatchObject({
      answerId: t1.id,
      period: "2024-T1",
      text: "Sykefraværet er redusert ved to av tre klinikker.",
      state: "submitted",
    });
  });

  it("is the second tertial's for the annual report, and none in the first period", async () => {
    const t2 = await answerFor(await roundId("2024-T2"), trustA.id, requirement.everyTertial);
    const year = await answerFor(await roundId("2024"), trustA.id, requirement.everyTertial);
    expect((await detail(year.id, "taReader")).previous?.answerId).toBe(t2.id);
    const t1 = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
    expect((await detail(t1.id, "taEditor")).previous).toBeNull();
  });

  it("keeps to the same unit and kind: the consolidated answer's is the consolidated one", async () => {
    const t1 = await answerFor(await roundId("2024-T1"), region.id, requirement.everyTertial);
    const t2 = await answerFor(await roundId("2024-T2"), region.id, requirement.everyTertial);
    expect((await detail(t2.id, "regEditor")).previous?.answerId).toBe(t1.id);
    // Requirement 3 is first reported at T2: nothing before.
    const joint = await answerFor(await roundId("2024-T2"), trustB.id, requirement.joint);
    expect((await detail(joint.id, "tbEditor")).previous).toBeNull();
  });
});

describe("the next answer waiting in the round", () => {
  it("is the next requirement of the unit, then from the start again", async () => {
    const t2 = await roundId("2024-T2");
    const first = await answerFor(t2, trustA.id, requirement.everyTertial);
    const third = await answerFor(t2, trustA.id, requirement.joint);
    expect((await detail(first.id, "taEditor")).next).toMatchObject({
      answerId: third.id,
      requirement: { number: "3" },
      remaining: 1,
    });
    expect((await detail(third.id, "taEditor")).next?.answerId).toBe(first.id);
  });

  it("stays in place after the answer is submitted and no longer waits", async () => {
    const t2 = await roundId("2024-T2");
    const first = await answerFor(t2, trustA.id, requirement.everyTertial);
    const third = await answerFor(t2, trustA.id, requirement.joint);
    const saved = await json<Answer>("PATCH", "taEditor", `/api/answers/${first.id}`, {
      version: first.version,
      status: "fulfilled",
      text: "Ferdig.",
    });
    await json("POST", "taEditor", `/api/answers/${first.id}/submit`, { version: saved.version });
    expect((await detail(first.id, "taEditor")).next).toMatchObject({ answerId: third.id, remaining: 1 });
    // For the approver, the submitted answers of the round are the work.
    const t1Answer = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
    expect((await detail(t1Answer.id, "taApprover")).next).toBeNull();
    expect((await detail(third.id, "taApprover")).next).toMatchObject({ answerId: first.id, remaining: 1 });
  });

  it("is none for a reader, who has no work", async () => {
    const first = await answerFor(await roundId("2024-T2"), trustA.id, requirement.everyTertial);
    expect((await detail(first.id, "taReader")).next).toBeNull();
  });
});

describe("the inbox's counts", () => {
  const asOf = "2024-10-01";
  const inboxOf = (who: string) => json<Inbox>("GET", who, `/api/inbox?asOf=${asOf}`);

  it("come from the lists themselves: the overdue count is the overdue list, the late ones of the work", async () => {
    for (const who of ["taEditor", "taApprover", "regEditor", "tbEditor"]) {
      const inbox = await inboxOf(who);
      const work = [...inbox.returned, ...inbox.toWrite, ...inbox.toApprove];
      expect([who, inbox.counts.toWrite, inbox.counts.returned, inbox.counts.toApprove]).toEqual([
        who,
        inbox.toWrite.length,
        inbox.returned.length,
        inbox.toApprove.length,
      ]);
      expect([who, inbox.counts.overdue]).toEqual([who, inbox.overdue.length]);
      expect(inbox.overdue.map((i) => i.answerId).sort()).toEqual(
        work
          .filter((i) => i.overdue)
          .map((i) => i.answerId)
          .sort(),
      );
      for (const item of inbox.overdue) expect(item.daysOverdue).toBeGreaterThan(0);
    }
  });

  it("count late work: the editor's T1 and T2 drafts are past their deadlines", async () => {
    const inbox = await inboxOf("tbEditor");
    // Trust B writes requirement 1 at T1, 1 and 3 at T2, and 1, 2 and 3 in the year; T1 and T2 are late.
    expect(inbox.counts.toWrite).toBe(6);
    expect(inbox.counts.overdue).toBe(3);
  });
});

describe("the start page's reporting progress", () => {
  it("gives a reader the open rounds counted over the answers they may read, and the late ones", async () => {
    const asOf = "2024-10-01";
    const progress = await json<Progress>("GET", "taReader", `/api/reporting/progress?asOf=${asOf}`);
    expect(progress.rounds.map((r) => r.period)).toEqual(["2024-T1", "2024-T2", "2024"]);
    // Trust A's answers only: 1 at T1, 2 at T2, 3 in the year.
    expect(progress.rounds.map((r) => r.counts.total)).toEqual([1, 2, 3]);
    const overdue = await json<Progress["overdue"]>("GET", "taReader", `/api/overdue?asOf=${asOf}`);
    expect(progress.overdue).toEqual(overdue);
    expect(progress.overdue.count).toBe(progress.rounds.reduce((sum, r) => sum + r.counts.overdue, 0));
  });

  it("counts the whole region for the region's reader", async () => {
    const progress = await json<Progress>("GET", "regReader", "/api/reporting/progress?asOf=2024-06-01");
    expect(progress.rounds.map((r) => r.counts.total)).toEqual([4, 8, 11]);
    expect(progress.rounds[0]?.counts.overdue).toBe(progress.overdue.count);
  });

  it("does not change what the answer says", async () => {
    const t1 = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
    expect((await current(t1.id)).state).toBe("submitted");
  });
});
