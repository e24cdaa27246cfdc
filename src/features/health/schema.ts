// Operations: liveness, readiness and whether the installation has a user yet. Shared with the web (types only).

import { z } from "zod";

export const healthView = z.object({ status: z.enum(["ok", "unavailable"]), database: z.string() });

export const livenessView = z.object({ status: z.literal("ok") });

export const readinessView = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.string(),
  /** Why the server is not ready; absent when it is. */
  reason: z.enum(["database_unreachable", "migrations_pending"]).optional(),
  /** How many of this build's migrations the database lacks (with reason migrations_pending). */
  pendingMigrations: z.number().int().optional(),
});

export const setupView = z.object({ needsFirstAdmin: z.boolean() });

export type SetupView = z.infer<typeof setupView>;
