import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type Db, databaseIsReachable } from "../../db/client.ts";
import { countUsers } from "../users/queries.ts";

export const healthRoutes =
  (db: Db, databaseKind: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/health",
      { schema: { tags: ["operations"], summary: "Liveness and database reachability" } },
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
      { schema: { tags: ["operations"], summary: "Whether the installation has any user yet" } },
      async () => ({
        needsFirstAdmin: (await countUsers(db)) === 0,
      }),
    );
  };
