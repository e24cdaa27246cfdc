// Risk on the demo data: Tabell 3 and a round's goals × units grid as Excel workbooks, read back
// with exceljs (levels in words with a fill, the change in words, counts per level, the views'
// access rule), and the risk work the inbox shows each person.

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, loadDemoData } from "../../db/demo/load.ts";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let reader: string;
let trustEditor: string;
let trustApprover: string;
let hfId = 0;
let t2Id = 0;

async function download(url: string, cookie: string) {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie } });
  return response;
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

const texts = (sheet: ExcelJS.Worksheet, rowNumber: number) =>
  Array.from({ length: sheet.columnCount }, (_, i) =>
    String(sheet.getRow(rowNumber).getCell(i + 1).value ?? ""),
  );

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  reader = await t.signIn("leser", demo.password);
  trustEditor = await t.signIn("redaktor", demo.password);
  trustApprover = await t.signIn("godkjenner", demo.password);
  const documents = (
    await t.app.inject({
      method: "GET",
      url: "/api/steering-documents?year=2024",
      headers: { cookie: reader },
    })
  ).json() as { id: number; title: string }[];
  hfId = documents.find((d) => d.title === "Styringskrav og rammer 2024")?.id ?? 0;
  const rounds = (
    await t.app.inject({
      method: "GET",
      url: `/api/steering-documents/${hfId}/rounds`,
      headers: { cookie: reader },
    })
  ).json() as { id: number; period: string }[];
  t2Id = rounds.find((r) => r.period === "2024-T2")?.id ?? 0;
});
afterAll(() => t.close());

describe("Tabell 3 in Excel", () => {
  it("has the seed's rows with levels in words and colour, and the counts in its heading", async () => {
    const response = await download(`/api/steering-documents/${hfId}/risk-table.xlsx`, reader);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="tabell-3-HN-2024-T1-2024-T2\.xlsx"/,
    );
    const sheet = (await workbookOf(response.rawPayload)).getWorksheet("Tabell 3");
    if (!sheet) throw new Error("no sheet Tabell 3");
    expect(String(sheet.getCell("A2").value)).toContain("4 forbedret, 10 uendret, 1 forverret");
    expect(texts(sheet, 4)).toEqual([
      "Område",
      "Mål",
      "Helhetlig vurdering 1. tertial 2024",
      "Helhetlig vurdering 2. tertial 2024",
      "Endring",
      "Godkjent",
    ]);
    expect(texts(sheet, 5)).toEqual([
      "Kvalitet og kapasitet i tjenestetilbudet",
      "Utvalgte kvalitetsindikatorer – oversikt fra SKDE",
      "Rød",
      "Gul",
      "Forbedret",
      "Ja",
    ]);
    const fill = sheet.getRow(5).getCell(3).fill;
    expect(fill && "fgColor" in fill ? fill.fgColor?.argb : null).toBe("FFF4C7C3");
    expect(sheet.rowCount).toBe(4 + 15);
  });
});

describe("a round's risk grid in Excel", () => {
  it("has goals down, the overall and each trust across, and the counts per level", async () => {
    const response = await download(`/api/rounds/${t2Id}/risk.xlsx`, reader);
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response.rawPayload);
    const grid = workbook.getWorksheet("Mål og enheter");
    if (!grid) throw new Error("no grid sheet");
    expect(texts(grid, 4).slice(0, 3)).toEqual(["Område", "Mål", "Helhetlig – Helse Nord RHF"]);
    expect(texts(grid, 4)).toHaveLength(3 + 6);
    expect(texts(grid, 5)[2]).toBe("Gul – godkjent");
    const counts = workbook.getWorksheet("Antall per nivå");
    if (!counts) throw new Error("no counts sheet");
    expect(texts(counts, 1)).toEqual(["Mål", "Grønn", "Gul", "Rød", "Ikke vurdert"]);
    const firstGoal = texts(counts, 2)
      .slice(1)
      .map(Number)
      .reduce((a, b) => a + b, 0);
    expect(firstGoal).toBe(6);
    const total = texts(counts, counts.rowCount);
    expect(total[0]).toBe("I alt");
    expect(
      total
        .slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(15 * 6);
    expect(workbook.getWorksheet("Varmekart")).toBeUndefined();
  });

  it("shows a trust's editor only the trust's own assessments", async () => {
    const response = await download(`/api/rounds/${t2Id}/risk.xlsx`, trustEditor);
    expect(response.statusCode).toBe(200);
    const grid = (await workbookOf(response.rawPayload)).getWorksheet("Mål og enheter");
    expect(texts(grid as ExcelJS.Worksheet, 4).slice(3)).toEqual([
      "Universitetssykehuset Nord-Norge HF (UNN)",
    ]);
  });
});

type Work = {
  round: { period: string };
  unit: { code: string };
  toWrite: number;
  carriedForward: number;
  toApprove: number;
}[];
type RoundRisk = { goals: { units: { unit: { code: string }; state: string; carriedForward: boolean }[] }[] };

describe("risk work in the inbox", () => {
  it("counts a trust editor's drafts and a trust approver's submitted assessments in the open round", async () => {
    const risk = (
      await t.app.inject({ method: "GET", url: `/api/rounds/${t2Id}/risk`, headers: { cookie: reader } })
    ).json() as RoundRisk;
    const unn = risk.goals.flatMap((goal) => goal.units.filter((a) => a.unit.code === "UNN"));
    const drafts = unn.filter((a) => a.state === "draft");
    const submitted = unn.filter((a) => a.state === "submitted");
    expect(drafts.length + submitted.length).toBeGreaterThan(0);

    const editorWork = (await download("/api/risk-assessments/work", trustEditor)).json() as Work;
    const t2 = editorWork.find((w) => w.round.period === "2024-T2");
    expect(t2).toMatchObject({
      unit: { code: "UNN" },
      toWrite: drafts.length,
      carriedForward: drafts.filter((a) => a.carriedForward).length,
      toApprove: 0,
    });
    // The annual round's assessments are all carried forward, waiting to be reviewed.
    expect(editorWork.find((w) => w.round.period === "2024")).toMatchObject({
      toWrite: 15,
      carriedForward: 15,
    });

    const approverWork = (await download("/api/risk-assessments/work", trustApprover)).json() as Work;
    expect(approverWork.find((w) => w.round.period === "2024-T2")?.toApprove ?? 0).toBe(submitted.length);
    expect(approverWork.every((w) => w.toWrite === 0)).toBe(true);
    expect((await download("/api/risk-assessments/work", reader)).json()).toEqual([]);
  });
});
