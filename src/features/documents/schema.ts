// The board documents API: what a request may send (templates, generation, listing, comparison)
// and what it answers (templates, stored documents, their content and comparisons). The content
// model's types (model.ts) are this file's schemas. Shared with the web (types only).

import { z } from "zod";
import { templateSources } from "../../db/schema/documents.ts";
import { type Period, PeriodError, parsePeriod, reportingPoint } from "../../domain/periods.ts";
import { answerStates } from "../../domain/workflow.ts";
import type { FieldProblemCode } from "../../i18n/problems/index.ts";
import { fieldProblemText } from "../../i18n/problemText.ts";
import {
  id,
  isoDate,
  MAX_INT32,
  markdownText,
  pageLimit,
  plainText,
  text,
  wholeNumber,
} from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";
import { type DocumentType, documentLocales, documentTypes, requirementStatuses } from "./model.ts";
import { documentTemplateSchema } from "./template.ts";

// ---------------------------------------------------------------------------------------------
// Inputs

export const typeParams = z.object({ type: z.enum(documentTypes) });
export const templateQuery = z.object({ unitId: id.optional() });
export const compareQuery = z.object({ from: id, to: id });

export const boardCaseInput = z.object({
  caseNumber: plainText(40).min(1, { message: ruleMessage("required") }),
  date: isoDate,
  place: plainText(100).nullable().optional(),
  subject: plainText(300).nullable().optional(),
  resolutionPoints: z.array(text(5_000).min(1)).max(50).default([]),
  background: markdownText(100_000).default(""),
  assessment: markdownText(100_000).default(""),
  attachments: z.array(plainText(500).min(1)).max(50).default([]),
});

/** The front page's own fields, for any document; all optional. A board case's number and date come from its fields when these are empty. */
export const frontPageInput = z.object({
  caseNumber: plainText(40).nullable().optional(),
  /** "Styremøte i Helse Nord RHF". */
  meeting: plainText(120).nullable().optional(),
  meetingDate: isoDate.nullable().optional(),
  /** The document's date; empty: the board case's date, else the day it is generated. */
  date: isoDate.nullable().optional(),
});

/** Why the period does not fit the document type; null when it does. */
/** What is wrong with a document's period, as a field-problem code. */
function periodProblem(type: DocumentType, period: string) {
  let parsed: Period;
  try {
    parsed = parsePeriod(period);
  } catch (error) {
    if (error instanceof PeriodError) return "document_period" as const;
    throw error;
  }
  // A board case may be on any period; a report is for the period of its reporting point.
  const point = reportingPoint(parsed);
  if (type === "annual_report" && point !== "annual") return "document_period_year" as const;
  if (type === "tertial_report" && point !== "T1" && point !== "T2")
    return "document_period_tertial" as const;
  return null;
}

/** A refinement's issue, worded per caller from its field-problem code (src/problemReply.ts). */
const ruleIssue = (code: FieldProblemCode, path: string[]) => ({
  code: "custom" as const,
  path,
  message: fieldProblemText("en", code) ?? code,
  params: { rule: code },
});

export const generateDocumentInput = z
  .object({
    type: z.enum(documentTypes),
    unitId: id,
    period: plainText(40),
    locale: z.enum(documentLocales).default("nb"),
    boardCase: boardCaseInput.optional(),
    frontPage: frontPageInput.optional(),
  })
  .superRefine((input, context) => {
    const problem = periodProblem(input.type, input.period);
    if (problem) context.addIssue(ruleIssue(problem, ["period"]));
    if (input.type === "board_case" && !input.boardCase) {
      context.addIssue(ruleIssue("board_case_required", ["boardCase"]));
    }
  });

export const saveTemplateInput = z.object({
  /** Null: the organisation's general template for the type. */
  unitId: id.nullable(),
  /** The version read; 0 when there was no stored template yet. */
  version: wholeNumber(0, MAX_INT32),
  template: documentTemplateSchema,
});

export const listDocumentsQuery = z.object({
  unitId: id.optional(),
  type: z.enum(documentTypes).optional(),
  period: plainText(40).min(1).optional(),
  limit: pageLimit(500, 100),
});

// ---------------------------------------------------------------------------------------------
// Templates

export const templateCapabilities = capabilities(["edit"] as const);

export const templateView = z
  .object({
    documentType: z.enum(documentTypes),
    unitId: z.number().int().nullable(),
    source: z.enum(templateSources).meta({ description: "Where the template in use comes from" }),
    version: z.number().int().meta({
      description:
        "The version to send back when saving this unit's (or the general) template; 0: none stored yet",
    }),
    template: documentTemplateSchema,
    defaultTemplate: documentTemplateSchema,
    can: templateCapabilities,
  })
  .meta({ id: "DocumentTemplateView" });

// ---------------------------------------------------------------------------------------------
// The content model (see model.ts)

const requirementStatus = z.enum(requirementStatuses);

/** A colour a table cell or a status is filled with; the words always say the same. */
export const cellTone = z.enum(["green", "yellow", "red", "grey"]);

/** Where an answer is in the approval workflow, with the words the document prints. */
export const approvalView = z.object({ state: z.enum(answerStates), label: z.string() });

export const paragraphBlock = z.object({
  kind: z.literal("paragraph"),
  markdown: z.string(),
});

export const requirementBlock = z.object({
  kind: z.literal("requirement"),
  number: z.string(),
  /** Markdown. */
  text: z.string(),
  status: requirementStatus.nullable(),
  /** The status in the document's language ("Delvis innfridd"). */
  statusLabel: z.string(),
  /** Markdown; empty when the unit has not answered. */
  answer: z.string(),
  /** Null when the snapshot does not know (taken before approval states were stored). */
  approval: approvalView.nullable(),
  unitAnswers: z.array(
    z.object({
      unitName: z.string(),
      status: requirementStatus.nullable(),
      statusLabel: z.string(),
      answer: z.string(),
      approval: approvalView.nullable(),
    }),
  ),
  /** `label` is the full lead-in, "Fellesrapport Helse Sør-Øst RHF". */
  jointReport: z.object({ label: z.string(), markdown: z.string() }).nullable(),
});

export const tableBlock = z.object({
  kind: z.literal("table"),
  /** Numbered in document order: "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt". */
  caption: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Per cell of `rows`: the colour to fill it with, or null. */
  tones: z.array(z.array(cellTone.nullable())).optional(),
  /** Relative column widths (they need not add up to anything), so that words are not broken. */
  widths: z.array(z.number().positive()).optional(),
  /** A smaller font (8 pt in Word), for a table whose longest words would not fit at 9 pt. */
  compact: z.boolean().optional(),
  /**
   * Rows may break across pages: for a long table of long texts, where keeping every row whole
   * leaves pages half empty (LibreOffice moves whole rows on early).
   */
  splitRows: z.boolean().optional(),
});

export const listBlock = z.object({
  kind: z.literal("list"),
  style: z.enum(["numbered", "bullet"]),
  /** Markdown, one line each. */
  items: z.array(z.string()),
});

export const block = z.discriminatedUnion("kind", [paragraphBlock, requirementBlock, tableBlock, listBlock]);

export const headingLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const section = z.object({
  /** Stable: `requirements`, `requirements/<chapter key>`, `scorecard_summary` ... */
  key: z.string(),
  level: headingLevel,
  /** The heading's number in the document, "2" or "2.1"; printed before the heading and in the contents. */
  number: z.string(),
  heading: z.string(),
  blocks: z.array(block),
});

/** The words the renderers print around the blocks, in the document's language. */
export const renderLabels = z.object({
  status: z.string(),
  notAnswered: z.string(),
  unitAnswers: z.string(),
  /** "Innhold". */
  contents: z.string(),
  /** "Krav". */
  requirement: z.string(),
  /** "Merk". */
  note: z.string(),
  /** "Side". */
  page: z.string(),
});

export const frontPage = z.object({
  organisation: z.string(),
  title: z.string(),
  /** "Periode: 2. tertial 2024", "Dato: ...", "Saksnummer: ...", "Møte: Styremøte 14. mars 2025". */
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
});

export const documentContent = z
  .object({
    type: z.enum(documentTypes),
    locale: z.enum(documentLocales),
    title: z.string(),
    metadata: z.object({
      unitName: z.string(),
      unitCode: z.string(),
      period: z.string(),
      /** The period in words, "2. tertial 2024". */
      periodLabel: z.string(),
      caseNumber: z.string().nullable(),
      /** YYYY-MM-DD of the board case, else null. */
      date: z.string().nullable(),
      takenAt: z.string(),
    }),
    labels: renderLabels,
    frontPage,
    /** Said on the front page and in the preview when anything included is not approved; else null. */
    notice: z.string().nullable(),
    sections: z.array(section),
  })
  .meta({ id: "DocumentContent" });

// ---------------------------------------------------------------------------------------------
// Stored documents

const documentFields = {
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  locale: z.enum(documentLocales),
  title: z.string(),
  snapshotHash: z.string(),
  templateSource: z.enum(templateSources),
  takenAt: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
};

/** A stored document as generating, reading and comparing answer it: its kind is `type`. */
export const documentHeaderView = z
  .object({ ...documentFields, type: z.enum(documentTypes) })
  .meta({ id: "GeneratedDocument" });

/** A stored document as listed: its kind is `documentType`. */
export const storedDocumentView = z
  .object({ ...documentFields, documentType: z.enum(documentTypes) })
  .meta({ id: "StoredDocument" });

export const documentView = documentHeaderView
  .extend({
    snapshotIntact: z.boolean().meta({
      description: "False when the stored snapshot no longer matches its hash (changed outside Tertial)",
    }),
    content: documentContent,
  })
  .meta({ id: "Document" });

const changeKind = z.enum(["added", "removed", "changed"]);

export const blockChange = z.object({
  change: changeKind,
  kind: z.enum(["paragraph", "requirement", "table", "list"]),
  /** What a reader recognises the block by: a requirement's number, a table's caption, a text's start. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** For a changed requirement: which parts changed (status, answer, text, jointReport, unitAnswers). */
  fields: z.array(z.string()).optional(),
});

export const sectionComparison = z.object({
  key: z.string(),
  heading: z.string(),
  change: z.enum([...changeKind.options, "unchanged"]),
  headingBefore: z.string().nullable(),
  blocks: z.array(blockChange),
});

export const documentComparison = z.object({
  title: z.object({ before: z.string(), after: z.string() }).nullable(),
  sections: z.array(sectionComparison),
  counts: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
});

export const documentComparisonView = documentComparison
  .extend({ from: documentHeaderView, to: documentHeaderView })
  .meta({ id: "DocumentComparison" });

export type { DocumentTemplate, TemplateSection } from "./template.ts";
export type TemplateView = z.infer<typeof templateView>;
export type TemplateCapabilities = z.infer<typeof templateCapabilities>;
export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type RequirementBlock = z.infer<typeof requirementBlock>;
export type TableBlock = z.infer<typeof tableBlock>;
export type ListBlock = z.infer<typeof listBlock>;
export type Block = z.infer<typeof block>;
export type HeadingLevel = z.infer<typeof headingLevel>;
export type Section = z.infer<typeof section>;
export type RenderLabels = z.infer<typeof renderLabels>;
export type CellTone = z.infer<typeof cellTone>;
export type FrontPage = z.infer<typeof frontPage>;
export type FrontPageInput = z.input<typeof frontPageInput>;
export type DocumentContent = z.infer<typeof documentContent>;
export type DocumentHeaderView = z.infer<typeof documentHeaderView>;
export type StoredDocumentView = z.infer<typeof storedDocumentView>;
export type DocumentView = z.infer<typeof documentView>;
export type ChangeKind = z.infer<typeof changeKind>;
export type BlockChange = z.infer<typeof blockChange>;
export type SectionComparison = z.infer<typeof sectionComparison>;
export type DocumentComparison = z.infer<typeof documentComparison>;
export type DocumentComparisonView = z.infer<typeof documentComparisonView>;
export type BoardCaseInput = z.input<typeof boardCaseInput>;
export type GenerateDocumentInput = z.input<typeof generateDocumentInput>;
export type SaveTemplateInput = z.input<typeof saveTemplateInput>;
