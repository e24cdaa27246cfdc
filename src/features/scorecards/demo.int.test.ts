import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoMeasurementRows } from "../../db/demo/indicators.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { createTestApp } from "../../testing/app.ts";
import { findUnitByCode } from "../units/queries.ts";

// The demo data set: the same every time, plausible, and telling seed 003's story.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let cookie: string;
let loaded: Awaited<ReturnType<typeof loadDemoData>>;

beforeAll(async () => {
  t = await createTestApp();
  loaded = await loadDemoData(t.db);
  cookie = await t.signIn("leser", "demo-passord");
});
afterAll(() => t.close());

async function unitId(code: string) {
  const unit = await findUnitByCode(t.db, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

async function scorecard(code: string, period: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${await unitId(code)}/scorecard?period=${period}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    rows: {
      indicator: { code: string };
      thisPeriod: { numeratorSum: number; denominatorSum: number | null };
      attainment: { colour: string };
      target: { level: string; rule: { value?: number } } | null;
    }[];
  };
}

const row = (body: Awaited<ReturnType<typeof scorecard>>, code: string) => {
  const found = body.rows.find((each) => each.indicator.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

describe("the demo data set", () => {
  it("loads a catalogue of indicators with targets and four years of monthly values", () => {
    expect(loaded).toMatchObject({ loaded: true, indicators: 27 });
    if (!loaded.loaded) throw new Error("not loaded");
    expect(loaded.targets).toBeGreaterThan(30);
    expect(loaded.measurements).toBeGreaterThan(10_000);
  });

  it("is the same every time", () => {
    expect(demoMeasurementRows()).toEqual(demoMeasurementRows());
  });

  it("adds Helse Nord up from its hospitals' own figures", async () => {
    const body = await scorecard("HN", "2024-T1");
    const inWindow = demoMeasurementRows().filter(
      (each) =>
        each.indicator === "EPIKRISE" && ["2024-02", "2024-03", "2024-04"].includes(String(each.month)),
    );
    const sum = (pick: (each: (typeof inWindow)[number]) => unknown) =>
      inWindow.reduce((total, each) => total + Number(pick(each)), 0);
    expect(row(body, "EPIKRISE").thisPeriod).toMatchObject({
      numeratorSum: sum((each) => each.numerator),
      denominatorSum: sum((each) => each.denominator),
    });
  });

  it("tells seed 003's story: fristbrudd TSB red at T1-2024, green at year end", async () => {
    expect(row(await scorecard("HN", "2024-T1"), "FB-TSB").attainment.colour).toBe("red");
    expect(row(await scorecard("HN", "2024"), "FB-TSB").attainment.colour).toBe("green");
  });

  it("sets the IA programme at 30 % for UNN and NLSH and 10 % elsewhere", async () => {
    expect(row(await scorecard("UNN", "2024"), "IA-PROGRAM").target).toMatchObject({
      level: "unit",
      rule: { value: 30 },
    });
    expect(row(await scorecard("NLSH-BOD", "2024"), "IA-PROGRAM").target).toMatchObject({
      level: "above",
      rule: { value: 30 },
    });
    expect(row(await scorecard("FIN", "2024"), "IA-PROGRAM").target).toMatchObject({
      level: "general",
      rule: { value: 10 },
    });
  });
});
