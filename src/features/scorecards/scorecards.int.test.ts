import { beforeAll, describe, expect, it } from "vitest";
import {
  admin,
  get,
  indicator,
  monthly,
  type Row,
  reader,
  rowOf,
  store,
  t2Reader,
  unit,
  withScorecardData,
} from "./scorecards.fixture.ts";

// Computing scorecards from the data in scorecards.fixture.ts; publishing and the Excel export are
// in published.int.test.ts.

withScorecardData();

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

  it("gives the judged series against the target of each year, with each month's own value", async () => {
    const response = await get(
      reader,
      `/api/indicators/${indicator.EPI?.id}/series?unitId=${unit.T1?.id}&from=2023-12&to=2024-02`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // EPI is judged on this period: the three months ending at each month, against that year's target.
    expect(body.monthlyComparable).toBe(true);
    expect(body.months).toMatchObject([
      {
        month: "2023-12",
        displayedValue: "65,0",
        judged: { first: "2023-10", last: "2023-12", displayedValue: "65,0", kind: "this_period" },
        targetValue: null,
        colour: "grey",
        reason: "no_target",
      },
      {
        month: "2024-01",
        displayedValue: "73,3",
        numeratorSum: 44,
        denominatorSum: 60,
        // Nov-Dec 2023 at 39/60 and January at 44/60: 122/180.
        judged: { first: "2023-11", last: "2024-01", displayedValue: "67,8" },
        targetValue: 70,
        colour: "red",
      },
      { month: "2024-02", displayedValue: "73,3", judged: { displayedValue: "70,6" }, colour: "green" },
    ]);
    expect(body.targets).toMatchObject([
      { year: 2023, target: null },
      { year: 2024, target: { level: "unit", rule: { value: 70 } } },
    ]);
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
