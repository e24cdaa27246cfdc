// Importing a requirement table from a CSV or XLSX file into a draft steering document.
// Requirement tables are small (hundreds of rows), so the file is read whole into memory, within
// the limits of src/files/limits.ts (the upload itself is kept small too).

import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import {
  columnLabels,
  type ImportedRequirement,
  readRequirementTable,
  type TableRow,
} from "../../domain/requirementTable.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { unreadableFile } from "../../files/budget.ts";
import { readCsvRecords, sniffDelimiter, textSlices } from "../../files/csv.ts";
import { requirementTableLimits as limits } from "../../files/limits.ts";
import { decodeText, firstLine } from "../../files/text.ts";
import { readFirstSheet, type SheetCell } from "../../files/xlsx.ts";
import { recordAudit } from "../audit/service.ts";
import { loadDraftForChange, loadReadableDocument } from "./context.ts";
import { presentRequirement } from "./presenters.ts";
import { selectAllUnitCodes, selectRequirementNumbers } from "./queries.ts";
import { insertRequirementDrafts } from "./requirements.ts";
import { chapterInput, createRequirementInput, type ImportResultView } from "./schema.ts";

export type UploadedFile = { name: string; data: Buffer };

export type Table = { header: string[]; rows: TableRow[] };

/** Reads the first worksheet of a workbook, or a CSV file, as text cells. The kind is told by content. */
export async function readTable(file: UploadedFile): Promise<Table> {
  const data = file.data;
  if (data.length === 0) throw unreadableFile("file_empty", { file: file.name });
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const isOldExcel = data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (isOldExcel) throw unreadableFile("file_old_xls", { file: file.name });
  if (!isZip && /\.xls[xm]$/i.test(file.name)) throw unreadableFile("file_not_zip", { file: file.name });
  const rows = isZip ? await readXlsx(file) : await readCsv(file);
  const [header, ...rest] = rows;
  if (!header) throw unreadableFile("file_no_header", { file: file.name }, 1);
  return { header: header.cells, rows: rest };
}

async function readCsv(file: UploadedFile): Promise<TableRow[]> {
  const text = decodeText(file.data);
  const rows: TableRow[] = [];
  const records = readCsvRecords([textSlices(text)], {
    limits: limits.csv,
    name: file.name,
    delimiter: sniffDelimiter(firstLine(text)),
    lenient: false,
  });
  for await (const { cells } of records) rows.push({ row: rows.length + 1, cells });
  return rows;
}

/** A cell as the table checks read it: dates as ISO dates, whatever the cell's display format. */
function cellText(cell: SheetCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

async function readXlsx(file: UploadedFile): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const { row, cells } of readFirstSheet(file.data, limits.spreadsheet, file.name)) {
    rows.push({ row, cells: cells.map(cellText) });
  }
  return rows;
}

/** The API's limits on a requirement's fields, with the columns of the table they come from. */
const fieldSchemas = [
  {
    column: "number",
    schema: createRequirementInput.shape.number,
    value: (r: ImportedRequirement) => r.number,
  },
  { column: "text", schema: createRequirementInput.shape.text, value: (r: ImportedRequirement) => r.text },
  {
    column: "source",
    schema: createRequirementInput.shape.source,
    value: (r: ImportedRequirement) => r.source,
  },
  { column: "chapter", schema: chapterInput.shape.title, value: (r: ImportedRequirement) => r.chapter },
] as const;

/** A cell the API's schema refuses, worded as the API words the same field. */
function cellProblem(
  row: number,
  column: (typeof fieldSchemas)[number]["column"],
  given: string,
  issue?: z.core.$ZodIssue,
) {
  // A long cell is shown cut short: the problem names the row and column, the start is enough to find it.
  const found = { column, value: given.length > 100 ? `${given.slice(0, 100)}…` : given };
  if (issue?.code === "too_big") {
    const params = { ...found, maximum: Number(issue.maximum), length: given.length };
    return fieldProblem(columnLabels[column], "requirement_cell_too_long", params, row);
  }
  // The shared text rules name themselves (src/schemas/common.ts); anything else is zod's own code.
  const ruleParams = issue?.code === "custom" ? (issue.params ?? {}) : {};
  const { rule, ...values } = ruleParams as Record<string, string | number>;
  if (rule === "lone_surrogate" || rule === "control_character") {
    return fieldProblem(columnLabels[column], rule, { ...found, ...values }, row);
  }
  const code = issue?.code === "too_small" ? "required" : "invalid";
  return fieldProblem(columnLabels[column], code, found, row);
}

/** Holds the imported fields to the limits the API holds the same fields to. */
function fieldLimitProblems(requirements: readonly ImportedRequirement[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const requirement of requirements) {
    for (const { column, schema, value } of fieldSchemas) {
      const given = value(requirement);
      if (given === null) continue;
      const result = schema.safeParse(given);
      if (result.success) continue;
      problems.push(cellProblem(requirement.row, column, given, result.error.issues[0]));
    }
  }
  return problems;
}

/**
 * Before an upload is read: the document exists and the person may read it (else 404 or 403, as
 * when opening it), and may change it as a draft. A refused upload is then never read at all.
 */
export async function assertCanImportRequirements(db: Db, { principal }: Caller, documentId: number) {
  await loadReadableDocument(db, principal, documentId);
  await db.transaction((tx) => loadDraftForChange(tx, principal, documentId));
}

/**
 * Imports a requirement table into a draft: the whole file is checked first, and any problem
 * (named by row and column) stops the import with nothing written. With `dryRun` the checked
 * rows are returned and nothing is written either.
 */
export async function importRequirements(
  db: Db,
  { principal, actor }: Caller,
  documentId: number,
  file: UploadedFile,
  options: { dryRun: boolean } = { dryRun: false },
): Promise<ImportResultView> {
  const table = await readTable(file);
  return db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const { requirements, problems: tableProblems } = readRequirementTable(table.header, table.rows, {
      units: await selectAllUnitCodes(tx),
      recipientIds: new Set(context.recipients.map((r) => r.id)),
      existingNumbers: await selectRequirementNumbers(tx, documentId),
    });
    const problems = [...tableProblems, ...fieldLimitProblems(requirements)];
    // Stable: within a row, the table's own problems come first.
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (problems.length > 0) {
      const rows = [...new Set(problems.map((p) => p.row))].length;
      throw new AppError("validation_failed", "requirement_table_has_problems", {
        params: { file: file.name, count: problems.length, rows },
        problems,
      });
    }
    const drafts = requirements.map((row) => ({
      number: row.number,
      chapterId: null,
      chapterTitle: row.chapter,
      kind: row.kind,
      text: row.text,
      source: row.source,
      appliesToUnitIds: row.appliesToUnitIds,
      frequency: row.frequency,
      deadline: row.deadline,
      selectedForRiskAssessment: row.selectedForRiskAssessment,
      derivedFromId: null,
      leadUnitId: row.leadUnitId,
      indicatorId: null,
    }));
    if (options.dryRun) {
      return { dryRun: true, imported: 0, checked: drafts.length, chaptersCreated: [], requirements: [] };
    }
    const result = await insertRequirementDrafts(tx, documentId, drafts);
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "steering_document",
      entityId: String(documentId),
      unitId: context.document.issuingUnitId,
      after: {
        file: file.name,
        requirements: result.requirements.map((r) => ({ id: r.id, number: r.number })),
        chaptersCreated: result.chaptersCreated.map((c) => c.title),
      },
    });
    return {
      dryRun: false,
      imported: result.requirements.length,
      checked: drafts.length,
      chaptersCreated: result.chaptersCreated,
      requirements: result.requirements.map((r) => presentRequirement(r, context.recipients)),
    };
  });
}
