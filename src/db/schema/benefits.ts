import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { benefitKinds, costKinds } from "../../domain/programmeKinds.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { actionPlans, indicators, programmes, units, users } from "../schema.ts";

// Benefits realisation (DFØ's gevinstrealisering) for a programme or an action plan: benefits with
// an owner, a baseline and a target, measured through an indicator or readings; and the costs and
// investments they are set against (issue 14).

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Exactly one of a programme and an action plan owns the row. */
const oneOwner = (programmeId: unknown, actionPlanId: unknown) =>
  sql`(${programmeId} is null) <> (${actionPlanId} is null)`;

export const benefits = pgTable(
  "benefits",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    actionPlanId: integer("action_plan_id").references(() => actionPlans.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: benefitKinds }).notNull(),
    /** The benefit owner has line responsibility where it is realised (DFØ). */
    ownerName: text("owner_name").notNull(),
    ownerUnitId: integer("owner_unit_id").references(() => units.id),
    ownerUserId: integer("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** "NOK", "timer", "liggedøgn"; empty for qualitative benefits. */
    measureUnit: text("measure_unit").notNull().default(""),
    /** Qualitative benefits have no numbers: their baseline and target are described. */
    baselineValue: doublePrecision("baseline_value"),
    baselineText: text("baseline_text").notNull().default(""),
    baselineDate: date("baseline_date", { mode: "string" }).notNull(),
    targetValue: doublePrecision("target_value"),
    targetText: text("target_text").notNull().default(""),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    /** Values come from this catalogue indicator when set, else from the readings entered. */
    indicatorId: integer("indicator_id").references(() => indicators.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("benefits_programme_idx").on(table.programmeId),
    index("benefits_action_plan_idx").on(table.actionPlanId),
    check("benefits_one_owner", oneOwner(table.programmeId, table.actionPlanId)),
    check("benefits_target_after_baseline", sql`${table.targetDate} > ${table.baselineDate}`),
    check(
      "benefits_numbers",
      sql`${table.kind} = 'qualitative' or (${table.baselineValue} is not null and ${table.targetValue} is not null)`,
    ),
  ],
);

/** A value read for a benefit on a day (a period's end), entered by hand. */
export const benefitReadings = pgTable(
  "benefit_readings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    benefitId: integer("benefit_id")
      .notNull()
      .references(() => benefits.id, { onDelete: "cascade" }),
    on: date("on", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    comment: text("comment").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("benefit_readings_day_unique").on(table.benefitId, table.on)],
);

/** Planned and actual costs and investments per year, in NOK. */
export const benefitCosts = pgTable(
  "benefit_costs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    actionPlanId: integer("action_plan_id").references(() => actionPlans.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: costKinds }).notNull(),
    year: integer("year").notNull(),
    plannedNok: doublePrecision("planned_nok").notNull().default(0),
    actualNok: doublePrecision("actual_nok"),
    text: text("text").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("benefit_costs_programme_idx").on(table.programmeId),
    index("benefit_costs_action_plan_idx").on(table.actionPlanId),
    check("benefit_costs_one_owner", oneOwner(table.programmeId, table.actionPlanId)),
    check("benefit_costs_year", sql`${table.year} between 1900 and 2999`),
  ],
);
