import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { actionPlanStatuses, keyIndicatorKinds, planResponsibilities } from "../../domain/programmeKinds.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { indicators, measures, units } from "../schema.ts";

// Action plans (seed 004): a plan for some years with numbered sub-goals, their key indicators and
// measures; each yearly revision is a new version of the same plan (issue 14).

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const actionPlans = pgTable(
  "action_plans",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    ownerUnitId: integer("owner_unit_id")
      .notNull()
      .references(() => units.id),
    /** The first version's id: every version of one plan shares it. */
    seriesId: integer("series_id").references((): AnyPgColumn => actionPlans.id),
    /** 1 for the plan as first adopted, then one more for each revision. */
    versionNumber: integer("version_number").notNull().default(1),
    previousVersionId: integer("previous_version_id").references((): AnyPgColumn => actionPlans.id),
    /** The year a revision was made in (seed 004: "den årlige revideringen ... innen utgangen av 2009"). */
    revisedInYear: integer("revised_in_year"),
    title: text("title").notNull(),
    fromYear: integer("from_year").notNull(),
    toYear: integer("to_year").notNull(),
    purpose: text("purpose").notNull().default(""),
    mainGoal: text("main_goal").notNull().default(""),
    /** The board cases the plan builds on ("Styresak 085-2008"). */
    boardCases: jsonb("board_cases").$type<string[]>().notNull().default([]),
    status: text("status", { enum: actionPlanStatuses }).notNull().default("draft"),
    adoptedOn: date("adopted_on", { mode: "string" }),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("action_plans_owner_idx").on(table.ownerUnitId),
    uniqueIndex("action_plans_series_version_unique").on(table.seriesId, table.versionNumber),
    check(
      "action_plans_years",
      sql`${table.toYear} >= ${table.fromYear} and ${table.fromYear} between 1900 and 2999 and ${table.toYear} - ${table.fromYear} < 20`,
    ),
  ],
);

export const actionPlanSubGoals = pgTable(
  "action_plan_sub_goals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    planId: integer("plan_id")
      .notNull()
      .references(() => actionPlans.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("action_plan_sub_goals_number_unique").on(table.planId, table.number)],
);

/**
 * A sub-goal's key indicator: an indicator in the catalogue (its yearly targets and values come
 * from there), or a manual milestone, done or not, or a value on a date.
 */
export const actionPlanKeyIndicators = pgTable(
  "action_plan_key_indicators",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    subGoalId: integer("sub_goal_id")
      .notNull()
      .references(() => actionPlanSubGoals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    text: text("text").notNull(),
    kind: text("kind", { enum: keyIndicatorKinds }).notNull(),
    indicatorId: integer("indicator_id").references(() => indicators.id),
    /** When a milestone is due (seed 004 D2-I2: "innen 1. juli 2009"). */
    dueOn: date("due_on", { mode: "string" }),
    milestoneDone: integer("milestone_done"),
    milestoneValue: doublePrecision("milestone_value"),
    milestoneTarget: doublePrecision("milestone_target"),
    milestoneUnit: text("milestone_unit").notNull().default(""),
    milestoneOn: date("milestone_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("action_plan_key_indicators_sub_goal_idx").on(table.subGoalId),
    check(
      "action_plan_key_indicators_kind",
      sql`(${table.kind} = 'indicator') = (${table.indicatorId} is not null)`,
    ),
    check(
      "action_plan_key_indicators_done",
      sql`${table.milestoneDone} is null or ${table.milestoneDone} in (0, 1)`,
    ),
  ],
);

/**
 * A measure (the risk issue's tiltak) in one version of a plan, under a sub-goal (or none, seed
 * 004's "Andre tiltak"), with the plan's priority, years, resource and responsibility. A revision
 * links the same measure to the new version, so its progress log goes on.
 */
export const actionPlanMeasures = pgTable(
  "action_plan_measures",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    planId: integer("plan_id")
      .notNull()
      .references(() => actionPlans.id, { onDelete: "cascade" }),
    subGoalId: integer("sub_goal_id").references(() => actionPlanSubGoals.id, { onDelete: "set null" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    /** The plan's own label for the measure ("1.2"). */
    label: text("label").notNull().default(""),
    position: integer("position").notNull().default(0),
    priority: integer("priority").notNull(),
    years: jsonb("years").$type<number[]>().notNull(),
    resource: text("resource").notNull().default(""),
    responsibility: text("responsibility", { enum: planResponsibilities }).notNull(),
    /** The units named when responsibility is named_units. */
    responsibleUnitIds: jsonb("responsible_unit_ids").$type<number[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("action_plan_measures_unique").on(table.planId, table.measureId),
    index("action_plan_measures_measure_idx").on(table.measureId),
    check("action_plan_measures_priority", sql`${table.priority} in (1, 2)`),
  ],
);
