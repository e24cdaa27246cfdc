// A round or an answer with its document, issuer and recipients, and what the person may do with
// an answer: read it, write it, approve it or return it.

import type { Db } from "../../db/client.ts";
import {
  canApproveAnswer,
  canConsolidate,
  canReadAnswers,
  canReturnAnswer,
  canWriteAnswer,
  type Principal,
} from "../../domain/access.ts";
import { idsInPath } from "../../domain/units.ts";
import type { Capacity } from "../../domain/workflow.ts";
import { notFound } from "../../errors.ts";
import { loadReadableDocument } from "../steering/context.ts";
import type { DocumentContext } from "../steering/presenters.ts";
import type { UnitSummary } from "../steering/queries.ts";
import { type AnswerRow, findRound, type RoundRow } from "./queries.ts";

export type RoundContext = DocumentContext & { round: RoundRow };

export function parentPathOf(path: string): string | null {
  const ids = idsInPath(path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join("/")}/`;
}

export async function loadRoundContext(db: Db, principal: Principal, roundId: number): Promise<RoundContext> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound("round_not_found", { id: roundId });
  const context = await loadReadableDocument(db, principal, round.documentId, {
    reason: "round_not_found",
    params: { id: roundId },
  });
  return { ...context, round };
}

/** The issuer or one of the recipients of the document. */
export function unitOf(context: DocumentContext, unitId: number): UnitSummary | undefined {
  return unitId === context.issuer.id ? context.issuer : context.recipients.find((r) => r.id === unitId);
}

export function canReadAnswerOf(
  principal: Principal,
  context: DocumentContext,
  answer: Pick<AnswerRow, "unitId">,
): boolean {
  const unit = unitOf(context, answer.unitId);
  return unit !== undefined && canReadAnswers(principal, unit.path);
}

/** What the person is for this answer: its writer, its approver, the unit above it, or none of these. */
export function capacitiesFor(
  principal: Principal,
  context: DocumentContext,
  answer: Pick<AnswerRow, "unitId" | "kind">,
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
