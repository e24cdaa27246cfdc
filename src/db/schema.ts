import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The foundation's tables are here; each feature keeps its own tables in src/db/schema/<feature>.ts,
// re-exported at the end of this file so that Drizzle and drizzle-kit see one schema.

import { type Role, roles, type UnitKind, unitKinds } from "../domain/unitKinds.ts";

export { type Role, roles, type UnitKind, unitKinds };

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Organisation units. `path` is the materialised path of ids from the root ("/1/4/9/"), so a
 * subtree is one prefix match and access inheritance needs no recursive query.
 */
export const units = pgTable(
  "units",
  {
    // By default, not always: a unit's id is drawn first so that its path can hold it.
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: unitKinds }).notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    path: text("path").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("units_code_unique").on(sql`lower(${table.code})`),
    index("units_parent_idx").on(table.parentId),
    index("units_path_idx").on(table.path.op("text_pattern_ops")),
    check("units_valid_range", sql`${table.validTo} is null or ${table.validTo} >= ${table.validFrom}`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    // A user who signs in with single sign-on is found by the identity provider's claim, kept here
    // (Entra ID's `oid`, say). A user created at first sign-in gets a random, unknown password.
    externalId: text("external_id"),
    passwordHash: text("password_hash").notNull(),
    isSystemAdmin: boolean("is_system_admin").notNull().default(false),
    active: boolean("active").notNull().default(true),
    locale: text("locale", { enum: ["nb", "en"] })
      .notNull()
      .default("nb"),
    // E-mail for notifications: a daily digest, each at once, or none (the bell shows them all).
    notifyMode: text("notify_mode", { enum: ["digest", "immediate", "off"] })
      .notNull()
      .default("digest"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("users_username_unique").on(sql`lower(${table.username})`),
    uniqueIndex("users_external_id_unique").on(table.externalId),
  ],
);

/** A role on a unit applies to that unit and everything below it. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: roles }).notNull(),
    // "sso": given by the identity provider's groups (OIDC_GROUP_ROLES) and set anew at each
    // single sign-on; "tertial": given in Tertial, which sign-in never touches.
    source: text("source", { enum: ["tertial", "sso"] })
      .notNull()
      .default("tertial"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("role_assignments_unique").on(table.userId, table.unitId, table.role)],
);

/** Sessions live in the database so that any number of app servers can share them. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // The identity provider's ID token of a single sign-on, sent back as the hint when signing out there.
    idToken: text("id_token"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/**
 * Sign-in attempts not (yet) followed by a success, counted per username and per client address
 * within a window to throttle password guessing (features/auth/queries.ts).
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("login_failures_username_at_idx").on(table.username, table.at),
    // The per-address count runs inside the sign-in lock, so it must not scan the whole table.
    index("login_failures_ip_at_idx").on(table.ip, table.at),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    unitId: integer("unit_id").references(() => units.id),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (table) => [
    index("audit_log_at_idx").on(table.at),
    index("audit_log_entity_idx").on(table.entityType, table.entityId),
    index("audit_log_unit_idx").on(table.unitId),
    index("audit_log_actor_idx").on(table.actorId),
  ],
);

export * from "./schema/actionPlans.ts";
export * from "./schema/benefits.ts";
export * from "./schema/documents.ts";
// Feature schemas (one line each).
export * from "./schema/indicators.ts";
export * from "./schema/notifications.ts";
export * from "./schema/programmes.ts";
export * from "./schema/reporting.ts";
export * from "./schema/risk.ts";
export * from "./schema/sso.ts";
