import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { replies } from "../../schemas/contract.ts";
import { createUnitInput, deactivateUnitInput, moveUnitInput, unitView, updateUnitInput } from "./schema.ts";
import { createUnit, deactivateUnit, getUnit, listUnits, moveUnit, updateUnit } from "./service.ts";

export const unitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/units",
      {
        schema: {
          tags: ["units"],
          summary: "All organisation units, in tree order",
          response: replies(z.array(unitView)),
        },
      },
      async (request) => listUnits(db, callerOf(request)),
    );

    app.get(
      "/api/units/:id",
      {
        schema: {
          tags: ["units"],
          summary: "One organisation unit",
          params: idParams,
          response: replies(unitView),
        },
      },
      async (request) => getUnit(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/units",
      {
        schema: {
          tags: ["units"],
          summary: "Create a unit",
          body: createUnitInput,
          response: replies(unitView, 201),
        },
      },
      async (request, reply) => reply.code(201).send(await createUnit(db, callerOf(request), request.body)),
    );

    app.patch(
      "/api/units/:id",
      {
        schema: {
          tags: ["units"],
          summary: "Change a unit's code, name, kind or validity",
          params: idParams,
          body: updateUnitInput,
          response: replies(unitView),
        },
      },
      async (request) => updateUnit(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/units/:id/move",
      {
        schema: {
          tags: ["units"],
          summary: "Move a unit under another parent",
          params: idParams,
          body: moveUnitInput,
          response: replies(unitView),
        },
      },
      async (request) => moveUnit(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/units/:id/deactivate",
      {
        schema: {
          tags: ["units"],
          summary: "End a unit's validity",
          params: idParams,
          body: deactivateUnitInput,
          response: replies(unitView),
        },
      },
      async (request) => deactivateUnit(db, callerOf(request), request.params.id, request.body),
    );
  };
