import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { listAuditEntries } from "./service.ts";

const auditQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  actorId: z.coerce.number().int().positive().optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
});

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit",
      { schema: { tags: ["audit"], summary: "The audit trail, newest first", querystring: auditQuery } },
      async (request) => listAuditEntries(db, requireUser(request).principal, request.query),
    );
  };
