// The rules a requirement must meet within its document: its number, chapter, units, indicator
// and where it derives from. Adding and changing a requirement both check them here.

import type { Db } from "../../db/client.ts";
import { answeringUnitIds } from "../../domain/steering.ts";
import { AppError, type FieldProblem } from "../../errors.ts";
import type { DocumentContext } from "./presenters.ts";
import {
  findChapter,
  indicatorExists,
  type NewRequirement,
  numberTakenByOther,
  selectRecipients,
  selectRequirementsWithDocument,
  selectUnitsByIds,
} from "./queries.ts";

export type RequirementValues = Omit<NewRequirement, "documentId" | "lineageKey" | "position">;

/** Every rule a requirement must meet within its document; returns the problems, empty when it is valid. */
export async function requirementProblems(
  tx: Db,
  context: DocumentContext,
  values: RequirementValues,
  exceptId: number | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const recipientIds = context.recipients.map((r) => r.id);
  if (await numberTakenByOther(tx, context.document.id, values.number, exceptId)) {
    problems.push({
      field: "number",
      code: "in_use",
      params: { number: values.number },
      message: `${values.number} is already used in this document`,
    });
  }
  if (values.chapterId !== null) {
    const chapter = await findChapter(tx, values.chapterId);
    if (!chapter || chapter.documentId !== context.document.id) {
      problems.push({
        field: "chapterId",
        code: "not_in_document",
        message: "is not a chapter of this document",
      });
    }
  }
  for (const unitId of values.appliesToUnitIds ?? []) {
    if (!recipientIds.includes(unitId)) {
      const unit = (await selectUnitsByIds(tx, [unitId]))[0];
      problems.push(
        unit
          ? {
              field: "appliesTo",
              code: "not_a_recipient",
              params: { unit: unit.code },
              message: `${unit.code} is not a recipient of this document`,
            }
          : {
              field: "appliesTo",
              code: "unknown_unit",
              params: { unitId },
              message: `there is no unit ${unitId}`,
            },
      );
    }
  }
  if (values.leadUnitId !== null) {
    const answering = answeringUnitIds(values.appliesToUnitIds, recipientIds);
    if (!answering.includes(values.leadUnitId)) {
      problems.push({
        field: "leadUnitId",
        code: "not_answering",
        message: "must be one of the units the requirement applies to",
      });
    }
  }
  if (values.indicatorId !== null) {
    if (values.kind !== "indicator") {
      problems.push({
        field: "indicatorId",
        code: "not_indicator_kind",
        message: "only an indicator requirement follows an indicator",
      });
    } else if (!(await indicatorExists(tx, values.indicatorId))) {
      problems.push({
        field: "indicatorId",
        code: "unknown_indicator",
        params: { indicatorId: values.indicatorId },
        message: `there is no indicator ${values.indicatorId}`,
      });
    }
  }
  if (values.derivedFromId !== null) {
    const problem = await derivedFromProblem(tx, context, values.derivedFromId);
    if (problem) problems.push({ field: "derivedFromId", ...problem });
  }
  return problems;
}

/**
 * A requirement derives from one in a published document that a unit above sent to this
 * document's issuer (ministry -> region -> trust), or from the issuer's own document of an
 * earlier year (carried over).
 */
async function derivedFromProblem(
  tx: Db,
  context: DocumentContext,
  sourceId: number,
): Promise<Omit<FieldProblem, "field"> | null> {
  const [source] = await selectRequirementsWithDocument(tx, [sourceId]);
  if (!source) {
    return {
      code: "unknown_requirement",
      params: { requirementId: sourceId },
      message: `there is no requirement ${sourceId}`,
    };
  }
  if (source.state !== "published") {
    return { code: "not_published", message: "must be a requirement of a published document" };
  }
  const issuer = context.issuer;
  if (source.issuingUnitId === issuer.id) {
    return source.year < context.document.year
      ? null
      : {
          code: "not_earlier_year",
          message: "a requirement of the issuer's own document must be from an earlier year",
        };
  }
  const fromAbove = issuer.path.startsWith(source.issuerPath);
  const addressedHere = (await selectRecipients(tx, source.documentId)).some((r) => r.id === issuer.id);
  return fromAbove && addressedHere
    ? null
    : {
        code: "not_from_above",
        params: { issuer: issuer.code },
        message: `must come from a document sent to ${issuer.code} by a unit above it, or from an earlier year's document of ${issuer.code}`,
      };
}

/** The answer to a requirement with problems: 409 when its number alone is taken, else 400. */
export function invalidRequirement(problems: FieldProblem[]) {
  const duplicate = problems.length === 1 && problems[0]?.field === "number";
  return new AppError(
    duplicate ? "conflict" : "validation_failed",
    `The requirement is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`,
    { reason: duplicate ? "number_in_use" : "invalid_requirement", problems },
  );
}
