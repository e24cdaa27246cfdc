import { afterAll, beforeAll } from "vitest";
import { formatMonth, monthRange, parseMonth } from "../../domain/periods.ts";
import { createTestApp } from "../../testing/app.ts";

// The scorecard tests' organisation, indicators, targets and figures, shared by
// scorecards.int.test.ts (computing) and published.int.test.ts (publishing and the Excel export).
// Each test file calls withScorecardData() and gets an app of its own with the same data.
//
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
// Live bindings: set in beforeAll, read by the tests.
export let t: TestApp;
export let admin: string;
export let approver: string;
export let reader: string;
export let t2Reader: string;
export const unit: Record<string, { id: number; code: string }> = {};
export const indicator: Record<string, { id: number }> = {};

export const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
export const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: "POST", url, headers: { cookie }, payload });

export function monthly(
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

export async function store(rows: object[]) {
  const response = await post(admin, "/api/measurements", { rows });
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json();
}

/** Registers the hooks that build the data before the file's tests and close the app after. */
export function withScorecardData() {
  beforeAll(setUp);
  afterAll(() => t.close());
}

async function setUp() {
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
}

export type Row = {
  indicator: { code: string };
  [key: string]: unknown;
};
export const rowOf = (body: { rows: Row[] }, code: string) => {
  const row = body.rows.find((each) => each.indicator.code === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
};
