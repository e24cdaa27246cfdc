// The value lists of programmes, action plans and benefits (issue 14). The database schema, the
// API schemas and the web's forms all read them from here.

export { gateDecisions, statusColours } from "./programmes.ts";

export const programmeKinds = ["programme", "project"] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

/** Steering groups (one per procurement category in seed 001), project and reference groups. */
export const groupKinds = ["steering", "project", "reference"] as const;
export type GroupKind = (typeof groupKinds)[number];

export const memberRoles = ["chair", "member", "secretary"] as const;
export type MemberRole = (typeof memberRoles)[number];

/** A stakeholder's interest and influence: low, medium, high. */
export const engagementLevels = ["low", "medium", "high"] as const;
export type EngagementLevel = (typeof engagementLevels)[number];

/** Stakeholder activities and training: planned, done, cancelled. */
export const activityStatuses = ["planned", "done", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** Seed 004's plan states: a draft, adopted by the board, replaced by a revision. */
export const actionPlanStatuses = ["draft", "adopted", "revised"] as const;
export type ActionPlanStatus = (typeof actionPlanStatuses)[number];

/** Who carries out a plan's measure (seed 004's "Ansvar"): the owner (RHF), all trusts, named units. */
export const planResponsibilities = ["owner", "all_trusts", "named_units"] as const;
export type PlanResponsibility = (typeof planResponsibilities)[number];

/**
 * How a key indicator's progress is known: from an indicator in the catalogue (values and yearly
 * targets from the data), or a manual milestone: done or not, or a value on a date.
 */
export const keyIndicatorKinds = ["indicator", "milestone_done", "milestone_value"] as const;
export type KeyIndicatorKind = (typeof keyIndicatorKinds)[number];

/** DFØ's kinds of benefit: economic (NOK), quality in physical units (hours, days), qualitative. */
export const benefitKinds = ["economic", "quality", "qualitative"] as const;
export type BenefitKind = (typeof benefitKinds)[number];

/** Costs set against benefits: investments and transition (omstilling) and running costs. */
export const costKinds = ["investment", "transition", "running"] as const;
export type CostKind = (typeof costKinds)[number];
