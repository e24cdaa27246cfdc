import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
// Indicators, their targets, monthly measurements and published scorecards (issue #3).
// The value lists are in src/domain/indicatorKinds.ts, shared with the API and the web.
import { directions, evaluationBases, trendModes, valueKinds } from "../../domain/indicatorKinds.ts";
import type { TargetRule } from "../../domain/targets.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { units, users } from "../schema.ts";

export { directions, evaluationBases, trendModes, valueKinds };

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The indicator catalogue. An indicator belongs to the organisation (owner null, managed by system
 * administrators) or to a unit, whose administrators manage it and whose subtree sees it.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    nameNb: text("name_nb").notNull(),
    nameEn: text("name_en"),
    definition: text("definition").notNull().default(""),
    /** What the figure is in, as shown: "%", "dager", "antall", "MNOK", "per 1 000 innbyggere". */
    unitLabel: text("unit_label").notNull(),
    direction: text("direction", { enum: directions }).notNull(),
    valueKind: text("value_kind", { enum: valueKinds }).notNull(),
    scale: doublePrecision("scale").notNull().default(1),
    decimals: integer("decimals").notNull().default(0),
    dataSource: text("data_source"),
    lagMonths: integer("lag_months").notNull().default(0),
    minDenominator: doublePrecision("min_denominator"),
    evaluationBasis: text("evaluation_basis", { enum: evaluationBases }).notNull().default("this_period"),
    trendMode: text("trend_mode", { enum: trendModes }).notNull().default("relative"),
    ownerUnitId: integer("owner_unit_id").references(() => units.id),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("indicators_code_unique").on(sql`lower(${table.code})`),
    index("indicators_owner_idx").on(table.ownerUnitId),
    check("indicators_decimals_range", sql`${table.decimals} between 0 and 6`),
    check("indicators_lag_range", sql`${table.lagMonths} between 0 and 24`),
    check("indicators_scale_nonzero", sql`${table.scale} <> 0`),
  ],
);

/**
 * A target (målkrav) for an indicator: for one year or every year (year null), for the whole
 * organisation or one unit and its subtree (unit null = general). The rule is src/domain/targets.ts's
 * TargetRule as JSON. At most one target per (indicator, year, unit), so resolution is never ambiguous.
 */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    year: integer("year"),
    unitId: integer("unit_id").references(() => units.id),
    rule: jsonb("rule").$type<TargetRule>().notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("indicator_targets_unique").on(
      table.indicatorId,
      sql`coalesce(${table.year}, 0)`,
      sql`coalesce(${table.unitId}, 0)`,
    ),
  ],
);

/**
 * One unit's figure for one indicator and month. Ratios keep numerator and denominator, never a
 * percentage; counts and stocks keep their value in `numerator`. `month` is the first day of the month.
 */
export const measurements = pgTable(
  "measurements",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    month: date("month", { mode: "string" }).notNull(),
    numerator: doublePrecision("numerator").notNull(),
    denominator: doublePrecision("denominator"),
    version: integer("version").notNull().default(1),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedById: integer("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    recordedByName: text("recorded_by_name").notNull(),
  },
  (table) => [
    // The key, and the index every read of measurements uses: an indicator's units and months. Its
    // migration (0006) adds the figures as INCLUDE columns, which Drizzle cannot express, so that
    // reads never visit the table.
    uniqueIndex("measurements_key_unique").on(table.indicatorId, table.unitId, table.month),
    check("measurements_first_of_month", sql`extract(day from ${table.month}) = 1`),
    check(
      "measurements_denominator_not_negative",
      sql`${table.denominator} is null or ${table.denominator} >= 0`,
    ),
  ],
);

/**
 * Sums of measurements over each unit's subtree below it (not the unit's own figures), per
 * indicator and month, so a scorecard reads one row per indicator and month instead of every
 * department's. Derived data: triggers on `measurements` and `units` (migration 0006) keep it in
 * step with every insert, update, delete and move in the same transaction, and
 * `rebuild_measurement_totals()` makes it again from scratch. See docs/decisions/0005.
 */
export const measurementTotals = pgTable(
  "measurement_totals",
  {
    unitId: integer("unit_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    indicatorId: integer("indicator_id").notNull(),
    /** Exact sums, so that subtracting a replaced value leaves no floating-point residue. */
    numerator: numeric("numerator").notNull(),
    denominator: numeric("denominator"),
    /** How many measurements the sums hold. */
    reports: integer("reports").notNull(),
    /** Direct children of the unit whose subtree reported, with how many measurements each: {"12": 3}. */
    children: jsonb("children").$type<Record<string, number>>().notNull(),
    /** The keys of `children`, sorted: the units a scorecard names as the figure's sources. */
    childIds: integer("child_ids").array().notNull(),
  },
  (table) => [
    // Migration 0006 adds numerator, denominator and child_ids to this key as INCLUDE columns.
    primaryKey({ columns: [table.unitId, table.indicatorId, table.month] }),
    // Sums that reach zero measurements are deleted right after each change; this finds them.
    index("measurement_totals_empty_idx").on(table.unitId).where(sql`${table.reports} = 0`),
  ],
);

/** A value replaced by a later one: the old figures, who recorded them, and who replaced them when. */
export const measurementHistory = pgTable(
  "measurement_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    measurementId: bigint("measurement_id", { mode: "number" })
      .notNull()
      .references(() => measurements.id),
    oldNumerator: doublePrecision("old_numerator").notNull(),
    oldDenominator: doublePrecision("old_denominator"),
    oldRecordedAt: timestamp("old_recorded_at", { withTimezone: true }).notNull(),
    oldRecordedByName: text("old_recorded_by_name").notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedById: integer("replaced_by_id").references(() => users.id, { onDelete: "set null" }),
    replacedByName: text("replaced_by_name").notNull(),
    /** Where the new value came from: a file name, or "api". */
    source: text("source").notNull(),
  },
  (table) => [index("measurement_history_measurement_idx").on(table.measurementId)],
);

/**
 * A scorecard as published: the computed scorecard at extraction time, stored whole as JSON and
 * never changed afterwards, so later data corrections do not rewrite what the board saw.
 */
export const publishedScorecards = pgTable(
  "published_scorecards",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    period: text("period").notNull(),
    extractedAt: timestamp("extracted_at", { withTimezone: true }).notNull(),
    snapshot: jsonb("snapshot").notNull(),
    publishedById: integer("published_by_id").references(() => users.id, { onDelete: "set null" }),
    publishedByName: text("published_by_name").notNull(),
  },
  (table) => [index("published_scorecards_unit_period_idx").on(table.unitId, table.period)],
);
