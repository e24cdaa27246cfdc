import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { id, idParams } from "../../schemas/common.ts";
import { fileReplies, replies } from "../../schemas/contract.ts";
import { xlsxContentType } from "../scorecards/excel.ts";
import { getAnswer } from "./answerDetail.ts";
import {
  approveAnswer,
  diffAnswerVersions,
  listAnswerVersions,
  returnAnswer,
  saveAnswer,
  submitAnswer,
  withdrawAnswer,
} from "./answers.ts";
import { carryOver } from "./carryOver.ts";
import { sendRoundMatrixWorkbook } from "./matrixExport.ts";
import { consolidationView, inbox, overdueList, roundMatrix, unitReport } from "./overview.ts";
import { reportingProgress } from "./progress.ts";
import { closeRound, getRound, listRounds, openRound, reopenRound } from "./rounds.ts";
import {
  answerDetailView,
  answerDiffView,
  answerVersionInput,
  answerVersionView,
  answerView,
  approveAnswerInput,
  asOfQuery,
  carryOverInput,
  carryOverView,
  consolidationView as consolidationSchema,
  diffQuery,
  inboxView,
  openRoundInput,
  overdueListView,
  reportingProgressView,
  returnAnswerInput,
  roundMatrixView,
  roundVersionInput,
  roundView,
  saveAnswerInput,
  unitReportView,
} from "./schema.ts";

const tags = ["reporting"];

export const reportingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/steering-documents/:id/rounds",
      {
        schema: {
          tags,
          summary: "The reporting rounds of a document, with counts",
          params: idParams,
          response: replies(z.array(roundView)),
        },
      },
      async (request) => listRounds(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/steering-documents/:id/rounds",
      {
        schema: {
          tags,
          summary:
            "Open a round (period 2024-T1, 2024-T2 or 2024): one answer per requirement reported then and unit it applies to, plus the issuer's consolidated answers",
          params: idParams,
          body: openRoundInput,
          response: replies(roundView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openRound(db, callerOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/steering-documents/:id/carry-over",
      {
        schema: {
          tags,
          summary: "Carry unfinished requirements into a new draft document for next year, linked back",
          params: idParams,
          body: carryOverInput,
          response: replies(carryOverView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await carryOver(db, callerOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/rounds/:id",
      {
        schema: {
          tags,
          summary: "One round with counts per status and state",
          params: idParams,
          response: replies(roundView),
        },
      },
      async (request) => getRound(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/rounds/:id/close",
      {
        schema: {
          tags,
          summary: "Close a round: its answers become read-only",
          params: idParams,
          body: roundVersionInput,
          response: replies(roundView),
        },
      },
      async (request) => closeRound(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/rounds/:id/reopen",
      {
        schema: {
          tags,
          summary: "Reopen a closed round",
          params: idParams,
          body: roundVersionInput,
          response: replies(roundView),
        },
      },
      async (request) => reopenRound(db, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/rounds/:id/matrix",
      {
        schema: {
          tags,
          summary: "Requirements x units with each answer's status, state and lateness, and counts",
          params: idParams,
          querystring: asOfQuery,
          response: replies(roundMatrixView),
        },
      },
      async (request) => roundMatrix(db, callerOf(request), request.params.id, request.query.asOf),
    );

    app.get(
      "/api/rounds/:id/matrix.xlsx",
      {
        schema: {
          tags,
          summary: "The round matrix as an Excel workbook: status and state in words, with a fill colour",
          params: idParams,
          querystring: asOfQuery,
          response: fileReplies(xlsxContentType, "An Excel workbook"),
        },
      },
      async (request, reply) =>
        sendRoundMatrixWorkbook(
          reply,
          await roundMatrix(db, callerOf(request), request.params.id, request.query.asOf),
        ),
    );

    app.get(
      "/api/rounds/:id/units/:unitId/report",
      {
        schema: {
          tags,
          summary:
            "One unit's report in a round, by chapter, with joint texts labelled 'Fellesrapport <lead>'",
          params: idParams.extend({ unitId: id }),
          querystring: asOfQuery,
          response: replies(unitReportView),
        },
      },
      async (request) =>
        unitReport(db, callerOf(request), request.params.id, request.params.unitId, request.query.asOf),
    );

    app.get(
      "/api/rounds/:id/requirements/:requirementId/consolidation",
      {
        schema: {
          tags,
          summary: "Every unit's answer to one requirement side by side, with the consolidated answer",
          params: idParams.extend({ requirementId: id }),
          querystring: asOfQuery,
          response: replies(consolidationSchema),
        },
      },
      async (request) =>
        consolidationView(
          db,
          callerOf(request),
          request.params.id,
          request.params.requirementId,
          request.query.asOf,
        ),
    );

    app.get(
      "/api/rounds/:id/overdue",
      {
        schema: {
          tags,
          summary: "Answers of this round past its deadline and not approved",
          params: idParams,
          querystring: asOfQuery,
          response: replies(overdueListView),
        },
      },
      async (request) =>
        overdueList(db, callerOf(request), { roundId: request.params.id, asOf: request.query.asOf }),
    );

    app.get(
      "/api/overdue",
      {
        schema: {
          tags,
          summary: "Answers in open rounds past their deadline and not approved, on units you can read",
          querystring: asOfQuery,
          response: replies(overdueListView),
        },
      },
      async (request) => overdueList(db, callerOf(request), { asOf: request.query.asOf }),
    );

    app.get(
      "/api/reporting/progress",
      {
        schema: {
          tags,
          summary:
            "Open rounds with counts over the answers you may read, and the late answers: the start page",
          querystring: asOfQuery,
          response: replies(reportingProgressView),
        },
      },
      async (request) => reportingProgress(db, callerOf(request), request.query.asOf),
    );

    app.get(
      "/api/inbox",
      {
        schema: {
          tags,
          summary: "Your open work: answers to write, returned to you with a comment, and to approve",
          querystring: asOfQuery,
          response: replies(inboxView),
        },
      },
      async (request) => inbox(db, callerOf(request).user, request.query.asOf),
    );

    app.get(
      "/api/answers/:id",
      {
        schema: {
          tags,
          summary:
            "One answer with its requirement, round, joint text, the actions you may take, its approval, the unit's previous answer and your next answer in the round",
          params: idParams,
          response: replies(answerDetailView),
        },
      },
      async (request) => getAnswer(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/answers/:id",
      {
        schema: {
          tags,
          summary: "Save a draft answer's status and text; a stale version gets 409 with the current answer",
          params: idParams,
          body: saveAnswerInput,
          response: replies(answerView),
        },
      },
      async (request) => saveAnswer(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/answers/:id/submit",
      {
        schema: {
          tags,
          summary: "Submit a draft for approval",
          params: idParams,
          body: answerVersionInput,
          response: replies(answerView),
        },
      },
      async (request) => submitAnswer(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/answers/:id/withdraw",
      {
        schema: {
          tags,
          summary: "Withdraw a submitted answer to draft (its writer), before it is approved or returned",
          params: idParams,
          body: answerVersionInput,
          response: replies(answerView),
        },
      },
      async (request) => withdrawAnswer(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/answers/:id/approve",
      {
        schema: {
          tags,
          summary: "Approve a submitted answer, with an optional comment to its writer",
          params: idParams,
          body: approveAnswerInput,
          response: replies(answerView),
        },
      },
      async (request) => approveAnswer(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/answers/:id/return",
      {
        schema: {
          tags,
          summary: "Return a submitted or approved answer to draft, with a comment",
          params: idParams,
          body: returnAnswerInput,
          response: replies(answerView),
        },
      },
      async (request) => returnAnswer(db, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/answers/:id/versions",
      {
        schema: {
          tags,
          summary: "Every saved version of an answer, oldest first",
          params: idParams,
          response: replies(z.array(answerVersionView)),
        },
      },
      async (request) => listAnswerVersions(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/answers/:id/diff",
      {
        schema: {
          tags,
          summary:
            "What changed between two versions of an answer (?from=1&to=3): status, state, text by word and line",
          params: idParams,
          querystring: diffQuery,
          response: replies(answerDiffView),
        },
      },
      async (request) => diffAnswerVersions(db, callerOf(request), request.params.id, request.query),
    );
  };
