// What rounds, answers, joint texts and answer versions look like to the client.

import { type AnswerStatus, answerStatuses } from "../../db/schema.ts";
import { canManageRounds, type Principal } from "../../domain/access.ts";
import { reportingPointOf } from "../../domain/steering.ts";
import { todayIso } from "../../domain/units.ts";
import { type AnswerState, allowedActions, isOverdue as isLate } from "../../domain/workflow.ts";
import type { RequirementRow, UnitSummary } from "../steering/queries.ts";
import { capacitiesFor, type RoundContext, unitOf } from "./context.ts";
import type { AnswerRow, AnswerVersionRow, RoundRow } from "./queries.ts";
import type {
  AnswerCountsView,
  AnswerVersionView,
  AnswerView,
  JointTextView,
  RoundCapabilities,
  RoundView,
} from "./schema.ts";

// ---- Rounds ----

function roundCapabilities(principal: Principal, context: RoundContext): RoundCapabilities {
  const manages = canManageRounds(principal, context.issuer.path);
  return {
    close: manages && context.round.state === "open",
    reopen: manages && context.round.state === "closed",
  };
}

export function presentRound(
  principal: Principal,
  context: RoundContext,
  answersOfRound?: AnswerRow[],
  asOf = todayIso(),
): RoundView {
  const { round, document } = context;
  const counts = answersOfRound ? countAnswers(answersOfRound, round, asOf) : undefined;
  return {
    id: round.id,
    documentId: round.documentId,
    period: round.period,
    reportingPoint: reportingPointOf(round.period).point,
    deadline: round.deadline,
    state: round.state,
    closedAt: round.closedAt?.toISOString() ?? null,
    version: round.version,
    document: {
      id: document.id,
      title: document.title,
      year: document.year,
      versionNumber: document.versionNumber,
      issuingUnit: { id: context.issuer.id, code: context.issuer.code, name: context.issuer.name },
    },
    ...(counts ? { counts } : {}),
    can: roundCapabilities(principal, context),
  };
}

/** Past the deadline and not approved. The deadline day itself is still in time. */
export function isOverdue(answer: { state: AnswerState }, round: Pick<RoundRow, "deadline">, asOf: string) {
  return isLate(answer.state, round.deadline, asOf);
}

export function countAnswers(
  rows: readonly AnswerRow[],
  round: Pick<RoundRow, "deadline">,
  asOf: string,
): AnswerCountsView {
  const byStatus = Object.fromEntries(answerStatuses.map((s) => [s, 0])) as Record<AnswerStatus, number>;
  const byState: Record<AnswerState, number> = { draft: 0, submitted: 0, approved: 0 };
  let returned = 0;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    byState[row.state]++;
    if (row.state === "draft" && row.returnComment !== null) returned++;
    if (isOverdue(row, round, asOf)) overdue++;
  }
  return { total: rows.length, byStatus, byState, returned, overdue };
}

// ---- Answers ----

/** The lead unit's answer to a joint assignment, whose text every participant's report shows. */
export type JointAnswer = { answer: AnswerRow; lead: UnitSummary };

/** A joint text as shown beside an answer, labelled "Fellesrapport <lead>". */
export function presentJoint(joint: JointAnswer): JointTextView {
  return {
    label: `Fellesrapport ${joint.lead.name}`,
    leadUnit: { id: joint.lead.id, code: joint.lead.code, name: joint.lead.name },
    answerId: joint.answer.id,
    text: joint.answer.text,
    status: joint.answer.status,
    state: joint.answer.state,
  };
}

export function presentAnswer(
  principal: Principal,
  context: RoundContext,
  answer: AnswerRow,
  requirement: Pick<RequirementRow, "leadUnitId">,
  joint: JointAnswer | null = null,
  asOf = todayIso(),
): AnswerView {
  const unit = unitOf(context, answer.unitId);
  const roundOpen = context.round.state === "open";
  return {
    id: answer.id,
    roundId: answer.roundId,
    requirementId: answer.requirementId,
    kind: answer.kind,
    unit: unit
      ? { id: unit.id, code: unit.code, name: unit.name }
      : { id: answer.unitId, code: "", name: "" },
    status: answer.status,
    text: answer.text,
    state: answer.state,
    returnComment: answer.returnComment,
    updatedAt: answer.updatedAt.toISOString(),
    updatedBy: answer.updatedBy,
    version: answer.version,
    overdue: isOverdue(answer, context.round, asOf),
    allowedActions: allowedActions(answer.state, capacitiesFor(principal, context, answer), roundOpen),
    isJointLead: answer.kind === "unit" && requirement.leadUnitId === answer.unitId,
    // The lead's own answer does not show its text a second time.
    joint: joint && joint.answer.id !== answer.id ? presentJoint(joint) : null,
  };
}

// ---- Versions of an answer ----

export function presentVersion(row: AnswerVersionRow): AnswerVersionView {
  return {
    version: row.version,
    action: row.action,
    status: row.status,
    state: row.state,
    text: row.text,
    comment: row.comment,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}
