import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareAssessments,
  countByLevel,
  countChanges,
  defaultMatrixScale,
  defaultRiskScale,
  levelOf,
  type MatrixScale,
  matrixCellLevel,
  matrixCounts,
  type RiskChange,
  residualWithinInherent,
  riskChanges,
  validateScale,
} from "./risk.ts";

const seed = JSON.parse(readFileSync(new URL("../db/demo/source/risk.json", import.meta.url), "utf8")) as {
  criteria: { level: string; definition_no: string }[];
  table3_risk_T1_T2: { rows: { t1: string; t2: string; change: string }[] };
};

const rankOfLabel = (label: string) =>
  defaultRiskScale.levels.find((level) => level.label.nb === label)?.rank ?? null;

describe("the default scale", () => {
  it("has the seed's three levels, best first, with the seed's definitions", () => {
    expect(defaultRiskScale.levels.map((level) => [level.key, level.rank, level.label.nb])).toEqual([
      ["green", 1, "Grønn"],
      ["yellow", 2, "Gul"],
      ["red", 3, "Rød"],
    ]);
    for (const criterion of seed.criteria) {
      const level = defaultRiskScale.levels.find((l) => l.label.nb === criterion.level);
      // The seed's words, with sentences capitalised and ended.
      const words = (text: string) =>
        text
          .toLowerCase()
          .replace(/[^a-zæøå ]/g, "")
          .split(/\s+/);
      expect(words(level?.definition.nb ?? "")).toEqual(words(criterion.definition_no));
    }
  });

  it("and the default matrix are valid scales", () => {
    expect(validateScale(defaultRiskScale)).toEqual({ ok: true, scale: defaultRiskScale });
    expect(validateScale(defaultMatrixScale())).toEqual({ ok: true, scale: defaultMatrixScale() });
  });

  it("gives Tabell 3's 15 goals of seed 003: 4 improved, 10 unchanged, 1 worsened", () => {
    const changes = seed.table3_risk_T1_T2.rows.map((row) =>
      compareAssessments(rankOfLabel(row.t1), rankOfLabel(row.t2)),
    );
    expect(changes).toEqual(seed.table3_risk_T1_T2.rows.map((row) => row.change));
    expect(countChanges(changes)).toEqual({
      new: 0,
      improved: 4,
      unchanged: 10,
      worsened: 1,
      not_assessed: 0,
    });
  });
});

describe("comparing two assessments", () => {
  it.each([
    [null, null, "not_assessed"],
    [2, null, "not_assessed"],
    [null, 1, "new"],
    [3, 2, "improved"],
    [1, 3, "worsened"],
    [2, 2, "unchanged"],
  ] as const)("from %s to %s is %s", (before, after, change) => {
    expect(compareAssessments(before, after)).toBe(change);
  });

  it("is antisymmetric: a → b improved exactly when b → a worsened", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (a, b) => {
        expect(compareAssessments(a, b) === "improved").toBe(compareAssessments(b, a) === "worsened");
        expect(compareAssessments(a, b) === "unchanged").toBe(a === b);
      }),
    );
  });

  it("counts every change, with zeros for the ones absent, summing to the input", () => {
    expect(countChanges([])).toEqual({ new: 0, improved: 0, unchanged: 0, worsened: 0, not_assessed: 0 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom<RiskChange>(...riskChanges)), (changes) => {
        const counts = countChanges(changes);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(changes.length);
      }),
    );
  });
});

describe("levels and counts", () => {
  it("finds a level by key, and nothing for an unknown key", () => {
    expect(levelOf(defaultRiskScale, "yellow")?.rank).toBe(2);
    expect(levelOf(defaultRiskScale, "purple")).toBeUndefined();
    expect(levelOf(defaultRiskScale, "constructor")).toBeUndefined();
  });

  it("counts assessments per level in rank order, zeros included, ignoring unknown keys and gaps", () => {
    const counts = countByLevel(defaultRiskScale, ["red", null, "green", "red", "purple"]);
    expect(counts.map((c) => `${c.level.key}:${c.count}`)).toEqual(["green:1", "yellow:0", "red:2"]);
  });

  it("counts nothing as zeros, for levels and for a heat map", () => {
    expect(countByLevel(defaultRiskScale, []).map((c) => c.count)).toEqual([0, 0, 0]);
    const [matrix, none] = [defaultMatrixScale(), Array(25).fill(0)];
    expect(matrixCounts(matrix, []).flat()).toEqual(none);
    expect(matrixCounts(matrix, [{ likelihood: Number.NaN, consequence: 1 }]).flat()).toEqual(none);
  });

  it("residual risk may not be worse than inherent; a missing side is no contradiction", () => {
    expect(residualWithinInherent(3, 2)).toBe(true);
    expect(residualWithinInherent(2, 2)).toBe(true);
    expect(residualWithinInherent(1, 2)).toBe(false);
    expect(residualWithinInherent(null, 3)).toBe(true);
    expect(residualWithinInherent(3, null)).toBe(true);
  });
});

describe("a matrix", () => {
  const matrix = defaultMatrixScale();

  it("reads the level of each cell by likelihood × consequence, corners included", () => {
    expect(matrixCellLevel(matrix, 1, 1)?.key).toBe("green");
    expect(matrixCellLevel(matrix, 2, 2)?.key).toBe("green");
    expect(matrixCellLevel(matrix, 1, 5)?.key).toBe("yellow");
    expect(matrixCellLevel(matrix, 3, 4)?.key).toBe("yellow");
    expect(matrixCellLevel(matrix, 4, 4)?.key).toBe("red");
    expect(matrixCellLevel(matrix, 5, 5)?.key).toBe("red");
  });

  it.each([
    [0, 1],
    [1, 0],
    [6, 1],
    [1, 6],
    [2.5, 1],
    [Number.NaN, 1],
    [-1, 2],
    [Number.POSITIVE_INFINITY, 1],
  ])("has no cell at likelihood %s, consequence %s", (likelihood, consequence) => {
    expect(matrixCellLevel(matrix, likelihood, consequence)).toBeUndefined();
  });

  it("is never better in a cell with higher likelihood or consequence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (l, c, dl, dc) => {
          const here = matrixCellLevel(matrix, l, c);
          const further = matrixCellLevel(matrix, Math.min(5, l + dl), Math.min(5, c + dc));
          expect(here).toBeDefined();
          expect((further?.rank ?? 0) >= (here?.rank ?? 0)).toBe(true);
        },
      ),
    );
  });

  it("counts points per cell for a heat map, ignoring points off the matrix", () => {
    const counts = matrixCounts(matrix, [
      { likelihood: 5, consequence: 5 },
      { likelihood: 5, consequence: 5 },
      { likelihood: 1, consequence: 2 },
      { likelihood: null, consequence: 2 },
      { likelihood: 6, consequence: 1 },
      { likelihood: 2.5, consequence: 1 },
    ]);
    expect(counts[4]?.[4]).toBe(2);
    expect(counts[0]?.[1]).toBe(1);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts).toHaveLength(5);
    expect(counts.every((row) => row.length === 5)).toBe(true);
  });
});

describe("checking a scale sent by someone", () => {
  const reasons = (value: unknown) => {
    const result = validateScale(value);
    return result.ok ? [] : result.problems.map((p) => `${p.path}:${p.reason}`);
  };

  it.each([null, undefined, 42, "levels", [], {}, { kind: "circle" }])(
    "refuses %j as having no known kind",
    (value) => {
      expect(reasons(value)).toEqual(["kind:scale_kind_unknown"]);
    },
  );

  it("names duplicate keys, bad keys, ranks with gaps, unknown colours and missing labels", () => {
    const level = (key: string, rank: number, colour = "green", nb = "Grønn") => ({
      key,
      rank,
      colour,
      label: { nb, en: nb },
    });
    expect(reasons({ kind: "levels", levels: [level("a", 1), level("a", 2)] })).toEqual([
      "levels[1].key:scale_level_key_duplicate",
    ]);
    expect(reasons({ kind: "levels", levels: [level("Rød", 1), level("b", 3)] })).toEqual([
      "levels[0].key:scale_level_key_invalid",
      "levels:scale_level_rank",
    ]);
    expect(reasons({ kind: "levels", levels: [level("a", 1, "pink"), level("b", 2, "red", " ")] })).toEqual([
      "levels[0].colour:scale_colour_unknown",
      "levels[1].label:scale_label_missing",
    ]);
    expect(reasons({ kind: "levels", levels: [level("a", 1)] })).toEqual(["levels:scale_level_count"]);
  });

  it("refuses labels and definitions that are too long", () => {
    const long = "x".repeat(61);
    const scale = {
      kind: "levels",
      levels: [
        { key: "a", rank: 1, colour: "green", label: { nb: long, en: "A" } },
        {
          key: "b",
          rank: 2,
          colour: "red",
          label: { nb: "B", en: "B" },
          definition: { nb: "y".repeat(1001), en: "" },
        },
      ],
    };
    expect(reasons(scale)).toEqual([
      "levels[0].label:scale_label_too_long",
      "levels[1].definition:scale_definition_too_long",
    ]);
  });

  it("refuses a matrix of the wrong shape, with unknown cells, or that gets better further out", () => {
    const base: MatrixScale = {
      ...defaultMatrixScale(),
      likelihoods: defaultMatrixScale().likelihoods.slice(0, 2),
      consequences: defaultMatrixScale().consequences.slice(0, 2),
      cells: [
        ["green", "yellow"],
        ["yellow", "red"],
      ],
    };
    expect(reasons(base)).toEqual([]);
    expect(reasons({ ...base, cells: [["green", "yellow"]] })).toEqual(["cells:scale_cells_shape"]);
    expect(
      reasons({
        ...base,
        cells: [
          ["green", "yellow"],
          ["blue", "red"],
        ],
      }),
    ).toEqual(["cells[1][0]:scale_cell_unknown_level"]);
    expect(
      reasons({
        ...base,
        cells: [
          ["red", "yellow"],
          ["yellow", "red"],
        ],
      }),
    ).toEqual(["cells[0][1]:scale_cells_not_monotonic", "cells[1][0]:scale_cells_not_monotonic"]);
    expect(reasons({ ...base, likelihoods: [{ nb: "Bare én", en: "Only one" }] })).toEqual([
      "likelihoods:scale_axis_count",
    ]);
  });

  it("refuses 10,000 levels at once, and never names more than 50 problems", () => {
    const levels = Array.from({ length: 10_000 }, (_, i) => ({ key: "x", rank: i }));
    expect(reasons({ kind: "levels", levels })).toEqual(["levels:scale_level_count"]);
    const many = Array.from({ length: 7 }, () => ({ key: "Æ", rank: 0, colour: "pink", label: null }));
    const result = validateScale({ kind: "matrix", levels: many, likelihoods: many, consequences: many });
    expect(result.ok).toBe(false);
    expect(result.ok ? 0 : result.problems.length).toBeLessThanOrEqual(50);
  });

  it("names what is missing from a bare matrix, and cells of the wrong shape", () => {
    expect(reasons({ kind: "matrix" })).toEqual([
      "levels:scale_level_count",
      "likelihoods:scale_axis_count",
      "consequences:scale_axis_count",
    ]);
    const base = { ...defaultMatrixScale() };
    const ragged = base.cells.map((row, l) => (l === 2 ? row.slice(0, 4) : row));
    const shapes = [undefined, "x", [], ragged, [...base.cells, base.cells[0]]];
    for (const cells of shapes) expect(reasons({ ...base, cells })).toEqual(["cells:scale_cells_shape"]);
    // The worst corner better than its neighbours.
    const worse = base.cells.map((row, l) => row.map((cell, c) => (l + c === 8 ? "yellow" : cell)));
    expect(reasons({ ...base, cells: worse })).toEqual(["cells[4][4]:scale_cells_not_monotonic"]);
    const axes = { ...base, likelihoods: Array.from({ length: 11 }, () => ({ nb: "a", en: "a" })) };
    expect(reasons(axes)).toEqual(["likelihoods:scale_axis_count"]);
  });

  it("wants ranks exactly 1..n and 2 to 7 levels; accepts labels of 60 and definitions of 1000", () => {
    const level = (key: string, rank: unknown) => ({
      key,
      rank,
      colour: "grey",
      label: { nb: key, en: key },
    });
    for (const ranks of ["1,1", "0,1", "1,2.5", "2,3", "x,1", "1,2,4"].map((r) => r.split(",").map(Number))) {
      const levels = ranks.map((r, i) => level(`l${i}`, r));
      expect(reasons({ kind: "levels", levels })).toEqual(["levels:scale_level_rank"]);
    }
    expect(reasons({ kind: "levels", levels: [level("a", "1"), level("b", 2)] })).toEqual([
      "levels:scale_level_rank",
    ]);
    const eight = Array.from({ length: 8 }, (_, i) => level(`l${i}`, i + 1));
    expect(reasons({ kind: "levels", levels: eight })).toEqual(["levels:scale_level_count"]);
    expect(reasons({ kind: "levels", levels: eight.slice(0, 7) })).toEqual([]);
    const label = { nb: "x".repeat(60), en: "x" };
    const edge = { ...level("a", 1), label, definition: { nb: "y".repeat(1000), en: "" } };
    expect(reasons({ kind: "levels", levels: [edge, level("b", 2)] })).toEqual([]);
  });

  it("answers a clean scale that checks again to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 2, max: 10 }), (n, m) => {
        const words = (i: number) => ({ nb: `Nivå ${i}`, en: `Level ${i}` });
        const level = (i: number) => ({ key: `l${i}`, rank: i + 1, colour: "grey", label: words(i) });
        const levels = Array.from({ length: n }, (_, i) => level(i));
        const axis = Array.from({ length: m }, (_, i) => words(i));
        // Worse the further out along either axis.
        const cells = axis.map((_, l) => axis.map((_, c) => `l${Math.min(n - 1, Math.max(l, c))}`));
        const scale = { kind: "matrix", levels, likelihoods: axis, consequences: axis, cells };
        const result = validateScale(scale);
        expect(result.ok).toBe(true);
        if (result.ok) expect(validateScale(result.scale)).toEqual(result);
      }),
    );
  });

  it("keeps only the known fields, levels in rank order", () => {
    const result = validateScale({
      kind: "levels",
      extra: "dropped",
      levels: [
        { key: "high", rank: 2, colour: "red", label: { nb: " Høy ", en: "High" }, secret: 1 },
        { key: "low", rank: 1, colour: "green", label: { nb: "Lav", en: "Low" } },
      ],
    });
    expect(result).toEqual({
      ok: true,
      scale: {
        kind: "levels",
        levels: [
          {
            key: "low",
            rank: 1,
            colour: "green",
            label: { nb: "Lav", en: "Low" },
            definition: { nb: "", en: "" },
          },
          {
            key: "high",
            rank: 2,
            colour: "red",
            label: { nb: "Høy", en: "High" },
            definition: { nb: "", en: "" },
          },
        ],
      },
    });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => validateScale(value)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom("levels", "matrix"),
          levels: fc.array(fc.anything(), { maxLength: 9 }),
          likelihoods: fc.anything(),
          consequences: fc.anything(),
          cells: fc.anything(),
        }),
        (value) => {
          expect(() => validateScale(value)).not.toThrow();
        },
      ),
    );
  });
});
