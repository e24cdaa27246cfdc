// Reading parts of a zip file (an .xlsx workbook is one) without trusting it. The central
// directory is read first, so a file with too many entries, encrypted entries, or a part that
// says it unpacks to too much (or compresses suspiciously well) is refused before anything is
// inflated. While a part is inflated its bytes are counted, and yauzl stops at once if a part
// turns out larger than the directory said, so a directory that lies gets no further either.

import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../errors.ts";
import { formatSize } from "../i18n/render.ts";
import { fileTooLarge, type ReadingBudget, unreadableFile } from "./budget.ts";
import { RATIO_CHECK_FROM_BYTES, type SpreadsheetLimits } from "./limits.ts";

export type ZipArchive = {
  zip: ZipFile;
  /** Entries by lower-case name: names of the parts of a package are not case-sensitive. */
  entries: Map<string, Entry>;
};

const zipOptions = {
  lazyEntries: true,
  autoClose: false,
  validateEntrySizes: true,
  strictFileNames: false,
  decodeStrings: true,
} as const;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function damaged(budget: ReadingBudget, error: unknown): AppError {
  if (error instanceof AppError) return error;
  // yauzl's words for a part that unpacks to more (or less) than the directory says.
  if (/too (many|few) bytes in the stream/.test(reasonOf(error))) {
    return unreadableFile("file_zip_size_mismatch", { file: budget.name });
  }
  // yauzl's own words are English and about zip internals; the log has them.
  return unreadableFile("file_unreadable_workbook", { file: budget.name });
}

/** Opens a zip file from disk or memory and reads its central directory, within the limits. */
export async function openZip(
  source: string | Buffer,
  limits: SpreadsheetLimits,
  budget: ReadingBudget,
): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    zip =
      typeof source === "string"
        ? await yauzl.openPromise(source, zipOptions)
        : await yauzl.fromBufferPromise(source, zipOptions);
  } catch (error) {
    throw damaged(budget, error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw fileTooLarge("file_too_many_entries", {
        file: budget.name,
        count: zip.entryCount,
        max: limits.maxEntries,
      });
    }
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      const key = entry.fileName.toLowerCase();
      if (entries.has(key)) {
        throw unreadableFile("file_duplicate_parts", { file: budget.name, part: entry.fileName });
      }
      if (entry.isEncrypted()) {
        throw unreadableFile("file_encrypted", { file: budget.name });
      }
      entries.set(key, entry);
    }
    return { zip, entries };
  } catch (error) {
    zip.close();
    throw damaged(budget, error);
  }
}

const partTooLarge = (budget: ReadingBudget, partName: string, maxBytes: number) =>
  fileTooLarge("file_part_too_large", { file: budget.name, part: partName, limit: formatSize(maxBytes) });

/** Refuses a part before inflating it when what the directory says about it is already too much. */
function checkDeclaredSize(entry: Entry, maxBytes: number, limits: SpreadsheetLimits, budget: ReadingBudget) {
  if (entry.uncompressedSize > maxBytes) throw partTooLarge(budget, entry.fileName, maxBytes);
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > limits.maxCompressionRatio) {
    throw fileTooLarge("file_zip_bomb", {
      file: budget.name,
      part: entry.fileName,
      ratio: Math.round(ratio),
      max: limits.maxCompressionRatio,
    });
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw unreadableFile("file_compression_method", { file: budget.name, method: entry.compressionMethod });
  }
}

/**
 * The inflated bytes of one part, chunk by chunk, counted against the part's and the file's
 * limits. Null when the file has no such part.
 */
export async function* readPart(
  archive: ZipArchive,
  partName: string,
  maxBytes: number,
  limits: SpreadsheetLimits,
  budget: ReadingBudget,
): AsyncGenerator<Buffer> {
  const entry = archive.entries.get(partName.toLowerCase());
  if (!entry) return;
  checkDeclaredSize(entry, maxBytes, limits, budget);
  let stream: Readable | undefined;
  try {
    stream = await archive.zip.openReadStreamPromise(entry);
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      // The directory's size was checked, and yauzl stops at it; this is the belt to those braces.
      if (bytes > maxBytes) throw partTooLarge(budget, entry.fileName, maxBytes);
      budget.addBytes(chunk.length);
      yield chunk;
    }
  } catch (error) {
    throw damaged(budget, error);
  } finally {
    stream?.destroy();
  }
}
