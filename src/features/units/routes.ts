import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import {
  createUnit,
  createUnitInput,
  deactivateUnit,
  deactivateUnitInput,
  getUnit,
  listUnits,
  moveUnit,
  moveUnitInput,
  updateUnit,
  updateUnitInput,
} from "./service.ts";

export const unitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/units",
      { schema: { tags: ["units"], summary: "All organisation units, in tree order" } },
      async (request) => {
        const { principal } = requireUser(request);
        return listUnits(db, principal);
      },
    );

    app.get(
      "/api/units/:id",
      { schema: { tags: ["units"], summary: "One organisation unit", params: idParams } },
      async (request) => getUnit(db, requireUser(request).principal, request.params.id),
    );

    app.post(
      "/api/units",
      { schema: { tags: ["units"], summary: "Create a unit", body: createUnitInput } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        const unit = await createUnit(db, principal, actor, request.body);
        return reply.code(201).send(unit);
      },
    );

    app.patch(
      "/api/units/:id",
      {
        schema: {
          tags: ["units"],
          summary: "Change a unit's code, name, kind or validity",
          params: idParams,
          body: updateUnitInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateUnit(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/units/:id/move",
      {
        schema: {
          tags: ["units"],
          summary: "Move a unit under another parent",
          params: idParams,
          body: moveUnitInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return moveUnit(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/units/:id/deactivate",
      {
        schema: {
          tags: ["units"],
          summary: "End a unit's validity",
          params: idParams,
          body: deactivateUnitInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return deactivateUnit(db, principal, actor, request.params.id, request.body);
      },
    );
  };
