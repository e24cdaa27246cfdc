import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, measurementHistory, measurements } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let editor: string;
let reader: string;
let h1: { id: number; code: string };
let h2: { id: number; code: string };
let epi: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.make.unit({ kind: "owner", code: "ROOT" });
  const region = await t.make.unit({ parentId: root.id, kind: "regional_health_authority", code: "REG" });
  const trust1 = await t.make.unit({ parentId: region.id, code: "T1" });
  const trust2 = await t.make.unit({ parentId: region.id, code: "T2" });
  h1 = await t.make.unit({ parentId: trust1.id, kind: "hospital", code: "H1" });
  h2 = await t.make.unit({ parentId: trust1.id, kind: "hospital", code: "H2" });
  await t.make.unit({ parentId: trust2.id, kind: "hospital", code: "H3" });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "editor", roles: [{ unitId: trust1.id, role: "editor" }] });
  await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
  admin = await t.signIn("root");
  editor = await t.signIn("editor");
  reader = await t.signIn("reader");

  const create = async (payload: object) =>
    (
      await t.app.inject({ method: "POST", url: "/api/indicators", headers: { cookie: admin }, payload })
    ).json();
  epi = await create({
    code: "EPI",
    nameNb: "Epikriser innen 1 dag",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
  });
  await create({
    code: "BEDS",
    nameNb: "Døgnplasser",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "stock",
  });
  const old = await create({
    code: "GONE",
    nameNb: "Gammel",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "count",
  });
  await t.app.inject({
    method: "POST",
    url: `/api/indicators/${old.id}/retire`,
    headers: { cookie: admin },
    payload: { version: 1 },
  });
});
afterAll(() => t.close());

function upload(cookie: string, fileName: string, content: string | Buffer, query = "", app = t.app) {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), fileName);
  return app.inject({
    method: "POST",
    url: `/api/measurements/import${query}`,
    headers: { cookie },
    payload: form,
  });
}

async function measurementCount() {
  const [row] = await t.db.select({ n: count() }).from(measurements);
  return row?.n ?? 0;
}
async function historyCount() {
  const [row] = await t.db.select({ n: count() }).from(measurementHistory);
  return row?.n ?? 0;
}
async function importAuditCount() {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.entityType, "measurement_import"));
  return row?.n ?? 0;
}

async function storedValues(unitId: number, from: string, to: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/measurements?indicatorId=${epi.id}&unitId=${unitId}&from=${from}&to=${to}`,
    headers: { cookie: reader },
  });
  return response.json() as { month: string; numerator: number; denominator: number | null }[];
}

// Norwegian Excel's CSV: semicolons, decimal commas, a BOM, Norwegian headings and an extra column.
const goodCsv = [
  "\ufeffIndikator;Enhet;Måned;Teller;Nevner;Kommentar",
  "EPI;H1;2024-01;35;50;",
  "EPI;H1;2024-02;36,5;50;halv pasient? nei, dager",
  "EPI;H2;2024-01;9;10;",
  "BEDS;H1;2024-01;1 020;;",
  "beds;h2;2024-01;40;;",
].join("\r\n");

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

describe("who may import", () => {
  it("names each unit the importer may not write to, by its first row, and writes nothing", async () => {
    const before = await measurementCount();
    const csv = [
      "indicator;unit;month;numerator;denominator",
      "EPI;H1;2025-01;1;2",
      "EPI;H3;2025-01;1;2",
      "EPI;H3;2025-02;1;2",
      "EPI;REG;2025-01;1;2",
    ].join("\n");
    const response = await upload(editor, "blandet.csv", csv);
    expect(response.statusCode).toBe(403);
    expect(response.json().problems).toEqual([
      {
        row: 3,
        field: "unit",
        code: "not_allowed",
        message: expect.stringContaining("(H3)"),
        params: { unit: "H3" },
      },
      {
        row: 5,
        field: "unit",
        code: "not_allowed",
        message: expect.stringContaining("(REG)"),
        params: { unit: "REG" },
      },
    ]);
    expect(await measurementCount()).toBe(before);
  });

  it("forbids a reader", async () => {
    const response = await upload(
      reader,
      "x.csv",
      "indicator;unit;month;numerator;denominator\nEPI;H1;2025-03;1;2",
    );
    expect(response.statusCode).toBe(403);
  });

  it("asks for a sign-in", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a"]), "x.csv");
    const response = await t.app.inject({ method: "POST", url: "/api/measurements/import", payload: form });
    expect(response.statusCode).toBe(401);
  });
});

describe("the JSON API", () => {
  it("takes rows with the same checks, numbered from 1", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: admin },
      payload: {
        rows: [
          { indicator: "EPI", unit: "H1", month: "2024-06", numerator: 3, denominator: 4 },
          { indicator: "EPI", unit: "H1", month: "June", numerator: 3, denominator: 4 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([
      { row: 2, field: "month", code: "unreadable", message: expect.stringContaining("YYYY-MM") },
    ]);

    const good = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: admin },
      payload: { rows: [{ indicator: "EPI", unit: "H1", month: "2024-06", numerator: 3, denominator: 4 }] },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ source: "api", inserted: 1 });
  });
});

describe("the upload limit", () => {
  it("answers 413 with a problem when the file is larger than the limit", async () => {
    const small = await createTestApp({ uploadLimitBytes: 100 });
    try {
      await small.make.user({ username: "root", systemAdmin: true });
      const cookie = await small.signIn("root");
      const response = await upload(cookie, "big.csv", "x".repeat(1000), "", small.app);
      expect(response.statusCode).toBe(413);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ code: "payload_too_large" });
      expect(response.json().detail).toContain("100 bytes");
    } finally {
      await small.close();
    }
  });
});
