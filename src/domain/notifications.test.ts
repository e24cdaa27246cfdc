import { describe, expect, it } from "vitest";
import {
  type Assignment,
  addDays,
  answerStepRecipients,
  daysBetween,
  deadlineStage,
  digestDue,
  editorsOfUnits,
  eventKey,
  gateRequestRecipients,
  holdersOf,
  itemLink,
  normaliseReminderDays,
  osloClock,
  planMails,
  reminderDay,
} from "./notifications.ts";

// Region /1/ with trusts /1/2/ and /1/3/.
const assignments: Assignment[] = [
  { userId: 1, unitPath: "/1/2/", role: "editor" },
  { userId: 2, unitPath: "/1/2/", role: "approver" },
  { userId: 3, unitPath: "/1/", role: "editor" },
  { userId: 4, unitPath: "/1/3/", role: "editor" },
  { userId: 5, unitPath: "/1/2/", role: "reader" },
  { userId: 6, unitPath: "/1/", role: "approver" },
];

describe("who is told", () => {
  it("finds a role's holders on the unit and above it, not beside or below it", () => {
    expect(holdersOf(assignments, "/1/2/", "editor")).toEqual([1, 3]);
    expect(holdersOf(assignments, "/1/3/", "editor")).toEqual([3, 4]);
    expect(holdersOf(assignments, "/1/", "editor")).toEqual([3]);
    expect(holdersOf(assignments, "/1/2/", "reader")).toEqual([5]);
  });

  it("tells the approvers of a submission and the editors of a return or an approval", () => {
    expect(answerStepRecipients(assignments, "/1/2/", "submit", 1)).toEqual({
      kind: "answer_submitted",
      userIds: [2, 6],
    });
    expect(answerStepRecipients(assignments, "/1/2/", "return", 2)).toEqual({
      kind: "answer_returned",
      userIds: [1, 3],
    });
    expect(answerStepRecipients(assignments, "/1/2/", "approve", 2)).toEqual({
      kind: "answer_approved",
      userIds: [1, 3],
    });
  });

  it("never tells the person who took the step", () => {
    expect(answerStepRecipients(assignments, "/1/2/", "approve", 3).userIds).toEqual([1]);
    expect(answerStepRecipients(assignments, "/1/2/", "submit", 6).userIds).toEqual([2]);
  });

  it("tells the owner's approvers of a gate decision asked for, not its editors nor other units'", () => {
    expect(gateRequestRecipients(assignments, "/1/2/", 1)).toEqual([2, 6]);
    expect(gateRequestRecipients(assignments, "/1/3/", 4)).toEqual([6]);
    // An approver who asks (holding the editor role too) is not told of their own request.
    expect(gateRequestRecipients(assignments, "/1/2/", 2)).toEqual([6]);
  });

  it("tells an editor of several units of a round once", () => {
    expect(editorsOfUnits(assignments, ["/1/2/", "/1/3/", "/1/"])).toEqual([1, 3, 4]);
    expect(editorsOfUnits(assignments, [])).toEqual([]);
  });

  it("keys an event by kind, item and stage", () => {
    expect(eventKey("round_opened", "round:4")).toBe("round_opened:round:4");
    expect(eventKey("deadline_soon", "round:4:2024-05-15", 7)).toBe("deadline_soon:round:4:2024-05-15:7");
  });
});

describe("dates", () => {
  it("counts days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2025-01-03", -7)).toBe("2024-12-27");
    expect(daysBetween("2024-12-25", "2025-01-01")).toBe(7);
    expect(daysBetween("2025-01-01", "2024-12-31")).toBe(-1);
    // Across the change to summer time in Norway: still whole days.
    expect(daysBetween("2024-03-30", "2024-04-01")).toBe(2);
  });

  it("moves a reminder that falls on a weekend to the Friday before", () => {
    // 2024-05-15 is a Wednesday: 7 days before is Wednesday 8 May, 1 day before Tuesday 14 May.
    expect(reminderDay("2024-05-15", 7)).toBe("2024-05-08");
    expect(reminderDay("2024-05-15", 1)).toBe("2024-05-14");
    // Monday 6 January 2025: 1 day before is Sunday 5 January, so Friday 3 January.
    expect(reminderDay("2025-01-06", 1)).toBe("2025-01-03");
    // Sunday 5 January 2025 as the deadline: 1 day before is Saturday, so Friday 3 January.
    expect(reminderDay("2025-01-05", 1)).toBe("2025-01-03");
    // Across the year: 7 days before Saturday 4 January 2025 is Saturday 28 December 2024.
    expect(reminderDay("2025-01-04", 7)).toBe("2024-12-27");
  });

  it("takes reminder days whole, positive and once each, largest first", () => {
    expect(normaliseReminderDays([1, 7, 7, 0, -2, 2.5, 14])).toEqual([14, 7, 1]);
  });
});

describe("what a deadline calls for", () => {
  const days = [7, 1];

  it("is nothing before the first reminder day", () => {
    expect(deadlineStage("2024-05-15", "2024-05-07", days)).toEqual({ kind: "none" });
  });

  it("is the 7-day reminder from its day until the 1-day reminder's", () => {
    expect(deadlineStage("2024-05-15", "2024-05-08", days)).toEqual({
      kind: "deadline_soon",
      stage: 7,
      daysLeft: 7,
    });
    expect(deadlineStage("2024-05-15", "2024-05-13", days)).toMatchObject({ stage: 7, daysLeft: 2 });
  });

  it("is the 1-day reminder on the day before and on the deadline day, which is still in time", () => {
    expect(deadlineStage("2024-05-15", "2024-05-14", days)).toMatchObject({ stage: 1, daysLeft: 1 });
    expect(deadlineStage("2024-05-15", "2024-05-15", days)).toMatchObject({ stage: 1, daysLeft: 0 });
  });

  it("is overdue from the day after the deadline, across a year's end", () => {
    expect(deadlineStage("2024-12-31", "2025-01-01", days)).toEqual({ kind: "overdue", daysLate: 1 });
    expect(deadlineStage("2024-12-31", "2025-01-10", days)).toEqual({ kind: "overdue", daysLate: 10 });
  });

  it("reminds on Friday when the reminder day is a Sunday, and counts the real days left", () => {
    // Deadline Monday 6 January 2025; its 1-day reminder moves to Friday 3 January.
    expect(deadlineStage("2025-01-06", "2025-01-02", days)).toMatchObject({ stage: 7 });
    expect(deadlineStage("2025-01-06", "2025-01-03", days)).toEqual({
      kind: "deadline_soon",
      stage: 1,
      daysLeft: 3,
    });
  });

  it("sends the nearest stage when checks were missed, and nothing with no reminder days", () => {
    expect(deadlineStage("2024-05-15", "2024-05-14", [14, 7, 1])).toMatchObject({ stage: 1 });
    expect(deadlineStage("2024-05-15", "2024-05-14", [])).toEqual({ kind: "none" });
  });
});

describe("the digest's hour, in Norway", () => {
  it("reads the day and hour in Europe/Oslo, summer and winter", () => {
    expect(osloClock(new Date("2024-06-30T22:30:00Z"))).toEqual({ day: "2024-07-01", hour: 0 });
    expect(osloClock(new Date("2024-12-31T23:30:00Z"))).toEqual({ day: "2025-01-01", hour: 0 });
    expect(osloClock(new Date("2025-01-15T05:59:00Z"))).toEqual({ day: "2025-01-15", hour: 6 });
  });

  it("is due from the configured hour", () => {
    expect(digestDue(new Date("2025-01-15T05:59:00Z"), 7)).toEqual({ due: false, day: "2025-01-15" });
    expect(digestDue(new Date("2025-01-15T06:00:00Z"), 7)).toEqual({ due: true, day: "2025-01-15" });
    // 07:00 in summer is 05:00 UTC.
    expect(digestDue(new Date("2024-06-15T05:00:00Z"), 7).due).toBe(true);
  });
});

describe("from notifications to mails", () => {
  const pending = [
    { id: 5, userId: 1, mode: "digest" as const, hasAddress: true },
    { id: 3, userId: 1, mode: "digest" as const, hasAddress: true },
    { id: 4, userId: 2, mode: "immediate" as const, hasAddress: true },
    { id: 6, userId: 2, mode: "immediate" as const, hasAddress: true },
    { id: 7, userId: 3, mode: "off" as const, hasAddress: true },
    { id: 8, userId: 4, mode: "immediate" as const, hasAddress: false },
    { id: 9, userId: 5, mode: "digest" as const, hasAddress: true },
  ];

  it("gives each immediate notification its own mail and lets go of those nobody mails", () => {
    const plan = planMails(pending, false);
    expect(plan.immediate).toEqual([4, 6]);
    expect(plan.letGo).toEqual([7, 8]);
    expect(plan.digests).toEqual([]);
  });

  it("gathers each digest person's notifications, oldest first, into one mail at the digest", () => {
    expect(planMails(pending, true).digests).toEqual([
      { userId: 1, notificationIds: [3, 5] },
      { userId: 5, notificationIds: [9] },
    ]);
  });

  it("links to the full address when it is known, else to the path", () => {
    expect(itemLink("https://tertial.example.no", "/answers/4")).toBe("https://tertial.example.no/answers/4");
    expect(itemLink(undefined, "/answers/4")).toBe("/answers/4");
  });
});
