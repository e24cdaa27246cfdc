import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  admin,
  approver,
  get,
  post,
  reader,
  rowOf,
  store,
  unit,
  withScorecardData,
} from "./scorecards.fixture.ts";

// Publishing scorecards and exporting them to Excel, from the data in scorecards.fixture.ts.

withScorecardData();

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
