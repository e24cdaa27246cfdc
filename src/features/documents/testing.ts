// Reading generated .docx files back in tests: one part's XML, its paragraphs as text, and the
// file opened by LibreOffice.

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";

export async function docxPart(bytes: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(path);
  if (!part) throw new Error(`${path} is missing from the .docx`);
  return part.async("string");
}

/** The visible text of each paragraph of word/document.xml with its style, in order. */
export function paragraphs(documentXml: string): { style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const body = match[1] ?? "";
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    return { style, text: decodeXml(text) };
  });
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// ---------------------------------------------------------------------------------------------
// LibreOffice: opening a .docx in a real word processor. `scripts/ensure-libreoffice.sh` installs
// it (CI runs it); a test that needs it fails, rather than skips, when it is missing.

const run = promisify(execFile);

export async function requireSoffice(): Promise<void> {
  try {
    await run("soffice", ["--version"], { timeout: 60_000 });
  } catch {
    throw new Error("LibreOffice (soffice) is missing: run `bash scripts/ensure-libreoffice.sh`.");
  }
}

/**
 * Converts .docx files to PDF with LibreOffice, in one run, and returns each PDF's bytes in the
 * same order. LibreOffice writes a PDF only for a file it could open.
 */
export async function convertToPdf(docxFiles: { name: string; bytes: Buffer }[]): Promise<Buffer[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-soffice-"));
  try {
    const paths = docxFiles.map((file) => {
      const target = path.join(folder, `${file.name}.docx`);
      fs.writeFileSync(target, file.bytes);
      return target;
    });
    // A fresh profile per run: a shared one is locked by any other LibreOffice that is running.
    const profile = pathToFileURL(path.join(folder, "profile")).href;
    await run(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", folder, ...paths],
      { timeout: 150_000 },
    );
    return docxFiles.map((file) => {
      const pdfPath = path.join(folder, `${file.name}.pdf`);
      if (!fs.existsSync(pdfPath)) throw new Error(`LibreOffice wrote no PDF for ${file.name}.docx`);
      return fs.readFileSync(pdfPath);
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// pdftotext (poppler-utils, installed with LibreOffice by the same script): the PDF's text, page by page.

export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-pdftotext-"));
  try {
    const file = path.join(folder, "document.pdf");
    fs.writeFileSync(file, pdf);
    let stdout: string;
    try {
      // -layout: lines as they are on the page. Without it, pdftotext joins a word that ends a
      // line with a hyphen to the next line's first ("LIS-" + "stillinger"), which reads as a
      // broken word.
      ({ stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      if ((error as { code?: unknown }).code === "ENOENT") {
        throw new Error("pdftotext is missing: run `bash scripts/ensure-libreoffice.sh`.");
      }
      throw error;
    }
    return stdout.split("\f").filter((page, index, all) => index < all.length - 1 || page.trim() !== "");
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How often a word stands whole in a text (not as part of a longer word). */
export function wholeWordCount(text: string, word: string): number {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "gu");
  return text.match(pattern)?.length ?? 0;
}

/**
 * The words a PDF shows less often whole than the Word file holds them: a word broken inside a
 * table cell ("Målopp" / "nåelse") is one of them. Take the lines only the PDF has (the footer)
 * out of its text first, so that they cannot make up for a broken word.
 */
export function brokenWords(docxText: string, pdfText: string, words: Iterable<string>): string[] {
  const broken = new Set<string>();
  for (const word of words) {
    if (wholeWordCount(pdfText, word) < wholeWordCount(docxText, word)) broken.add(word);
  }
  return [...broken];
}

/** The words of table headers and of cells that say a status or a colour, of a content model. */
export function tableWords(content: {
  sections: { blocks: { kind: string; header?: string[]; rows?: string[][]; tones?: unknown[][] }[] }[];
}): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/[\s()/,;:]+/)) if (/^\p{L}{3,}$/u.test(word)) words.add(word);
  };
  for (const block of content.sections.flatMap((section) => section.blocks)) {
    if (block.kind !== "table") continue;
    for (const cell of block.header ?? []) add(cell);
    block.rows?.forEach((row, index) => {
      row.forEach((cell, column) => {
        if (block.tones?.[index]?.[column]) add(cell);
      });
    });
  }
  return words;
}
