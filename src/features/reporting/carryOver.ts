// Carrying unfinished requirements into next year's document (003, resolution point 4: «oppdrag
// som ikke er fullt ut gjennomført i 2024, følges opp aktivt ... i 2025»).

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canManageDocument } from "../../domain/access.ts";
import { answeringUnitIds, carryOverPlan, periodSortKey } from "../../domain/steering.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { loadContext, loadReadableDocument } from "../steering/context.ts";
import { copyContent } from "../steering/newVersion.ts";
import { presentDocumentHeader } from "../steering/presenters.ts";
import {
  insertDocument,
  lockDocument,
  replaceRecipients,
  selectChapters,
  selectRequirements,
} from "../steering/queries.ts";
import { selectRoundAnswerStates, selectRoundsOfDocument } from "./queries.ts";
import type { CarryOverView, carryOverInput } from "./schema.ts";

/** "Styringskrav og rammer 2024" becomes "Styringskrav og rammer 2025"; other titles get the year added. */
export function titleForYear(title: string, fromYear: number, toYear: number): string {
  return title.includes(String(fromYear))
    ? title.replaceAll(String(fromYear), String(toYear))
    : `${title} ${toYear}`;
}

/**
 * Makes a new draft document for the next year with every requirement that is not finished in the
 * document's latest round: not fulfilled, partly fulfilled, or never approved. Each new requirement
 * derives from the one it continues, and applies to the units that did not finish it.
 */
export async function carryOver(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  input: z.infer<typeof carryOverInput>,
): Promise<CarryOverView> {
  await loadReadableDocument(db, principal, documentId);
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) throw notFound("steering_document_not_found", { id: documentId });
    const context = await loadContext(tx, document);
    if (!canManageDocument(principal, context.issuer.path)) {
      throw forbidden("carry_over_not_permitted", { issuer: context.issuer.name });
    }
    if (document.state !== "published") {
      throw new AppError("conflict", "carry_over_document_draft", { params: { title: document.title } });
    }
    const rounds = await selectRoundsOfDocument(tx, documentId);
    const latest = [...rounds].sort((a, b) => periodSortKey(b.period) - periodSortKey(a.period))[0];
    if (!latest) {
      throw new AppError("conflict", "carry_over_no_round", { params: { title: document.title } });
    }
    const kinds = input.kinds ?? ["assignment"];
    const candidates = (await selectRequirements(tx, documentId)).filter((r) => kinds.includes(r.kind));
    const plan = carryOverPlan(candidates, await selectRoundAnswerStates(tx, latest.id));
    if (plan.length === 0) {
      throw new AppError("conflict", "carry_over_nothing_unfinished", { params: { period: latest.period } });
    }
    const year = input.year ?? document.year + 1;
    if (year <= document.year) {
      throw new AppError("validation_failed", "carry_over_year_not_later", {
        params: { year: document.year },
        problems: [fieldProblem("year", "year_after", { year: document.year })],
      });
    }
    const carried = new Map(plan.map((p) => [p.requirementId, p.appliesToUnitIds]));
    const chosen = candidates.filter((r) => carried.has(r.id));
    const usedChapters = new Set(chosen.map((r) => r.chapterId));
    const chapters = (await selectChapters(tx, documentId)).filter((c) => usedChapters.has(c.id));

    const next = await insertDocument(tx, {
      seriesKey: randomUUID(),
      versionNumber: 1,
      previousVersionId: null,
      year,
      issuingUnitId: document.issuingUnitId,
      kind: document.kind,
      title: input.title ?? titleForYear(document.title, document.year, year),
    });
    const recipientIds = context.recipients.map((r) => r.id);
    await replaceRecipients(tx, next.id, recipientIds);
    const created = await copyContent(
      tx,
      { chapters, requirements: chosen },
      next.id,
      (requirement) => {
        const appliesToUnitIds = carried.get(requirement.id) ?? null;
        const stillLeads =
          requirement.leadUnitId !== null &&
          answeringUnitIds(appliesToUnitIds, recipientIds).includes(requirement.leadUnitId);
        return {
          appliesToUnitIds,
          derivedFromId: requirement.id,
          // Last year's deadline has passed; the new year's is set when the draft is edited.
          deadline: null,
          leadUnitId: stillLeads ? requirement.leadUnitId : null,
        };
      },
      false,
    );
    await recordAudit(tx, actor, {
      action: "carry_over",
      entityType: "steering_document",
      entityId: String(next.id),
      unitId: document.issuingUnitId,
      after: {
        fromDocumentId: documentId,
        fromRound: latest.period,
        requirements: created.map((r) => r.number),
      },
    });
    const nextContext = await loadContext(tx, next);
    return {
      document: presentDocumentHeader(principal, nextContext),
      fromRound: { id: latest.id, period: latest.period },
      carried: created.map((requirement) => ({
        id: requirement.id,
        number: requirement.number,
        derivedFromId: requirement.derivedFromId,
        appliesTo: requirement.appliesToUnitIds ?? ("all" as const),
      })),
    };
  });
}
