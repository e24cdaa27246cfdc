// The demo's risk data as seed 003 prints it: Tabell 3 for Helse Nord 2024 with 4 improved,
// 1 worsened and 10 unchanged; the trusts' assessments around the RHF's; 54 measure rows.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";
import { measureLinks, measures, unitRisks, units } from "../schema.ts";
import { demo, loadDemoData } from "./load.ts";
import riskFile from "./source/risk.json" with { type: "json" };

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let hfId = 0;

async function get<T>(url: string, cookie = admin): Promise<T> {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie } });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  admin = await t.signIn("admin", demo.password);
  const documents = await get<{ id: number; title: string }[]>("/api/steering-documents?year=2024");
  hfId = documents.find((d) => d.title === "Styringskrav og rammer 2024")?.id ?? 0;
});
afterAll(() => t.close());

const colourOf: Record<string, string> = { green: "Grønn", yellow: "Gul", red: "Rød" };

describe("the risk demo", () => {
  it("gives Tabell 3 for Helse Nord 2024 as the seed prints it", async () => {
    const table = await get<{
      from: string;
      to: string;
      rows: {
        area: string;
        goal: string;
        fromLevel: string;
        toLevel: string;
        change: string;
        approved: boolean;
      }[];
      counts: Record<string, number>;
    }>(`/api/steering-documents/${hfId}/risk-table`);
    expect([table.from, table.to]).toEqual(["2024-T1", "2024-T2"]);
    expect(table.counts).toMatchObject({ improved: 4, worsened: 1, unchanged: 10, new: 0, not_assessed: 0 });
    const seedRows = riskFile.table3_risk_T1_T2.rows;
    expect(
      table.rows.map((row) => [
        row.area,
        row.goal,
        colourOf[row.fromLevel],
        colourOf[row.toLevel],
        row.change,
      ]),
    ).toEqual(seedRows.map((row) => [row.area, row.goal, row.t1, row.t2, row.change]));
    expect(table.rows.every((row) => row.approved)).toBe(true);
  });

  it("has each trust's assessment beside the overall one, some carried forward in T2", async () => {
    const rounds = await get<{ id: number; period: string }[]>(`/api/steering-documents/${hfId}/rounds`);
    const t2 = rounds.find((r) => r.period === "2024-T2");
    const risk = await get<{
      goals: {
        overall: { level: string } | null;
        units: { level: string | null; carriedForward: boolean; state: string }[];
      }[];
    }>(`/api/rounds/${t2?.id}/risk`);
    expect(risk.goals).toHaveLength(15);
    for (const goal of risk.goals) {
      expect(goal.units).toHaveLength(6);
      expect(goal.units.every((a) => a.level !== null)).toBe(true);
    }
    const units = risk.goals.flatMap((goal) => goal.units);
    expect(units.some((a) => a.carriedForward)).toBe(true);
    expect(new Set(units.map((a) => a.state))).toEqual(new Set(["draft", "submitted", "approved"]));
  });

  it("has the seed's measures, each linked to its goal, and two trusts' top five", async () => {
    // Helse Nord's: the demo's action plan (Helse Sør-Øst) and programmes have measures of their own.
    const [hn] = await t.db.select().from(units).where(eq(units.code, "HN"));
    const rows = (await t.db.select().from(measures)).filter((row) => row.responsibleUnitId === hn?.id);
    const titles = new Set(riskFile.table3_status_measures.rows.map((row) => row.measure));
    expect(rows).toHaveLength(titles.size);
    const ids = new Set(rows.map((row) => row.id));
    const links = (await t.db.select().from(measureLinks)).filter((link) => ids.has(link.measureId));
    const goalLinks = links.filter((link) => link.kind === "requirement");
    expect(goalLinks).toHaveLength(riskFile.table3_status_measures.rows.length);
    expect(links.some((link) => link.kind === "indicator")).toBe(true);
    expect(rows.filter((row) => row.status === "delayed")).toHaveLength(3);
    const ownRisks = (await t.db.select().from(unitRisks)).filter((risk) => risk.programmeId === null);
    expect(ownRisks).toHaveLength(10);
  });
});
