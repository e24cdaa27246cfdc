import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { RiskScale } from "../../domain/risk.ts";
import { riskAssessmentKinds, riskLinkKinds } from "../../domain/riskKinds.ts";
import { measurePhases, measureStatuses, riskHorizons } from "../../domain/riskMeasures.ts";
import { answerActions, answerStates } from "../../domain/workflow.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { indicators, programmes, reportingRounds, requirements, units, users } from "../schema.ts";

// Risk assessments of goals, each unit's own risks ("Topp 5") and risk-reducing measures (issue 12).
// The value lists are in src/domain/riskKinds.ts, shared with the API and the web.

export {
  type RiskAssessmentKind,
  type RiskLinkKind,
  riskAssessmentKinds,
  riskLinkKinds,
} from "../../domain/riskKinds.ts";
export {
  type MeasurePhase,
  type MeasureStatus,
  measurePhases,
  measureStatuses,
  type RiskHorizon,
  riskHorizons,
} from "../../domain/riskMeasures.ts";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The risk scale a unit and the units below it use (the nearest one up the tree applies); none
 * anywhere means the default three levels of src/domain/risk.ts.
 */
export const riskScales = pgTable("risk_scales", {
  unitId: integer("unit_id")
    .primaryKey()
    .references(() => units.id),
  definition: jsonb("definition").$type<RiskScale>().notNull(),
  updatedBy: text("updated_by"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * One unit's assessment of the risk of not reaching one goal in one round; the issuing unit's
 * overall assessment has kind "overall". `state` follows src/domain/workflow.ts, as answers do.
 * `inherent*` is the risk as it is; `residual*` the risk after the measures (matrix scales).
 */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reportingRounds.id),
    requirementId: integer("requirement_id")
      .notNull()
      .references(() => requirements.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: riskAssessmentKinds }).notNull(),
    level: text("level"),
    likelihood: integer("likelihood"),
    consequence: integer("consequence"),
    residualLevel: text("residual_level"),
    residualLikelihood: integer("residual_likelihood"),
    residualConsequence: integer("residual_consequence"),
    justification: text("justification").notNull().default(""),
    /** The same unit's assessment of the same goal in the round before, which this one started from. */
    previousId: integer("previous_id").references((): AnyPgColumn => riskAssessments.id),
    /** Copied from the previous assessment and not yet saved by anyone. */
    carriedForward: boolean("carried_forward").notNull().default(false),
    state: text("state", { enum: answerStates }).notNull().default("draft"),
    returnComment: text("return_comment"),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("risk_assessments_round_requirement_unit_unique").on(
      table.roundId,
      table.requirementId,
      table.unitId,
    ),
    index("risk_assessments_unit_idx").on(table.unitId),
    index("risk_assessments_requirement_idx").on(table.requirementId),
  ],
);

/** Every saved version of an assessment, kept for comparison and for the record. */
export const riskAssessmentVersions = pgTable(
  "risk_assessment_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => riskAssessments.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    action: text("action", { enum: ["create", ...answerActions] }).notNull(),
    level: text("level"),
    likelihood: integer("likelihood"),
    consequence: integer("consequence"),
    residualLevel: text("residual_level"),
    residualLikelihood: integer("residual_likelihood"),
    residualConsequence: integer("residual_consequence"),
    justification: text("justification").notNull(),
    state: text("state", { enum: answerStates }).notNull(),
    comment: text("comment"),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("risk_assessment_versions_assessment_version_unique").on(table.assessmentId, table.version),
  ],
);

/** A unit's own risk ("Topp 5"): an area, what may happen and what follows, ranked within the unit. */
export const unitRisks = pgTable(
  "unit_risks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** Set for a programme's risk (seed 001's risk areas): ranked among that programme's risks only. */
    programmeId: integer("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    /** A key of riskAreas or of the organisation's own list. */
    area: text("area").notNull(),
    title: text("title").notNull(),
    likelyEvents: text("likely_events").notNull().default(""),
    consequences: text("consequences").notNull().default(""),
    ownerName: text("owner_name").notNull().default(""),
    horizon: text("horizon", { enum: riskHorizons }).notNull(),
    rank: integer("rank").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("unit_risks_unit_idx").on(table.unitId),
    // Two open risks of a unit (or of one programme) never share a rank.
    uniqueIndex("unit_risks_open_rank_unique")
      .on(table.unitId, sql`coalesce(${table.programmeId}, 0)`, table.rank)
      .where(sql`${table.closedAt} is null`),
    check("unit_risks_rank_range", sql`${table.rank} between 1 and 99`),
  ],
);

/** A unit risk's assessment for one period ("2024-T2"), reviewed each tertial like the goals'. */
export const unitRiskAssessments = pgTable(
  "unit_risk_assessments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    unitRiskId: integer("unit_risk_id")
      .notNull()
      .references(() => unitRisks.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    level: text("level"),
    likelihood: integer("likelihood"),
    consequence: integer("consequence"),
    residualLevel: text("residual_level"),
    residualLikelihood: integer("residual_likelihood"),
    residualConsequence: integer("residual_consequence"),
    justification: text("justification").notNull().default(""),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("unit_risk_assessments_risk_period_unique").on(table.unitRiskId, table.period)],
);

/** A risk-reducing measure (tiltak), owned by a unit and a person or a named role. */
export const measures = pgTable(
  "measures",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    responsibleUnitId: integer("responsible_unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerUserId: integer("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** A named role ("fagdirektør") when no user owns the measure, or beside the user. */
    ownerRole: text("owner_role").notNull().default(""),
    phase: text("phase", { enum: measurePhases }).notNull(),
    status: text("status", { enum: measureStatuses }),
    start: date("start", { mode: "string" }),
    deadline: date("deadline", { mode: "string" }),
    expectedEffect: text("expected_effect").notNull().default(""),
    /** The expected effect on a linked indicator: the value it should reach by `fullEffectDate`. */
    effectIndicatorId: integer("effect_indicator_id").references(() => indicators.id),
    effectTarget: doublePrecision("effect_target"),
    fullEffectDate: date("full_effect_date", { mode: "string" }),
    comment: text("comment").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("measures_unit_idx").on(table.responsibleUnitId),
    index("measures_owner_idx").on(table.ownerUserId),
    check(
      "measures_deadline_after_start",
      sql`${table.start} is null or ${table.deadline} is null or ${table.deadline} >= ${table.start}`,
    ),
  ],
);

/** A measure's dated status log: what was done and where it stands, at least once a period. */
export const measureLog = pgTable(
  "measure_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    on: date("on", { mode: "string" }).notNull(),
    phase: text("phase", { enum: measurePhases }).notNull(),
    status: text("status", { enum: measureStatuses }),
    text: text("text").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("measure_log_measure_idx").on(table.measureId, table.on)],
);

/** What a measure works on: goals (requirements), unit risks and indicators. */
export const measureLinks = pgTable(
  "measure_links",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: riskLinkKinds }).notNull(),
    targetId: integer("target_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.measureId, table.kind, table.targetId] }),
    index("measure_links_target_idx").on(table.kind, table.targetId),
  ],
);
