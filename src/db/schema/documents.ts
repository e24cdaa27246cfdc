import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import {
  type DocumentData,
  type DocumentType,
  documentLocales,
  documentTypes,
} from "../../features/documents/model.ts";
import type { DocumentTemplate } from "../../features/documents/template.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { units, users } from "../schema.ts";

// Board documents (issue #5): the organisation's templates, and every generated document with the
// snapshot of the data it was built from, so that it can be rebuilt exactly.

export const templateSources = ["unit", "general", "default"] as const;
export type TemplateSource = (typeof templateSources)[number];

/** One template per document type for the organisation (unit null) and at most one per unit. */
export const documentTemplates = pgTable(
  "document_templates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    documentType: text("document_type", { enum: documentTypes }).$type<DocumentType>().notNull(),
    unitId: integer("unit_id").references(() => units.id),
    template: jsonb("template").$type<DocumentTemplate>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("document_templates_general_unique")
      .on(table.documentType)
      .where(sql`${table.unitId} is null`),
    uniqueIndex("document_templates_unit_unique")
      .on(table.documentType, table.unitId)
      .where(sql`${table.unitId} is not null`),
  ],
);

/** Generated documents are never changed: a new generation is a new row. */
export const generatedDocuments = pgTable(
  "generated_documents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    documentType: text("document_type", { enum: documentTypes }).$type<DocumentType>().notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    period: text("period").notNull(),
    locale: text("locale", { enum: documentLocales }).notNull(),
    title: text("title").notNull(),
    snapshot: jsonb("snapshot").$type<DocumentData>().notNull(),
    /** SHA-256 (hex) of the snapshot's canonical JSON. */
    snapshotHash: text("snapshot_hash").notNull(),
    template: jsonb("template").$type<DocumentTemplate>().notNull(),
    templateSource: text("template_source", { enum: templateSources }).notNull(),
    /** When the data were read (the snapshot's `takenAt`). */
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("generated_documents_unit_idx").on(table.unitId, table.documentType, table.period),
    check("generated_documents_hash_format", sql`${table.snapshotHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
