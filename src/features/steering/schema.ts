// The steering API: what its routes take (documents, chapters, requirements) and what they answer.
// Shared with the web (types only).

import { z } from "zod";
import {
  documentKinds,
  documentStates,
  reportingPoints,
  requirementKinds,
} from "../../domain/steeringKinds.ts";
import { id, isoDate, plainText, text, version, year } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";

const required = { message: ruleMessage("required") };
const recipientsRequired = { message: ruleMessage("steering_recipients_required") };
const title = plainText(300).min(1, required);
// Lists of units or chapters: far more than any organisation has, yet a bound.
const ids = z.array(id).max(10_000);

export const createDocumentInput = z.object({
  year,
  issuingUnitId: id,
  recipientUnitIds: ids.min(1, recipientsRequired),
  kind: z.enum(documentKinds),
  title,
});

export const updateDocumentInput = z.object({
  version,
  year: year.optional(),
  kind: z.enum(documentKinds).optional(),
  title: title.optional(),
  recipientUnitIds: ids.min(1, recipientsRequired).optional(),
});

export const versionInput = z.object({ version });

export const chapterInput = z.object({ title });
export const updateChapterInput = z.object({ version, title });
export const reorderChaptersInput = z.object({ chapterIds: ids });

const requirementFields = {
  number: plainText(20)
    .min(1, required)
    .max(20, { message: ruleMessage("too_big", { origin: "string", maximum: 20 }) }),
  chapterId: id.nullable(),
  kind: z.enum(requirementKinds),
  text: text(50_000).min(1, required),
  source: plainText(200).nullable(),
  /** "all" for every recipient, or the ids of the recipients it applies to. */
  appliesTo: z.union([
    z.literal("all"),
    ids.min(1, { message: ruleMessage("steering_applies_to_required") }),
  ]),
  frequency: z.array(z.enum(reportingPoints)).min(1, { message: ruleMessage("steering_frequency_required") }),
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

// ---- Answers ----

const int = z.number().int();

export const unitRefView = z.object({ id: int, code: z.string(), name: z.string() }).meta({ id: "UnitRef" });

/** What the caller may do with a document version: each is checked again on the server when done. */
export const documentCapabilities = capabilities([
  "edit", // change the draft, its chapters and requirements
  "publish",
  "newVersion",
  "manageRounds",
] as const);

export const documentHeaderView = z
  .object({
    id: int,
    seriesKey: z.string().meta({ description: "Shared by every version of the same document" }),
    versionNumber: int,
    previousVersionId: int.nullable(),
    year: int,
    kind: z.enum(documentKinds),
    title: z.string(),
    state: z.enum(documentStates),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    version: int,
    issuingUnit: unitRefView,
    recipients: z.array(unitRefView),
    can: documentCapabilities,
  })
  .meta({ id: "SteeringDocumentHeader" });

export const documentListItemView = documentHeaderView
  .extend({ isLatestVersion: z.boolean() })
  .meta({ id: "SteeringDocumentListItem" });

export const chapterView = z
  .object({ id: int, title: z.string(), position: int, version: int })
  .meta({ id: "Chapter" });

/** A requirement in another document, named where a requirement derives from it (or it from one). */
export const requirementLinkView = z
  .object({ id: int, number: z.string(), documentId: int, documentTitle: z.string(), year: int })
  .meta({ id: "RequirementLink" });

export const requirementView = z
  .object({
    id: int,
    documentId: int,
    chapterId: int.nullable(),
    number: z.string(),
    kind: z.enum(requirementKinds),
    text: z.string(),
    source: z.string().nullable(),
    appliesTo: z.union([z.literal("all"), z.array(int)]),
    answeringUnits: z.array(unitRefView),
    frequency: z.array(z.enum(reportingPoints)),
    deadline: z.string().nullable(),
    selectedForRiskAssessment: z.boolean(),
    derivedFromId: int.nullable(),
    derivedFrom: requirementLinkView.nullable(),
    leadUnitId: int.nullable(),
    leadUnit: unitRefView.nullable(),
    indicatorId: int.nullable(),
    version: int,
  })
  .meta({ id: "Requirement" });

export const documentView = documentHeaderView
  .extend({
    versions: z.array(z.object({ id: int, versionNumber: int, state: z.enum(documentStates) })),
    chapters: z.array(chapterView),
    requirements: z.array(requirementView),
  })
  .meta({ id: "SteeringDocument" });

export const requirementDetailView = requirementView
  .extend({
    document: z.object({ id: int, title: z.string(), year: int }),
    derivedBy: z.array(requirementLinkView),
  })
  .meta({ id: "RequirementDetail" });

export const parentRequirementsView = z.array(
  z.object({
    document: z.object({ id: int, title: z.string(), year: int, versionNumber: int }),
    requirements: z.array(
      z.object({ id: int, number: z.string(), kind: z.enum(requirementKinds), text: z.string() }),
    ),
  }),
);

export const diffPartView = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() });

export const fieldChangeView = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  words: z.array(diffPartView).optional().meta({ description: "A word diff, for text fields" }),
});

const chapterSnapshotView = z.object({ key: z.string(), title: z.string(), position: int });

export const requirementSnapshotView = z.object({
  key: z.string(),
  number: z.string(),
  chapterKey: z.string().nullable(),
  chapter: z.string().nullable(),
  kind: z.string(),
  text: z.string(),
  source: z.string().nullable(),
  appliesTo: z.union([z.literal("all"), z.array(z.string())]),
  frequency: z.array(z.string()),
  deadline: z.string().nullable(),
  selectedForRiskAssessment: z.boolean(),
  derivedFromId: int.nullable(),
  leadUnit: z.string().nullable(),
  indicatorId: int.nullable(),
});

const comparedVersion = z.object({
  id: int,
  versionNumber: int,
  state: z.enum(documentStates),
  title: z.string(),
});

export const comparisonView = z
  .object({
    from: comparedVersion,
    to: comparedVersion,
    document: z.array(fieldChangeView),
    chapters: z.object({
      added: z.array(chapterSnapshotView),
      removed: z.array(chapterSnapshotView),
      changed: z.array(z.object({ key: z.string(), title: z.string(), changes: z.array(fieldChangeView) })),
    }),
    requirements: z.object({
      added: z.array(requirementSnapshotView),
      removed: z.array(requirementSnapshotView),
      changed: z.array(z.object({ key: z.string(), number: z.string(), changes: z.array(fieldChangeView) })),
    }),
    unchanged: z.object({ chapters: int, requirements: int }),
  })
  .meta({ id: "SteeringDocumentComparison" });

export const importResultView = z
  .object({
    dryRun: z.boolean(),
    imported: int,
    checked: int,
    chaptersCreated: z.array(chapterView),
    requirements: z.array(requirementView),
  })
  .meta({ id: "RequirementImportResult" });

export type UnitRefView = z.infer<typeof unitRefView>;
export type DocumentCapabilities = z.infer<typeof documentCapabilities>;
export type DocumentHeaderView = z.infer<typeof documentHeaderView>;
export type DocumentListItemView = z.infer<typeof documentListItemView>;
export type ChapterView = z.infer<typeof chapterView>;
export type RequirementLinkView = z.infer<typeof requirementLinkView>;
export type RequirementView = z.infer<typeof requirementView>;
export type DocumentView = z.infer<typeof documentView>;
export type RequirementDetailView = z.infer<typeof requirementDetailView>;
export type ParentRequirementsView = z.infer<typeof parentRequirementsView>;
export type DiffPartView = z.infer<typeof diffPartView>;
export type FieldChangeView = z.infer<typeof fieldChangeView>;
export type RequirementSnapshotView = z.infer<typeof requirementSnapshotView>;
export type ComparisonView = z.infer<typeof comparisonView>;
export type ImportResultView = z.infer<typeof importResultView>;
