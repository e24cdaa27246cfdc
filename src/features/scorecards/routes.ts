import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { parsePeriod, periodEndMonth, yearOfMonth } from "../../domain/periods.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { fileReplies, replies } from "../../schemas/contract.ts";
import { scorecardFileName, scorecardWorkbook, xlsxContentType } from "./excel.ts";
import { getIndicatorBreakdown, getIndicatorSeries } from "./indicatorFigures.ts";
import {
  breakdownQuery,
  indicatorBreakdownView,
  indicatorSeriesView,
  latestPeriodView,
  periodInput,
  publishedEntryView,
  publishedQuery,
  publishedScorecardView,
  scorecardView,
  seriesQuery,
  summaryTablesView,
  yearQuery,
} from "./schema.ts";
import {
  getLatestPeriod,
  getPublishedScorecard,
  getScorecard,
  getSummaryTables,
  listPublishedScorecards,
  publishScorecard,
} from "./service.ts";

const workbookReplies = fileReplies(xlsxContentType, "An Excel workbook");

function sendWorkbook(reply: FastifyReply, fileName: string, workbook: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replaceAll('"', "_");
  return reply
    .type(xlsxContentType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(workbook);
}

export const scorecardRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/units/:id/scorecard",
      {
        schema: {
          tags: ["scorecards"],
          summary: "A unit's scorecard for a period (2024-T1, 2024-T2, 2024, 2024-03), computed now",
          params: idParams,
          querystring: periodInput,
          response: replies(scorecardView),
        },
      },
      async (request) => getScorecard(db, callerOf(request), request.params.id, request.query.period),
    );

    app.get(
      "/api/units/:id/scorecard.xlsx",
      {
        schema: {
          tags: ["scorecards"],
          summary: "The scorecard as an Excel workbook, with Tabell 1 and 2 for its year",
          params: idParams,
          querystring: periodInput,
          response: workbookReplies,
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const view = await getScorecard(db, caller, request.params.id, request.query.period);
        const year = yearOfMonth(periodEndMonth(parsePeriod(view.period)));
        const tables = await getSummaryTables(db, caller, request.params.id, year);
        return sendWorkbook(reply, scorecardFileName(view), await scorecardWorkbook(view, tables));
      },
    );

    app.get(
      "/api/units/:id/scorecard/latest-period",
      {
        schema: {
          tags: ["scorecards"],
          summary: "The latest ended period with data: where the scorecard opens",
          params: idParams,
          response: replies(latestPeriodView),
        },
      },
      async (request) => getLatestPeriod(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/units/:id/scorecard/summary",
      {
        schema: {
          tags: ["scorecards"],
          summary:
            "Tabell 1 (attainment) and 2 (trend) at T1, T2 and year end; published scorecards where they exist",
          params: idParams,
          querystring: yearQuery,
          response: replies(summaryTablesView),
        },
      },
      async (request) => getSummaryTables(db, callerOf(request), request.params.id, request.query.year),
    );

    app.post(
      "/api/units/:id/scorecard/publish",
      {
        schema: {
          tags: ["scorecards"],
          summary: "Publish the scorecard: store it as it is now, never to change",
          params: idParams,
          body: periodInput,
          response: replies(publishedEntryView, 201),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await publishScorecard(db, callerOf(request), request.params.id, request.body.period)),
    );

    app.get(
      "/api/units/:id/published-scorecards",
      {
        schema: {
          tags: ["scorecards"],
          summary: "A unit's published scorecards, newest first",
          params: idParams,
          querystring: publishedQuery,
          response: replies(z.array(publishedEntryView)),
        },
      },
      async (request) =>
        listPublishedScorecards(db, callerOf(request), request.params.id, request.query.period),
    );

    app.get(
      "/api/published-scorecards/:id",
      {
        schema: {
          tags: ["scorecards"],
          summary: "A published scorecard as it was published, and what has changed since",
          params: idParams,
          response: replies(publishedScorecardView),
        },
      },
      async (request) => getPublishedScorecard(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/published-scorecards/:id/scorecard.xlsx",
      {
        schema: {
          tags: ["scorecards"],
          summary: "A published scorecard as an Excel workbook",
          params: idParams,
          response: workbookReplies,
        },
      },
      async (request, reply) => {
        const published = await getPublishedScorecard(db, callerOf(request), request.params.id);
        return sendWorkbook(
          reply,
          scorecardFileName(published.scorecard),
          await scorecardWorkbook(published.scorecard),
        );
      },
    );

    app.get(
      "/api/indicators/:id/series",
      {
        schema: {
          tags: ["scorecards"],
          summary: "An indicator month by month for a unit (and the units below it), against its target",
          params: idParams,
          querystring: seriesQuery,
          response: replies(indicatorSeriesView),
        },
      },
      async (request) => getIndicatorSeries(db, callerOf(request), request.params.id, request.query),
    );

    app.get(
      "/api/indicators/:id/breakdown",
      {
        schema: {
          tags: ["scorecards"],
          summary: "An indicator's scorecard row for a unit and for each unit right below it",
          params: idParams,
          querystring: breakdownQuery,
          response: replies(indicatorBreakdownView),
        },
      },
      async (request) => getIndicatorBreakdown(db, callerOf(request), request.params.id, request.query),
    );
  };
