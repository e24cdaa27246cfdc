// Answers: reading one with its joint text, the workflow steps (save, submit, approve, return),
// and the saved versions of an answer with what changed between two of them.

import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { AnswerStatus } from "../../db/schema.ts";
import type { Principal } from "../../domain/access.ts";
import { diffLines, diffStats, diffWords } from "../../domain/textdiff.ts";
import { type AnswerAction, type AnswerState, decide, refusalMessage } from "../../domain/workflow.ts";
import { AppError, notFound, staleVersion } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { readableContext } from "../steering/context.ts";
import { presentRequirement } from "../steering/presenters.ts";
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
import type { diffQuery, returnAnswerInput, saveAnswerInput } from "./schema.ts";

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

async function loadAnswer(db: Db, principal: Principal, answerId: number) {
  // Every read and save of an answer starts here: one query for the answer, its round, document
  // and requirement, and one for the document's units.
  const found = await findAnswerWithRound(db, answerId);
  if (!found) throw notFound(`Answer ${answerId}`);
  const { answer, round, document, requirement } = found;
  // Someone who cannot see the document, or the unit's answers, cannot learn that the answer exists.
  const documentContext = await readableContext(db, principal, document, `Answer ${answerId}`);
  const context: RoundContext = { ...documentContext, round };
  if (!canReadAnswerOf(principal, context, answer)) throw notFound(`Answer ${answerId}`);
  return { answer, context, requirement };
}

export async function getAnswer(db: Db, principal: Principal, answerId: number) {
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
  };
}

// ---- The workflow ----

const refusalError = (
  state: AnswerState,
  action: AnswerAction,
  refusal: "round_closed" | "not_permitted" | "wrong_state",
) =>
  new AppError(
    refusal === "not_permitted" ? "forbidden" : "conflict",
    refusalMessage(state, action, refusal),
    {
      refusal,
    },
  );

/**
 * One step of the workflow: checks the person and the state with the pure state machine, refuses
 * a stale version with the current answer in the problem, then saves the answer and keeps the
 * new version.
 */
async function applyAction(
  db: Db,
  principal: Principal,
  actor: Actor,
  answerId: number,
  action: AnswerAction,
  expectedVersion: number,
  change: (answer: AnswerRow) => { status?: AnswerStatus; text?: string; returnComment?: string | null },
  comment: string | null = null,
) {
  return db.transaction(async (tx) => {
    const { answer, context, requirement } = await loadAnswer(tx, principal, answerId);
    const who = capacitiesFor(principal, context, answer);
    const decision = decide(answer.state, action, who, context.round.state === "open");
    if (!decision.allowed && decision.refusal !== "wrong_state") {
      throw refusalError(answer.state, action, decision.refusal);
    }
    const current = () => presentAnswer(principal, context, answer, requirement);
    const what = `The answer of ${unitOf(context, answer.unitId)?.name ?? "the unit"} to requirement ${requirement.number}`;
    // A stale version is reported before a state conflict: the person then sees what changed.
    if (answer.version !== expectedVersion) throw staleVersion(what, current());
    if (!decision.allowed) throw refusalError(answer.state, action, decision.refusal);

    const values = { ...change(answer), state: decision.next, updatedBy: actor.name };
    const updated = await updateAnswerFields(tx, answerId, expectedVersion, values);
    if (!updated) {
      const latest = await findAnswer(tx, answerId);
      throw staleVersion(what, latest ? presentAnswer(principal, context, latest, requirement) : null);
    }
    await insertAnswerVersion(tx, updated, action, actor, comment);
    await recordAudit(tx, actor, {
      action: `answer_${action}`,
      entityType: "answer",
      entityId: String(answerId),
      unitId: answer.unitId,
      before: { status: answer.status, state: answer.state, text: answer.text, version: answer.version },
      after: {
        status: updated.status,
        state: updated.state,
        text: updated.text,
        version: updated.version,
        ...(comment ? { comment } : {}),
      },
    });
    const joint = (await jointAnswersByRequirement(tx, context, [requirement])).get(requirement.id) ?? null;
    return presentAnswer(principal, context, updated, requirement, joint);
  });
}

export function saveAnswer(
  db: Db,
  principal: Principal,
  actor: Actor,
  answerId: number,
  input: z.infer<typeof saveAnswerInput>,
) {
  return applyAction(db, principal, actor, answerId, "save", input.version, (answer) => ({
    status: input.status ?? answer.status,
    text: input.text ?? answer.text,
  }));
}

export async function submitAnswer(
  db: Db,
  principal: Principal,
  actor: Actor,
  answerId: number,
  input: { version: number },
) {
  return applyAction(db, principal, actor, answerId, "submit", input.version, (answer) => {
    const problems = [];
    if (answer.status === "not_started") {
      problems.push({
        field: "status",
        message: "choose fulfilled, partly fulfilled, not fulfilled or not relevant",
      });
    }
    if (answer.text.trim() === "" && answer.status !== "not_relevant") {
      problems.push({ field: "text", message: "write what was done and how far the goal is reached" });
    }
    if (problems.length > 0) {
      throw new AppError(
        "validation_failed",
        "The answer is not ready to submit: it needs a status and a text.",
        {
          problems,
        },
      );
    }
    // The return comment has been answered by resubmitting.
    return { returnComment: null };
  });
}

export function approveAnswer(
  db: Db,
  principal: Principal,
  actor: Actor,
  answerId: number,
  input: { version: number },
) {
  return applyAction(db, principal, actor, answerId, "approve", input.version, () => ({}));
}

export function returnAnswer(
  db: Db,
  principal: Principal,
  actor: Actor,
  answerId: number,
  input: z.infer<typeof returnAnswerInput>,
) {
  return applyAction(
    db,
    principal,
    actor,
    answerId,
    "return",
    input.version,
    () => ({ returnComment: input.comment }),
    input.comment,
  );
}

// ---- Versions of an answer ----

export async function listAnswerVersions(db: Db, principal: Principal, answerId: number) {
  await loadAnswer(db, principal, answerId);
  return (await selectAnswerVersions(db, answerId)).map(presentVersion);
}

/** What changed between two saved versions of an answer: its status and state, and its text by word and by line. */
export async function diffAnswerVersions(
  db: Db,
  principal: Principal,
  answerId: number,
  query: z.infer<typeof diffQuery>,
) {
  await loadAnswer(db, principal, answerId);
  const versions = await selectAnswerVersions(db, answerId);
  const from = versions.find((v) => v.version === query.from);
  const to = versions.find((v) => v.version === query.to);
  const problems = [
    ...(from ? [] : [{ field: "from", message: `there is no version ${query.from}` }]),
    ...(to ? [] : [{ field: "to", message: `there is no version ${query.to}` }]),
  ];
  if (!from || !to) {
    throw new AppError("validation_failed", `The answer has versions 1 to ${versions.length}.`, { problems });
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
