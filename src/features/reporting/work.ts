// A person's own work in open reporting rounds, as the inbox and the answer page's "next answer"
// both see it: answers to write (drafts, returned ones apart) on the units where the person is an
// editor themselves, and answers to approve (submitted) on the units where they are an approver.
// One definition, so that the inbox, its counts and "next answer" always agree.

import type { Db } from "../../db/client.ts";
import { daysOverdue, isOverdue } from "../../domain/workflow.ts";
import { selectWorkItems, type WorkItemRow } from "./queries.ts";
import type { OverdueItemView, WorkItemView } from "./schema.ts";

/** The units whose answers are a person's work: where they hold the role themselves, not the units below. */
export type WorkUnits = { editor: number[]; approver: number[] };

export function workUnitsOf(roles: readonly { unitId: number; role: string }[]): WorkUnits {
  const unitsWith = (role: string) => [...new Set(roles.filter((r) => r.role === role).map((r) => r.unitId))];
  return { editor: unitsWith("editor"), approver: unitsWith("approver") };
}

export type Work = { toWrite: WorkItemRow[]; returned: WorkItemRow[]; toApprove: WorkItemRow[] };

/** The person's work in open rounds (or in one round), each list soonest deadline first. */
export async function selectWork(db: Db, units: WorkUnits, roundId?: number): Promise<Work> {
  const scope = roundId === undefined ? {} : { roundId };
  const drafts = { unitIds: units.editor, states: ["draft" as const], ...scope };
  return {
    toWrite: await selectWorkItems(db, { ...drafts, returned: false }),
    returned: await selectWorkItems(db, { ...drafts, returned: true }),
    toApprove: await selectWorkItems(db, { unitIds: units.approver, states: ["submitted"], ...scope }),
  };
}

/** Every answer of the work once, in the work lists' order: deadline, document, requirement, unit. */
export function allWork(work: Work): WorkItemRow[] {
  const byId = new Map<number, WorkItemRow>();
  for (const row of [...work.returned, ...work.toWrite, ...work.toApprove]) byId.set(row.answerId, row);
  return [...byId.values()].sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) ||
      a.documentId - b.documentId ||
      a.requirementPosition - b.requirementPosition ||
      a.unitPath.localeCompare(b.unitPath),
  );
}

const excerpt = (text: string, length = 200) =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

export function presentWorkItem(row: WorkItemRow, asOf: string): WorkItemView {
  return {
    answerId: row.answerId,
    kind: row.kind,
    status: row.status,
    state: row.state,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    round: { id: row.roundId, period: row.period, deadline: row.deadline },
    document: { id: row.documentId, title: row.documentTitle },
    requirement: { id: row.requirementId, number: row.requirementNumber, text: excerpt(row.requirementText) },
    overdue: isOverdue(row.state, row.deadline, asOf),
  };
}

export function presentOverdueItem(row: WorkItemRow, asOf: string): OverdueItemView {
  return { ...presentWorkItem(row, asOf), daysOverdue: daysOverdue(row.deadline, asOf) };
}

/** The late ones among rows, with how many days late: one definition for every overdue list and count. */
export function overdueItems(rows: readonly WorkItemRow[], asOf: string): OverdueItemView[] {
  return rows
    .filter((row) => isOverdue(row.state, row.deadline, asOf))
    .map((row) => presentOverdueItem(row, asOf));
}
