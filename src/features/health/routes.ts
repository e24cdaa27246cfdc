import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type Db, databaseIsReachable, migrationsFolder } from "../../db/client.ts";
import { replies } from "../../schemas/contract.ts";
import { countUsers } from "../users/queries.ts";
import { checkReadiness } from "./readiness.ts";
import { healthView, livenessView, readinessView, setupView } from "./schema.ts";

export const healthRoutes =
  (db: Db, databaseKind: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/health",
      {
        schema: {
          tags: ["operations"],
          summary: "Liveness and database reachability",
          // 503 when the database cannot be reached: a load balancer takes the server out.
          response: { ...replies(healthView), 503: healthView },
        },
      },
      async (_request, reply) => {
        const databaseUp = await databaseIsReachable(db);
        return reply
          .code(databaseUp ? 200 : 503)
          .send({ status: databaseUp ? "ok" : "unavailable", database: databaseKind });
      },
    );

    // Liveness touches nothing: a server whose database is down is still alive, and restarting it
    // would not bring the database back.
    app.get(
      "/api/health/live",
      {
        schema: {
          tags: ["operations"],
          summary: "Liveness: the process answers",
          response: replies(livenessView),
        },
      },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/api/health/ready",
      {
        schema: {
          tags: ["operations"],
          summary: "Readiness: the database answers and has every migration of this version",
          // 503 with the reason: the database is unreachable, or migrations are pending.
          response: { ...replies(readinessView), 503: readinessView },
        },
      },
      async (_request, reply) => {
        const readiness = await checkReadiness(db, migrationsFolder);
        if (readiness.ready) return reply.code(200).send({ status: "ok", database: databaseKind });
        const pending = readiness.reason === "migrations_pending" ? readiness.pendingMigrations : undefined;
        return reply.code(503).send({
          status: "unavailable",
          database: databaseKind,
          reason: readiness.reason,
          ...(pending === undefined ? {} : { pendingMigrations: pending }),
        });
      },
    );

    // Public on purpose: the login page uses it to tell a new installation how to create its first admin.
    app.get(
      "/api/setup",
      {
        schema: {
          tags: ["operations"],
          summary: "Whether the installation has any user yet",
          response: replies(setupView),
        },
      },
      async () => ({ needsFirstAdmin: (await countUsers(db)) === 0 }),
    );
  };
