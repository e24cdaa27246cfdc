import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { replies } from "../../schemas/contract.ts";
import { auditPageView, auditQuery } from "./schema.ts";
import { listAuditEntries } from "./service.ts";

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "The audit trail, newest first",
          querystring: auditQuery,
          response: replies(auditPageView),
        },
      },
      async (request) => listAuditEntries(db, callerOf(request), request.query),
    );
  };
