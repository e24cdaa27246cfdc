import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { replies } from "../../schemas/contract.ts";
import { saveUnitRiskAssessment } from "./assessments.ts";
import {
  closeUnitRiskInput,
  createUnitRiskInput,
  saveUnitRiskAssessmentInput,
  unitRiskAssessmentView,
  unitRiskListView,
  unitRiskPeriodParams,
  unitRisksQuery,
  unitRiskView,
  updateUnitRiskInput,
} from "./schema.ts";
import { closeUnitRisk, createUnitRisk, listUnitRisks, updateUnitRisk } from "./service.ts";

const tags = ["risk"];

export const unitRiskRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/units/:id/risks",
      {
        schema: {
          tags,
          summary:
            "A unit's own risks by rank, each with its assessment in the period and the period before, and the change",
          params: idParams,
          querystring: unitRisksQuery,
          response: replies(unitRiskListView),
        },
      },
      async (request) => listUnitRisks(db, callerOf(request), request.params.id, request.query),
    );

    app.post(
      "/api/units/:id/risks",
      {
        schema: {
          tags,
          summary: "Add a risk to a unit's own risks; the unit's editors",
          params: idParams,
          body: createUnitRiskInput,
          response: replies(unitRiskView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createUnitRisk(db, callerOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/unit-risks/:id",
      {
        schema: {
          tags,
          summary: "Change one of a unit's own risks (send the version you read; 409 if it changed since)",
          params: idParams,
          body: updateUnitRiskInput,
          response: replies(unitRiskView),
        },
      },
      async (request) => updateUnitRisk(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/unit-risks/:id/close",
      {
        schema: {
          tags,
          summary: "Close one of a unit's own risks: it leaves the register and frees its rank",
          params: idParams,
          body: closeUnitRiskInput,
          response: replies(unitRiskView),
        },
      },
      async (request) => closeUnitRisk(db, callerOf(request), request.params.id, request.body),
    );

    app.put(
      "/api/unit-risks/:id/assessments/:period",
      {
        schema: {
          tags,
          summary: "Assess one of a unit's own risks for a period (version 0 when it has no assessment then)",
          params: unitRiskPeriodParams,
          body: saveUnitRiskAssessmentInput,
          response: replies(unitRiskAssessmentView),
        },
      },
      async (request) =>
        saveUnitRiskAssessment(db, callerOf(request), request.params.id, request.params.period, request.body),
    );
  };
