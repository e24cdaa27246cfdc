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
