import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMonth, monthRange, parseMonth } from "../../domain/periods.ts";
import { createTestApp } from "../../testing/app.ts";

// Figures in these tests are computed by hand from the data below.
//
// EPI (share, %, 1 decimal), H1 and H2 under trust T1:
//   H1: 30/50 a month in 2023, 35/50 a month Jan-Apr 2024. H2: 9/10 every month.
//   T1-2024, this period Feb-Apr 2024: (105 + 27) / (150 + 30) = 132/180 = 73,3 %
//   (the average of the hospitals' percentages would be (70 + 90) / 2 = 80 %).
//   Year to date Jan-Apr 2024: 176/240 = 73,3 %. Last year to date Jan-Apr 2023: 156/240 = 65,0 %.
//   Trend: Feb-Apr 2023 is 117/180 = 65 %, change (73,33 - 65) / 65 = +12,8 % -> green.
// BEDS (stock): H1 100 in Jan-Mar 2024 and nothing in April; H2 40, 42, 44, 46 in Jan-Apr.
//   Each unit's latest month, then summed: 100 (H1, March) + 46 (H2, April) = 146.
// SICK (share, lower is better, lag 2): H1 9/100 every month of 2023; 8/100 Jan-Feb 2024;
//   20/100 Mar-Apr 2024, which T1 may not use yet. T1-2024 ends in February: Dec 2023-Feb 2024
//   = 25/300 = 8,3 %. Target: 2023 level 9 % cut 5 % = 8,55 -> 8,6 shown; 8,3 <= 8,6 -> green.
// QUAL (share, limits 20/13, minimum denominator 10): H3 1/3 a month -> 3/9 over three months: <10.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let approver: string;
let reader: string;
let t2Reader: string;
const unit: Record<string, { id: number; code: string }> = {};
const indicator: Record<string, { id: number }> = {};

const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: "POST", url, headers: { cookie }, payload });

function monthly(
  code: string,
  unitCode: string,
  first: string,
  last: string,
  numerator: number,
  denominator?: number,
) {
  return monthRange(parseMonth(first), parseMonth(last)).map((month) => ({
    indicator: code,
    unit: unitCode,
    month: formatMonth(month),
    numerator,
    ...(denominator === undefined ? {} : { denominator }),
  }));
}

async function store(rows: object[]) {
  const response = await post(admin, "/api/measurements", { rows });
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  unit.ROOT = await t.make.unit({ kind: "owner", code: "ROOT" });
  unit.REG = await t.make.unit({ parentId: unit.ROOT.id, kind: "regional_health_authority", code: "REG" });
  unit.T1 = await t.make.unit({ parentId: unit.REG.id, code: "T1" });
  unit.T2 = await t.make.unit({ parentId: unit.REG.id, code: "T2" });
  unit.H1 = await t.make.unit({ parentId: unit.T1.id, kind: "hospital", code: "H1" });
  unit.H2 = await t.make.unit({ parentId: unit.T1.id, kind: "hospital", code: "H2" });
  unit.H3 = await t.make.unit({ parentId: unit.T2.id, kind: "hospital", code: "H3" });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "approver", roles: [{ unitId: unit.T1.id, role: "approver" }] });
  await t.make.user({ username: "reader", roles: [{ unitId: unit.REG.id, role: "reader" }] });
  await t.make.user({ username: "t2reader", roles: [{ unitId: unit.T2.id, role: "reader" }] });
  admin = await t.signIn("root");
  approver = await t.signIn("approver");
  reader = await t.signIn("reader");
  t2Reader = await t.signIn("t2reader");

  const share = { unitLabel: "%", direction: "higher", valueKind: "ratio", scale: 100, decimals: 1 };
  const definitions = [
    { code: "EPI", nameNb: "Epikriser innen 1 dag", ...share },
    { code: "BEDS", nameNb: "Døgnplasser", unitLabel: "antall", direction: "higher", valueKind: "stock" },
    { code: "SICK", nameNb: "Sykefravær", ...share, direction: "lower", lagMonths: 2 },
    { code: "QUAL", nameNb: "Trombolyse", ...share, decimals: 0, minDenominator: 10 },
    {
      code: "COUNT",
      nameNb: "Kliniske studier",
      unitLabel: "antall",
      direction: "higher",
      valueKind: "count",
    },
  ];
  for (const definition of definitions) {
    indicator[definition.code] = (await post(admin, "/api/indicators", definition)).json();
  }
  const target = async (code: string, body: object) => {
    const response = await post(admin, `/api/indicators/${indicator[code]?.id}/targets`, body);
    if (response.statusCode !== 201) throw new Error(response.body);
  };
  await target("EPI", { year: 2024, rule: { kind: "threshold", comparator: "gte", value: 75 } });
  await target("EPI", {
    year: 2024,
    unitId: unit.T1.id,
    rule: { kind: "threshold", comparator: "gte", value: 70 },
  });
  await target("SICK", {
    year: 2024,
    rule: { kind: "baseline_change_with_floor", baselineYear: 2023, changePerYear: -0.05, limit: 7.5 },
  });
  await target("QUAL", { year: null, rule: { kind: "limits", greenLimit: 20, yellowLimit: 13 } });
  await target("COUNT", { year: 2024, rule: { kind: "better_than_last_year" } });

  await store([
    ...monthly("EPI", "H1", "2023-01", "2023-12", 30, 50),
    ...monthly("EPI", "H1", "2024-01", "2024-04", 35, 50),
    ...monthly("EPI", "H2", "2023-01", "2024-04", 9, 10),
    ...monthly("BEDS", "H1", "2024-01", "2024-03", 100),
    { indicator: "BEDS", unit: "H2", month: "2024-01", numerator: 40 },
    { indicator: "BEDS", unit: "H2", month: "2024-02", numerator: 42 },
    { indicator: "BEDS", unit: "H2", month: "2024-03", numerator: 44 },
    { indicator: "BEDS", unit: "H2", month: "2024-04", numerator: 46 },
    ...monthly("SICK", "H1", "2023-01", "2023-12", 9, 100),
    ...monthly("SICK", "H1", "2024-01", "2024-02", 8, 100),
    ...monthly("SICK", "H1", "2024-03", "2024-04", 20, 100),
    ...monthly("QUAL", "H3", "2024-02", "2024-04", 1, 3),
  ]);
});
afterAll(() => t.close());

type Row = {
  indicator: { code: string };
  [key: string]: unknown;
};
const rowOf = (body: { rows: Row[] }, code: string) => {
  const row = body.rows.find((each) => each.indicator.code === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
};

describe("a trust's scorecard", () => {
  let body: { rows: Row[]; summary: unknown; period: string; periodLabel: string };

  beforeAll(async () => {
    const response = await get(reader, `/api/units/${unit.T1?.id}/scorecard?period=2024-T1`);
    expect(response.statusCode).toBe(200);
    body = response.json();
  });

  it("pools numerators and denominators over months and hospitals, never averaging percentages", () => {
    expect(body).toMatchObject({ period: "2024-T1", periodLabel: "T1-2024" });
    expect(rowOf(body, "EPI")).toMatchObject({
      lastMonth: "2024-04",
      thisPeriod: {
        first: "2024-02",
        last: "2024-04",
        displayedValue: "73,3",
        numeratorSum: 132,
        denominatorSum: 180,
        monthsUsed: ["2024-02", "2024-03", "2024-04"],
        unitsUsed: ["H1", "H2"],
      },
      yearToDate: { displayedValue: "73,3", numeratorSum: 176, denominatorSum: 240 },
      lastYearToDate: { first: "2023-01", last: "2023-04", displayedValue: "65,0", numeratorSum: 156 },
    });
    expect(rowOf(body, "EPI").thisPeriod).not.toMatchObject({ displayedValue: "80,0" });
  });

  it("uses the trust's own target over the general one, and colours on the figure shown", () => {
    expect(rowOf(body, "EPI")).toMatchObject({
      target: { level: "unit", unitId: unit.T1?.id, rule: { kind: "threshold", value: 70 } },
      attainment: { colour: "green", reason: "met", targetValue: 70, comparator: "gte" },
      trend: { colour: "green", mode: "relative" },
    });
    const change = (rowOf(body, "EPI").trend as { change: number }).change;
    expect(change).toBeCloseTo((132 / 180 - 117 / 180) / (117 / 180), 8);
  });

  it("takes each hospital's latest month for a stock, then adds them up", () => {
    expect(rowOf(body, "BEDS")).toMatchObject({ thisPeriod: { displayedValue: "146", numeratorSum: 146 } });
  });

  it("ends a lagged indicator's windows two months early and steps its baseline target", () => {
    expect(rowOf(body, "SICK")).toMatchObject({
      lastMonth: "2024-02",
      thisPeriod: {
        first: "2023-12",
        last: "2024-02",
        displayedValue: "8,3",
        numeratorSum: 25,
        denominatorSum: 300,
      },
      yearToDate: { displayedValue: "8,0" },
      baselineValue: 9,
      attainment: { colour: "green", targetValue: 8.6, comparator: "lte" },
    });
  });

  it("shows grey, never red, without data", () => {
    expect(rowOf(body, "COUNT")).toMatchObject({
      thisPeriod: { state: "no_data" },
      attainment: { colour: "grey", reason: "no_data" },
      trend: { colour: "grey" },
    });
  });

  it("explains each row's rules", () => {
    expect(rowOf(body, "EPI").explanation).toContain("sum teller / sum nevner");
    expect(rowOf(body, "SICK").explanation).toContain("2 mnd forsinkelse");
  });
});

describe("the region's scorecard", () => {
  let body: { rows: Row[]; summary: { attainment: Record<string, { count: number }> } };

  beforeAll(async () => {
    body = (await get(reader, `/api/units/${unit.REG?.id}/scorecard?period=2024-T1`)).json();
  });

  it("aggregates the whole subtree and applies the general target", () => {
    expect(rowOf(body, "EPI")).toMatchObject({
      thisPeriod: { displayedValue: "73,3", unitsUsed: ["T1"] },
      target: { level: "general", unitId: null },
      attainment: { colour: "red", targetValue: 75 },
    });
  });

  it("keeps stocks per reporting hospital even two levels down", () => {
    expect(rowOf(body, "BEDS")).toMatchObject({ thisPeriod: { numeratorSum: 146 } });
  });

  it("hides a figure below the minimum denominator, with its colour", () => {
    expect(rowOf(body, "QUAL")).toMatchObject({
      thisPeriod: { state: "too_few", displayedValue: "<10", denominatorSum: 9 },
      attainment: { colour: "grey", reason: "too_few", displayedValue: "<10" },
      trend: { colour: "grey" },
    });
  });

  it("counts the colours", () => {
    expect(body.summary.attainment).toMatchObject({
      green: { count: 1 },
      red: { count: 1 },
      grey: { count: 3 },
    });
  });
});

describe("access and input", () => {
  it("forbids a reader of another trust, and allows their own", async () => {
    expect((await get(t2Reader, `/api/units/${unit.T1?.id}/scorecard?period=2024-T1`)).statusCode).toBe(403);
    expect((await get(t2Reader, `/api/units/${unit.T2?.id}/scorecard?period=2024-T1`)).statusCode).toBe(200);
  });

  it("names a bad period", async () => {
    const response = await get(reader, `/api/units/${unit.T1?.id}/scorecard?period=2024-T4`);
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ field: "period" });
  });
});

describe("one indicator in detail", () => {
  it("breaks a unit's figure down by the units right below it", async () => {
    const response = await get(
      reader,
      `/api/indicators/${indicator.EPI?.id}/breakdown?unitId=${unit.T1?.id}&period=2024-T1`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total.thisPeriod.displayedValue).toBe("73,3");
    expect(body.own).toBeNull();
    expect(
      body.children.map(
        (child: { unit: { code: string }; row: { thisPeriod: { displayedValue: string } } }) => [
          child.unit.code,
          child.row.thisPeriod.displayedValue,
        ],
      ),
    ).toEqual([
      ["H1", "70,0"],
      ["H2", "90,0"],
    ]);
    // The hospitals inherit the trust's target of 70 %.
    expect(body.children[0].row.target).toMatchObject({ level: "above", unitId: unit.T1?.id });
  });

  it("gives the monthly series against the target of each year", async () => {
    const response = await get(
      reader,
      `/api/indicators/${indicator.EPI?.id}/series?unitId=${unit.T1?.id}&from=2023-12&to=2024-02`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.months).toMatchObject([
      { month: "2023-12", displayedValue: "65,0", targetValue: null, colour: "grey" },
      {
        month: "2024-01",
        displayedValue: "73,3",
        numeratorSum: 44,
        denominatorSum: 60,
        targetValue: 70,
        colour: "green",
      },
      { month: "2024-02", displayedValue: "73,3" },
    ]);
    expect(body.targets).toMatchObject([
      { year: 2023, target: null },
      { year: 2024, target: { level: "unit", rule: { value: 70 } } },
    ]);
  });
});

describe("published scorecards", () => {
  let publishedId: number;

  it("lets an approver publish, not a reader", async () => {
    const refused = await post(reader, `/api/units/${unit.T1?.id}/scorecard/publish`, { period: "2024-T1" });
    expect(refused.statusCode).toBe(403);
    const response = await post(approver, `/api/units/${unit.T1?.id}/scorecard/publish`, {
      period: "2024-T1",
    });
    expect(response.statusCode).toBe(201);
    publishedId = response.json().id;
    expect(response.json()).toMatchObject({ period: "2024-T1", unitId: unit.T1?.id });
    const audit = await get(admin, `/api/audit?entityType=published_scorecard&entityId=${publishedId}`);
    expect(audit.json().entries[0]).toMatchObject({ action: "publish", after: { period: "2024-T1" } });
  });

  it("stays as published when the data change, and says what changed since", async () => {
    // H1 April corrected from 35/50 to 50/50: this period becomes (120 + 27) / 180 = 81,7 %.
    const corrected = await store([
      { indicator: "EPI", unit: "H1", month: "2024-04", numerator: 50, denominator: 50 },
    ]);
    expect(corrected).toMatchObject({ updated: 1 });

    const live = (await get(reader, `/api/units/${unit.T1?.id}/scorecard?period=2024-T1`)).json();
    expect(rowOf(live, "EPI")).toMatchObject({ thisPeriod: { displayedValue: "81,7" } });

    const response = await get(reader, `/api/published-scorecards/${publishedId}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(rowOf(body.scorecard, "EPI")).toMatchObject({
      thisPeriod: { displayedValue: "73,3", numeratorSum: 132 },
    });
    expect(body.changesSincePublished).toMatchObject({
      changed: 1,
      indicators: [
        {
          code: "EPI",
          status: "changed",
          fields: expect.arrayContaining([
            { field: "thisPeriod", before: "73,3", after: "81,7" },
            { field: "thisPeriod.sums", before: "132/180", after: "147/180" },
          ]),
        },
      ],
    });
  });

  it("lists a unit's publications and builds Tabell 1 and 2 from them", async () => {
    const list = (await get(reader, `/api/units/${unit.T1?.id}/published-scorecards`)).json();
    expect(list).toHaveLength(1);
    const summary = (await get(reader, `/api/units/${unit.T1?.id}/scorecard/summary?year=2024`)).json();
    expect(summary.columns).toMatchObject([
      { period: "2024-T1", label: "T1-2024", source: "published", publishedId },
      { period: "2024-T2", label: "T2-2024", source: "live" },
      { period: "2024", label: "Årlig melding", source: "live" },
    ]);
    const green = summary.attainment.rows.find((row: { colour: string }) => row.colour === "green");
    // At T1 as published: EPI and SICK green of 5 indicators.
    expect(green.cells[0]).toMatchObject({ count: 2, total: 5, formatted: "2/5 (40,0 %)" });
  });
});

describe("the Excel export", () => {
  async function workbookFrom(url: string) {
    const response = await get(reader, url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain(".xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }

  function epiRow(sheet: ExcelJS.Worksheet) {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "EPI") found = row;
    });
    if (!found) throw new Error("no EPI row");
    return found;
  }

  it("has Norwegian headings, the figures as numbers, and colours written out in words", async () => {
    const workbook = await workbookFrom(`/api/units/${unit.T1?.id}/scorecard.xlsx?period=2024-T1`);
    const sheet = workbook.getWorksheet("Målekort");
    if (!sheet) throw new Error("no scorecard sheet");
    const headings = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Indikator",
        "Denne perioden",
        "Hittil i år",
        "Hittil i fjor",
        "Måloppnåelse",
        "Trend",
      ]),
    );
    const row = epiRow(sheet);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    expect(row.getCell(column("Denne perioden")).value).toBe(81.7);
    expect(row.getCell(column("Måloppnåelse")).value).toBe("Grønn – mål nådd");
    const fill = row.getCell(column("Måloppnåelse")).fill;
    expect(fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFB7E1CD" } });
    expect(row.getCell(column("Trend")).value).toBe("Grønn – positiv trend");
    expect(workbook.getWorksheet("Sammendrag")?.getCell("A1").value).toBe("Tabell 1 Måloppnåelse");
    expect(workbook.getWorksheet("Leseveiledning")).toBeDefined();
  });

  it("exports a published scorecard as it was published", async () => {
    const list = (await get(reader, `/api/units/${unit.T1?.id}/published-scorecards`)).json();
    const workbook = await workbookFrom(`/api/published-scorecards/${list[0].id}/scorecard.xlsx`);
    const sheet = workbook.getWorksheet("Målekort");
    if (!sheet) throw new Error("no scorecard sheet");
    const headings = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(epiRow(sheet).getCell(headings.indexOf("Denne perioden") + 1).value).toBe(73.3);
  });
});

describe("the scorecard's summed query", () => {
  it("gives every indicator the same figures as the breakdown's unit-by-unit total, own data included", async () => {
    // Last in the file, as it adds data. The trust's own figures count as its own, beside its hospitals'.
    await store(monthly("EPI", "T1", "2024-02", "2024-03", 5, 10));
    for (const code of ["ROOT", "REG", "T1"]) {
      const scorecard = (await get(admin, `/api/units/${unit[code]?.id}/scorecard?period=2024-T1`)).json();
      for (const row of scorecard.rows as (Row & { indicator: { id: number } })[]) {
        const breakdown = (
          await get(
            admin,
            `/api/indicators/${row.indicator.id}/breakdown?unitId=${unit[code]?.id}&period=2024-T1`,
          )
        ).json();
        for (const column of [
          "thisPeriod",
          "yearToDate",
          "lastYearToDate",
          "sameWindowLastYear",
          "evaluated",
        ]) {
          expect(row[column], `${code} ${row.indicator.code} ${column}`).toEqual(breakdown.total[column]);
        }
      }
    }
    const trust = (await get(admin, `/api/units/${unit.T1?.id}/scorecard?period=2024-T1`)).json();
    expect(rowOf(trust, "EPI")).toMatchObject({
      thisPeriod: { denominatorSum: 200, unitsUsed: ["H1", "H2", "T1"] },
    });
  });
});
