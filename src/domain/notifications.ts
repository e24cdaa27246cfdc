// Notifications and reminders: who is told what, when a reminder is due, and how the unsent
// notifications of a day become mails. Pure: the callers bring the people, dates and rows.

import type { Role } from "./unitKinds.ts";

export const notificationKinds = [
  "round_opened",
  "deadline_soon",
  "overdue",
  "answer_submitted",
  "answer_returned",
  "answer_approved",
  "measure_overdue",
  "gate_decision_requested",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person takes notifications by e-mail; in the app they always see them. */
export const notifyModes = ["digest", "immediate", "off"] as const;
export type NotifyMode = (typeof notifyModes)[number];

export const mailStatuses = ["queued", "sent", "failed"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** Sending a mail is tried this many times before it is marked failed. */
export const maxMailAttempts = 5;

export const defaultReminderDays: readonly number[] = [7, 1];

// ---- Who is told ----

export type Assignment = { userId: number; unitPath: string; role: Role };

/**
 * The people holding `role` on a unit, given there or on a unit above it (a role applies to the
 * unit and everything below). A system administrator may do anything but is not told about
 * everything: only those given the role are.
 */
export function holdersOf(assignments: readonly Assignment[], unitPath: string, role: Role): number[] {
  const ids = new Set<number>();
  for (const a of assignments) if (a.role === role && unitPath.startsWith(a.unitPath)) ids.add(a.userId);
  return [...ids].sort((x, y) => x - y);
}

/**
 * Who is told of an answer's step: the approvers of its unit when it is submitted; its editors
 * when it is returned or approved. Never the person who took the step (they know).
 */
export function answerStepRecipients(
  assignments: readonly Assignment[],
  unitPath: string,
  step: "submit" | "return" | "approve",
  actorId: number | null,
): { kind: NotificationKind; userIds: number[] } {
  const role: Role = step === "submit" ? "approver" : "editor";
  const kind: NotificationKind =
    step === "submit" ? "answer_submitted" : step === "return" ? "answer_returned" : "answer_approved";
  return { kind, userIds: holdersOf(assignments, unitPath, role).filter((id) => id !== actorId) };
}

/**
 * Who is told that a gate decision is asked for: the approvers of the programme's owner unit (given
 * there or above), who are the ones that decide its gates. Never the person who asked.
 */
export function gateRequestRecipients(
  assignments: readonly Assignment[],
  ownerPath: string,
  actorId: number | null,
): number[] {
  return holdersOf(assignments, ownerPath, "approver").filter((id) => id !== actorId);
}

/** The editors of any of these units, each once: told once per round, not once per answer. */
export function editorsOfUnits(assignments: readonly Assignment[], unitPaths: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const path of unitPaths) for (const id of holdersOf(assignments, path, "editor")) ids.add(id);
  return [...ids].sort((x, y) => x - y);
}

/** The key that makes an event about an item reach a person once. */
export function eventKey(kind: NotificationKind, item: string, stage?: string | number): string {
  return stage === undefined ? `${kind}:${item}` : `${kind}:${item}:${stage}`;
}

// ---- Dates ----

const dayMs = 86_400_000;

/** An ISO day moved by whole days; UTC throughout, so no daylight-saving hour slips in. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO days); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** 0 Sunday … 6 Saturday. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * The day a reminder `daysBefore` the deadline is sent: that day, or the Friday before when it
 * falls on a weekend, since nobody reads a Saturday reminder before Monday.
 */
export function reminderDay(deadline: string, daysBefore: number): string {
  const day = addDays(deadline, -daysBefore);
  const dow = weekday(day);
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, -2) : day;
}

/** The reminder days as configured: whole, positive, each once, largest first. */
export function normaliseReminderDays(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => b - a);
}

export type DeadlineStage =
  | { kind: "none" }
  | { kind: "deadline_soon"; stage: number; daysLeft: number }
  | { kind: "overdue"; daysLate: number };

/**
 * What a deadline calls for today: nothing yet, the nearest reminder stage whose day has come (so
 * a check missed for a day still sends it, and only the latest stage), or overdue once the
 * deadline day has passed. The deadline day itself is still in time.
 */
export function deadlineStage(
  deadline: string,
  today: string,
  reminderDays: readonly number[],
): DeadlineStage {
  const left = daysBetween(today, deadline);
  if (left < 0) return { kind: "overdue", daysLate: -left };
  const reached = normaliseReminderDays(reminderDays).filter((d) => reminderDay(deadline, d) <= today);
  const stage = reached.at(-1);
  return stage === undefined ? { kind: "none" } : { kind: "deadline_soon", stage, daysLeft: left };
}

/** Today's day and hour in Norway (Europe/Oslo), whatever the server's own time zone. */
export function osloClock(now: Date): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/** Whether today's digest is due: from the configured hour in Norway on. */
export function digestDue(now: Date, digestHour: number): { due: boolean; day: string } {
  const clock = osloClock(now);
  return { due: clock.hour >= digestHour, day: clock.day };
}

// ---- From notifications to mails ----

export type Pending = { id: number; userId: number; mode: NotifyMode; hasAddress: boolean };

export type MailPlan = {
  /** One mail for each: the people who want mail at once. */
  immediate: number[];
  /** One mail per person, with all of their notifications. */
  digests: { userId: number; notificationIds: number[] }[];
  /** Never mailed: the person takes no mail, or has no address. */
  letGo: number[];
};

/**
 * Splits unmailed notifications by their person's choice. Digest notifications wait for the
 * digest; `digestNow` says whether its hour has come.
 */
export function planMails(pending: readonly Pending[], digestNow: boolean): MailPlan {
  const plan: MailPlan = { immediate: [], digests: [], letGo: [] };
  const byUser = new Map<number, number[]>();
  for (const n of [...pending].sort((a, b) => a.id - b.id)) {
    if (n.mode === "off" || !n.hasAddress) plan.letGo.push(n.id);
    else if (n.mode === "immediate") plan.immediate.push(n.id);
    else if (digestNow) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n.id]);
  }
  plan.digests = [...byUser].map(([userId, notificationIds]) => ({ userId, notificationIds }));
  return plan;
}

/** The item's full address, or its path alone when the public address is not configured. */
export function itemLink(publicUrl: string | undefined, path: string): string {
  return publicUrl ? `${publicUrl}${path}` : path;
}
