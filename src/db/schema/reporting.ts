import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  documentKinds,
  documentStates,
  reportingPoints,
  requirementKinds,
} from "../../domain/steeringKinds.ts";
import { answerActions, answerStates } from "../../domain/workflow.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { indicators, units, users } from "../schema.ts";

// Steering documents, their requirements, reporting rounds and answers (issue #4).
// The value lists of documents and requirements are in src/domain/steeringKinds.ts, shared with
// the API and the web; the others live here, beside the columns that hold them.

export {
  type DocumentKind,
  type DocumentState,
  documentKinds,
  documentStates,
  type ReportingPoint,
  type RequirementKind,
  reportingPoints,
  requirementKinds,
} from "../../domain/steeringKinds.ts";

export const roundStates = ["open", "closed"] as const;
export type RoundState = (typeof roundStates)[number];

export const answerStatuses = [
  "not_started",
  "fulfilled",
  "partly_fulfilled",
  "not_fulfilled",
  "not_relevant",
] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const answerKinds = ["unit", "consolidated"] as const;
export type AnswerKind = (typeof answerKinds)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One version of a steering document. Versions of the same document share `seriesKey`; a new
 * version is a draft copy of the latest published one and points back to it.
 */
export const steeringDocuments = pgTable(
  "steering_documents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    seriesKey: text("series_key").notNull(),
    versionNumber: integer("version_number").notNull().default(1),
    previousVersionId: integer("previous_version_id").references((): AnyPgColumn => steeringDocuments.id),
    year: integer("year").notNull(),
    issuingUnitId: integer("issuing_unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: documentKinds }).notNull(),
    title: text("title").notNull(),
    state: text("state", { enum: documentStates }).notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("steering_documents_series_version_unique").on(table.seriesKey, table.versionNumber),
    // At most one draft per document: two people starting a new version at once get one draft.
    uniqueIndex("steering_documents_one_draft_per_series")
      .on(table.seriesKey)
      .where(sql`${table.state} = 'draft'`),
    index("steering_documents_issuer_year_idx").on(table.issuingUnitId, table.year),
    check("steering_documents_year_range", sql`${table.year} between 1900 and 2999`),
  ],
);

export const steeringDocumentRecipients = pgTable(
  "steering_document_recipients",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => steeringDocuments.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (table) => [
    primaryKey({ columns: [table.documentId, table.unitId] }),
    index("steering_document_recipients_unit_idx").on(table.unitId),
  ],
);

/** Main goals of a document, in order. `lineageKey` follows a chapter across versions for comparison. */
export const documentChapters = pgTable(
  "document_chapters",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer("document_id")
      .notNull()
      .references(() => steeringDocuments.id, { onDelete: "cascade" }),
    lineageKey: text("lineage_key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("document_chapters_document_idx").on(table.documentId),
    uniqueIndex("document_chapters_lineage_unique").on(table.documentId, table.lineageKey),
  ],
);

export const requirements = pgTable(
  "requirements",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer("document_id")
      .notNull()
      .references(() => steeringDocuments.id, { onDelete: "cascade" }),
    chapterId: integer("chapter_id").references(() => documentChapters.id),
    lineageKey: text("lineage_key").notNull(),
    position: integer("position").notNull(),
    number: text("number").notNull(),
    kind: text("kind", { enum: requirementKinds }).notNull(),
    text: text("text").notNull(),
    source: text("source"),
    /** Null: every recipient of the document. Otherwise ids of recipients (no FK: an array). */
    appliesToUnitIds: integer("applies_to_unit_ids").array(),
    frequency: text("frequency", { enum: reportingPoints }).array().notNull(),
    deadline: date("deadline", { mode: "string" }),
    selectedForRiskAssessment: boolean("selected_for_risk_assessment").notNull().default(false),
    derivedFromId: integer("derived_from_id").references((): AnyPgColumn => requirements.id),
    /** The unit that writes the joint text of a joint assignment. */
    leadUnitId: integer("lead_unit_id").references(() => units.id),
    /** For an indicator requirement: the indicator it follows in the catalogue. */
    indicatorId: integer("indicator_id").references(() => indicators.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("requirements_document_number_unique").on(table.documentId, table.number),
    uniqueIndex("requirements_lineage_unique").on(table.documentId, table.lineageKey),
    index("requirements_chapter_idx").on(table.chapterId),
    index("requirements_derived_from_idx").on(table.derivedFromId),
  ],
);

/** A document reported on for one period (`2024-T1`, `2024-T2`, `2024`). */
export const reportingRounds = pgTable(
  "reporting_rounds",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer("document_id")
      .notNull()
      .references(() => steeringDocuments.id),
    period: text("period").notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    state: text("state", { enum: roundStates }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("reporting_rounds_document_period_unique").on(table.documentId, table.period)],
);

/**
 * One unit's answer to one requirement in one round; the issuing unit's consolidated answer has
 * kind "consolidated". `state` follows src/domain/workflow.ts.
 */
export const answers = pgTable(
  "answers",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reportingRounds.id),
    requirementId: integer("requirement_id")
      .notNull()
      .references(() => requirements.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: answerKinds }).notNull(),
    status: text("status", { enum: answerStatuses }).notNull().default("not_started"),
    text: text("text").notNull().default(""),
    state: text("state", { enum: answerStates }).notNull().default("draft"),
    /** The comment of the last return; cleared when the answer is submitted again. */
    returnComment: text("return_comment"),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("answers_round_requirement_unit_unique").on(table.roundId, table.requirementId, table.unitId),
    index("answers_unit_idx").on(table.unitId),
    index("answers_requirement_idx").on(table.requirementId),
  ],
);

/** Every saved version of an answer, kept for comparison and for the record. */
export const answerVersions = pgTable(
  "answer_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    answerId: integer("answer_id")
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    action: text("action", { enum: ["create", ...answerActions] }).notNull(),
    status: text("status", { enum: answerStatuses }).notNull(),
    text: text("text").notNull(),
    state: text("state", { enum: answerStates }).notNull(),
    comment: text("comment"),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("answer_versions_answer_version_unique").on(table.answerId, table.version)],
);
