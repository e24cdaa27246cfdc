// Value lists of risk assessments shared by the database, the API and the web. The lists of
// measures and unit risks (phases, statuses, horizons, areas) are in riskMeasures.ts.

/** A unit's own assessment of a goal, or the issuing unit's overall assessment of it. */
export const riskAssessmentKinds = ["unit", "overall"] as const;
export type RiskAssessmentKind = (typeof riskAssessmentKinds)[number];

/** What a measure can be linked to: a goal (requirement), a unit's own risk, an indicator. */
export const riskLinkKinds = ["requirement", "unit_risk", "indicator"] as const;
export type RiskLinkKind = (typeof riskLinkKinds)[number];
