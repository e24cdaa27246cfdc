import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { id, idParams, isoDate } from "../../schemas/common.ts";
import {
  approveAnswer,
  diffAnswerVersions,
  getAnswer,
  listAnswerVersions,
  returnAnswer,
  saveAnswer,
  submitAnswer,
} from "./answers.ts";
import { carryOver, carryOverInput } from "./carryOver.ts";
import { consolidationView, inbox, overdueList, roundMatrix, unitReport } from "./overview.ts";
import { closeRound, getRound, listRounds, openRound, reopenRound } from "./rounds.ts";
import {
  answerVersionInput,
  diffQuery,
  openRoundInput,
  returnAnswerInput,
  roundVersionInput,
  saveAnswerInput,
} from "./schema.ts";

const asOfQuery = z.object({ asOf: isoDate.optional() });
const tags = ["reporting"];

export const reportingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/steering-documents/:id/rounds",
      { schema: { tags, summary: "The reporting rounds of a document, with counts", params: idParams } },
      async (request) => listRounds(db, requireUser(request).principal, request.params.id),
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
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await openRound(db, principal, actor, request.params.id, request.body));
      },
    );

    app.post(
      "/api/steering-documents/:id/carry-over",
      {
        schema: {
          tags,
          summary: "Carry unfinished requirements into a new draft document for next year, linked back",
          params: idParams,
          body: carryOverInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await carryOver(db, principal, actor, request.params.id, request.body));
      },
    );

    app.get(
      "/api/rounds/:id",
      { schema: { tags, summary: "One round with counts per status and state", params: idParams } },
      async (request) => getRound(db, requireUser(request).principal, request.params.id),
    );

    app.post(
      "/api/rounds/:id/close",
      {
        schema: {
          tags,
          summary: "Close a round: its answers become read-only",
          params: idParams,
          body: roundVersionInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return closeRound(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/rounds/:id/reopen",
      { schema: { tags, summary: "Reopen a closed round", params: idParams, body: roundVersionInput } },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return reopenRound(db, principal, actor, request.params.id, request.body);
      },
    );

    app.get(
      "/api/rounds/:id/matrix",
      {
        schema: {
          tags,
          summary: "Requirements x units with each answer's status, state and lateness, and counts",
          params: idParams,
          querystring: asOfQuery,
        },
      },
      async (request) =>
        roundMatrix(db, requireUser(request).principal, request.params.id, request.query.asOf),
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
        },
      },
      async (request) =>
        unitReport(
          db,
          requireUser(request).principal,
          request.params.id,
          request.params.unitId,
          request.query.asOf,
        ),
    );

    app.get(
      "/api/rounds/:id/requirements/:requirementId/consolidation",
      {
        schema: {
          tags,
          summary: "Every unit's answer to one requirement side by side, with the consolidated answer",
          params: idParams.extend({ requirementId: id }),
          querystring: asOfQuery,
        },
      },
      async (request) =>
        consolidationView(
          db,
          requireUser(request).principal,
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
        },
      },
      async (request) =>
        overdueList(db, requireUser(request).principal, {
          roundId: request.params.id,
          asOf: request.query.asOf,
        }),
    );

    app.get(
      "/api/overdue",
      {
        schema: {
          tags,
          summary: "Answers in open rounds past their deadline and not approved, on units you can read",
          querystring: asOfQuery,
        },
      },
      async (request) => overdueList(db, requireUser(request).principal, { asOf: request.query.asOf }),
    );

    app.get(
      "/api/inbox",
      {
        schema: {
          tags,
          summary: "Your open work: answers to write, returned to you with a comment, and to approve",
          querystring: asOfQuery,
        },
      },
      async (request) => inbox(db, requireUser(request).user, request.query.asOf),
    );

    app.get(
      "/api/answers/:id",
      {
        schema: {
          tags,
          summary: "One answer with its requirement, round, joint text and the actions you may take",
          params: idParams,
        },
      },
      async (request) => getAnswer(db, requireUser(request).principal, request.params.id),
    );

    app.patch(
      "/api/answers/:id",
      {
        schema: {
          tags,
          summary: "Save a draft answer's status and text; a stale version gets 409 with the current answer",
          params: idParams,
          body: saveAnswerInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return saveAnswer(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/answers/:id/submit",
      {
        schema: { tags, summary: "Submit a draft for approval", params: idParams, body: answerVersionInput },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return submitAnswer(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/answers/:id/approve",
      { schema: { tags, summary: "Approve a submitted answer", params: idParams, body: answerVersionInput } },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return approveAnswer(db, principal, actor, request.params.id, request.body);
      },
    );

    app.post(
      "/api/answers/:id/return",
      {
        schema: {
          tags,
          summary: "Return a submitted or approved answer to draft, with a comment",
          params: idParams,
          body: returnAnswerInput,
        },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return returnAnswer(db, principal, actor, request.params.id, request.body);
      },
    );

    app.get(
      "/api/answers/:id/versions",
      { schema: { tags, summary: "Every saved version of an answer, oldest first", params: idParams } },
      async (request) => listAnswerVersions(db, requireUser(request).principal, request.params.id),
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
        },
      },
      async (request) =>
        diffAnswerVersions(db, requireUser(request).principal, request.params.id, request.query),
    );
  };
