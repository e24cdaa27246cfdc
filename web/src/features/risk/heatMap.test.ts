import { describe, expect, it } from "vitest";
import { defaultMatrixScale, defaultRiskScale } from "../../../../src/domain/risk.ts";
import type { RiskAssessment, RiskGoal } from "../../api/risk.ts";
import { heatMapGroups } from "./heatMap.ts";

function assessment(
  id: number,
  level: string | null,
  likelihood: number | null = null,
  consequence = likelihood,
) {
  return { id, level, likelihood, consequence } as RiskAssessment;
}

function goal(id: number, overall: RiskAssessment | null, units: RiskAssessment[]): RiskGoal {
  return { requirement: { id, number: String(id), text: `Mål ${id}` }, area: null, overall, units };
}

const goals = [
  goal(1, assessment(10, "red"), [assessment(11, "red"), assessment(12, "green")]),
  goal(2, null, [assessment(21, null), assessment(22, "red")]),
];

const ids = (groups: ReturnType<typeof heatMapGroups>, key: string) =>
  (groups.get(key) ?? []).map((entry) => entry.assessment.id);

describe("heatMapGroups", () => {
  it("groups the units' assessments by level, with the unassessed apart", () => {
    const groups = heatMapGroups(defaultRiskScale, goals, "units");
    expect(ids(groups, "level:red")).toEqual([11, 22]);
    expect(ids(groups, "level:green")).toEqual([12]);
    expect(ids(groups, "none")).toEqual([21]);
    expect(groups.has("level:yellow")).toBe(false);
  });

  it("counts only the overall assessments when asked, skipping goals without one", () => {
    const groups = heatMapGroups(defaultRiskScale, goals, "overall");
    expect([...groups.keys()]).toEqual(["level:red"]);
    expect(ids(groups, "level:red")).toEqual([10]);
  });

  it("puts assessments on a matrix in their cells, and those without a point under their level", () => {
    const onMatrix = [
      goal(3, null, [assessment(31, "red", 5, 5), assessment(32, "yellow"), assessment(33, "green", 1)]),
    ];
    const groups = heatMapGroups(defaultMatrixScale(), onMatrix, "units");
    expect(ids(groups, "cell:5:5")).toEqual([31]);
    expect(ids(groups, "level:yellow")).toEqual([32]);
    expect(ids(groups, "cell:1:1")).toEqual([33]);
    expect(groups.get("cell:5:5")?.[0]?.goal.requirement.id).toBe(3);
  });
});
