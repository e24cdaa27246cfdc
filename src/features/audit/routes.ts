import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { bigId, id, instant, plainText, wholeNumber } from "../../schemas/common.ts";
import { listAuditEntries } from "./service.ts";

const auditQuery = z.object({
  unitId: id.optional(),
  actorId: id.optional(),
  entityType: plainText(100).optional(),
  entityId: plainText(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: wholeNumber(1, 500).optional(),
  beforeId: bigId.optional(),
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
