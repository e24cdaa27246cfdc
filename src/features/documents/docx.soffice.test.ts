// Opens a generated annual report in a real word processor: LibreOffice converts it to PDF, which it
// only does for a .docx it can read. `scripts/ensure-libreoffice.sh` installs it (CI runs it).

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderDocx } from "./docx.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";
import { docxPart, paragraphs } from "./testing.ts";

const run = promisify(execFile);
const workFolder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-soffice-"));
afterAll(() => fs.rmSync(workFolder, { recursive: true, force: true }));

async function sofficeAvailable(): Promise<boolean> {
  try {
    await run("soffice", ["--version"], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

describe("a generated annual report in LibreOffice", () => {
  it("converts to a non-empty PDF and holds the headings, tables and texts", {
    timeout: 180_000,
  }, async () => {
    if (!(await sofficeAvailable())) {
      throw new Error("LibreOffice (soffice) is missing: run `bash scripts/ensure-libreoffice.sh`.");
    }
    const template = { ...defaultTemplate("annual_report"), includeUnitAnswers: true };
    const content = buildDocument("annual_report", sampleAnnualReportData(), template, "nb");
    const bytes = await renderDocx(content);
    const docxPath = path.join(workFolder, "arlig-melding-2024.docx");
    fs.writeFileSync(docxPath, bytes);

    // A fresh profile per run: a shared one is locked by any other LibreOffice that is running.
    const profile = pathToFileURL(path.join(workFolder, "profile")).href;
    await run(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        workFolder,
        docxPath,
      ],
      { timeout: 150_000 },
    );
    const pdfPath = path.join(workFolder, "arlig-melding-2024.pdf");
    expect(fs.existsSync(pdfPath), "LibreOffice wrote no PDF").toBe(true);
    const pdf = fs.readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);

    const body = paragraphs(await docxPart(bytes, "word/document.xml"));
    const texts = body.map((paragraph) => paragraph.text);
    expect(body).toContainEqual({ style: "Title", text: "Årlig melding 2024 for Helse Nord RHF" });
    expect(body).toContainEqual({ style: "Heading1", text: "Rapportering på mål og oppdrag" });
    expect(body).toContainEqual({
      style: "Heading2",
      text: "2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
    });
    expect(body).toContainEqual({ style: "Heading1", text: "Måloppnåelse og trend" });
    expect(texts).toContain("Status: Delvis innfridd");
    expect(texts).toContain("Fellesrapport Helse Sør-Øst RHF:");
    expect(texts).toContain("Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("Tabell 2 Trend 2024 ved T1, T2 og årets slutt");
    expect(texts).toContain("16/33 (48,5 %)");
    expect(texts).toContain("10/33 (30,3 %)");
  });
});
