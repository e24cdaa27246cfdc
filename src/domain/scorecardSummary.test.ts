import { describe, expect, it } from "vitest";
import { colourShare, summarise, summaryColumn, summaryTable } from "./scorecard.ts";
import type { AttainmentColour } from "./targets.ts";
import type { TrendColour } from "./trend.ts";

// The scorecard's summaries: colour shares, the summary of one scorecard and seed 003's Tabell 1 and
// 2 over T1, T2 and year end. Computing the rows is tested in scorecard.test.ts.

function rowsWith(
  attainment: Partial<Record<AttainmentColour, number>>,
  trend: Partial<Record<TrendColour, number>>,
) {
  const expand = <C extends string>(counts: Partial<Record<C, number>>) =>
    (Object.entries(counts) as [C, number][]).flatMap(([colour, count]) =>
      Array.from({ length: count }, () => colour),
    );
  const attainmentColours = expand(attainment);
  const trendColours = expand(trend);
  expect(attainmentColours.length).toBe(trendColours.length);
  return attainmentColours.map((colour, index) => ({
    attainment: { colour },
    trend: { colour: trendColours[index] ?? "grey" },
  }));
}

describe("colourShare", () => {
  it("formats n/N with the percent to one decimal as in seed 003", () => {
    expect(colourShare(16, 33)).toEqual({ count: 16, total: 33, percent: 48.5, formatted: "16/33 (48,5 %)" });
    expect(colourShare(15, 33).formatted).toBe("15/33 (45,5 %)");
    expect(colourShare(33, 33).formatted).toBe("33/33 (100,0 %)");
    expect(colourShare(0, 33).formatted).toBe("0/33 (0,0 %)");
  });

  it("0/0 has no percentage", () => {
    expect(colourShare(0, 0)).toEqual({ count: 0, total: 0, percent: null, formatted: "0/0 (– %)" });
  });
});

describe("summarise", () => {
  it("counts colours with N = every indicator, grey included", () => {
    const summary = summarise(
      rowsWith({ green: 15, red: 15, grey: 3 }, { green: 17, yellow: 7, red: 6, grey: 3 }),
    );
    expect(summary.total).toBe(33);
    expect(summary.attainment.green.formatted).toBe("15/33 (45,5 %)");
    expect(summary.attainment.red.formatted).toBe("15/33 (45,5 %)");
    expect(summary.attainment.yellow.formatted).toBe("0/33 (0,0 %)");
    expect(summary.attainment.grey.formatted).toBe("3/33 (9,1 %)");
    expect(summary.trend.grey.count).toBe(3);
  });

  it("an empty scorecard gives 0/0", () => {
    const summary = summarise([]);
    expect(summary.total).toBe(0);
    expect(summary.attainment.green.formatted).toBe("0/0 (– %)");
    expect(summary.trend.red.percent).toBeNull();
  });
});

describe("summaryTable: seed 003 Tabell 1 and 2", () => {
  const tables = summaryTable([
    { period: "2024-T1", rows: rowsWith({ green: 15, red: 18 }, { green: 17, yellow: 7, red: 9 }) },
    { period: "2024-T2", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 6, red: 9 }) },
    { period: "2024", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 10, red: 5 }) },
  ]);
  const cells = (rows: { label: string; cells: { formatted: string }[] }[]) =>
    Object.fromEntries(rows.map((row) => [row.label, row.cells.map((cell) => cell.formatted)]));

  it("has the seed's columns", () => {
    expect(tables.attainment.columns).toEqual([
      { period: "2024-T1", label: "T1-2024" },
      { period: "2024-T2", label: "T2-2024" },
      { period: "2024", label: "Årlig melding" },
    ]);
    expect(tables.trend.columns).toEqual(tables.attainment.columns);
  });

  it("Tabell 1 Måloppnåelse", () => {
    expect(tables.attainment.rows.map((row) => row.colour)).toEqual(["green", "red"]);
    expect(cells(tables.attainment.rows)).toEqual({
      "Grønn (mål nådd)": ["15/33 (45,5 %)", "16/33 (48,5 %)", "16/33 (48,5 %)"],
      "Rød (mål ikke nådd)": ["18/33 (54,5 %)", "17/33 (51,5 %)", "17/33 (51,5 %)"],
    });
  });

  it("Tabell 2 Trend", () => {
    expect(tables.trend.rows.map((row) => row.colour)).toEqual(["green", "yellow", "red"]);
    expect(cells(tables.trend.rows)).toEqual({
      "Grønn (positiv trend)": ["17/33 (51,5 %)", "18/33 (54,5 %)", "18/33 (54,5 %)"],
      "Gul (ingen endring)": ["7/33 (21,2 %)", "6/33 (18,2 %)", "10/33 (30,3 %)"],
      "Rød (negativ trend)": ["9/33 (27,3 %)", "9/33 (27,3 %)", "5/33 (15,2 %)"],
    });
  });

  it("adds yellow and grey attainment rows only when some column has them", () => {
    const withYellow = summaryTable([
      { period: "2024-T1", rows: rowsWith({ green: 1, red: 1 }, { green: 2 }) },
      { period: "2024-T2", rows: rowsWith({ green: 1, yellow: 1, grey: 1 }, { green: 2, grey: 1 }) },
    ]);
    expect(withYellow.attainment.rows.map((row) => row.label)).toEqual([
      "Grønn (mål nådd)",
      "Gul (delvis nådd)",
      "Rød (mål ikke nådd)",
      "Grå (ikke vurdert)",
    ]);
    expect(cells(withYellow.attainment.rows)["Gul (delvis nådd)"]).toEqual(["0/2 (0,0 %)", "1/3 (33,3 %)"]);
    expect(withYellow.trend.rows.map((row) => row.colour)).toEqual(["green", "yellow", "red", "grey"]);
  });

  it("an empty column shows 0/0", () => {
    const empty = summaryTable([{ period: "2024-T1", rows: [] }]);
    expect(empty.attainment.rows[0]?.cells[0]?.formatted).toBe("0/0 (– %)");
  });
});

describe("summaryColumn", () => {
  it("labels tertials and the year end as in seed 003", () => {
    expect(summaryColumn("2024-T1").label).toBe("T1-2024");
    expect(summaryColumn("2024-T2").label).toBe("T2-2024");
    expect(summaryColumn("2024-T3").label).toBe("Årlig melding");
    expect(summaryColumn("2024").label).toBe("Årlig melding");
    expect(summaryColumn("2024-12").label).toBe("Årlig melding");
    expect(summaryColumn("2024-03")).toEqual({ period: "2024-03", label: "2024-03" });
  });
});
