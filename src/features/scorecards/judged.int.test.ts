import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../db/demo/load.ts";
import { createTestApp } from "../../testing/app.ts";
import { findUnitByCode } from "../units/queries.ts";
import type {
  IndicatorBreakdownView,
  IndicatorSeriesView,
  LatestPeriodView,
  ScorecardRowView,
  ScorecardView,
} from "./schema.ts";

// Issue 11: the figure a scorecard row shows, the chart's dots and the breakdown by trust all judge
// the same figure by the same rule. INNLEIE (agency staff costs, MNOK, lower is better) is judged
// on the last 12 months against a yearly target: its months are far below the target line, its
// year is above it.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let reader: string;
let approver: string;
let hn: number;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  reader = await t.signIn("leser", "demo-passord");
  approver = await t.signIn("hn-godkjenner", "demo-passord");
  const unit = await findUnitByCode(t.db, "HN");
  if (!unit) throw new Error("no unit HN");
  hn = unit.id;
});
afterAll(() => t.close());

async function get<T>(url: string, cookie = reader): Promise<T> {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

function innleie(card: ScorecardView): ScorecardRowView {
  const row = card.rows.find((each) => each.indicator.code === "INNLEIE");
  if (!row) throw new Error("no INNLEIE row");
  return row;
}

describe("INNLEIE at T1 2025: one figure judged, one colour", () => {
  let row: ScorecardRowView;
  let series: IndicatorSeriesView;
  let breakdown: IndicatorBreakdownView;

  beforeAll(async () => {
    row = innleie(await get<ScorecardView>(`/api/units/${hn}/scorecard?period=2025-T1`));
    series = await get<IndicatorSeriesView>(
      `/api/indicators/${row.indicator.id}/series?unitId=${hn}&period=2025-T1`,
    );
    breakdown = await get<IndicatorBreakdownView>(
      `/api/indicators/${row.indicator.id}/breakdown?unitId=${hn}&period=2025-T1`,
    );
  });

  it("names the judged figure's window: the last 12 months, May 2024 to April 2025", () => {
    expect(row.evaluationBasis).toBe("year");
    expect(row.judgedWindow).toBe("rolling_year");
    expect(row.evaluated).toMatchObject({ first: "2024-05", last: "2025-04", state: "value" });
    expect(row.evaluated.monthsUsed).toHaveLength(12);
  });

  it("judges the year, which is larger than this period and the year to date it shows beside it", () => {
    const shown = (text: string | null) => Number(text?.replace(/\s/g, "").replace(",", "."));
    expect(shown(row.evaluated.displayedValue)).toBeGreaterThan(shown(row.yearToDate.displayedValue));
    expect(shown(row.yearToDate.displayedValue)).toBeGreaterThan(shown(row.thisPeriod.displayedValue));
    // The attainment's figure is the judged one, not this period's.
    expect(row.attainment.displayedValue).toBe(row.evaluated.displayedValue);
  });

  it("ends the chart at the row's last month, where the dot has the row's figure, target and colour", () => {
    expect(series.to).toBe(row.lastMonth);
    expect(series.from).toBe("2024-01");
    const dot = series.months.at(-1);
    expect(dot?.judged).toMatchObject({
      first: row.evaluated.first,
      last: row.evaluated.last,
      displayedValue: row.evaluated.displayedValue,
      kind: "rolling_year",
    });
    expect(dot?.colour).toBe(row.attainment.colour);
    expect(dot?.targetValue).toBe(row.attainment.targetValue);
    expect(dot?.reason).toBe(row.attainment.reason);
  });

  it("plots no monthly value against the yearly target: a month's count is not comparable", () => {
    expect(series.monthlyComparable).toBe(false);
    const dot = series.months.at(-1);
    expect(dot?.value).not.toBeNull();
    expect(dot?.value ?? 0).toBeLessThan((dot?.targetValue ?? 0) / 4);
  });

  it("judges each trust in the breakdown on the same basis and window, the total as the row", () => {
    expect(breakdown.total.evaluated).toEqual(row.evaluated);
    expect(breakdown.total.attainment).toEqual(row.attainment);
    expect(breakdown.children.length).toBeGreaterThan(0);
    for (const child of breakdown.children) {
      expect(child.row.judgedWindow).toBe("rolling_year");
      expect(child.row.evaluated).toMatchObject({ first: "2024-05", last: "2025-04" });
      expect(child.row.attainment.displayedValue).toBe(child.row.evaluated.displayedValue);
    }
  });

  it("colours every dot of the chart as the scorecard row of that month would be coloured", async () => {
    const monthRow = innleie(await get<ScorecardView>(`/api/units/${hn}/scorecard?period=2024-12`));
    const december = series.months.find((month) => month.month === "2024-12");
    expect(monthRow.judgedWindow).toBe("calendar_year");
    expect(december?.judged.displayedValue).toBe(monthRow.evaluated.displayedValue);
    expect(december?.colour).toBe(monthRow.attainment.colour);
  });
});

describe("a period without data", () => {
  it("opens the scorecard on the latest ended period with data", async () => {
    const latest = await get<LatestPeriodView>(`/api/units/${hn}/scorecard/latest-period`);
    expect(latest).toEqual({ period: "2025", lastDataMonth: "2025-12" });
  });

  it("shows every row as no data, and refuses to publish it with a reason", async () => {
    const card = await get<ScorecardView>(`/api/units/${hn}/scorecard?period=2027-T1`);
    expect(card.rows.every((each) => each.thisPeriod.state === "no_data")).toBe(true);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/units/${hn}/scorecard/publish`,
      headers: { cookie: approver },
      payload: { period: "2027-T1" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "conflict", reason: "scorecard_without_data" });
    const published = await get<unknown[]>(`/api/units/${hn}/published-scorecards`);
    expect(published).toEqual([]);
  });

  it("still publishes a period with data", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/units/${hn}/scorecard/publish`,
      headers: { cookie: approver },
      payload: { period: "2025" },
    });
    expect(response.statusCode).toBe(201);
  });
});
