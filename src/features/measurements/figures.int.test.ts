// What a figure may be (src/domain/values.ts), through both ways in: the JSON API and a CSV file
// refuse the same figures naming row and field; and figures stored before that rule existed, whose
// sums overflow, leave every scorecard view working, with the window shown as missing data.

import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, measurements } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let editor: string;
const ids = { region: 0, trustA: 0, trustB: 0, ratio: 0, count: 0 };

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.make.unit({ kind: "owner", code: "OWN" });
  ids.region = (await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", code: "REG" })).id;
  ids.trustA = (await t.make.unit({ parentId: ids.region, code: "TA" })).id;
  ids.trustB = (await t.make.unit({ parentId: ids.region, code: "TB" })).id;
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "editor", roles: [{ unitId: ids.region, role: "editor" }] });
  admin = await t.signIn("root");
  editor = await t.signIn("editor");
  const indicator = { nameNb: "Andel", unitLabel: "%", direction: "higher", decimals: 1 };
  for (const [key, fields] of [
    ["ratio", { code: "EPI", valueKind: "ratio", scale: 100 }],
    ["count", { code: "CNT", valueKind: "count" }],
  ] as const) {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/indicators",
      headers: { cookie: admin },
      payload: { ...indicator, ...fields },
    });
    ids[key] = response.json().id;
  }
}, 60_000);
afterAll(() => t.close());

async function counts() {
  const [stored] = await t.db.select({ n: count() }).from(measurements);
  const [audit] = await t.db.select({ n: count() }).from(auditLog);
  return { measurements: stored?.n, audit: audit?.n };
}

// Each bad figure of a row, and the field the problem must name.
const badRows = [
  { row: { indicator: "CNT", unit: "TA", month: "2024-01", numerator: 1.7e308 }, field: "numerator" },
  { row: { indicator: "CNT", unit: "TA", month: "2024-02", numerator: -1e13 }, field: "numerator" },
  {
    row: { indicator: "EPI", unit: "TA", month: "2024-01", numerator: 1, denominator: 5e-324 },
    field: "denominator",
  },
  {
    row: { indicator: "EPI", unit: "TA", month: "2024-02", numerator: -3, denominator: 10 },
    field: "numerator",
  },
  { row: { indicator: "EPI", unit: "TA", month: "0000-01", numerator: 3, denominator: 10 }, field: "month" },
  {
    row: { indicator: "E\u0000PI", unit: "TA", month: "2024-03", numerator: 3, denominator: 10 },
    field: "indicator",
  },
];

describe("figures out of bounds", () => {
  it("are refused by the JSON API, each with its row and field, and nothing is written", async () => {
    const before = await counts();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: editor },
      payload: { rows: badRows.map((bad) => bad.row) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const { problems } = response.json() as { problems: { row: number; field: string; message: string }[] };
    expect(problems.map((problem) => [problem.row, problem.field])).toEqual(
      badRows.map((bad, index) => [index + 1, bad.field]),
    );
    expect(problems[0]?.message).toMatch(/er for stort; et tall kan være høyst 10\^12/);
    expect(await counts()).toEqual(before);
  });

  it("are refused the same way in a CSV file, rows numbered as in the file", async () => {
    // A NUL byte makes the file reader refuse the whole file, so that row is left out here.
    const fileRows = badRows.filter(({ row }) => !row.indicator.includes("\u0000"));
    const before = await counts();
    const csv = [
      "indicator;unit;month;numerator;denominator",
      ...fileRows.map(({ row }) =>
        [row.indicator, row.unit, row.month, row.numerator, "denominator" in row ? row.denominator : ""].join(
          ";",
        ),
      ),
    ].join("\n");
    const form = new FormData();
    form.append("file", new Blob([csv]), "figures.csv");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/measurements/import",
      headers: { cookie: editor },
      payload: form,
    });
    expect(response.statusCode).toBe(400);
    const { problems } = response.json() as { problems: { row: number; field: string }[] };
    // The header is row 1.
    expect(problems.map((problem) => [problem.row, problem.field])).toEqual(
      fileRows.map((bad, index) => [index + 2, bad.field]),
    );
    expect(await counts()).toEqual(before);
  });

  it("a file name that could not be stored in the audit trail is refused before any row is read", async () => {
    const before = await counts();
    for (const name of ["a\u0000.csv", "a\u001b[31m.csv", `${"x".repeat(300)}.csv`]) {
      const form = new FormData();
      form.append("file", new Blob(["indicator;unit;month;numerator\nCNT;TA;2024-05;5\n"]), name);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/measurements/import",
        headers: { cookie: editor },
        payload: form,
      });
      expect(response.statusCode, name).toBe(400);
      expect(response.json()).toMatchObject({ code: "validation_failed", problems: [{ field: "file" }] });
    }
    expect(await counts()).toEqual(before);
  });

  it("-0 is stored as 0", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: editor },
      payload: { rows: [{ indicator: "CNT", unit: "TA", month: "2023-06", numerator: -0 }] },
    });
    expect(response.statusCode).toBe(200);
    const [row] = await t.db
      .execute(sql`select numerator::text as n from measurements where month = '2023-06-01'`)
      .then((result) => (result as unknown as { rows: { n: string }[] }).rows);
    expect(row?.n).toBe("0");
  });
});

describe("figures stored before they were bounded", () => {
  beforeAll(async () => {
    // As an older version let them in: two trusts' counts, and a ratio over a vanishing denominator.
    const insert = (
      unitId: number,
      indicatorId: number,
      month: string,
      numerator: number,
      denominator: number | null,
    ) =>
      t.db.execute(sql`insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
        values (${indicatorId}, ${unitId}, ${month}::date, ${numerator}, ${denominator}, 'old version')`);
    for (const month of ["2024-01-01", "2024-02-01", "2024-03-01", "2023-01-01"]) {
      await insert(ids.trustA, ids.count, month, 1.7e308, null);
      await insert(ids.trustB, ids.count, month, 1.7e308, null);
      await insert(ids.trustA, ids.ratio, month, 1e12, 5e-324);
    }
  });

  const get = (url: string) => t.app.inject({ method: "GET", url, headers: { cookie: admin } });

  it("leave the scorecard of the region working, the sums shown as missing data", async () => {
    const response = await get(`/api/units/${ids.region}/scorecard?period=2024-T1`);
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().rows as {
      indicator: { code: string };
      thisPeriod: { state: string; reason: string };
    }[];
    for (const code of ["CNT", "EPI"]) {
      expect(rows.find((row) => row.indicator.code === code)?.thisPeriod).toMatchObject({
        state: "no_data",
        reason: "out_of_range",
      });
    }
  });

  it("leave the Excel file, the summary, the series and the breakdown working", async () => {
    for (const url of [
      `/api/units/${ids.region}/scorecard.xlsx?period=2024-T1`,
      `/api/units/${ids.region}/scorecard/summary?year=2024`,
      `/api/indicators/${ids.count}/series?unitId=${ids.region}&from=2024-01&to=2024-03`,
      `/api/indicators/${ids.ratio}/series?unitId=${ids.trustA}&from=2024-01&to=2024-03`,
      `/api/indicators/${ids.count}/breakdown?unitId=${ids.region}&period=2024-T1`,
      `/api/units/${ids.trustA}/scorecard?period=2024-T1`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    }
  });
});
