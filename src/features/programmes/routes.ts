import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { replies } from "../../schemas/contract.ts";
import { decideGate, endPhase, requestGateDecision, startPhase } from "./gates.ts";
import { addPhase, deletePhase, updateGate, updatePhase } from "./phases.ts";
import { getPortfolio } from "./portfolio.ts";
import {
  createStatusReportInput,
  portfolioQuery,
  portfolioView,
  reportActionInput,
  reportActionParams,
  reportParams,
  statusReportListView,
  statusReportView,
  updateStatusReportInput,
} from "./reportSchema.ts";
import {
  createPhaseInput,
  createProgrammeInput,
  decideGateInput,
  endPhaseInput,
  gateParams,
  phaseParams,
  programmeDetailView,
  programmeListView,
  programmeParams,
  programmesQuery,
  programmeView,
  requestGateInput,
  startPhaseInput,
  updateGateInput,
  updatePhaseInput,
  updateProgrammeInput,
  versionBody,
} from "./schema.ts";
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from "./service.ts";
import {
  createStatusReport,
  getStatusReport,
  listStatusReports,
  stepStatusReport,
  updateStatusReport,
} from "./statusReports.ts";

const tags = ["programmes"];

export const programmeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/programmes",
      {
        schema: {
          tags,
          summary: "Programmes and projects the caller may read, under a unit when asked",
          querystring: programmesQuery,
          response: replies(programmeListView),
        },
      },
      async (request) => listProgrammes(db, callerOf(request), request.query),
    );

    app.post(
      "/api/programmes",
      {
        schema: {
          tags,
          summary: "Create a programme or project; the owner unit's editors",
          body: createProgrammeInput,
          response: replies(programmeView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createProgramme(db, callerOf(request), request.body)),
    );

    app.get(
      "/api/programmes/:id",
      {
        schema: {
          tags,
          summary: "A programme with its phases and gates (each gate with its decisions)",
          params: programmeParams,
          response: replies(programmeDetailView),
        },
      },
      async (request) => getProgramme(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/programmes/:id",
      {
        schema: {
          tags,
          summary: "Change a programme's facts (send the version you read; 409 if it changed since)",
          params: programmeParams,
          body: updateProgrammeInput,
          response: replies(programmeView),
        },
      },
      async (request) => updateProgramme(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/programmes/:id/phases",
      {
        schema: {
          tags,
          summary: "Add a phase; planned phases may meet but not overlap; the gate before it comes with it",
          params: programmeParams,
          body: createPhaseInput,
          response: replies(programmeDetailView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addPhase(db, callerOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/programmes/:id/phases/:number",
      {
        schema: {
          tags,
          summary: "Change a phase's name, planned dates, main activities and milestones",
          params: phaseParams,
          body: updatePhaseInput,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        updatePhase(db, callerOf(request), request.params.id, request.params.number, request.body),
    );

    app.delete(
      "/api/programmes/:id/phases/:number",
      {
        schema: {
          tags,
          summary: "Delete a phase not started whose gate has no decisions",
          params: phaseParams,
          querystring: versionBody,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        deletePhase(db, callerOf(request), request.params.id, request.params.number, request.query.version),
    );

    app.post(
      "/api/programmes/:id/phases/:number/start",
      {
        schema: {
          tags,
          summary: "Start a phase: only once the gate before it is approved; ends the phase before it",
          params: phaseParams,
          body: startPhaseInput,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        startPhase(db, callerOf(request), request.params.id, request.params.number, request.body),
    );

    app.post(
      "/api/programmes/:id/phases/:number/end",
      {
        schema: {
          tags,
          summary: "End a started phase",
          params: phaseParams,
          body: endPhaseInput,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        endPhase(db, callerOf(request), request.params.id, request.params.number, request.body),
    );

    app.patch(
      "/api/programmes/:id/gates/:toPhase",
      {
        schema: {
          tags,
          summary: "Change a gate's name and criteria",
          params: gateParams,
          body: updateGateInput,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        updateGate(db, callerOf(request), request.params.id, request.params.toPhase, request.body),
    );

    app.post(
      "/api/programmes/:id/gates/:toPhase/request",
      {
        schema: {
          tags,
          summary: "Ask the owner for a decision at the gate; the programme's editors",
          params: gateParams,
          body: requestGateInput,
          response: replies(programmeDetailView),
        },
      },
      async (request) =>
        requestGateDecision(db, callerOf(request), request.params.id, request.params.toPhase, request.body),
    );

    app.post(
      "/api/programmes/:id/gates/:toPhase/decisions",
      {
        schema: {
          tags,
          summary:
            "Decide at the gate (approve, approve with conditions, postpone, stop); the owner's approvers",
          params: gateParams,
          body: decideGateInput,
          response: replies(programmeDetailView, 201),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await decideGate(db, callerOf(request), request.params.id, request.params.toPhase, request.body),
          ),
    );

    app.get(
      "/api/programmes/:id/status-reports",
      {
        schema: {
          tags,
          summary: "A programme's status reports, latest period first",
          params: programmeParams,
          response: replies(statusReportListView),
        },
      },
      async (request) => listStatusReports(db, callerOf(request), request.params.id),
    );

    app.post(
      "/api/programmes/:id/status-reports",
      {
        schema: {
          tags,
          summary: "Start a status report for a month or a tertial, as a draft",
          params: programmeParams,
          body: createStatusReportInput,
          response: replies(statusReportView, 201),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createStatusReport(db, callerOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/programmes/:id/status-reports/:reportId",
      {
        schema: {
          tags,
          summary: "One status report",
          params: reportParams,
          response: replies(statusReportView),
        },
      },
      async (request) => getStatusReport(db, callerOf(request), request.params.id, request.params.reportId),
    );

    app.patch(
      "/api/programmes/:id/status-reports/:reportId",
      {
        schema: {
          tags,
          summary: "Save a draft status report (send the version you read; 409 if it changed since)",
          params: reportParams,
          body: updateStatusReportInput,
          response: replies(statusReportView),
        },
      },
      async (request) =>
        updateStatusReport(db, callerOf(request), request.params.id, request.params.reportId, request.body),
    );

    app.post(
      "/api/programmes/:id/status-reports/:reportId/:action",
      {
        schema: {
          tags,
          summary: "Submit or withdraw (editors), approve or return (the owner's approvers) a status report",
          params: reportActionParams,
          body: reportActionInput,
          response: replies(statusReportView),
        },
      },
      async (request) =>
        stepStatusReport(
          db,
          callerOf(request),
          request.params.id,
          request.params.reportId,
          request.params.action,
          request.body,
        ),
    );

    app.get(
      "/api/portfolio",
      {
        schema: {
          tags,
          summary:
            "Every programme under a unit the caller may read: phase, next gate, latest status report's colours and trend",
          querystring: portfolioQuery,
          response: replies(portfolioView),
        },
      },
      async (request) => getPortfolio(db, callerOf(request), request.query),
    );
  };
