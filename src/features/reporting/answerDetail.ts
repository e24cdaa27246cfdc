// The answer page's view of one answer: the answer with its requirement, round and joint text; who
// approved it and with what comment; the unit's answer from the period before; and the next
// answer in the round that waits for the person (the inbox's definition of their work).

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { periodSortKey } from "../../domain/steering.ts";
import { nextWork, previousAnswer } from "../../domain/workflow.ts";
import { presentRequirement } from "../steering/presenters.ts";
import type { RequirementRow } from "../steering/queries.ts";
import { jointAnswersByRequirement, loadAnswer } from "./answers.ts";
import { type RoundContext, unitOf } from "./context.ts";
import { presentAnswer } from "./presenters.ts";
import { type AnswerRow, findLatestApproval, selectAnswersToRequirements } from "./queries.ts";
import type { AnswerDetailView, ApprovalView, NextWorkView, PreviousAnswerView } from "./schema.ts";
import { allWork, selectWork, workUnitsOf } from "./work.ts";

export async function getAnswer(db: Db, { principal }: Caller, answerId: number): Promise<AnswerDetailView> {
  const { answer, context, requirement } = await loadAnswer(db, principal, answerId);
  const joint = (await jointAnswersByRequirement(db, context, [requirement])).get(requirement.id) ?? null;
  return {
    ...presentAnswer(principal, context, answer, requirement, joint),
    requirement: presentRequirement(requirement, context.recipients),
    round: {
      id: context.round.id,
      period: context.round.period,
      deadline: context.round.deadline,
      state: context.round.state,
    },
    document: { id: context.document.id, title: context.document.title, year: context.document.year },
    approval: await approvalOf(db, answer),
    previous: await previousOf(db, context, answer, requirement),
    next: await nextOf(db, principal, context, answer, requirement),
  };
}

async function approvalOf(db: Db, answer: AnswerRow): Promise<ApprovalView | null> {
  if (answer.state !== "approved") return null;
  const latest = await findLatestApproval(db, answer.id);
  return latest ? { by: latest.actorName, at: latest.at.toISOString(), comment: latest.comment } : null;
}

/**
 * The same unit's answer of the same kind in the period before: to this requirement in an earlier
 * round, or to the requirement it was carried over from (last year's document). The person may
 * read it, as they read this unit's answers.
 */
async function previousOf(
  db: Db,
  context: RoundContext,
  answer: AnswerRow,
  requirement: RequirementRow,
): Promise<PreviousAnswerView | null> {
  const requirementIds = [requirement.id, ...(requirement.derivedFromId ? [requirement.derivedFromId] : [])];
  const earlier = await selectAnswersToRequirements(db, {
    requirementIds,
    unitId: answer.unitId,
    kind: answer.kind,
  });
  const found = previousAnswer(
    earlier.filter((row) => row.answer.id !== answer.id),
    context.round.period,
    periodSortKey,
  );
  if (!found) return null;
  return {
    answerId: found.answer.id,
    roundId: found.answer.roundId,
    period: found.period,
    documentTitle: found.documentTitle,
    status: found.answer.status,
    state: found.answer.state,
    text: found.answer.text,
    updatedAt: found.answer.updatedAt.toISOString(),
    updatedBy: found.answer.updatedBy,
  };
}

/**
 * The next answer in this round that waits for the person: to write (or returned) on a unit where
 * they are an editor, or to approve where they are an approver; after this one in the round's
 * order (requirement, then unit), from the start when this one is the last.
 */
async function nextOf(
  db: Db,
  principal: Principal,
  context: RoundContext,
  answer: AnswerRow,
  requirement: RequirementRow,
): Promise<NextWorkView | null> {
  if (context.round.state !== "open") return null;
  const units = [context.issuer, ...context.recipients];
  const roles = principal.assignments.flatMap((assignment) => {
    const unit = units.find((u) => u.path === assignment.unitPath);
    return unit ? [{ unitId: unit.id, role: assignment.role }] : [];
  });
  const waiting = allWork(await selectWork(db, workUnitsOf(roles), context.round.id)).map((row) => ({
    ...row,
    position: row.requirementPosition,
  }));
  const here = {
    answerId: answer.id,
    position: requirement.position,
    unitPath: unitOf(context, answer.unitId)?.path ?? "",
  };
  const next = nextWork(waiting, here);
  if (!next) return null;
  return {
    answerId: next.answerId,
    roundId: next.roundId,
    kind: next.kind,
    state: next.state,
    unit: { id: next.unitId, code: next.unitCode, name: next.unitName },
    requirement: { id: next.requirementId, number: next.requirementNumber },
    remaining: waiting.filter((item) => item.answerId !== answer.id).length,
  };
}
