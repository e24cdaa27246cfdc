// The rules a requirement must meet within its document: its number, chapter, units, indicator
// and where it derives from. Adding and changing a requirement both check them here.

import type { Db } from "../../db/client.ts";
import { answeringUnitIds } from "../../domain/steering.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import type { ProblemParams } from "../../schemas/contract.ts";
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
    problems.push(fieldProblem("number", "in_use", { number: values.number }));
  }
  if (values.chapterId !== null) {
    const chapter = await findChapter(tx, values.chapterId);
    if (!chapter || chapter.documentId !== context.document.id) {
      problems.push(
        fieldProblem("chapterId", "steering_chapter_not_in_document", { chapterId: values.chapterId }),
      );
    }
  }
  for (const unitId of values.appliesToUnitIds ?? []) {
    if (!recipientIds.includes(unitId)) {
      const unit = (await selectUnitsByIds(tx, [unitId]))[0];
      problems.push(
        unit
          ? fieldProblem("appliesTo", "steering_not_recipient", { unit: unit.code, unitId })
          : fieldProblem("appliesTo", "steering_unknown_unit_id", { unitId }),
      );
    }
  }
  if (values.leadUnitId !== null) {
    const answering = answeringUnitIds(values.appliesToUnitIds, recipientIds);
    if (!answering.includes(values.leadUnitId)) {
      problems.push(fieldProblem("leadUnitId", "steering_lead_not_answering", { unitId: values.leadUnitId }));
    }
  }
  if (values.indicatorId !== null) {
    if (values.kind !== "indicator") {
      problems.push(fieldProblem("indicatorId", "steering_not_indicator_kind"));
    } else if (!(await indicatorExists(tx, values.indicatorId))) {
      problems.push(
        fieldProblem("indicatorId", "steering_unknown_indicator", { indicatorId: values.indicatorId }),
      );
    }
  }
  if (values.derivedFromId !== null) {
    const problem = await derivedFromProblem(tx, context, values.derivedFromId);
    if (problem) problems.push(fieldProblem("derivedFromId", problem.code, problem.params));
  }
  return problems;
}

type DerivedFromCode =
  | "steering_unknown_requirement"
  | "steering_source_not_published"
  | "steering_source_not_earlier_year"
  | "steering_source_not_from_above";

/**
 * A requirement derives from one in a published document that a unit above sent to this
 * document's issuer (ministry -> region -> trust), or from the issuer's own document of an
 * earlier year (carried over).
 */
async function derivedFromProblem(
  tx: Db,
  context: DocumentContext,
  sourceId: number,
): Promise<{ code: DerivedFromCode; params?: ProblemParams } | null> {
  const [source] = await selectRequirementsWithDocument(tx, [sourceId]);
  if (!source) return { code: "steering_unknown_requirement", params: { requirementId: sourceId } };
  if (source.state !== "published") return { code: "steering_source_not_published" };
  const issuer = context.issuer;
  if (source.issuingUnitId === issuer.id) {
    return source.year < context.document.year
      ? null
      : { code: "steering_source_not_earlier_year", params: { year: source.year } };
  }
  const fromAbove = issuer.path.startsWith(source.issuerPath);
  const addressedHere = (await selectRecipients(tx, source.documentId)).some((r) => r.id === issuer.id);
  return fromAbove && addressedHere
    ? null
    : { code: "steering_source_not_from_above", params: { issuer: issuer.code } };
}

/** The answer to a requirement with problems: 409 when its number alone is taken, else 400. */
export function invalidRequirement(problems: FieldProblem[]) {
  const duplicate = problems.length === 1 && problems[0]?.field === "number";
  const number = duplicate ? problems[0]?.params?.number : undefined;
  return duplicate
    ? new AppError("conflict", "steering_number_in_use", { params: { number: number ?? "" }, problems })
    : new AppError("validation_failed", "steering_invalid_requirement", { problems });
}
