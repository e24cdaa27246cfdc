import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  admin,
  editor,
  epi,
  goodCsv,
  h1,
  h2,
  historyCount,
  importAuditCount,
  measurementCount,
  reader,
  setUpImportApp,
  storedValues,
  t,
  upload,
} from "./importFixture.ts";

// Importing measurement files: what a file with errors answers, and what a good one stores (support
// in importFixture.ts).

setUpImportApp();

describe("a file with errors", () => {
  it("names every bad row with its column and reason, and writes nothing", async () => {
    const csv = [
      "indicator;unit;month;numerator;denominator",
      "EPI;H1;2024-01;35;50",
      "NOPE;H1;2024-01;1;2",
      "EPI;NOWHERE;2024-01;1;2",
      "EPI;H1;2024-13;1;2",
      "EPI;H2;2024-01;many;2",
      "EPI;H2;2024-02;1;-2",
      "EPI;H1;2024-01;36;50",
      "EPI;H2;2024-03;1;",
      "BEDS;H1;2024-01;5;7",
      "GONE;H1;2024-01;5;",
    ].join("\n");
    const response = await upload(admin, "bad.csv", csv);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const body = response.json();
    expect(body.detail).toContain("Nothing was imported");
    const problems = body.problems as { row: number; field: string; message: string }[];
    const where = problems.map((p) => `${p.row}:${p.field}`);
    expect(where).toEqual([
      "3:indicator",
      "4:unit",
      "5:month",
      "6:numerator",
      "7:denominator",
      "8:month",
      "9:denominator",
      "10:denominator",
      "11:indicator",
    ]);
    expect(problems[0]?.message).toContain('unknown indicator code "NOPE"');
    expect(problems[2]?.message).toContain("month must be 01-12");
    expect(problems[3]?.message).toContain('"many" is not a number');
    expect(problems[4]?.message).toContain("negative");
    expect(problems[5]?.message).toContain("row 2 has it already");
    expect(problems[6]?.message).toContain("needs one");
    expect(problems[7]?.message).toContain("not a ratio");
    expect(problems[8]?.message).toContain("retired");
    expect(await measurementCount()).toBe(0);
  });

  it("counts every repeated row but lists the first 200, in the order of the rows", async () => {
    // 150 unknown units, then 150 repeats of one good row, then 150 more unknown units.
    const unknown = (from: number) => Array.from({ length: 150 }, (_, i) => `EPI;X${from + i};2024-01;1;2`);
    const lines = [
      "indicator;unit;month;numerator;denominator",
      ...unknown(0),
      ...Array.from({ length: 151 }, () => "EPI;H1;2024-02;35;50"),
      ...unknown(150),
    ];
    const response = await upload(admin, "many.csv", lines.join("\n"));
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.problemCount).toBe(450);
    expect(body.detail).toContain("The first 200 are listed");
    const rows = (body.problems as { row: number }[]).map((problem) => problem.row);
    expect(rows).toEqual(Array.from({ length: 200 }, (_, i) => i + 2 + (i >= 150 ? 1 : 0)));
    expect(body.problems[150].message).toContain("row 152 has it already");
    expect(await measurementCount()).toBe(0);
  });

  it("refuses a file whose header lacks a column", async () => {
    const response = await upload(admin, "nohead.csv", "indicator;unit;numerator\nEPI;H1;3");
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ row: 1, field: "month" });
  });

  it("says where a CSV file breaks off, such as at an unclosed quote", async () => {
    const response = await upload(
      admin,
      "quote.csv",
      'indicator;unit;month;numerator;denominator\nEPI;H1;2024-01;"35;50\n',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ field: "file" });
    expect(await measurementCount()).toBe(0);
  });

  it("refuses a file type it cannot read", async () => {
    const response = await upload(admin, "data.xls", "whatever");
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain(".xlsx");
  });
});

describe("importing a good file", () => {
  it("writes every row in one go and reports the counts", async () => {
    const response = await upload(admin, "januar.csv", goodCsv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      source: "januar.csv",
      dryRun: false,
      rows: 5,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      changed: 5,
      ignoredColumns: ["Kommentar"],
    });
    expect(await storedValues(h1.id, "2024-01", "2024-02")).toMatchObject([
      { month: "2024-01", numerator: 35, denominator: 50 },
      { month: "2024-02", numerator: 36.5, denominator: 50 },
    ]);
    expect(await importAuditCount()).toBe(1);
  });

  it("changes nothing when the same file comes again: no history, no audit row", async () => {
    const history = await historyCount();
    const audits = await importAuditCount();
    const response = await upload(admin, "januar.csv", goodCsv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ changed: 0, inserted: 0, updated: 0, unchanged: 5 });
    expect(await historyCount()).toBe(history);
    expect(await importAuditCount()).toBe(audits);
  });

  it("shows in a dry run what would change, and writes nothing", async () => {
    const corrected = goodCsv.replace("EPI;H1;2024-01;35;50", "EPI;H1;2024-01;40;50");
    const response = await upload(admin, "rettet.csv", corrected, "?dryRun=true");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: true,
      changed: 1,
      updated: 1,
      unchanged: 4,
      changes: [
        {
          row: 2,
          indicator: "EPI",
          unit: "H1",
          month: "2024-01",
          change: "updated",
          before: { numerator: 35, denominator: 50 },
          after: { numerator: 40, denominator: 50 },
        },
      ],
    });
    expect((await storedValues(h1.id, "2024-01", "2024-01"))[0]?.numerator).toBe(35);
  });

  it("keeps a replaced value as history: who, when, the old value", async () => {
    const corrected = goodCsv.replace("EPI;H1;2024-01;35;50", "EPI;H1;2024-01;40;50");
    const response = await upload(editor, "rettet.csv", corrected);
    expect(response.json()).toMatchObject({ changed: 1, updated: 1, unchanged: 4 });
    const history = await t.app.inject({
      method: "GET",
      url: `/api/measurements/history?indicatorId=${epi.id}&unitId=${h1.id}&month=2024-01`,
      headers: { cookie: reader },
    });
    expect(history.statusCode).toBe(200);
    const body = history.json();
    expect(body.current).toMatchObject({ numerator: 40, denominator: 50, version: 2 });
    expect(body.replaced).toHaveLength(1);
    expect(body.replaced[0]).toMatchObject({
      oldNumerator: 35,
      oldDenominator: 50,
      oldRecordedByName: expect.any(String),
      replacedByName: expect.stringContaining("Person"),
      source: "rettet.csv",
    });
    expect(new Date(body.replaced[0].replacedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("reads comma-separated files with quoted decimal commas", async () => {
    const csv = 'indicator,unit,month,numerator,denominator\nEPI,H2,2024-02,"7,5",10\n';
    const response = await upload(admin, "komma.csv", csv);
    expect(response.json()).toMatchObject({ inserted: 1 });
  });

  it("reads an Excel workbook, with a month typed as a date", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["indicator", "unit", "month", "numerator", "denominator"]);
    sheet.addRow(["EPI", "H2", "2024-03", 8, 10]);
    const dated = sheet.addRow(["EPI", "H2", new Date(Date.UTC(2024, 3, 1)), 6.5, 10]);
    dated.getCell(3).numFmt = "yyyy-mm";
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(admin, "data.xlsx", buffer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, inserted: 2 });
    const months = await storedValues(h2.id, "2024-03", "2024-04");
    expect(months).toMatchObject([
      { month: "2024-03", numerator: 8 },
      { month: "2024-04", numerator: 6.5 },
    ]);
  });

  it("reports bad rows of a workbook by row and column", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["indicator", "unit", "month", "numerator", "denominator"]);
    sheet.addRow(["EPI", "H2", "2024-05", "x", 10]);
    const response = await upload(admin, "bad.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([
      { row: 2, field: "numerator", code: "unreadable", message: '"x" is not a number' },
    ]);
  });
});
