// The scheduled check behind the time-based notifications: a deadline coming, a deadline passed,
// a measure past its deadline. It may run any number of times a day, on any number of servers:
// each notification's key (person + event + item + stage) lets it be given once.

import type { Db } from "../../db/client.ts";
import { deadlineStage, editorsOfUnits, eventKey } from "../../domain/notifications.ts";
import { raiseNotifications } from "./events.ts";
import {
  type NewNotification,
  selectAssignments,
  selectOverdueMeasures,
  selectRoundsWithDrafts,
} from "./queries.ts";

export type CheckResult = { notifications: number };

/** Raises what `today` (a day in Norway) calls for, in one transaction. */
export async function runDailyCheck(
  db: Db,
  options: { today: string; reminderDays: readonly number[] },
): Promise<CheckResult> {
  return db.transaction(async (tx) => {
    const assignments = await selectAssignments(tx);
    const rows: NewNotification[] = [];
    const byRound = new Map<number, Awaited<ReturnType<typeof selectRoundsWithDrafts>>>();
    for (const row of await selectRoundsWithDrafts(tx)) {
      byRound.set(row.roundId, [...(byRound.get(row.roundId) ?? []), row]);
    }
    for (const [roundId, unitRows] of byRound) {
      const { deadline, period, document } = unitRows[0] as (typeof unitRows)[number];
      const stage = deadlineStage(deadline, options.today, options.reminderDays);
      if (stage.kind === "none") continue;
      // One notification per person and round, naming the units of theirs that have not answered.
      const unitsOf = new Map<number, string[]>();
      for (const unit of unitRows) {
        for (const userId of editorsOfUnits(assignments, [unit.unitPath])) {
          unitsOf.set(userId, [...(unitsOf.get(userId) ?? []), unit.unitName]);
        }
      }
      const item = `round:${roundId}:${deadline}`;
      for (const [userId, names] of unitsOf) {
        rows.push({
          userId,
          kind: stage.kind,
          eventKey:
            stage.kind === "deadline_soon"
              ? eventKey(stage.kind, item, stage.stage)
              : eventKey(stage.kind, item),
          path: `/rounds/${roundId}`,
          params: {
            period,
            document,
            deadline,
            unit: names.join(", "),
            ...(stage.kind === "deadline_soon" ? { days: stage.daysLeft } : { days: stage.daysLate }),
          },
        });
      }
    }
    for (const measure of await selectOverdueMeasures(tx, options.today)) {
      rows.push({
        userId: measure.ownerUserId,
        kind: "measure_overdue",
        // A new deadline that passes too is told again.
        eventKey: eventKey("measure_overdue", `measure:${measure.id}:${measure.deadline}`),
        path: `/measures/${measure.id}`,
        params: { measure: measure.title, deadline: measure.deadline },
      });
    }
    return { notifications: await raiseNotifications(tx, rows) };
  });
}
