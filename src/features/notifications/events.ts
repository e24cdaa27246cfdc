// Raising notifications. Called inside the transaction of the event (a round opened, an answer's
// step) or of the daily check, so an action rolled back tells no one. A person who wants mail at
// once gets the mail written to the outbox, and its sending job queued, in that same transaction.

import type { Db } from "../../db/client.ts";
import {
  type Assignment,
  answerStepRecipients,
  editorsOfUnits,
  eventKey,
  gateRequestRecipients,
  planMails,
} from "../../domain/notifications.ts";
import { currentMailQueue } from "./mailQueue.ts";
import {
  insertNotifications,
  insertOutbox,
  markMailed,
  type NewNotification,
  selectAssignments,
  selectRecipients,
} from "./queries.ts";
import { singleMail } from "./words.ts";

/** Stores the notifications not given before and mails those of people who want mail at once. */
export async function raiseNotifications(tx: Db, rows: readonly NewNotification[]): Promise<number> {
  const inserted = await insertNotifications(tx, rows);
  const queue = currentMailQueue();
  // Without a mail server Tertial notifies in the app only; the notifications stay unmailed.
  if (inserted.length === 0 || !queue) return inserted.length;
  const people = new Map(
    (await selectRecipients(tx, [...new Set(inserted.map((n) => n.userId))])).map((p) => [p.id, p]),
  );
  const plan = planMails(
    inserted.map((n) => {
      const person = people.get(n.userId);
      return {
        id: n.id,
        userId: n.userId,
        mode: person?.notifyMode ?? "off",
        hasAddress: Boolean(person?.email?.trim()),
      };
    }),
    false,
  );
  await markMailed(tx, plan.letGo);
  for (const id of plan.immediate) {
    const n = inserted.find((row) => row.id === id);
    const person = n && people.get(n.userId);
    if (!n || !person?.email) continue;
    const mail = singleMail(person.locale, queue.publicUrl, n);
    const outboxId = await insertOutbox(tx, {
      userId: person.id,
      dedupeKey: `notification:${n.id}`,
      recipient: person.email.trim(),
      notificationCount: 1,
      ...mail,
    });
    await markMailed(tx, [n.id]);
    if (outboxId !== undefined) await queue.enqueue(tx, outboxId);
  }
  return inserted.length;
}

type UnitRef = { id: number; name: string; path: string };

/** A round opened: the editors of every unit that answers in it, once each. */
export async function notifyRoundOpened(
  tx: Db,
  event: {
    roundId: number;
    period: string;
    deadline: string;
    document: string;
    units: readonly UnitRef[];
    actorId: number | null;
  },
) {
  const assignments = await selectAssignments(tx);
  const userIds = editorsOfUnits(
    assignments,
    event.units.map((u) => u.path),
  ).filter((id) => id !== event.actorId);
  await raiseNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: "round_opened" as const,
      eventKey: eventKey("round_opened", `round:${event.roundId}`),
      path: `/rounds/${event.roundId}`,
      params: { period: event.period, deadline: event.deadline, document: event.document },
    })),
  );
}

/**
 * An answer submitted (to its approvers), returned or approved (to its editors). The answer's new
 * version is in the key: a second submission after a return is a new event.
 */
export async function notifyAnswerStep(
  tx: Db,
  event: {
    action: string;
    answerId: number;
    version: number;
    unit: UnitRef;
    requirement: string;
    document: string;
    period: string;
    actorId: number | null;
  },
  assignments?: readonly Assignment[],
) {
  if (event.action !== "submit" && event.action !== "return" && event.action !== "approve") return;
  const { kind, userIds } = answerStepRecipients(
    assignments ?? (await selectAssignments(tx)),
    event.unit.path,
    event.action,
    event.actorId,
  );
  await raiseNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind,
      eventKey: eventKey(kind, `answer:${event.answerId}`, `v${event.version}`),
      path: `/answers/${event.answerId}`,
      params: {
        unit: event.unit.name,
        requirement: event.requirement,
        document: event.document,
        period: event.period,
      },
    })),
  );
}

/**
 * A gate decision asked for: the approvers of the programme's owner, who decide it. The gate's
 * new version is in the key: asking again (with a new text) is a new event.
 */
export async function notifyGateDecisionRequested(
  tx: Db,
  event: {
    programme: { id: number; code: string; title: string };
    owner: UnitRef;
    gate: { id: number; name: string; toPhase: number; version: number };
    actorId: number | null;
  },
) {
  const userIds = gateRequestRecipients(await selectAssignments(tx), event.owner.path, event.actorId);
  await raiseNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: "gate_decision_requested" as const,
      eventKey: eventKey("gate_decision_requested", `gate:${event.gate.id}`, `v${event.gate.version}`),
      path: `/programmes/${event.programme.id}`,
      params: {
        unit: event.owner.name,
        gate: event.gate.name,
        phase: event.gate.toPhase,
        code: event.programme.code,
        programme: event.programme.title,
      },
    })),
  );
}
