import { sql } from "drizzle-orm";
import {
  bigint,
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
import {
  activityStatuses,
  engagementLevels,
  gateDecisions,
  groupKinds,
  memberRoles,
  programmeKinds,
  statusColours,
} from "../../domain/programmeKinds.ts";
import { answerStates } from "../../domain/workflow.ts";
// Only used inside callbacks: schema.ts re-exports this file, so its bindings are not ready at load time.
import { units, users } from "../schema.ts";

// Programmes and projects run in phases with a gate before each (seed 001), their groups,
// stakeholders, training, resources and status reports (issue 14).

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const programmes = pgTable(
  "programmes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    ownerUnitId: integer("owner_unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: programmeKinds }).notNull().default("programme"),
    /** A short name the organisation uses ("Styringsmodell anskaffelser"). */
    code: text("code").notNull(),
    title: text("title").notNull(),
    sponsorName: text("sponsor_name").notNull().default(""),
    managerName: text("manager_name").notNull().default(""),
    managerUserId: integer("manager_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who decides the gates, as the plan names them ("prosjekteier ved administrerende direktør"). */
    approverTitle: text("approver_title").notNull().default(""),
    purpose: text("purpose").notNull().default(""),
    scope: text("scope").notNull().default(""),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("programmes_owner_idx").on(table.ownerUnitId),
    uniqueIndex("programmes_code_unique").on(table.ownerUnitId, sql`lower(${table.code})`),
  ],
);

export type Milestone = { title: string; due: string | null; done: boolean };

/** A phase (0, 1, 2 ...), planned and actual dates, its main activities and milestones. */
export const programmePhases = pgTable(
  "programme_phases",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    plannedStart: date("planned_start", { mode: "string" }).notNull(),
    plannedEnd: date("planned_end", { mode: "string" }).notNull(),
    actualStart: date("actual_start", { mode: "string" }),
    actualEnd: date("actual_end", { mode: "string" }),
    mainActivities: jsonb("main_activities").$type<string[]>().notNull().default([]),
    milestones: jsonb("milestones").$type<Milestone[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("programme_phases_number_unique").on(table.programmeId, table.number),
    check("programme_phases_number_range", sql`${table.number} between 0 and 20`),
    check("programme_phases_planned_range", sql`${table.plannedEnd} >= ${table.plannedStart}`),
  ],
);

/** The gate before phase `toPhase` (G-0-1 before phase 1). A decision may be asked for. */
export const programmeGates = pgTable(
  "programme_gates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    toPhase: integer("to_phase").notNull(),
    name: text("name").notNull(),
    criteria: text("criteria").notNull().default(""),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestText: text("request_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("programme_gates_to_phase_unique").on(table.programmeId, table.toPhase)],
);

/** Every decision taken on a gate, kept: the standing one is the latest (src/domain/programmes.ts). */
export const gateDecisionLog = pgTable(
  "gate_decisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    gateId: integer("gate_id")
      .notNull()
      .references(() => programmeGates.id, { onDelete: "cascade" }),
    decision: text("decision", { enum: gateDecisions }).notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    decisionText: text("decision_text").notNull(),
    conditions: text("conditions").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("gate_decisions_gate_idx").on(table.gateId, table.decidedOn)],
);

/** Steering, project and reference groups; a steering group per procurement category (seed 001). */
export const programmeGroups = pgTable(
  "programme_groups",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: groupKinds }).notNull(),
    name: text("name").notNull(),
    category: text("category").notNull().default(""),
    mandate: text("mandate").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("programme_groups_programme_idx").on(table.programmeId)],
);

export const programmeGroupMembers = pgTable(
  "programme_group_members",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer("group_id")
      .notNull()
      .references(() => programmeGroups.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The unit (region, trust) the member represents. */
    unitId: integer("unit_id").references(() => units.id),
    role: text("role", { enum: memberRoles }).notNull().default("member"),
  },
  (table) => [index("programme_group_members_group_idx").on(table.groupId)],
);

export const programmeStakeholders = pgTable(
  "programme_stakeholders",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    interest: text("interest").notNull().default(""),
    interestLevel: text("interest_level", { enum: engagementLevels }).notNull().default("medium"),
    influence: text("influence", { enum: engagementLevels }).notNull().default("medium"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("programme_stakeholders_programme_idx").on(table.programmeId)],
);

/** A planned engagement with a stakeholder: a meeting, a hearing, information. */
export const stakeholderActivities = pgTable(
  "stakeholder_activities",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    stakeholderId: integer("stakeholder_id")
      .notNull()
      .references(() => programmeStakeholders.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    on: date("on", { mode: "string" }),
    status: text("status", { enum: activityStatuses }).notNull().default("planned"),
  },
  (table) => [index("stakeholder_activities_stakeholder_idx").on(table.stakeholderId)],
);

export const programmeTraining = pgTable(
  "programme_training",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    audience: text("audience").notNull(),
    content: text("content").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    status: text("status", { enum: activityStatuses }).notNull().default("planned"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("programme_training_programme_idx").on(table.programmeId),
    check(
      "programme_training_range",
      sql`${table.startsOn} is null or ${table.endsOn} is null or ${table.endsOn} >= ${table.startsOn}`,
    ),
  ],
);

/** Person-months a unit plans to give and has given, for the whole programme or one phase. */
export const programmeResources = pgTable(
  "programme_resources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    phaseNumber: integer("phase_number"),
    plannedMonths: doublePrecision("planned_months").notNull().default(0),
    usedMonths: doublePrecision("used_months").notNull().default(0),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("programme_resources_unique").on(
      table.programmeId,
      table.unitId,
      sql`coalesce(${table.phaseNumber}, -1)`,
    ),
    check("programme_resources_range", sql`${table.plannedMonths} >= 0 and ${table.usedMonths} >= 0`),
  ],
);

/**
 * A status report for a period ("2024-05" or "2024-T1"): scope, time, cost, benefits and risk
 * each green, yellow or red with text, and an overall judgement; draft, submitted, approved.
 */
export const statusReports = pgTable(
  "status_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    /** The period's last day, so reports sort in time whatever their kind. */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    scopeColour: text("scope_colour", { enum: statusColours }),
    scopeText: text("scope_text").notNull().default(""),
    timeColour: text("time_colour", { enum: statusColours }),
    timeText: text("time_text").notNull().default(""),
    costColour: text("cost_colour", { enum: statusColours }),
    costText: text("cost_text").notNull().default(""),
    benefitsColour: text("benefits_colour", { enum: statusColours }),
    benefitsText: text("benefits_text").notNull().default(""),
    riskColour: text("risk_colour", { enum: statusColours }),
    riskText: text("risk_text").notNull().default(""),
    overallColour: text("overall_colour", { enum: statusColours }),
    overallText: text("overall_text").notNull().default(""),
    state: text("state", { enum: answerStates }).notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: integer("approved_by").references(() => users.id, { onDelete: "set null" }),
    returnComment: text("return_comment").notNull().default(""),
    updatedBy: text("updated_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("status_reports_period_unique").on(table.programmeId, table.period),
    index("status_reports_programme_end_idx").on(table.programmeId, table.periodEnd),
  ],
);
