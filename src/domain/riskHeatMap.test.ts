import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultMatrixScale, defaultRiskScale, heatSpotKey, heatSpotOf, matrixCounts } from "./risk.ts";

const matrix = defaultMatrixScale();
const point = (level: string | null, likelihood: number | null, consequence: number | null) => ({
  level,
  likelihood,
  consequence,
});

describe("heatSpotOf", () => {
  it("puts an assessment on a matrix in its cell, with the cell's level", () => {
    expect(heatSpotOf(matrix, point("red", 5, 4))).toEqual({
      kind: "cell",
      likelihood: 5,
      consequence: 4,
      level: "red",
    });
    expect(heatSpotOf(matrix, point(null, 1, 1))).toEqual({
      kind: "cell",
      likelihood: 1,
      consequence: 1,
      level: "green",
    });
  });

  it("falls back to the level when a matrix point is missing or off the matrix", () => {
    expect(heatSpotOf(matrix, point("yellow", null, 3))).toEqual({ kind: "level", level: "yellow" });
    expect(heatSpotOf(matrix, point("yellow", 6, 1))).toEqual({ kind: "level", level: "yellow" });
    expect(heatSpotOf(matrix, point("yellow", 0, 1))).toEqual({ kind: "level", level: "yellow" });
    expect(heatSpotOf(matrix, point("yellow", 2.5, 1))).toEqual({ kind: "level", level: "yellow" });
  });

  it("ignores likelihood and consequence on a scale of levels", () => {
    expect(heatSpotOf(defaultRiskScale, point("green", 5, 5))).toEqual({ kind: "level", level: "green" });
  });

  it("is nowhere when not assessed, or when the level is not on the scale", () => {
    expect(heatSpotOf(defaultRiskScale, point(null, null, null))).toEqual({ kind: "none" });
    expect(heatSpotOf(defaultRiskScale, point("purple", null, null))).toEqual({ kind: "none" });
    expect(heatSpotOf(matrix, point(null, null, null))).toEqual({ kind: "none" });
  });
});

describe("heatSpotKey", () => {
  it("names each spot apart", () => {
    expect(heatSpotKey({ kind: "cell", likelihood: 2, consequence: 3, level: "yellow" })).toBe("cell:2:3");
    expect(heatSpotKey({ kind: "level", level: "red" })).toBe("level:red");
    expect(heatSpotKey({ kind: "none" })).toBe("none");
  });

  it("counts on the matrix agree with the cells of the spots (property)", () => {
    const coordinate = fc.option(fc.integer({ min: -1, max: 7 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ likelihood: coordinate, consequence: coordinate })), (points) => {
        const counts = matrixCounts(
          matrix,
          points.map((p) => p),
        );
        const keys = points.map((p) => heatSpotKey(heatSpotOf(matrix, { level: null, ...p })));
        for (let l = 1; l <= 5; l++) {
          for (let c = 1; c <= 5; c++) {
            expect(keys.filter((key) => key === `cell:${l}:${c}`).length).toBe(counts[l - 1]?.[c - 1]);
          }
        }
        expect(keys.filter((key) => key.startsWith("cell:")).length).toBe(
          counts.flat().reduce((a, b) => a + b, 0),
        );
      }),
    );
  });
});
