import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams, versionQuery } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import {
  createIndicatorInput,
  createTargetInput,
  indicatorListQuery,
  indicatorView,
  targetView,
  updateIndicatorInput,
  updateTargetInput,
  versionInput,
} from "./schema.ts";
import {
  createIndicator,
  getIndicator,
  listIndicators,
  reinstateIndicator,
  retireIndicator,
  updateIndicator,
} from "./service.ts";
import { createTarget, deleteTarget, listTargets, updateTarget } from "./targets.ts";

export const indicatorRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "The indicator catalogue, by code",
          querystring: indicatorListQuery,
          response: replies(z.array(indicatorView)),
        },
      },
      async (request) => listIndicators(db, callerOf(request), request.query),
    );

    app.get(
      "/api/indicators/:id",
      {
        schema: {
          tags: ["indicators"],
          summary: "One indicator",
          params: idParams,
          response: replies(indicatorView),
        },
      },
      async (request) => getIndicator(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "Add an indicator to the catalogue",
          body: createIndicatorInput,
          response: replies(indicatorView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createIndicator(db, callerOf(request), request.body)),
    );

    app.patch(
      "/api/indicators/:id",
      {
        schema: {
          tags: ["indicators"],
          summary: "Change an indicator (send the version you read; 409 if it changed since)",
          params: idParams,
          body: updateIndicatorInput,
          response: replies(indicatorView),
        },
      },
      async (request) => updateIndicator(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/indicators/:id/retire",
      {
        schema: {
          tags: ["indicators"],
          summary: "Retire an indicator: it leaves scorecards and imports, its data stays",
          params: idParams,
          body: versionInput,
          response: replies(indicatorView),
        },
      },
      async (request) => retireIndicator(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/indicators/:id/reinstate",
      {
        schema: {
          tags: ["indicators"],
          summary: "Bring a retired indicator back",
          params: idParams,
          body: versionInput,
          response: replies(indicatorView),
        },
      },
      async (request) => reinstateIndicator(db, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/indicators/:id/targets",
      {
        schema: {
          tags: ["targets"],
          summary: "An indicator's targets",
          params: idParams,
          response: replies(z.array(targetView)),
        },
      },
      async (request) => listTargets(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/indicators/:id/targets",
      {
        schema: {
          tags: ["targets"],
          summary: "Set a target for a year (or every year), in general or for one unit",
          params: idParams,
          body: createTargetInput,
          response: replies(targetView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createTarget(db, callerOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/targets/:id",
      {
        schema: {
          tags: ["targets"],
          summary: "Change a target's rule or note",
          params: idParams,
          body: updateTargetInput,
          response: replies(targetView),
        },
      },
      async (request) => updateTarget(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/targets/:id",
      {
        schema: {
          tags: ["targets"],
          summary: "Remove a target",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteTarget(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );
  };
