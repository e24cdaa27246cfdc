import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RiskGoal, RiskScale } from "../../api/risk.ts";
import {
  changeCountParts,
  contrastRatio,
  countLevels,
  gridUnits,
  keepTogether,
  levelByKey,
  matrixLevel,
  noLevelPalette,
  previousPeriod,
  riskPalette,
  shortPeriod,
} from "./riskLevels.ts";

const words = (nb: string) => ({ nb, en: nb });
const level = (key: string, rank: number, colour: "green" | "yellow" | "red") => ({
  key,
  rank,
  colour,
  label: words(key),
  definition: words(`${key} definisjon`),
});
const levels: RiskScale = {
  kind: "levels",
  levels: [level("red", 3, "red"), level("green", 1, "green"), level("yellow", 2, "yellow")],
};
const matrix: RiskScale = {
  kind: "matrix",
  levels: levels.levels,
  likelihoods: [words("lav"), words("høy")],
  consequences: [words("liten"), words("stor")],
  cells: [
    ["green", "yellow"],
    ["yellow", "red"],
  ],
};

describe("the level colours", () => {
  it("give every level's text a contrast of at least 4.5:1 on its fill", () => {
    for (const [colour, { fill, text }] of Object.entries(riskPalette)) {
      expect(contrastRatio(fill, text), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(noLevelPalette.fill, noLevelPalette.text)).toBeGreaterThanOrEqual(4.5);
  });

  it("give every badge an edge that stands out from the white page (3:1), pale fills too", () => {
    for (const [colour, { edge }] of Object.entries(riskPalette)) {
      expect(contrastRatio(edge, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(noLevelPalette.edge, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("compute the WCAG contrast ratio, symmetric, from 1 to 21", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    const hex = fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 3, maxLength: 3 })
      .map((parts) => `#${parts.map((part) => part.toString(16).padStart(2, "0")).join("")}`);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21.000_001);
        expect(contrastRatio(b, a)).toBe(ratio);
      }),
    );
  });

  it("refuse what is not a #rrggbb colour", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/not a #rrggbb colour/);
  });
});

describe("levels on a scale", () => {
  it("finds a level by its key, and nothing for none or an unknown key", () => {
    expect(levelByKey(levels, "yellow")?.rank).toBe(2);
    expect(levelByKey(levels, null)).toBeNull();
    expect(levelByKey(levels, undefined)).toBeNull();
    expect(levelByKey(levels, "purple")).toBeNull();
  });

  it("reads a matrix cell, counting likelihood and consequence from 1", () => {
    expect(matrixLevel(matrix, 1, 1)?.key).toBe("green");
    expect(matrixLevel(matrix, 1, 2)?.key).toBe("yellow");
    expect(matrixLevel(matrix, 2, 2)?.key).toBe("red");
    expect(matrixLevel(matrix, null, 2)).toBeNull();
    expect(matrixLevel(matrix, 3, 1)).toBeNull();
    expect(matrixLevel(levels, 1, 1)).toBeNull();
  });

  it("counts the assessments per level, best first, and those without one", () => {
    const counted = countLevels(levels, ["red", "green", null, "red", "purple"]);
    expect(counted.levels.map((each) => [each.level.key, each.count])).toEqual([
      ["green", 1],
      ["yellow", 0],
      ["red", 2],
    ]);
    expect(counted.none).toBe(2);
  });
});

describe("periods", () => {
  it("names a tertial as the seed does, T2-2024 with a hyphen that does not break, and leaves a year as it is", () => {
    expect(shortPeriod("2024-T2")).toBe("T2\u20112024");
    expect(shortPeriod("2024-T1")).toBe("T1\u20112024");
    expect(shortPeriod("2024")).toBe("2024");
    expect(shortPeriod("nonsense")).toBe("nonsense");
  });

  it("keeps a short code on one line with non-breaking hyphens, and nothing else changed", () => {
    expect(keepTogether("R-1")).toBe("R\u20111");
    expect(keepTogether("A-1-b")).toBe("A\u20111\u2011b");
    expect(keepTogether("4.2")).toBe("4.2");
  });

  it("finds the latest period before the current one: T1 before T2 before the year", () => {
    const periods = ["2024", "2024-T1", "2023", "2024-T2", "2023-T2"];
    expect(previousPeriod("2024-T2", periods)).toBe("2024-T1");
    expect(previousPeriod("2024", periods)).toBe("2024-T2");
    expect(previousPeriod("2024-T1", periods)).toBe("2023");
    expect(previousPeriod("2023-T2", periods)).toBeNull();
    expect(previousPeriod("2024-T2", [])).toBeNull();
  });

  it("never answers the current period or a later one", () => {
    const period = fc
      .tuple(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom("", "-T1", "-T2"))
      .map(([year, part]) => `${year}${part}`);
    fc.assert(
      fc.property(period, fc.array(period), (current, periods) => {
        const found = previousPeriod(current, periods);
        if (found === null) return;
        expect(periods).toContain(found);
        expect(found).not.toBe(current);
        expect(previousPeriod(current, [...periods, current])).toBe(found);
      }),
    );
  });
});

describe("the grid and the counts", () => {
  const unit = (id: number, name: string) => ({ id, code: name.slice(0, 3).toUpperCase(), name });
  const goal = (units: { id: number; code: string; name: string }[]) =>
    ({ units: units.map((each) => ({ unit: each })) }) as unknown as RiskGoal;

  it("has a column for every unit that assesses a goal, once, by name", () => {
    const unn = unit(1, "Universitetssykehuset Nord-Norge HF");
    const fin = unit(2, "Finnmarkssykehuset HF");
    const hsyk = unit(3, "Helgelandssykehuset HF");
    expect(gridUnits([goal([unn, fin]), goal([hsyk, unn]), goal([])]).map((each) => each.id)).toEqual([
      2, 3, 1,
    ]);
  });

  it("says improved, unchanged and worsened always, new and not assessed only when there is one", () => {
    const counts = { improved: 4, unchanged: 10, worsened: 1, new: 0, not_assessed: 0 };
    expect(changeCountParts(counts)).toEqual([
      { change: "improved", count: 4 },
      { change: "unchanged", count: 10 },
      { change: "worsened", count: 1 },
    ]);
    expect(changeCountParts({ ...counts, new: 2 }).at(-1)).toEqual({ change: "new", count: 2 });
  });
});
