import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { id, idParams, versionQuery } from "../../schemas/common.ts";
import { fileReplies, noContentReplies, replies } from "../../schemas/contract.ts";
import { sendWorkbook } from "../risk/excel.ts";
import { xlsxContentType } from "../scorecards/excel.ts";
import { loadReadablePlan, refuseNonEditors } from "./access.ts";
import { actionPlanWorkbook } from "./excel.ts";
import { addPlanMeasure, changePlanMeasure, removePlanMeasure } from "./planMeasures.ts";
import {
  adoptActionPlan,
  createActionPlan,
  getActionPlan,
  listActionPlans,
  updateActionPlan,
} from "./plans.ts";
import { getPlanProgress } from "./progress.ts";
import { compareActionPlanVersions, reviseActionPlan } from "./revisions.ts";
import {
  actionPlanComparisonView,
  actionPlanListQuery,
  actionPlanListView,
  actionPlanProgressView,
  actionPlanView,
  adoptActionPlanInput,
  compareQuery,
  createActionPlanInput,
  createPlanMeasureInput,
  keyIndicatorInput,
  keyIndicatorView,
  planMeasureView,
  progressQuery,
  revisionInput,
  subGoalInput,
  updateActionPlanInput,
  updateKeyIndicatorInput,
  updatePlanMeasureInput,
  updateSubGoalInput,
} from "./schema.ts";
import {
  addKeyIndicator,
  addSubGoal,
  changeKeyIndicator,
  changeSubGoal,
  removeKeyIndicator,
  removeSubGoal,
} from "./structure.ts";

const tags = ["action plans"];

const partParams = z.object({ id, partId: id });
const subGoalView = z.object({
  id: z.number().int(),
  number: z.number().int(),
  text: z.string(),
  version: z.number().int(),
});

export const actionPlanRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    /**
     * Before the body is read: a plan the caller may not read is 404 and one they may not edit 403,
     * whatever the body holds. The id is checked as the params schema would.
     */
    const editorsOnly = async (request: FastifyRequest) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) return;
      const caller = callerOf(request);
      const { owner } = await loadReadablePlan(db, caller.principal, parsed.data.id);
      refuseNonEditors(caller.principal, owner);
    };
    const readersOnly = async (request: FastifyRequest) => {
      const parsed = idParams.safeParse(request.params);
      if (parsed.success) await loadReadablePlan(db, callerOf(request).principal, parsed.data.id);
    };

    /** DELETE of one part of a plan version at the version read (?version=): 204, or why not. */
    const deletePart = (
      path: string,
      summary: string,
      remove: (db: Db, caller: Caller, planId: number, partId: number, version: number) => Promise<void>,
    ) =>
      app.delete(
        path,
        {
          preValidation: editorsOnly,
          schema: {
            tags,
            summary,
            params: partParams,
            querystring: versionQuery,
            response: noContentReplies(),
          },
        },
        async (request, reply) => {
          await remove(
            db,
            callerOf(request),
            request.params.id,
            request.params.partId,
            request.query.version,
          );
          return reply.code(204).send(null);
        },
      );

    app.get(
      "/api/action-plans",
      {
        schema: {
          tags,
          summary: "The action plans you may read (every version), under a unit when asked",
          querystring: actionPlanListQuery,
          response: replies(actionPlanListView),
        },
      },
      async (request) => listActionPlans(db, callerOf(request), request.query),
    );

    app.post(
      "/api/action-plans",
      {
        schema: {
          tags,
          summary: "Create an action plan (a draft) for a unit where you are an editor",
          body: createActionPlanInput,
          response: replies(actionPlanView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createActionPlan(db, callerOf(request), request.body)),
    );

    app.get(
      "/api/action-plans/:id",
      {
        schema: {
          tags,
          summary: "One version of a plan with its sub-goals, key indicators, measures and versions",
          params: idParams,
          response: replies(actionPlanView),
        },
      },
      async (request) => getActionPlan(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/action-plans/:id",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Change a plan; a stale version gets 409, a version replaced by a newer one 409 too",
          params: idParams,
          body: updateActionPlanInput,
          response: replies(actionPlanView),
        },
      },
      async (request) => updateActionPlan(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/action-plans/:id/adopt",
      {
        preValidation: readersOnly,
        schema: {
          tags,
          summary: "Adopt a draft (the owner's approver); a revision's older version becomes revised",
          params: idParams,
          body: adoptActionPlanInput,
          response: replies(actionPlanView),
        },
      },
      async (request) => adoptActionPlan(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/action-plans/:id/sub-goals",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Add a numbered sub-goal",
          params: idParams,
          body: subGoalInput,
          response: replies(subGoalView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addSubGoal(db, callerOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/action-plans/:id/sub-goals/:partId",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Change a sub-goal",
          params: partParams,
          body: updateSubGoalInput,
          response: replies(subGoalView),
        },
      },
      async (request) =>
        changeSubGoal(db, callerOf(request), request.params.id, request.params.partId, request.body),
    );

    deletePart(
      "/api/action-plans/:id/sub-goals/:partId",
      "Delete a sub-goal that holds no key indicators or measures (409 while it does); ?version= as read",
      removeSubGoal,
    );

    app.post(
      "/api/action-plans/:id/sub-goals/:partId/key-indicators",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Add a key indicator to a sub-goal: a catalogue indicator or a milestone",
          params: partParams,
          body: keyIndicatorInput,
          response: replies(keyIndicatorView, 201),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await addKeyIndicator(
              db,
              callerOf(request),
              request.params.id,
              request.params.partId,
              request.body,
            ),
          ),
    );

    app.patch(
      "/api/action-plans/:id/key-indicators/:partId",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Change a key indicator, or where its milestone stands",
          params: partParams,
          body: updateKeyIndicatorInput,
          response: replies(keyIndicatorView),
        },
      },
      async (request) =>
        changeKeyIndicator(db, callerOf(request), request.params.id, request.params.partId, request.body),
    );

    deletePart(
      "/api/action-plans/:id/key-indicators/:partId",
      "Delete a key indicator from the plan version; ?version= as read",
      removeKeyIndicator,
    );

    app.post(
      "/api/action-plans/:id/measures",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary:
            "Make a measure on the plan's owner unit and put it in the plan; years outside the plan are refused",
          params: idParams,
          body: createPlanMeasureInput,
          response: replies(planMeasureView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addPlanMeasure(db, callerOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/action-plans/:id/measures/:partId",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary:
            "Change a measure's priority, years, resource, responsibility, label or sub-goal in the plan",
          params: partParams,
          body: updatePlanMeasureInput,
          response: replies(planMeasureView),
        },
      },
      async (request) =>
        changePlanMeasure(db, callerOf(request), request.params.id, request.params.partId, request.body),
    );

    deletePart(
      "/api/action-plans/:id/measures/:partId",
      "Take a measure out of the plan version (the measure and its log stay); ?version= as read",
      removePlanMeasure,
    );

    app.get(
      "/api/action-plans/:id/progress",
      {
        schema: {
          tags,
          summary:
            "A tertial's progress: measures as of its last day, key indicators against the year's target",
          params: idParams,
          querystring: progressQuery,
          response: replies(actionPlanProgressView),
        },
      },
      async (request) => getPlanProgress(db, callerOf(request), request.params.id, request.query.period),
    );

    app.post(
      "/api/action-plans/:id/revisions",
      {
        preValidation: editorsOnly,
        schema: {
          tags,
          summary: "Revise the latest version: a new draft version carrying the unfinished measures over",
          params: idParams,
          body: revisionInput,
          response: replies(actionPlanView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await reviseActionPlan(db, callerOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/action-plans/:id/compare",
      {
        schema: {
          tags,
          summary:
            "Compare two versions of a plan measure by measure: kept, changed, added, finished, dropped",
          params: idParams,
          querystring: compareQuery,
          response: replies(actionPlanComparisonView),
        },
      },
      async (request) =>
        compareActionPlanVersions(db, callerOf(request), request.params.id, request.query.with),
    );

    app.get(
      "/api/action-plans/:id/export.xlsx",
      {
        schema: {
          tags,
          summary: "The plan version as an Excel workbook: measures per sub-goal and key indicators",
          params: idParams,
          querystring: z.object({ period: progressQuery.shape.period.optional() }),
          response: fileReplies(xlsxContentType, "An Excel workbook"),
        },
      },
      async (request, reply) => {
        const { fileName, workbook } = await actionPlanWorkbook(
          db,
          callerOf(request),
          request.params.id,
          request.query.period,
        );
        return sendWorkbook(reply, fileName, workbook);
      },
    );
  };
