// The parts of a workbook read before its first sheet: where that sheet is, which cell formats
// are dates, and the shared strings the sheet's cells point into.

import path from "node:path";
import { fileTooLarge, type ReadingBudget, unreadableFile } from "./budget.ts";
import {
  MAX_CELL_FORMATS,
  MAX_METADATA_PART_BYTES,
  MAX_STYLES_PART_BYTES,
  type SpreadsheetLimits,
} from "./limits.ts";
import { parseWholePart } from "./xml.ts";
import type { ZipArchive } from "./zip.ts";

export type WorkbookLayout = {
  sheetPart: string;
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** Serial numbers count days from 1904 rather than 1900 (old Mac Excel). */
  date1904: boolean;
};

type Context = { archive: ZipArchive; limits: SpreadsheetLimits; budget: ReadingBudget };

const workbookContentType = /\.(sheet|template)\.main\+xml$|\.macroEnabled\.main\+xml$/i;

/** A relationship target, relative to the folder of the part that names it, as a part name. */
function resolveTarget(fromPart: string, target: string): string | null {
  const joined = target.startsWith("/")
    ? target.slice(1)
    : path.posix.join(path.posix.dirname(fromPart), target);
  const normalised = path.posix.normalize(joined);
  return normalised.startsWith("../") || normalised === ".." ? null : normalised;
}

async function findWorkbookPart({ archive, limits, budget }: Context): Promise<string> {
  let workbookPart: string | null = null;
  await parseWholePart(archive, "[Content_Types].xml", MAX_METADATA_PART_BYTES, limits, budget, {
    open(name, attributes) {
      const partName = attributes.PartName;
      const type = attributes.ContentType ?? "";
      if (name === "Override" && partName && workbookContentType.test(type) && workbookPart === null) {
        workbookPart = resolveTarget("", partName);
      }
    },
  });
  return workbookPart ?? "xl/workbook.xml";
}

type Relationship = { type: string; target: string };

async function readRelationships(context: Context, fromPart: string): Promise<Map<string, Relationship>> {
  const relsPart = path.posix.join(
    path.posix.dirname(fromPart),
    "_rels",
    `${path.posix.basename(fromPart)}.rels`,
  );
  const relationships = new Map<string, Relationship>();
  await parseWholePart(context.archive, relsPart, MAX_METADATA_PART_BYTES, context.limits, context.budget, {
    open(name, attributes) {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = attributes;
      if (name !== "Relationship" || !id || !type || !target || mode === "External") return;
      const resolved = resolveTarget(fromPart, target);
      if (resolved) relationships.set(id, { type, target: resolved });
    },
  });
  return relationships;
}

/** Finds the first worksheet (in the workbook's order, not the zip's) and the parts it needs. */
export async function readWorkbookLayout(context: Context): Promise<WorkbookLayout> {
  const { archive, limits, budget } = context;
  const workbookPart = await findWorkbookPart(context);
  let firstSheetId: string | null = null;
  let sheetCount = 0;
  let date1904 = false;
  const found = await parseWholePart(archive, workbookPart, MAX_METADATA_PART_BYTES, limits, budget, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attributes.date1904 ?? "");
      if (name !== "sheet") return;
      sheetCount++;
      // The relationship id is `r:id`, whatever the prefix is called.
      const idName = Object.keys(attributes).find((key) => key.endsWith(":id"));
      if (firstSheetId === null && idName) firstSheetId = attributes[idName] ?? null;
    },
  });
  if (!found) {
    throw unreadableFile("file_no_workbook", { file: budget.name, part: workbookPart });
  }
  const relationships = await readRelationships(context, workbookPart);
  const byType = (suffix: string) =>
    [...relationships.values()].find((relationship) => relationship.type.endsWith(suffix))?.target ?? null;
  const sheetPart = firstSheetId === null ? null : (relationships.get(firstSheetId)?.target ?? null);
  if (sheetCount === 0 || sheetPart === null) {
    throw unreadableFile("file_no_worksheet", { file: budget.name });
  }
  return {
    sheetPart,
    sharedStringsPart: byType("/sharedStrings"),
    stylesPart: byType("/styles"),
    date1904,
  };
}

// ---- Styles: which cell formats show a number as a date ----

/** Excel's built-in date and time formats. */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * A custom number format shows a date when, outside quoted text, brackets ([Red], [$-414]) and
 * escaped characters, it has a day, month, year, hour or second code.
 */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(";", 1)[0] ?? "";
  const bare = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dmyhs]/i.test(bare);
}

/** For each cell format (a cell's `s`), whether it shows a date. */
export async function readDateStyles(context: Context, stylesPart: string | null): Promise<boolean[]> {
  if (stylesPart === null) return [];
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellFormats = false;
  const maxBytes = Math.min(MAX_STYLES_PART_BYTES, context.limits.maxPartBytes);
  await parseWholePart(context.archive, stylesPart, maxBytes, context.limits, context.budget, {
    open(name, attributes) {
      if (name === "numFmt" && attributes.numFmtId && attributes.formatCode !== undefined) {
        if (customFormats.size >= MAX_CELL_FORMATS) throw tooManyFormats(context.budget);
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode);
      } else if (name === "cellXfs") inCellFormats = true;
      else if (name === "xf" && inCellFormats) {
        if (formatIds.length >= MAX_CELL_FORMATS) throw tooManyFormats(context.budget);
        formatIds.push(Number(attributes.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellFormats = false;
    },
  });
  return formatIds.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? builtInDateFormats.has(id) : isDateFormatCode(custom);
  });
}

const tooManyFormats = (budget: ReadingBudget) =>
  fileTooLarge("file_too_many_formats", { file: budget.name, max: MAX_CELL_FORMATS });

// ---- Shared strings ----

/**
 * The strings cells of type `s` point to. Rich text comes back as its plain text; phonetic
 * guides (`rPh`) are left out, as Excel shows them only on request.
 */
export async function readSharedStrings(context: Context, part: string | null): Promise<string[]> {
  if (part === null) return [];
  const { limits, budget } = context;
  const strings: string[] = [];
  let characters = 0;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseWholePart(context.archive, part, limits.maxPartBytes, limits, budget, {
    open(name) {
      if (name === "si") {
        if (strings.length >= limits.maxSharedStrings) {
          throw fileTooLarge("file_too_many_texts", { file: budget.name, max: limits.maxSharedStrings });
        }
        current = "";
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "t" && current !== null && !inPhonetic) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && current !== null) {
        strings.push(current);
        current = null;
      }
    },
    text(text) {
      if (!inText || current === null) return;
      current += text;
      characters += text.length;
      if (current.length > limits.maxCellChars) {
        throw fileTooLarge("file_text_too_long", {
          file: budget.name,
          max: limits.maxCellChars,
          index: strings.length + 1,
        });
      }
      if (characters > limits.maxSharedStringChars) {
        throw fileTooLarge("file_too_much_text", { file: budget.name, max: limits.maxSharedStringChars });
      }
    },
  });
  return strings;
}
