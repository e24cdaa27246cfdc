// Seed 003's risk section as document data, for tests and examples: Helse Nord's overall
// assessments of its 15 goals at T1 and T2 2024 (Tabell 3: 4 improved, 10 unchanged, 1 worsened)
// and the 54 rows of Vedlegg 1 Tabell 3 "Status risikoreduserende tiltak".

import riskFile from "../../db/demo/source/risk.json" with { type: "json" };
import { defaultRiskScale } from "../../domain/risk.ts";
import { phaseFromNorwegian, statusFromNorwegian } from "../../domain/riskMeasures.ts";
import type { MeasureData, RiskAssessmentData, RiskLevelData } from "./model.ts";

const levelKey: Record<string, string> = { Grønn: "green", Gul: "yellow", Rød: "red" };

export function seedRiskLevels(): RiskLevelData[] {
  return structuredClone(defaultRiskScale.levels);
}

/** Tabell 3 as the seed has it, every assessment approved. */
export function seedRiskAssessment(): RiskAssessmentData {
  return {
    periods: ["2024-T1", "2024-T2"],
    levels: seedRiskLevels(),
    goals: riskFile.table3_risk_T1_T2.rows.map((row) => ({
      area: row.area,
      goal: row.goal,
      cells: [row.t1, row.t2].map((word) => ({
        level: levelKey[word] ?? null,
        approval: "approved" as const,
      })),
    })),
  };
}

/** Vedlegg 1's measures, owned by Helse Nord RHF's directors, in the seed's order. */
export function seedMeasures(): MeasureData[] {
  return riskFile.table3_status_measures.rows.map((row) => ({
    goal: row.goal,
    measure: row.measure,
    unitName: "Helse Nord RHF",
    owner: row.owner.replace(/^Helse Nord RHF, /, ""),
    phase: phaseFromNorwegian(row.phase) ?? "decided",
    status: statusFromNorwegian(row.status),
    comment: row.comment,
  }));
}
