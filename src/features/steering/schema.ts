// What the steering routes take: the zod inputs of documents, chapters and requirements.

import { z } from "zod";
import { documentKinds, reportingPoints, requirementKinds } from "../../db/schema.ts";
import { id, isoDate, plainText, text, version, year } from "../../schemas/common.ts";

const title = plainText(300).min(1, { message: "is required" });
// Lists of units or chapters: far more than any organisation has, yet a bound.
const ids = z.array(id).max(10_000);

export const createDocumentInput = z.object({
  year,
  issuingUnitId: id,
  recipientUnitIds: ids.min(1, { message: "name at least one recipient unit" }),
  kind: z.enum(documentKinds),
  title,
});

export const updateDocumentInput = z.object({
  version,
  year: year.optional(),
  kind: z.enum(documentKinds).optional(),
  title: title.optional(),
  recipientUnitIds: ids.min(1, { message: "name at least one recipient unit" }).optional(),
});

export const versionInput = z.object({ version });

export const chapterInput = z.object({ title });
export const updateChapterInput = z.object({ version, title });
export const reorderChaptersInput = z.object({ chapterIds: ids });

const requirementFields = {
  number: plainText(20)
    .min(1, { message: "is required" })
    .max(20, { message: "must be at most 20 characters" }),
  chapterId: id.nullable(),
  kind: z.enum(requirementKinds),
  text: text(50_000).min(1, { message: "is required" }),
  source: plainText(200).nullable(),
  /** "all" for every recipient, or the ids of the recipients it applies to. */
  appliesTo: z.union([z.literal("all"), ids.min(1, { message: "name at least one unit, or use 'all'" })]),
  frequency: z.array(z.enum(reportingPoints)).min(1, { message: "name at least one of T1, T2, annual" }),
  deadline: isoDate.nullable(),
  selectedForRiskAssessment: z.boolean(),
  derivedFromId: id.nullable(),
  leadUnitId: id.nullable(),
  indicatorId: id.nullable(),
};

export const createRequirementInput = z
  .object(requirementFields)
  .partial()
  .required({ number: true, kind: true, text: true });

export const updateRequirementInput = z.object(requirementFields).partial().extend({ version });

export const documentFilter = z.object({
  year: year.optional(),
  issuingUnitId: id.optional(),
  kind: z.enum(documentKinds).optional(),
});
