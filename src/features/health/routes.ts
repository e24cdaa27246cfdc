import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type Db, databaseIsReachable } from "../../db/client.ts";
import { replies } from "../../schemas/contract.ts";
import { countUsers } from "../users/queries.ts";
import { healthView, setupView } from "./schema.ts";

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
