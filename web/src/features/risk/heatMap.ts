// The heat map's groups: each assessment at its spot (matrix cell, level or none), with its goal,
// so a click on a spot lists exactly the assessments counted there.

import { type HeatSpot, heatSpotKey, heatSpotOf } from "../../../../src/domain/risk.ts";
import type { RiskAssessment, RiskGoal, RiskScale } from "../../api/risk.ts";

export type HeatMapEntry = { goal: RiskGoal; assessment: RiskAssessment; spot: HeatSpot };
export type HeatMapWho = "units" | "overall";

/** The assessments of `who` (the units' or the issuer's overall) grouped by spot key. */
export function heatMapGroups(
  scale: RiskScale,
  goals: readonly RiskGoal[],
  who: HeatMapWho,
): Map<string, HeatMapEntry[]> {
  const groups = new Map<string, HeatMapEntry[]>();
  for (const goal of goals) {
    const assessments = who === "units" ? goal.units : goal.overall ? [goal.overall] : [];
    for (const assessment of assessments) {
      const spot = heatSpotOf(scale, assessment);
      const key = heatSpotKey(spot);
      groups.set(key, [...(groups.get(key) ?? []), { goal, assessment, spot }]);
    }
  }
  return groups;
}
