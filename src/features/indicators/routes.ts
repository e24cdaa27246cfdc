import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { idParams, versionQuery } from "../../schemas/common.ts";
import {
  createIndicator,
  createIndicatorInput,
  getIndicator,
  listIndicators,
  setIndicatorRetired,
  updateIndicator,
  updateIndicatorInput,
  versionInput,
} from "./service.ts";
import {
  createTarget,
  createTargetInput,
  deleteTarget,
  listTargets,
  updateTarget,
  updateTargetInput,
} from "./targets.ts";

export const indicatorRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "The indicator catalogue, by code",
          querystring: z.object({ includeRetired: z.stringbool().default(false) }),
        },
      },
      async (request) =>
        listIndicators(db, requireUser(request).principal, { includeRetired: request.query.includeRetired }),
    );

    app.get(
      "/api/indicators/:id",
      { schema: { tags: ["indicators"], summary: "One indicator", params: idParams } },
      async (request) => getIndicator(db, requireUser(request).principal, request.params.id),
    );

    app.post(
      "/api/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "Add an indicator to the catalogue",
          body: createIndicatorInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await createIndicator(db, principal, actor, request.body));
      },
    );

    app.patch(
      "/api/indicators/:id",
      {
        schema: {
          tags: ["indicators"],
          summary: "Change an indicator (send the version you read; 409 if it changed since)",
          params: idParams,
          body: updateIndicatorInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateIndicator(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/indicators/:id/retire",
      {
        schema: {
          tags: ["indicators"],
          summary: "Retire an indicator: it leaves scorecards and imports, its data stays",
          params: idParams,
          body: versionInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return setIndicatorRetired(db, principal, actor, request.params.id, request.body, true);
      },
    );

    app.post(
      "/api/indicators/:id/reinstate",
      {
        schema: {
          tags: ["indicators"],
          summary: "Bring a retired indicator back",
          params: idParams,
          body: versionInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return setIndicatorRetired(db, principal, actor, request.params.id, request.body, false);
      },
    );

    app.get(
      "/api/indicators/:id/targets",
      { schema: { tags: ["targets"], summary: "An indicator's targets", params: idParams } },
      async (request) => listTargets(db, requireUser(request).principal, request.params.id),
    );

    app.post(
      "/api/indicators/:id/targets",
      {
        schema: {
          tags: ["targets"],
          summary: "Set a target for a year (or every year), in general or for one unit",
          params: idParams,
          body: createTargetInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply
          .code(201)
          .send(await createTarget(db, principal, actor, request.params.id, request.body));
      },
    );

    app.patch(
      "/api/targets/:id",
      {
        schema: {
          tags: ["targets"],
          summary: "Change a target's rule or note",
          params: idParams,
          body: updateTargetInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return updateTarget(db, principal, actor, request.params.id, request.body);
      },
    );

    app.delete(
      "/api/targets/:id",
      {
        schema: {
          tags: ["targets"],
          summary: "Remove a target",
          params: idParams,
          querystring: versionQuery,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await deleteTarget(db, principal, actor, request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  };
