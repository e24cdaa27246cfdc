// The round matrix as an Excel workbook: read back with exceljs, it has Norwegian headings, the
// requirement rows by unit columns with each answer in words and a fill, the consolidated answer
// last, a frozen header row and first columns; and it follows the matrix view's access rule.

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  call,
  openRoundsWithOneSubmittedAnswer,
  owner,
  roundId,
  setUpReportingApp,
  t,
} from "./reporting.fixture.ts";

setUpReportingApp();
beforeAll(openRoundsWithOneSubmittedAnswer);

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** The cell values of a row as text, first column first. */
function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => String(row.getCell(index + 1).value ?? ""));
}

describe("the round matrix in Excel", () => {
  it("gives requirements by units with status in words and a fill, consolidated last, headings frozen", async () => {
    const round = await roundId("2024-T1");
    const response = await call("GET", "regReader", `/api/rounds/${round}/matrix.xlsx?asOf=2024-06-01`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="svar-per-krav-.*\.xlsx"/);

    const workbook = await workbookOf(response.rawPayload);
    const sheet = workbook.getWorksheet("Svar per krav");
    if (!sheet) throw new Error("no matrix sheet");
    expect(String(sheet.getCell("A1").value)).toBe(
      "Svar per krav og enhet – Styringskrav og rammer 2024, 1. tertial 2024",
    );
    expect(rowTexts(sheet, 4)).toEqual([
      "Krav nr.",
      "Krav",
      "Trust A HF (TA)",
      "Trust B HF (TB)",
      "Trust C HF (TC)",
      "Samlet svar – Region RHF (REG)",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 2 });

    // Requirement 1 is outside any chapter: a heading row, then its row.
    expect(rowTexts(sheet, 5)[0]).toBe("Uten kapittel");
    expect(rowTexts(sheet, 6)).toEqual([
      "1",
      "Reduser sykefraværet.",
      "Delvis innfridd – sendt inn (forsinket)",
      "Ikke startet – utkast (forsinket)",
      "Ikke startet – utkast (forsinket)",
      expect.stringMatching(/^Ikke startet – utkast/),
    ]);
    const known = sheet.getRow(6).getCell(3);
    expect(known.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE8B2" } });
    expect(workbook.getWorksheet("Forklaring")).toBeDefined();
  });

  it("shows a trust's reader only the trust's column, as the matrix view does", async () => {
    const round = await roundId("2024-T1");
    const response = await call("GET", "taReader", `/api/rounds/${round}/matrix.xlsx`);
    expect(response.statusCode).toBe(200);
    const sheet = (await workbookOf(response.rawPayload)).getWorksheet("Svar per krav");
    if (!sheet) throw new Error("no matrix sheet");
    expect(rowTexts(sheet, 4)).toEqual(["Krav nr.", "Krav", "Trust A HF (TA)"]);
  });

  it("refuses a reader outside the round's tree, and an unknown round", async () => {
    const other = await t.make.unit({ parentId: owner.id, code: "OTHER", name: "Other RHF" });
    await t.make.user({ username: "otherReader", roles: [{ unitId: other.id, role: "reader" }] });
    const cookie = await t.signIn("otherReader");
    const round = await roundId("2024-T1");
    const get = (url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
    // The round is not theirs to know of: the same answer as the matrix view, and no workbook.
    const refused = await get(`/api/rounds/${round}/matrix.xlsx`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect((await get(`/api/rounds/${round}/matrix`)).statusCode).toBe(404);
    expect((await call("GET", "regReader", "/api/rounds/999999/matrix.xlsx")).statusCode).toBe(404);
  });
});
