// Routes of a programme's risks, under /api/programmes/:id/risks: the risk register's rows scoped
// to the programme, their assessments per period and (through /api/measures) their measures.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { replies } from "../../schemas/contract.ts";
import { editorsOnly } from "./guard.ts";
import { saveProgrammeRiskAssessment } from "./riskAssessments.ts";
import {
  closeProgrammeRiskInput,
  createProgrammeRiskInput,
  programmeRiskAssessmentView,
  programmeRiskListView,
  programmeRiskParams,
  programmeRiskPeriodParams,
  programmeRisksQuery,
  programmeRiskView,
  saveProgrammeRiskAssessmentInput,
  updateProgrammeRiskInput,
} from "./riskSchema.ts";
import { closeProgrammeRisk, createProgrammeRisk, listProgrammeRisks, updateProgrammeRisk } from "./risks.ts";

const tags = ["programmes"];
const savedRiskView = programmeRiskView.omit({ assessment: true, previous: true, change: true });

export const programmeRiskRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const preValidation = editorsOnly(db);

    // Risks --------------------------------------------------------------------------------------
    app.get(
      "/api/programmes/:id/risks",
      {
        schema: {
          tags,
          summary:
            "A programme's risks by rank, each with its level before and after measures in the period and the period before, and its measures",
          params: idParams,
          querystring: programmeRisksQuery,
          response: replies(programmeRiskListView),
        },
      },
      async (request) => listProgrammeRisks(db, callerOf(request), request.params.id, request.query),
    );
    app.post(
      "/api/programmes/:id/risks",
      {
        preValidation,
        schema: {
          tags,
          summary: "Add a risk to the programme (ranked among the programme's risks)",
          params: idParams,
          body: createProgrammeRiskInput,
          response: replies(savedRiskView, 201),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createProgrammeRisk(db, callerOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/programmes/:id/risks/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change one of the programme's risks (send the version you read; 409 if it changed since)",
          params: programmeRiskParams,
          body: updateProgrammeRiskInput,
          response: replies(savedRiskView),
        },
      },
      async (request) =>
        updateProgrammeRisk(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.post(
      "/api/programmes/:id/risks/:itemId/close",
      {
        preValidation,
        schema: {
          tags,
          summary: "Close one of the programme's risks: it leaves the register and frees its rank",
          params: programmeRiskParams,
          body: closeProgrammeRiskInput,
          response: replies(savedRiskView),
        },
      },
      async (request) =>
        closeProgrammeRisk(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.put(
      "/api/programmes/:id/risks/:itemId/assessments/:period",
      {
        preValidation,
        schema: {
          tags,
          summary: "Assess a programme risk before and after measures for a period (version 0 when new)",
          params: programmeRiskPeriodParams,
          body: saveProgrammeRiskAssessmentInput,
          response: replies(programmeRiskAssessmentView),
        },
      },
      async (request) =>
        saveProgrammeRiskAssessment(
          db,
          callerOf(request),
          request.params.id,
          request.params.itemId,
          request.params.period,
          request.body,
        ),
    );
  };
