// Reporting rounds: listing them, opening one with its answers, closing and reopening.

import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { canManageRounds, type Principal } from "../../domain/access.ts";
import { PeriodError } from "../../domain/periods.ts";
import { answeringUnitIds, reportingPointOf } from "../../domain/steering.ts";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { loadContext, loadReadableDocument, refuseChange } from "../steering/context.ts";
import { lockDocument, selectRequirements } from "../steering/queries.ts";
import { canReadAnswerOf, loadRoundContext } from "./context.ts";
import { presentRound } from "./presenters.ts";
import {
  insertAnswers,
  insertFirstVersions,
  insertRound,
  type NewAnswer,
  selectAnswersOfRound,
  selectRoundsOfDocument,
  updateRoundFields,
} from "./queries.ts";
import type { openRoundInput, roundVersionInput } from "./schema.ts";

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
