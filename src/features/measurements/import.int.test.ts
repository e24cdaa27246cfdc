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
    expect(body).toMatchObject({
      reason: "measurement_import_has_problems",
      params: { file: "bad.csv", count: 9, listed: 9, rows: 10 },
      detail: "«bad.csv» har 9 feil. Ingenting ble importert; rett filen og importer den på nytt.",
    });
    const problems = body.problems as {
      row: number;
      field: string;
      code: string;
      params: Record<string, unknown>;
      message: string;
    }[];
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
    // Each names its column and the value found, and reads in bokmål by default.
    expect(problems.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: "measurement_unknown_indicator", params: { column: "indicator", value: "NOPE" } },
      { code: "measurement_unknown_unit", params: { column: "unit", value: "NOWHERE" } },
      { code: "period_month_range", params: { column: "month", value: "2024-13" } },
      { code: "measurement_not_number", params: { column: "numerator", value: "many" } },
      { code: "figure_denominator_negative", params: { column: "denominator", value: "-2" } },
      {
        code: "measurement_repeated_key",
        params: {
          column: "month",
          value: "2024-01",
          indicator: "EPI",
          unit: "H1",
          month: "2024-01",
          firstRow: 2,
        },
      },
      {
        code: "figure_ratio_needs_denominator",
        params: { column: "denominator", value: "", indicator: "EPI" },
      },
      {
        code: "figure_not_ratio",
        params: { column: "denominator", value: "7", indicator: "BEDS", valueKind: "stock" },
      },
      { code: "measurement_retired_indicator", params: { column: "indicator", value: "GONE", code: "GONE" } },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "det finnes ingen indikator med koden «NOPE»",
      "det finnes ingen enhet med koden «NOWHERE»",
      "Ugyldig periode «2024-13»: måneden må være 01–12.",
      "«many» er ikke et tall",
      "-2 er negativt; en nevner teller noe og er 0 eller mer",
      "EPI, H1, 2024-01 står allerede på rad 2",
      "må fylles ut; EPI er en andel og trenger en nevner",
      "BEDS er ikke en andel; la nevneren stå tom og sett verdien i telleren",
      "indikatoren GONE er avviklet og tar ikke imot nye verdier",
    ]);
    expect(await measurementCount()).toBe(0);
  });

  it("words the refusal and its row problems in English for a user who chose English", async () => {
    // A signed-in user's saved language wins over the browser's (src/problemReply.ts).
    await t.make.user({ username: "english", systemAdmin: true });
    const english = await t.signIn("english");
    const chosen = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie: english },
      payload: { locale: "en" },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const csv = [
      "indicator;unit;month;numerator;denominator",
      "EPI;H1;2024-13;1;2",
      "EPI;H1;2024-02;1;",
    ].join("\n");
    const response = await upload(english, "en.csv", csv);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-language"]).toBe("en");
    expect(response.json()).toMatchObject({
      reason: "measurement_import_has_problems",
      detail: "“en.csv” has 2 problems. Nothing was imported; correct the file and import it again.",
      problems: [
        {
          row: 2,
          field: "month",
          code: "period_month_range",
          message: "Invalid period “2024-13”: month must be 01-12.",
        },
        {
          row: 3,
          field: "denominator",
          code: "figure_ratio_needs_denominator",
          message: "is required; EPI is a ratio and needs a denominator",
        },
      ],
    });
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
    expect(body).toMatchObject({ reason: "measurement_import_has_problems_listed", params: { listed: 200 } });
    expect(body.detail).toContain("De første 200 er listet opp");
    const rows = (body.problems as { row: number }[]).map((problem) => problem.row);
    expect(rows).toEqual(Array.from({ length: 200 }, (_, i) => i + 2 + (i >= 150 ? 1 : 0)));
    expect(body.problems[150]).toMatchObject({
      code: "measurement_repeated_key",
      params: { firstRow: 152 },
      message: "EPI, H1, 2024-02 står allerede på rad 152",
    });
    expect(await measurementCount()).toBe(0);
  });

  it("refuses a file whose header lacks a column", async () => {
    const response = await upload(admin, "nohead.csv", "indicator;unit;numerator\nEPI;H1;3");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "measurement_bad_header",
      params: { file: "nohead.csv" },
      problems: [
        {
          row: 1,
          field: "month",
          code: "measurement_missing_column",
          params: { expected: "month" },
          message: "overskriftsraden har ingen kolonne for måned (godtatte navn: month, måned, maaned, mnd)",
        },
      ],
    });
  });

  it("says where a CSV file breaks off, such as at an unclosed quote", async () => {
    const response = await upload(
      admin,
      "quote.csv",
      'indicator;unit;month;numerator;denominator\nEPI;H1;2024-01;"35;50\n',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "file_csv_quote",
      params: { file: "quote.csv", row: 2 },
      problems: [{ field: "file", code: "file_csv_quote" }],
    });
    expect(await measurementCount()).toBe(0);
  });

  it("refuses a file type it cannot read", async () => {
    const response = await upload(admin, "data.xls", "whatever");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "measurement_unsupported_file_type",
      params: { file: "data.xls", extension: ".xls" },
      detail:
        "«data.xls» er verken en CSV-fil (.csv) eller en Excel-arbeidsbok (.xlsx). Gamle .xls-filer må først lagres som .xlsx.",
    });
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
      {
        row: 2,
        field: "numerator",
        code: "measurement_not_number",
        params: { column: "numerator", value: "x" },
        message: "«x» er ikke et tall",
      },
    ]);
  });
});
