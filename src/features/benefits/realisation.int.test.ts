// Realisation: readings entered per period, an indicator's values, costs and investments, the
// benefits plan to date, the chart and the portfolio's sums.

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, indicators, measurements } from "../../db/schema.ts";
import {
  addBenefit,
  type Chart,
  call,
  json,
  planId,
  planOf,
  programmeId,
  region,
  setUpBenefitsApp,
  t,
  trustA,
  trustB,
} from "./benefits.fixture.ts";

setUpBenefitsApp();

type Readings = { readings: { date: string; value: number; comment: string }[] };
type Portfolio = {
  rows: {
    kind: string;
    id: number;
    benefits: number;
    economicTarget: number;
    economicExpected: number;
    economicRealised: number;
    investmentPlanned: number;
    investmentActual: number;
  }[];
  total: {
    economicTarget: number;
    economicExpected: number;
    economicRealised: number;
    investmentPlanned: number;
    investmentActual: number;
  };
};

const read = (benefitId: number, readings: object[], who = "taEditor") =>
  call("POST", who, `/api/benefits/${benefitId}/readings`, { readings });

describe("readings", () => {
  it("are entered per period; one on a day that has one replaces it, and the last of a day in the list stands", async () => {
    const benefit = await addBenefit();
    expect(
      (
        await read(benefit.id, [
          { date: "2024-12-31", value: 100 },
          { date: "2025-06-30", value: 150 },
        ])
      ).statusCode,
    ).toBe(200);
    const saved = await json<Readings>("POST", "taEditor", `/api/benefits/${benefit.id}/readings`, {
      readings: [
        { date: "2025-06-30", value: 200, comment: "rettet" },
        { date: "2025-12-31", value: 300 },
        { date: "2025-12-31", value: 310 },
      ],
    });
    expect(saved.readings).toEqual([
      { date: "2024-12-31", value: 100, comment: "" },
      { date: "2025-06-30", value: 200, comment: "rettet" },
      { date: "2025-12-31", value: 310, comment: "" },
    ]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "readings"));
    expect(audits.some((row) => row.entityId === String(benefit.id))).toBe(true);
  });

  it("show in the plan to date: realised against expected, and whether the benefit is behind plan", async () => {
    const ahead = await addBenefit();
    const behind = await addBenefit();
    await read(ahead.id, [{ date: "2025-12-31", value: 600 }]);
    await read(behind.id, [{ date: "2025-12-31", value: 200 }]);
    const plan = await planOf("2026-01-01");
    const row = (id: number) => plan.benefits.find((benefit) => benefit.id === id);
    // 2024-01-01 to 2028-01-01 is 1,461 days; 2026-01-01 is day 731.
    expect(row(ahead.id)?.toDate.expected).toBeCloseTo((1000 * 731) / 1461, 6);
    expect(row(ahead.id)?.toDate).toMatchObject({
      realised: { date: "2025-12-31", value: 600 },
      realisedShare: 0.6,
      behindPlan: false,
    });
    expect(row(behind.id)?.toDate).toMatchObject({ realisedShare: 0.2, behindPlan: true });
  });

  it("refuse a day before the baseline (naming the row), more than 120 at once, and non-numbers; nothing is written", async () => {
    const benefit = await addBenefit();
    const early = await read(benefit.id, [
      { date: "2025-01-01", value: 1 },
      { date: "2023-12-31", value: 2 },
    ]);
    expect(early.statusCode).toBe(400);
    expect(early.json().problems).toEqual([expect.objectContaining({ field: "readings.1.date", row: 1 })]);
    const many = Array.from({ length: 10_000 }, (_, index) => ({
      date: new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10),
      value: index,
    }));
    expect((await read(benefit.id, many.slice(0, 121))).statusCode).toBe(400);
    expect((await read(benefit.id, many)).statusCode).toBe(400);
    for (const value of ["NaN", "Infinity", "1e309", null, "12"]) {
      const response = await call(
        "POST",
        "taEditor",
        `/api/benefits/${benefit.id}/readings`,
        `{"readings":[{"date":"2025-01-01","value":${value === null ? "null" : value === "12" ? '"12"' : value}}]}`,
      );
      expect(response.statusCode, String(value)).toBe(400);
    }
    expect(
      (await read(benefit.id, [{ date: "2025-01-01", value: 1, comment: "x".repeat(100_000) }])).statusCode,
    ).toBe(400);
    expect(
      (await json<Readings>("GET", "taReader", `/api/benefits/${benefit.id}/readings`)).readings,
    ).toEqual([]);
  });
});

describe("the chart", () => {
  it("runs month by month from the baseline day to the target day, realised from the readings standing", async () => {
    const benefit = await addBenefit({
      baselineDate: "2024-01-01",
      targetDate: "2025-01-01",
      targetValue: 12,
    });
    const readings = Array.from({ length: 60 }, (_, index) => ({
      date: new Date(Date.UTC(2024, index, 15)).toISOString().slice(0, 10),
      value: index,
    }));
    await read(benefit.id, readings);
    const chart = await json<Chart>("GET", "taReader", `/api/benefits/${benefit.id}/chart?on=2024-06-20`);
    expect(chart.source).toBe("readings");
    expect(chart.points[0]).toEqual({ date: "2024-01-01", expected: 0, realised: null });
    expect(chart.points[1]).toEqual({ date: "2024-01-31", expected: expect.any(Number), realised: 0 });
    expect(chart.points.at(-1)).toEqual({ date: "2025-01-01", expected: 12, realised: 11 });
    expect(chart.points).toHaveLength(14);
    const later = await json<Chart>("GET", "taReader", `/api/benefits/${benefit.id}/chart?on=2028-12-31`);
    expect(later.points.at(-1)).toEqual({ date: "2028-12-31", expected: 12, realised: 59 });
  });

  it("reads an indicator's monthly values for the owner unit, and takes no readings for it", async () => {
    const [indicator] = await t.db
      .insert(indicators)
      .values({
        code: "EHANDEL",
        nameNb: "E-handelsandel",
        unitLabel: "%",
        direction: "higher",
        valueKind: "ratio",
        scale: 100,
      })
      .returning();
    const indicatorId = indicator?.id as number;
    await t.db.insert(measurements).values([
      {
        indicatorId,
        unitId: trustA.id,
        month: "2024-03-01",
        numerator: 30,
        denominator: 100,
        recordedByName: "test",
      },
      {
        indicatorId,
        unitId: trustA.id,
        month: "2024-04-01",
        numerator: 45,
        denominator: 90,
        recordedByName: "test",
      },
      {
        indicatorId,
        unitId: trustB.id,
        month: "2024-04-01",
        numerator: 1,
        denominator: 1,
        recordedByName: "test",
      },
    ]);
    const benefit = await addBenefit({
      kind: "quality",
      measureUnit: "%",
      baselineValue: 20,
      targetValue: 90,
      indicatorId,
    });
    const chart = await json<Chart & { benefit: { indicatorCode: string } }>(
      "GET",
      "taReader",
      `/api/benefits/${benefit.id}/chart?on=2024-05-01`,
    );
    expect(chart.source).toBe("indicator");
    expect(chart.benefit.indicatorCode).toBe("EHANDEL");
    expect(chart.readings.map(({ date, value }) => [date, value])).toEqual([
      ["2024-03-31", 30],
      ["2024-04-30", 50],
    ]);
    expect(chart.points.find((point) => point.date === "2024-04-30")?.realised).toBe(50);
    const refused = await read(benefit.id, [{ date: "2024-05-01", value: 1 }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe("benefit_reads_indicator");
  });
});

describe("costs and the sums", () => {
  it("costs are planned and actual per year and kind, changed with the version read and removed", async () => {
    const cost = await json<{ id: number; version: number }>(
      "POST",
      "taEditor",
      `/api/programmes/${programmeId}/costs`,
      {
        kind: "investment",
        year: 2025,
        plannedNok: 300,
      },
    );
    const changed = await json<{ actualNok: number; version: number }>(
      "PATCH",
      "taEditor",
      `/api/benefit-costs/${cost.id}`,
      {
        version: 1,
        actualNok: 280,
      },
    );
    expect(changed).toMatchObject({ actualNok: 280, version: 2 });
    expect(
      (await call("PATCH", "taEditor", `/api/benefit-costs/${cost.id}`, { version: 1, actualNok: 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call("PATCH", "tbEditor", `/api/benefit-costs/${cost.id}`, { version: 2, actualNok: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call("POST", "taEditor", `/api/programmes/${programmeId}/costs`, { kind: "bribe", year: 2025 }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call("POST", "taEditor", `/api/programmes/${programmeId}/costs`, {
          kind: "running",
          year: 2025,
          plannedNok: -1,
        })
      ).statusCode,
    ).toBe(400);
    const temporary = await json<{ id: number }>("POST", "taEditor", `/api/programmes/${programmeId}/costs`, {
      kind: "running",
      year: 2026,
      plannedNok: 50,
      actualNok: 40,
    });
    await json("POST", "taEditor", `/api/programmes/${programmeId}/costs`, {
      kind: "transition",
      year: 2026,
      plannedNok: 100,
    });
    expect(
      (await call("DELETE", "taEditor", `/api/benefit-costs/${temporary.id}?version=1`)).statusCode,
    ).toBe(204);
    const plan = await planOf("2026-01-01");
    expect(plan.costs.map((row) => [row.kind, row.year])).toEqual([
      ["investment", 2025],
      ["transition", 2026],
    ]);
    expect(plan.sums).toMatchObject({
      investmentPlanned: 300,
      investmentActual: 280,
      costsPlanned: 100,
      costsActual: 0,
    });
  });

  it("the portfolio sums each programme's and plan's economic benefits against investment, as the plan does", async () => {
    await addBenefit(
      { title: "Planens innsparing", baselineValue: 500, targetValue: 300 },
      "regEditor",
      `/api/action-plans/${planId}/benefits`,
    );
    await json("POST", "regEditor", `/api/action-plans/${planId}/costs`, {
      kind: "investment",
      year: 2024,
      plannedNok: 40,
      actualNok: 45,
    });
    const portfolio = await json<Portfolio>(
      "GET",
      "regReader",
      `/api/benefits/portfolio?unitId=${region.id}&on=2026-01-01`,
    );
    const programmeRow = portfolio.rows.find((row) => row.kind === "programme" && row.id === programmeId);
    const planRow = portfolio.rows.find((row) => row.kind === "action_plan" && row.id === planId);
    const programmePlan = await planOf("2026-01-01");
    expect(programmeRow?.economicTarget).toBeCloseTo(programmePlan.sums.economicTarget, 6);
    expect(programmeRow?.economicExpected).toBeCloseTo(programmePlan.sums.economicExpected, 6);
    expect(programmeRow?.economicRealised).toBeCloseTo(programmePlan.sums.economicRealised, 6);
    expect(programmeRow?.investmentPlanned).toBe(programmePlan.sums.investmentPlanned);
    expect(planRow).toMatchObject({
      economicTarget: 200,
      economicRealised: 0,
      investmentPlanned: 40,
      investmentActual: 45,
    });
    expect(portfolio.total.economicTarget).toBeCloseTo((programmeRow?.economicTarget ?? 0) + 200, 6);
    const trust = await json<Portfolio>(
      "GET",
      "taReader",
      `/api/benefits/portfolio?unitId=${trustA.id}&on=2026-01-01`,
    );
    expect(trust.rows.map((row) => row.kind)).toEqual(["programme"]);
    expect((await call("GET", "taReader", `/api/benefits/portfolio?unitId=${region.id}`)).statusCode).toBe(
      404,
    );
    expect((await call("GET", "taReader", "/api/benefits/portfolio?unitId=999999")).statusCode).toBe(404);
    expect((await call("GET", "taReader", "/api/benefits/portfolio?unitId=1e309")).statusCode).toBe(400);
  });
});
