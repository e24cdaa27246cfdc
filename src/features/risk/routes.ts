import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { fileReplies, replies } from "../../schemas/contract.ts";
import { xlsxContentType } from "../scorecards/excel.ts";
import {
  approveAssessment,
  getAssessment,
  listAssessmentVersions,
  returnAssessment,
  saveAssessment,
  submitAssessment,
  withdrawAssessment,
} from "./assessments.ts";
import { riskTableWorkbook, roundRiskWorkbook, sendWorkbook } from "./excel.ts";
import { riskTable, roundRisk } from "./overview.ts";
import { getRiskScale, saveRiskScale } from "./scales.ts";
import {
  approveRiskInput,
  returnRiskInput,
  riskAssessmentVersionView,
  riskAssessmentView,
  riskScaleView,
  riskTableQuery,
  riskTableView,
  riskVersionInput,
  riskWorkView,
  roundRiskView,
  saveRiskAssessmentInput,
  saveRiskScaleInput,
} from "./schema.ts";
import { riskWork } from "./work.ts";

const tags = ["risk"];

export const riskRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/units/:id/risk-scale",
      {
        schema: {
          tags,
          summary:
            "The risk scale that applies to a unit: its own, the nearest above it, or the default three levels",
          params: idParams,
          response: replies(riskScaleView),
        },
      },
      async (request) => getRiskScale(db, callerOf(request), request.params.id),
    );

    app.put(
      "/api/units/:id/risk-scale",
      {
        schema: {
          tags,
          summary:
            "Set a unit's own risk scale (levels or a likelihood × consequence matrix); its administrators",
          params: idParams,
          body: saveRiskScaleInput,
          response: replies(riskScaleView),
        },
      },
      async (request) => saveRiskScale(db, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/rounds/:id/risk",
      {
        schema: {
          tags,
          summary:
            "A round's assessed goals: the overall assessment beside the units' assessments you may read",
          params: idParams,
          response: replies(roundRiskView),
        },
      },
      async (request) => roundRisk(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/steering-documents/:id/risk-table",
      {
        schema: {
          tags,
          summary:
            "Tabell 3: the issuer's overall assessment of each goal in two rounds (default the last two), and the change",
          params: idParams,
          querystring: riskTableQuery,
          response: replies(riskTableView),
        },
      },
      async (request) => riskTable(db, callerOf(request), request.params.id, request.query),
    );

    app.get(
      "/api/rounds/:id/risk.xlsx",
      {
        schema: {
          tags,
          summary: "A round's goals × units risk levels and the counts per level, as an Excel workbook",
          params: idParams,
          response: fileReplies(xlsxContentType, "An Excel workbook"),
        },
      },
      async (request, reply) => {
        const view = await roundRisk(db, callerOf(request), request.params.id);
        return sendWorkbook(
          reply,
          `risikovurdering-${view.issuer.code}-${view.period}.xlsx`,
          await roundRiskWorkbook(view),
        );
      },
    );

    app.get(
      "/api/steering-documents/:id/risk-table.xlsx",
      {
        schema: {
          tags,
          summary: "Tabell 3 as an Excel workbook",
          params: idParams,
          querystring: riskTableQuery,
          response: fileReplies(xlsxContentType, "An Excel workbook"),
        },
      },
      async (request, reply) => {
        const view = await riskTable(db, callerOf(request), request.params.id, request.query);
        return sendWorkbook(
          reply,
          `tabell-3-${view.issuer.code}-${view.from}-${view.to}.xlsx`,
          await riskTableWorkbook(view),
        );
      },
    );

    app.get(
      "/api/risk-assessments/work",
      {
        schema: {
          tags,
          summary: "Your risk assessments to write or approve in open rounds, counted per round and unit",
          response: replies(riskWorkView),
        },
      },
      async (request) => riskWork(db, callerOf(request).user),
    );

    app.get(
      "/api/risk-assessments/:id",
      {
        schema: {
          tags,
          summary: "One risk assessment",
          params: idParams,
          response: replies(riskAssessmentView),
        },
      },
      async (request) => getAssessment(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/risk-assessments/:id",
      {
        schema: {
          tags,
          summary:
            "Save a draft assessment's level and justification; a stale version gets 409 with the current one",
          params: idParams,
          body: saveRiskAssessmentInput,
          response: replies(riskAssessmentView),
        },
      },
      async (request) => saveAssessment(db, callerOf(request), request.params.id, request.body),
    );

    const steps = [
      ["submit", "Submit a draft assessment for approval", riskVersionInput, submitAssessment],
      ["withdraw", "Withdraw a submitted assessment to draft", riskVersionInput, withdrawAssessment],
      [
        "approve",
        "Approve a submitted assessment, with an optional comment",
        approveRiskInput,
        approveAssessment,
      ],
      [
        "return",
        "Return a submitted or approved assessment to draft, with a comment",
        returnRiskInput,
        returnAssessment,
      ],
    ] as const;
    for (const [step, summary, body, action] of steps) {
      app.post(
        `/api/risk-assessments/:id/${step}`,
        { schema: { tags, summary, params: idParams, body, response: replies(riskAssessmentView) } },
        // Each body schema belongs to its own action; the tuple keeps them paired.
        async (request) => action(db, callerOf(request), request.params.id, request.body as never),
      );
    }

    app.get(
      "/api/risk-assessments/:id/versions",
      {
        schema: {
          tags,
          summary: "Every saved version of an assessment",
          params: idParams,
          response: replies(z.array(riskAssessmentVersionView)),
        },
      },
      async (request) => listAssessmentVersions(db, callerOf(request), request.params.id),
    );
  };
