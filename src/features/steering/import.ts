// Importing a requirement table from a CSV or XLSX file into a draft steering document.
// Requirement tables are small (hundreds of rows), so the file is read whole into memory.

import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { readRequirementTable, type TableRow } from "../../domain/requirementTable.ts";
import { AppError } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { selectAllUnitCodes, selectRequirementNumbers } from "./queries.ts";
import { insertRequirementDrafts, loadDraftForChange, presentRequirement } from "./service.ts";

export type UploadedFile = { name: string; data: Buffer };

export type Table = { header: string[]; rows: TableRow[] };

const unreadable = (message: string, problem: string, row?: number) =>
  new AppError("validation_failed", message, {
    problems: [{ field: "file", message: problem, ...(row === undefined ? {} : { row }) }],
  });

/** Reads the first worksheet of a workbook, or a CSV file, as text cells. The kind is told by content. */
export async function readTable(file: UploadedFile): Promise<Table> {
  const data = file.data;
  if (data.length === 0) throw unreadable(`${file.name} is empty.`, "the file is empty");
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const isOldExcel = data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (isOldExcel) {
    throw unreadable(
      `${file.name} is an old .xls workbook. Save it as .xlsx or CSV and try again.`,
      "unsupported .xls",
    );
  }
  const rows = isZip ? await readXlsx(file) : readCsv(file);
  const [header, ...rest] = rows;
  if (!header) throw unreadable(`${file.name} has no header row.`, "no header row", 1);
  return { header: header.cells, rows: rest };
}

/** UTF-8 as written by most tools; Windows-1252 when it is not valid UTF-8 (older Excel's CSV). */
function decode(data: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("windows-1252").decode(data);
  }
}

/** The delimiter is the header line's most frequent of `;` (Norwegian Excel), `,` and tab. */
function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? (counts[0].delimiter as string) : ",";
}

function readCsv(file: UploadedFile): TableRow[] {
  const text = decode(file.data).replace(/^\uFEFF/, "");
  try {
    const records: string[][] = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return records.map((cells, index) => ({ row: index + 1, cells }));
  } catch (error) {
    const line =
      typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number"
        ? error.lines
        : undefined;
    const message = error instanceof Error ? error.message : String(error);
    throw unreadable(`${file.name} is not a readable CSV file: ${message}`, message, line);
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  // Dates are written as ISO dates, whatever the cell's display format.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === "object" && "result" in value && value.result instanceof Date) {
    return value.result.toISOString().slice(0, 10);
  }
  return cell.text ?? "";
}

async function readXlsx(file: UploadedFile): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw unreadable(
      `${file.name} is not a readable .xlsx workbook: ${message}`,
      "not a readable .xlsx workbook",
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable(`${file.name} has no worksheet.`, "no worksheet");
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column)));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/**
 * Imports a requirement table into a draft: the whole file is checked first, and any problem
 * (named by row and column) stops the import with nothing written. With `dryRun` the checked
 * rows are returned and nothing is written either.
 */
export async function importRequirements(
  db: Db,
  principal: Principal,
  actor: Actor,
  documentId: number,
  file: UploadedFile,
  options: { dryRun: boolean } = { dryRun: false },
) {
  const table = await readTable(file);
  return db.transaction(async (tx) => {
    const context = await loadDraftForChange(tx, principal, documentId);
    const { requirements, problems } = readRequirementTable(table.header, table.rows, {
      units: await selectAllUnitCodes(tx),
      recipientIds: new Set(context.recipients.map((r) => r.id)),
      existingNumbers: await selectRequirementNumbers(tx, documentId),
    });
    if (problems.length > 0) {
      const rows = [...new Set(problems.map((p) => p.row))].length;
      throw new AppError(
        "validation_failed",
        `${file.name} has ${problems.length} problem(s) on ${rows} row(s); nothing was imported. Correct them and import again.`,
        { problems },
      );
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
