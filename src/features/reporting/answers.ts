// Answers: loading one for a person, the workflow steps (save, submit, withdraw, approve with an
// optional comment, return), and the saved versions of an answer with what changed between two.
// The answer page's view of one answer is in answerDetail.ts.

import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { AnswerStatus } from "../../db/schema.ts";
import type { Principal } from "../../domain/access.ts";
import { diffLines, diffStats, diffWords } from "../../domain/textdiff.ts";
import {
  type AnswerAction,
  type AnswerState,
  approvalComment,
  decide,
  type Refusal,
  refusalReason,
} from "../../domain/workflow.ts";
import { AppError, type FieldProblem, fieldProblem, notFound } from "../../errors.ts";
import { applyChange, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { notifyAnswerStep } from "../notifications/events.ts";
import { readableContext } from "../steering/context.ts";
import type { RequirementRow } from "../steering/queries.ts";
import { canReadAnswerOf, capacitiesFor, type RoundContext, unitOf } from "./context.ts";
import { type JointAnswer, presentAnswer, presentVersion } from "./presenters.ts";
import {
  type AnswerRow,
  findAnswer,
  findAnswerWithRound,
  insertAnswerVersion,
  selectAnswerVersions,
  selectJointAnswers,
  updateAnswerFields,
} from "./queries.ts";
import type {
  AnswerDiffView,
  AnswerVersionView,
  AnswerView,
  approveAnswerInput,
  diffQuery,
  returnAnswerInput,
  saveAnswerInput,
} from "./schema.ts";

/** The lead unit's answers in a round, by requirement: the joint texts shown in every participant's report. */
export async function jointAnswersByRequirement(
  db: Db,
  context: RoundContext,
  requirementRows: readonly RequirementRow[],
): Promise<Map<number, JointAnswer>> {
  const withLead = requirementRows.filter((r) => r.leadUnitId !== null);
  const leadAnswers = await selectJointAnswers(
    db,
    context.round.id,
    withLead.map((r) => r.id),
  );
  const result = new Map<number, JointAnswer>();
  for (const answer of leadAnswers) {
    const lead = unitOf(context, answer.unitId);
    if (lead) result.set(answer.requirementId, { answer, lead });
  }
  return result;
}

export async function loadAnswer(db: Db, principal: Principal, answerId: number) {
  // Every read and save of an answer starts here: one query for the answer, its round, document
  // and requirement, and one for the document's units.
  const found = await findAnswerWithRound(db, answerId);
  if (!found) throw notFound("answer_not_found", { id: answerId });
  const { answer, round, document, requirement } = found;
  // Someone who cannot see the document, or the unit's answers, cannot learn that the answer exists.
  const documentContext = await readableContext(db, principal, document, {
    reason: "answer_not_found",
    params: { id: answerId },
  });
  const context: RoundContext = { ...documentContext, round };
  if (!canReadAnswerOf(principal, context, answer)) throw notFound("answer_not_found", { id: answerId });
  return { answer, context, requirement };
}

// ---- The workflow ----

const refusalError = (state: AnswerState, action: AnswerAction, refusal: Refusal) =>
  new AppError(
    refusal === "not_permitted" ? "forbidden" : "conflict",
    refusalReason(state, action, refusal),
    { params: { state, action, refusal } },
  );

/** Answers as the change helper sees them, for one person reading one round's requirement. */
function answerEntity(
  principal: Principal,
  context: RoundContext,
  requirement: RequirementRow,
): VersionedEntity<AnswerRow> {
  return {
    entityType: "answer",
    describe: () => null,
    present: (answer) => presentAnswer(principal, context, answer, requirement),
    unitOf: (answer) => answer.unitId,
    find: findAnswer,
  };
}

type AnswerChange = { status?: AnswerStatus; text?: string; returnComment?: string | null };

type ActionOptions = {
  answerId: number;
  action: AnswerAction;
  /** The version the person read; a stale one is refused with the current answer. */
  version: number;
  /** The new values, from the answer as it is stored. */
  change: (answer: AnswerRow) => AnswerChange;
  /** Kept with the new version of the answer (a return's reason). */
  comment?: string | null;
};

/**
 * One step of the workflow: checks the person and the state with the pure state machine, refuses
 * a stale version with the current answer in the problem, then saves the answer and keeps the
 * new version.
 */
async function applyAction(
  db: Db,
  { principal, actor }: Caller,
  { answerId, action, version, change, comment = null }: ActionOptions,
): Promise<AnswerView> {
  return db.transaction(async (tx) => {
    const { answer: read, context, requirement } = await loadAnswer(tx, principal, answerId);
    const who = capacitiesFor(principal, context, read);
    const roundOpen = context.round.state === "open";
    // Whether the person may act at all does not depend on the answer's state: refused first.
    const permitted = decide(read.state, action, who, roundOpen);
    if (!permitted.allowed && permitted.refusal !== "wrong_state") {
      throw refusalError(read.state, action, permitted.refusal);
    }
    // A stale version is reported before a state conflict: the person then sees what changed.
    const entity = answerEntity(principal, context, requirement);
    const answer = await loadForChange(tx, entity, answerId, version, "answer_not_found");
    const decision = decide(answer.state, action, who, roundOpen);
    if (!decision.allowed) throw refusalError(answer.state, action, decision.refusal);

    const values = { ...change(answer), state: decision.next, updatedBy: actor.name };
    const updated = await applyChange(tx, actor, entity, answer, `answer_${action}`, async () => {
      const row = await updateAnswerFields(tx, answerId, answer.version, values);
      // The audit entry keeps the step's comment (an approval's, a return's) with the answer after it.
      return row && comment !== null ? Object.assign(row, { comment }) : row;
    });
    await insertAnswerVersion(tx, updated, action, actor, comment);
    const unit = unitOf(context, updated.unitId);
    // Told in the same transaction: a step that fails tells no one.
    if (unit) {
      await notifyAnswerStep(tx, {
        action,
        answerId,
        version: updated.version,
        unit,
        requirement: requirement.number,
        document: context.document.title,
        period: context.round.period,
        actorId: actor.id,
      });
    }
    const joint = (await jointAnswersByRequirement(tx, context, [requirement])).get(requirement.id) ?? null;
    return presentAnswer(principal, context, updated, requirement, joint);
  });
}

export function saveAnswer(
  db: Db,
  caller: Caller,
  answerId: number,
  input: z.infer<typeof saveAnswerInput>,
): Promise<AnswerView> {
  return applyAction(db, caller, {
    answerId,
    action: "save",
    version: input.version,
    change: (answer) => ({ status: input.status ?? answer.status, text: input.text ?? answer.text }),
  });
}

/** Why an answer cannot be submitted yet: it needs a status, and a text unless it is not relevant. */
function submitProblems(answer: AnswerRow): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answer.status === "not_started") {
    problems.push(fieldProblem("status", "status_required"));
  }
  if (answer.text.trim() === "" && answer.status !== "not_relevant") {
    problems.push(fieldProblem("text", "text_required"));
  }
  return problems;
}

export function submitAnswer(
  db: Db,
  caller: Caller,
  answerId: number,
  input: { version: number },
): Promise<AnswerView> {
  return applyAction(db, caller, {
    answerId,
    action: "submit",
    version: input.version,
    change: (answer) => {
      const problems = submitProblems(answer);
      if (problems.length > 0) {
        throw new AppError("validation_failed", "answer_incomplete", { problems });
      }
      // The return comment has been answered by resubmitting.
      return { returnComment: null };
    },
  });
}

/** The writer takes a submitted answer back to draft, before anyone approves or returns it. */
export function withdrawAnswer(
  db: Db,
  caller: Caller,
  answerId: number,
  input: { version: number },
): Promise<AnswerView> {
  return applyAction(db, caller, {
    answerId,
    action: "withdraw",
    version: input.version,
    change: () => ({}),
  });
}

/** Approves a submitted answer; the approver's comment, if any, is kept with the approved version. */
export function approveAnswer(
  db: Db,
  caller: Caller,
  answerId: number,
  input: z.infer<typeof approveAnswerInput>,
): Promise<AnswerView> {
  return applyAction(db, caller, {
    answerId,
    action: "approve",
    version: input.version,
    change: () => ({}),
    comment: approvalComment(input.comment),
  });
}

export function returnAnswer(
  db: Db,
  caller: Caller,
  answerId: number,
  input: z.infer<typeof returnAnswerInput>,
): Promise<AnswerView> {
  return applyAction(db, caller, {
    answerId,
    action: "return",
    version: input.version,
    change: () => ({ returnComment: input.comment }),
    comment: input.comment,
  });
}

// ---- Versions of an answer ----

export async function listAnswerVersions(
  db: Db,
  { principal }: Caller,
  answerId: number,
): Promise<AnswerVersionView[]> {
  await loadAnswer(db, principal, answerId);
  return (await selectAnswerVersions(db, answerId)).map(presentVersion);
}

/** What changed between two saved versions of an answer: its status and state, and its text by word and by line. */
export async function diffAnswerVersions(
  db: Db,
  { principal }: Caller,
  answerId: number,
  query: z.infer<typeof diffQuery>,
): Promise<AnswerDiffView> {
  await loadAnswer(db, principal, answerId);
  const versions = await selectAnswerVersions(db, answerId);
  const from = versions.find((v) => v.version === query.from);
  const to = versions.find((v) => v.version === query.to);
  const missing = (field: string, version: number): FieldProblem =>
    fieldProblem(field, "unknown_answer_version", { version, versions: versions.length });
  if (!from || !to) {
    throw new AppError("validation_failed", "answer_unknown_version", {
      params: { versions: versions.length },
      problems: [...(from ? [] : [missing("from", query.from)]), ...(to ? [] : [missing("to", query.to)])],
    });
  }
  const words = diffWords(from.text, to.text);
  return {
    from: presentVersion(from),
    to: presentVersion(to),
    status: { before: from.status, after: to.status, changed: from.status !== to.status },
    state: { before: from.state, after: to.state, changed: from.state !== to.state },
    text: {
      changed: from.text !== to.text,
      words,
      lines: diffLines(from.text, to.text),
      stats: diffStats(words),
    },
  };
}
