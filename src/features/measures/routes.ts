import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams, isoDate, pageLimit, wholeNumber } from "../../schemas/common.ts";
import { replies } from "../../schemas/contract.ts";
import { indicatorMeasures, listMeasures, measuresNeedingAttention } from "./list.ts";
import { changeMeasure, createMeasure, getMeasure, logStatus, setLinks } from "./measures.ts";
import {
  createMeasureInput,
  indicatorMeasureView,
  measureLinksInput,
  measureListQuery,
  measureListView,
  measureLogInput,
  measureView,
  updateMeasureInput,
} from "./schema.ts";

const tags = ["measures"];

const attentionQuery = z.object({
  asOf: isoDate.optional(),
  limit: pageLimit(500, 100),
  offset: wholeNumber(0, 1_000_000).default(0),
});

export const measureRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/measures",
      {
        schema: {
          tags,
          summary:
            "Risk-reducing measures you may read, filtered by unit subtree, phase, status, owner, overdue and links; soonest deadline first",
          querystring: measureListQuery,
          response: replies(measureListView),
        },
      },
      async (request) => listMeasures(db, callerOf(request), request.query),
    );

    app.get(
      "/api/measures/attention",
      {
        schema: {
          tags,
          summary:
            "Your measures that need attention (overdue, or delayed): those you own, and those of units where you are an editor",
          querystring: attentionQuery,
          response: replies(measureListView),
        },
      },
      async (request) => measuresNeedingAttention(db, callerOf(request), request.query),
    );

    app.post(
      "/api/measures",
      {
        schema: {
          tags,
          summary: "Create a measure on a unit where you are an editor (or above it)",
          body: createMeasureInput,
          response: replies(measureView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createMeasure(db, callerOf(request), request.body)),
    );

    app.get(
      "/api/measures/:id",
      {
        schema: {
          tags,
          summary: "One measure with its links and its status log",
          params: idParams,
          response: replies(measureView),
        },
      },
      async (request) => getMeasure(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/measures/:id",
      {
        schema: {
          tags,
          summary: "Change a measure; a stale version gets 409 with the current one",
          params: idParams,
          body: updateMeasureInput,
          response: replies(measureView),
        },
      },
      async (request) => changeMeasure(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/measures/:id/log",
      {
        schema: {
          tags,
          summary:
            "Enter a dated status for a period in the measure's log; the measure takes its phase and status",
          params: idParams,
          body: measureLogInput,
          response: replies(measureView),
        },
      },
      async (request) => logStatus(db, callerOf(request), request.params.id, request.body),
    );

    app.put(
      "/api/measures/:id/links",
      {
        schema: {
          tags,
          summary:
            "Replace the goals, risks and indicators a measure is linked to; each must be readable by you",
          params: idParams,
          body: measureLinksInput,
          response: replies(measureView),
        },
      },
      async (request) => setLinks(db, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/indicators/:id/measures",
      {
        schema: {
          tags,
          summary: "The measures linked to an indicator or expected to move it, for the chart's marks",
          params: idParams,
          response: replies(z.array(indicatorMeasureView)),
        },
      },
      async (request) => indicatorMeasures(db, callerOf(request), request.params.id),
    );
  };
