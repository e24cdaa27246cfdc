// Reporting rounds: listing them, opening one with its answers, closing and reopening.

import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageRounds, type Principal } from "../../domain/access.ts";
import { PeriodError } from "../../domain/periods.ts";
import { answeringUnitIds, reportingPointOf } from "../../domain/steering.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { notifyRoundOpened } from "../notifications/events.ts";
import { insertAssessmentsForRound } from "../risk/queries.ts";
import { loadContext, loadReadableDocument, refuseChange } from "../steering/context.ts";
import { lockDocument, selectRequirements } from "../steering/queries.ts";
import { canReadAnswerOf, loadRoundContext, type RoundContext, unitOf } from "./context.ts";
import { presentRound } from "./presenters.ts";
import {
  findRound,
  insertAnswers,
  insertFirstVersions,
  insertRound,
  type NewAnswer,
  type RoundRow,
  selectAnswersOfRound,
  selectRoundsOfDocument,
  updateRoundFields,
} from "./queries.ts";
import type { openRoundInput, RoundView, roundVersionInput } from "./schema.ts";

/** Rounds as the audit trail files them: under the document's issuing unit. */
const roundAudit = (issuingUnitId: number) => ({
  entityType: "reporting_round",
  unitOf: () => issuingUnitId,
});

/** Rounds as the change helper sees them; a stale answer shows the round as `principal` may. */
const roundEntity = (principal: Principal, context: RoundContext): VersionedEntity<RoundRow> => ({
  ...roundAudit(context.issuer.id),
  describe: (round) => round.period,
  present: (round) => presentRound(principal, { ...context, round }),
  find: findRound,
});

/** The rounds of a document. Takes only the principal: documents read rounds for a person too. */
export async function listRounds(
  db: Db,
  { principal }: Pick<Caller, "principal">,
  documentId: number,
): Promise<RoundView[]> {
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

export async function getRound(db: Db, { principal }: Caller, roundId: number): Promise<RoundView> {
  const context = await loadRoundContext(db, principal, roundId);
  const visible = (await selectAnswersOfRound(db, roundId)).filter((answer) =>
    canReadAnswerOf(principal, context, answer),
  );
  return presentRound(principal, context, visible);
}

/**
 * Opens a round: one answer for each requirement reported at this period and each unit it applies
 * to, and one consolidated answer per requirement for the issuing unit; and for each goal selected
 * for risk assessment, an assessment per unit and an overall one, carried forward from the round before.
 */
export async function openRound(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof openRoundInput>,
): Promise<RoundView> {
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw notFound("steering_document_not_found", { id: documentId });
    const context = await loadContext(tx, document);
    if (!canManageRounds(principal, context.issuer.path)) {
      refuseChange(
        principal,
        context,
        { reason: "steering_document_not_found", params: { id: documentId } },
        "round_open_not_permitted",
      );
    }
    if (document.state !== "published") {
      throw new AppError("conflict", "round_document_draft", { params: { title: document.title } });
    }
    let point: ReturnType<typeof reportingPointOf>;
    try {
      point = reportingPointOf(input.period);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      // The period's own problem says what is wrong with it (a month, T3, a year out of range).
      throw new AppError("validation_failed", error.code, {
        params: { ...error.params, period: input.period },
        problems: [fieldProblem("period", "not_a_round_period", { period: input.period })],
      });
    }
    if (point.year !== document.year) {
      throw new AppError("validation_failed", "round_period_of_other_year", {
        params: { year: document.year, period: input.period },
        problems: [fieldProblem("period", "period_of_year", { year: document.year })],
      });
    }
    const recipientIds = context.recipients.map((r) => r.id);
    const allRequirements = await selectRequirements(tx, documentId);
    const reported = allRequirements.filter((r) => r.frequency.includes(point.point));
    if (reported.length === 0) {
      throw new AppError("conflict", "round_nothing_reported", {
        params: { title: document.title, point: point.point },
        problems: [fieldProblem("period", "no_requirement_in_period", { point: point.point })],
      });
    }
    const round = await insertRound(tx, { documentId, period: input.period, deadline: input.deadline }).catch(
      (error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "round_exists", {
            params: { period: input.period },
            problems: [fieldProblem("period", "round_period_in_use", { period: input.period })],
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
    await notifyRoundOpened(tx, {
      roundId: round.id,
      period: round.period,
      deadline: round.deadline,
      document: document.title,
      units: [...new Set(rows.map((row) => row.unitId))].flatMap((id) => unitOf(context, id) ?? []),
      actorId: actor.id,
    });
    // Goals selected for risk assessment are assessed every round, whatever their reporting frequency.
    const assessments = await insertAssessmentsForRound(
      tx,
      round.id,
      allRequirements
        .filter((r) => r.selectedForRiskAssessment)
        .flatMap((requirement) => [
          ...answeringUnitIds(requirement.appliesToUnitIds, recipientIds).map((unitId) => ({
            requirementId: requirement.id,
            unitId,
            kind: "unit" as const,
          })),
          { requirementId: requirement.id, unitId: context.issuer.id, kind: "overall" as const },
        ]),
      actor,
    );
    await auditCreation(
      tx,
      actor,
      roundAudit(context.issuer.id),
      { ...round, requirements: reported.length, answers: rows.length, riskAssessments: assessments },
      "open",
    );
    return presentRound(principal, { ...context, round }, await selectAnswersOfRound(tx, round.id));
  });
}

async function changeRoundState(
  db: Db,
  { principal, actor }: Caller,
  roundId: number,
  input: z.infer<typeof roundVersionInput>,
  target: "open" | "closed",
): Promise<RoundView> {
  return db.transaction(async (tx) => {
    const context = await loadRoundContext(tx, principal, roundId);
    if (!canManageRounds(principal, context.issuer.path)) {
      throw forbidden("round_close_not_permitted", { issuer: context.issuer.name });
    }
    if (context.round.state === target) {
      throw new AppError("conflict", target === "closed" ? "round_already_closed" : "round_already_open", {
        params: { period: context.round.period },
      });
    }
    const entity = roundEntity(principal, context);
    const round = await loadForChange(tx, entity, roundId, input.version, "round_not_found");
    const updated = await applyChange(
      tx,
      actor,
      entity,
      round,
      target === "closed" ? "close" : "reopen",
      () =>
        updateRoundFields(tx, roundId, round.version, {
          state: target,
          closedAt: target === "closed" ? new Date() : null,
        }),
    );
    return presentRound(principal, { ...context, round: updated }, await selectAnswersOfRound(tx, roundId));
  });
}

/** A closed round is read-only: no answer in it can change until it is reopened. */
export const closeRound = (db: Db, caller: Caller, roundId: number, input: { version: number }) =>
  changeRoundState(db, caller, roundId, input, "closed");

export const reopenRound = (db: Db, caller: Caller, roundId: number, input: { version: number }) =>
  changeRoundState(db, caller, roundId, input, "open");
