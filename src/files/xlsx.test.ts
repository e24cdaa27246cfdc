import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { measurementFileLimits, requirementTableLimits, type SpreadsheetLimits } from "./limits.ts";
import { columnName, parseCellReference, readFirstSheet, type SheetRow, serialToDate } from "./xlsx.ts";
import { isDateFormatCode } from "./xlsxParts.ts";

const limits = requirementTableLimits.spreadsheet;
const mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function readAll(source: Buffer, given: SpreadsheetLimits = limits): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readFirstSheet(source, given, "test.xlsx")) rows.push(row);
  return rows;
}

async function failure(source: Buffer, given: SpreadsheetLimits = limits): Promise<AppError> {
  try {
    await readAll(source, given);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the workbook was read without a problem");
}

type Parts = { sheet: string; sharedStrings?: string; styles?: string; workbookPr?: string; extra?: string };

/** A workbook written by hand, so each test shows the exact XML it reads. */
async function workbook(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${mainNs}" xmlns:r="${relNs}">${parts.workbookPr ?? ""}<sheets><sheet name="First" sheetId="2" r:id="rId7"/><sheet name="Second" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rId7" Type="${relNs}/worksheet" Target="/xl/worksheets/first.xml"/>
      <Relationship Id="rId2" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>
      <Relationship Id="rId3" Type="${relNs}/styles" Target="styles.xml"/>
    </Relationships>`,
  );
  // The sheet listed first in the workbook is read, not the one first in the zip.
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${mainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second sheet</t></is></c></row></sheetData></worksheet>`,
  );
  zip.file(
    "xl/worksheets/first.xml",
    `<worksheet xmlns="${mainNs}">${parts.extra ?? ""}<sheetData>${parts.sheet}</sheetData></worksheet>`,
  );
  if (parts.sharedStrings)
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${mainNs}">${parts.sharedStrings}</sst>`);
  if (parts.styles) zip.file("xl/styles.xml", `<styleSheet xmlns="${mainNs}">${parts.styles}</styleSheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("cell references and dates", () => {
  it("names columns and reads references", () => {
    expect([1, 26, 27, 200, 16_384].map(columnName)).toEqual(["A", "Z", "AA", "GR", "XFD"]);
    expect(parseCellReference("XFD1048576")).toEqual({ column: 16_384, row: 1_048_576 });
    expect(parseCellReference("B0")).toBeNull();
    expect(parseCellReference("$A$1")).toBeNull();
  });

  it("turns serial numbers into dates in both date systems", () => {
    expect(serialToDate(45383, false).toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(serialToDate(45383.5, false).toISOString()).toBe("2024-04-01T12:00:00.000Z");
    expect(serialToDate(43921, true).toISOString()).toBe("2024-04-01T00:00:00.000Z");
  });

  it("tells date formats from number formats, ignoring quoted text and brackets", () => {
    for (const code of ["yyyy-mm", "dd.mm.yyyy", "mmm yy", "[$-414]d. mmmm yyyy", "h:mm", "yyyy-mm;@"]) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of ["0.00", '#,##0" dager"', "[Red]0.0", "0%", "@", "General", "0.00E+00", "0 \\m"])
      expect(isDateFormatCode(code), code).toBe(false);
  });
});

describe("reading a workbook written by Excel's conventions", () => {
  it("reads what exceljs writes: text, numbers, dates, rich text, formulas, booleans", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Data");
    sheet.addRow(["text", "number", "date", "rich", "formula", "flag"]);
    const row = sheet.addRow([
      "EPI",
      36.5,
      new Date(Date.UTC(2024, 3, 1)),
      { richText: [{ text: "Hoved" }, { font: { bold: true }, text: "mål" }] },
      { formula: "B2*2", result: 73 },
      true,
    ]);
    row.getCell(3).numFmt = "yyyy-mm";
    sheet.addRow([{ formula: "A1&A2", result: "textEPI" }, { formula: "B2*3" }]);
    const rows = await readAll(Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ["text", "number", "date", "rich", "formula", "flag"] },
      { row: 2, cells: ["EPI", 36.5, new Date(Date.UTC(2024, 3, 1)), "Hovedmål", 73, "true"] },
      // A formula never calculated has no value to give.
      { row: 3, cells: ["textEPI"] },
    ]);
  });

  it("reads shared strings without phonetic guides, inline strings and every cell type", async () => {
    const source = await workbook({
      sharedStrings: `<si><t>plain</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch </t></r><rPh><t>PHONETIC</t></rPh></si>`,
      styles: `<numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; d&quot;"/></numFmts>
        <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>`,
      sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="str"><f>A1</f><v>cached</v></c></row>
        <row r="2"><c r="A2" s="1"><v>45383</v></c><c r="B2" s="2"><v>12.5</v></c><c r="C2" s="3"><v>45384</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2024-04-01T00:00:00Z</v></c></row>`,
    });
    expect(await readAll(source)).toEqual([
      { row: 1, cells: ["plain", "rich ", "inline", "cached"] },
      {
        row: 2,
        cells: [
          new Date(Date.UTC(2024, 3, 1)),
          12.5,
          new Date(Date.UTC(2024, 3, 2)),
          "false",
          "#N/A",
          new Date(Date.UTC(2024, 3, 1)),
        ],
      },
    ]);
  });

  it("puts sparse cells in their columns, skips empty rows and numbers cells without references", async () => {
    const source = await workbook({
      sheet: `<row r="2"><c r="B2"><v>1</v></c><c r="E2"><v>2</v></c></row>
        <row r="3"><c r="A3" s="0"/><c r="B3" t="inlineStr"><is><t></t></is></c></row>
        <row><c><v>3</v></c><c><v>4</v></c></row>`,
    });
    expect(await readAll(source)).toEqual([
      { row: 2, cells: [null, 1, null, null, 2] },
      { row: 4, cells: [3, 4] },
    ]);
  });

  it("reads the 1904 date system and elements with a namespace prefix", async () => {
    const source = await workbook({
      workbookPr: '<workbookPr date1904="1"/>',
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      sheet: `<x:row xmlns:x="${mainNs}" r="1"><x:c r="A1" s="1"><x:v>43921</x:v></x:c></x:row>`,
    });
    expect(await readAll(source)).toEqual([{ row: 1, cells: [new Date(Date.UTC(2024, 3, 1))] }]);
  });
});

describe("limits", () => {
  const small = (overrides: Partial<SpreadsheetLimits>) => ({ ...limits, ...overrides });

  it("refuses a cell beyond the last column at once, naming it, without padding out to it", async () => {
    const source = await workbook({
      sheet: `<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>`,
    });
    const error = await failure(source);
    expect(error.code).toBe("validation_failed");
    expect(error.details).toMatchObject({
      reason: "file_beyond_columns",
      params: { file: "test.xlsx", cell: "XFD1", column: "GR", max: 200 },
    });
    expect(error.message).toContain("XFD1");
    expect(error.details.problems).toEqual([
      {
        field: "file",
        code: "file_beyond_columns",
        message: expect.stringContaining("XFD1"),
        params: expect.objectContaining({ cell: "XFD1" }),
        row: 1,
      },
    ]);
  });

  it("refuses a dimension that claims the whole sheet before any row is read", async () => {
    const source = await workbook({ extra: '<dimension ref="A1:XFD1048576"/>', sheet: "" });
    expect((await failure(source)).details).toMatchObject({
      reason: "file_sheet_spans_beyond",
      params: { range: "A1:XFD1048576" },
    });
  });

  it("refuses a row beyond the last row, and too many cells in all", async () => {
    const rows = await workbook({ sheet: `<row r="5001"><c r="A5001"><v>1</v></c></row>` });
    const tooFar = await failure(rows);
    expect(tooFar.code).toBe("payload_too_large");
    expect(tooFar.details).toMatchObject({ reason: "file_row_beyond_max", params: { row: 5001, max: 5000 } });
    expect(tooFar.details.problems?.[0]?.row).toBe(5001);
    expect(await readAll(rows, measurementFileLimits.spreadsheet)).toHaveLength(1);

    const cells = await workbook({ sheet: `<row r="1"><c r="A1"/><c r="B1"/><c r="C1"/></row>` });
    expect((await failure(cells, small({ maxCells: 2 }))).details).toMatchObject({
      reason: "file_too_many_cells",
      params: { max: 2 },
    });
  });

  it("limits shared strings by number, by characters in all, and by length of one", async () => {
    const source = await workbook({
      sharedStrings: "<si><t>abc</t></si><si><t>defgh</t></si>",
      sheet: `<row r="1"><c r="A1" t="s"><v>1</v></c></row>`,
    });
    expect((await failure(source, small({ maxSharedStrings: 1 }))).details).toMatchObject({
      reason: "file_too_many_texts",
      params: { max: 1 },
    });
    expect((await failure(source, small({ maxSharedStringChars: 7 }))).details).toMatchObject({
      reason: "file_too_much_text",
      params: { max: 7 },
    });
    expect((await failure(source, small({ maxCellChars: 4 }))).details).toMatchObject({
      reason: "file_text_too_long",
      params: { max: 4, index: 2 },
    });
  });

  it("limits one cell's characters", async () => {
    const source = await workbook({
      sheet: `<row r="1"><c r="B1" t="inlineStr"><is><t>too long</t></is></c></row>`,
    });
    expect((await failure(source, small({ maxCellChars: 5 }))).details).toMatchObject({
      reason: "file_cell_too_long",
      params: { cell: "B1", max: 5 },
    });
  });

  it("limits entries, bytes of a part, bytes in all, and time", async () => {
    const source = await workbook({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>` });
    const reasonFor = async (given: Partial<SpreadsheetLimits>) =>
      (await failure(source, small(given))).details;
    expect(await reasonFor({ maxEntries: 3 })).toMatchObject({
      reason: "file_too_many_entries",
      params: { max: 3 },
    });
    expect(await reasonFor({ maxPartBytes: 100 })).toMatchObject({
      reason: "file_part_too_large",
      params: { limit: "100 B" },
    });
    expect(await reasonFor({ maxTotalBytes: 300 })).toMatchObject({
      reason: "file_unpacked_too_large",
      params: { limit: "300 B" },
    });
    expect(await reasonFor({ maxMilliseconds: -1 })).toMatchObject({
      reason: "file_read_too_slow",
      params: { seconds: -0 },
    });
  });

  it("refuses a part that packs far better than any real sheet", async () => {
    const zip = new JSZip();
    const blank = await workbook({ sheet: "" });
    const parts = await JSZip.loadAsync(blank);
    for (const name of Object.keys(parts.files))
      zip.file(name, (await parts.file(name)?.async("string")) ?? "");
    zip.file(
      "xl/worksheets/first.xml",
      `<worksheet xmlns="${mainNs}"><sheetData>${" ".repeat(12 * 1024 * 1024)}</sheetData></worksheet>`,
    );
    const source = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const error = await failure(source, measurementFileLimits.spreadsheet);
    expect(error.code).toBe("payload_too_large");
    expect(error.details).toMatchObject({
      reason: "file_zip_bomb",
      params: { part: "xl/worksheets/first.xml", max: 100 },
    });
    expect(error.message).toContain("times its packed size");
  });

  it("refuses XML with a DOCTYPE, and saxes never expands a declared entity anyway", async () => {
    const { SaxesParser } = await import("saxes");
    const parser = new SaxesParser();
    let text = "";
    parser.on("text", (t) => {
      text += t;
    });
    expect(() => parser.write('<!DOCTYPE x [<!ENTITY a "expanded">]><x>&a;</x>').close()).toThrow(
      /undefined entity/,
    );
    expect(text).not.toContain("expanded");

    const source = await workbook({ sheet: "" });
    const zip = await JSZip.loadAsync(source);
    zip.file(
      "xl/worksheets/first.xml",
      `<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet xmlns="${mainNs}"/>`,
    );
    const withDoctype = await zip.generateAsync({ type: "nodebuffer" });
    expect((await failure(withDoctype)).details).toMatchObject({
      reason: "file_xml_doctype",
      params: { part: "xl/worksheets/first.xml" },
    });
  });

  it("says what is wrong with files that are no workbook", async () => {
    expect((await failure(Buffer.from("a;b\n1;2\n"))).details.reason).toBe("file_not_zip");
    expect((await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).details.reason).toBe("file_old_xls");
    expect((await failure(Buffer.alloc(0))).details).toMatchObject({
      reason: "file_empty",
      params: { file: "test.xlsx" },
    });
    expect((await failure(Buffer.from([0x50, 0x4b, 3, 4, 1, 2]))).details.problems?.[0]?.field).toBe("file");
  });
});
