import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { type AnswerStatus, answerStatuses } from "../../db/schema.ts";
import {
  canApproveAnswer,
  canConsolidate,
  canManageRounds,
  canReadAnswers,
  canReturnAnswer,
  canWriteAnswer,
  type Principal,
} from "../../domain/access.ts";
import { PeriodError } from "../../domain/periods.ts";
import { answeringUnitIds, reportingPointOf } from "../../domain/steering.ts";
import { diffLines, diffStats, diffWords } from "../../domain/textdiff.ts";
import { idsInPath, todayIso } from "../../domain/units.ts";
import {
  type AnswerAction,
  type AnswerState,
  allowedActions,
  type Capacity,
  decide,
  refusalMessage,
} from "../../domain/workflow.ts";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.ts";
import { isoDate, markdownText, plainText, text, version } from "../../schemas/common.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import {
  lockDocument,
  type RequirementRow,
  selectRequirements,
  type UnitSummary,
} from "../steering/queries.ts";
import {
  type DocumentContext,
  loadContext,
  loadReadableDocument,
  presentRequirement,
  readableContext,
  refuseChange,
} from "../steering/service.ts";
import {
  type AnswerRow,
  findAnswer,
  findAnswerWithRound,
  findRound,
  insertAnswers,
  insertAnswerVersion,
  insertFirstVersions,
  insertRound,
  type NewAnswer,
  type RoundRow,
  selectAnswersOfRound,
  selectAnswerVersions,
  selectJointAnswers,
  selectRoundsOfDocument,
  updateAnswerFields,
  updateRoundFields,
} from "./queries.ts";

// ---- Input ----

export const openRoundInput = z.object({
  period: plainText(40).min(1, { message: "is required" }),
  deadline: isoDate,
});

export const roundVersionInput = z.object({ version });

const writtenStatuses = answerStatuses.filter((s) => s !== "not_started") as [
  Exclude<AnswerStatus, "not_started">,
  ...Exclude<AnswerStatus, "not_started">[],
];

export const saveAnswerInput = z
  .object({
    version,
    status: z.enum(writtenStatuses).optional(),
    text: markdownText(200_000).optional(),
  })
  .refine((input) => input.status !== undefined || input.text !== undefined, {
    message: "give a status, a text or both",
    path: ["text"],
  });

export const answerVersionInput = z.object({ version });

export const returnAnswerInput = z.object({
  version,
  comment: text(5000).min(1, { message: "say why the answer is returned" }),
});

/** Two saved versions of an answer, by their version numbers. */
export const diffQuery = z.object({ from: version, to: version });

// ---- Rounds ----

export type RoundContext = DocumentContext & { round: RoundRow };

export function parentPathOf(path: string): string | null {
  const ids = idsInPath(path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join("/")}/`;
}

function roundPermissions(principal: Principal, context: RoundContext) {
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
) {
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
    can: roundPermissions(principal, context),
  };
}

/** Past the deadline and not approved. The deadline day itself is still in time. */
export function isOverdue(answer: { state: AnswerState }, round: Pick<RoundRow, "deadline">, asOf: string) {
  return answer.state !== "approved" && asOf > round.deadline;
}

export function countAnswers(rows: readonly AnswerRow[], round: Pick<RoundRow, "deadline">, asOf: string) {
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

export async function loadRoundContext(db: Db, principal: Principal, roundId: number): Promise<RoundContext> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound(`Reporting round ${roundId}`);
  const context = await loadReadableDocument(db, principal, round.documentId, `Reporting round ${roundId}`);
  return { ...context, round };
}

export async function listRounds(db: Db, principal: Principal, documentId: number) {
  const context = await loadReadableDocument(db, principal, documentId);
  const rounds = await selectRoundsOfDocument(db, documentId);
  const result = [];
  for (const round of rounds) {
    const visible = (await selectAnswersOfRound(db, round.id)).filter((answer) =>
      canReadAnswerOf(principal, context, answer),
    );
    result.push(presentRound(principal, { ...context, round }, visible));
  }
  return result;
}

export async function getRound(db: Db, principal: Principal, roundId: number) {
  const context = await loadRoundContext(db, principal, roundId);
  const visible = (await selectAnswersOfRound(db, roundId)).filter((answer) =>
    canReadAnswerOf(principal, context, answer),
  );
  return presentRound(principal, context, visible);
}

/**
 * Opens a round: one answer for each requirement reported at this period and each unit it applies
 * to, and one consolidated answer per requirement for the issuing unit.
 */
export async function openRound(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  input: z.infer<typeof openRoundInput>,
) {
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw notFound(`Steering document ${documentId}`);
    const context = await loadContext(tx, document);
    if (!canManageRounds(principal, context.issuer.path)) {
      refuseChange(
        principal,
        context,
        `Steering document ${documentId}`,
        `You need the approver or administrator role on ${context.issuer.name} to open reporting rounds.`,
      );
    }
    if (document.state !== "published") {
      throw new AppError(
        "conflict",
        `"${document.title}" is a draft. Publish it before opening a reporting round.`,
      );
    }
    let point: ReturnType<typeof reportingPointOf>;
    try {
      point = reportingPointOf(input.period);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      throw new AppError("validation_failed", error.message, {
        problems: [{ field: "period", message: error.message }],
      });
    }
    if (point.year !== document.year) {
      throw new AppError(
        "validation_failed",
        `The document is for ${document.year}, so the round must be too.`,
        {
          problems: [{ field: "period", message: `must be a period of ${document.year}` }],
        },
      );
    }
    const recipientIds = context.recipients.map((r) => r.id);
    const reported = (await selectRequirements(tx, documentId)).filter((r) =>
      r.frequency.includes(point.point),
    );
    if (reported.length === 0) {
      throw new AppError(
        "conflict",
        `No requirement of "${document.title}" is reported at ${point.point}. Check the requirements' frequency.`,
        { problems: [{ field: "period", message: "no requirement is reported in this period" }] },
      );
    }
    const round = await insertRound(tx, { documentId, period: input.period, deadline: input.deadline }).catch(
      (error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", `A round for ${input.period} already exists for this document.`, {
            problems: [{ field: "period", message: "already has a round" }],
          });
        }
        throw error;
      },
    );
    const rows: NewAnswer[] = [];
    for (const requirement of reported) {
      for (const unitId of answeringUnitIds(requirement.appliesToUnitIds, recipientIds)) {
        rows.push({ roundId: round.id, requirementId: requirement.id, unitId, kind: "unit" });
      }
      rows.push({
        roundId: round.id,
        requirementId: requirement.id,
        unitId: context.issuer.id,
        kind: "consolidated",
      });
    }
    await insertAnswers(tx, rows);
    await insertFirstVersions(tx, round.id, actor);
    await recordAudit(tx, actor, {
      action: "open",
      entityType: "reporting_round",
      entityId: String(round.id),
      unitId: context.issuer.id,
      after: { ...round, requirements: reported.length, answers: rows.length },
    });
    return presentRound(principal, { ...context, round }, await selectAnswersOfRound(tx, round.id));
  });
}

async function changeRoundState(
  db: Db,
  principal: Principal,
  actor: Actor,
  roundId: number,
  input: z.infer<typeof roundVersionInput>,
  target: "open" | "closed",
) {
  return db.transaction(async (tx) => {
    const context = await loadRoundContext(tx, principal, roundId);
    const { round } = context;
    if (!canManageRounds(principal, context.issuer.path)) {
      throw forbidden(
        `You need the approver or administrator role on ${context.issuer.name} to close or reopen rounds.`,
      );
    }
    if (round.state === target) {
      throw new AppError("conflict", `The round for ${round.period} is already ${target}.`);
    }
    const updated = await updateRoundFields(tx, roundId, input.version, {
      state: target,
      closedAt: target === "closed" ? new Date() : null,
    });
    if (!updated) throw staleVersion(`The round for ${round.period}`, presentRound(principal, context));
    await recordAudit(tx, actor, {
      action: target === "closed" ? "close" : "reopen",
      entityType: "reporting_round",
      entityId: String(roundId),
      unitId: context.issuer.id,
      before: { state: round.state, version: round.version },
      after: { state: updated.state, version: updated.version },
    });
    return presentRound(principal, { ...context, round: updated }, await selectAnswersOfRound(tx, roundId));
  });
}

/** A closed round is read-only: no answer in it can change until it is reopened. */
export const closeRound = (
  db: Db,
  principal: Principal,
  actor: Actor,
  roundId: number,
  input: { version: number },
) => changeRoundState(db, principal, actor, roundId, input, "closed");

export const reopenRound = (
  db: Db,
  principal: Principal,
  actor: Actor,
  roundId: number,
  input: { version: number },
) => changeRoundState(db, principal, actor, roundId, input, "open");

// ---- Answers ----

function unitOf(context: DocumentContext, unitId: number): UnitSummary | undefined {
  return unitId === context.issuer.id ? context.issuer : context.recipients.find((r) => r.id === unitId);
}

function canReadAnswerOf(principal: Principal, context: DocumentContext, answer: AnswerRow): boolean {
  const unit = unitOf(context, answer.unitId);
  return unit !== undefined && canReadAnswers(principal, unit.path);
}

/** What the person is for this answer: its writer, its approver, the unit above it, or none of these. */
export function capacitiesFor(
  principal: Principal,
  context: DocumentContext,
  answer: AnswerRow,
): Set<Capacity> {
  const who = new Set<Capacity>();
  const unit = unitOf(context, answer.unitId);
  if (!unit) return who;
  const consolidated = answer.kind === "consolidated";
  const abovePath = consolidated ? parentPathOf(context.issuer.path) : context.issuer.path;
  if (consolidated ? canConsolidate(principal, context.issuer.path) : canWriteAnswer(principal, unit.path)) {
    who.add("writer");
  }
  if (canApproveAnswer(principal, unit.path)) who.add("approver");
  if (canReturnAnswer(principal, unit.path, abovePath)) who.add("overseer");
  return who;
}

type JointAnswer = { answer: AnswerRow; lead: UnitSummary };

export function presentAnswer(
  principal: Principal,
  context: RoundContext,
  answer: AnswerRow,
  requirement: Pick<RequirementRow, "leadUnitId">,
  joint: JointAnswer | null = null,
  asOf = todayIso(),
) {
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
    joint:
      joint && joint.answer.id !== answer.id
        ? {
            label: `Fellesrapport ${joint.lead.name}`,
            leadUnit: { id: joint.lead.id, code: joint.lead.code, name: joint.lead.name },
            answerId: joint.answer.id,
            text: joint.answer.text,
            status: joint.answer.status,
            state: joint.answer.state,
          }
        : null,
  };
}

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

function presentVersion(row: Awaited<ReturnType<typeof selectAnswerVersions>>[number]) {
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
