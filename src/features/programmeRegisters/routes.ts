// Routes of a programme's registers (issue 14), all under /api/programmes/:id: groups,
// stakeholders, training, resources and risks. Reading needs the owner unit's reports; changing
// needs its editors, checked before the body is read.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import { createGroup, deleteGroupOf, listGroups, updateGroupOf } from "./groups.ts";
import { editorsOnly } from "./guard.ts";
import {
  createResource,
  createTraining,
  deleteResourceOf,
  deleteTrainingOf,
  listResources,
  listTraining,
  updateResourceOf,
  updateTrainingOf,
} from "./plans.ts";
import { programmeRiskRoutes } from "./riskRoutes.ts";
import {
  createGroupInput,
  createResourceInput,
  createStakeholderInput,
  createTrainingInput,
  deleteQuery,
  groupListView,
  groupView,
  programmeItemParams,
  resourceListView,
  resourceView,
  stakeholderListView,
  stakeholderView,
  trainingListView,
  trainingView,
  updateGroupInput,
  updateResourceInput,
  updateStakeholderInput,
  updateTrainingInput,
} from "./schema.ts";
import {
  createStakeholder,
  deleteStakeholderOf,
  listStakeholders,
  updateStakeholderOf,
} from "./stakeholders.ts";

const tags = ["programmes"];

export const programmeRegisterRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const preValidation = editorsOnly(db);

    // Groups -------------------------------------------------------------------------------------
    app.get(
      "/api/programmes/:id/groups",
      {
        schema: {
          tags,
          summary: "A programme's steering, project and reference groups with their members",
          params: idParams,
          response: replies(groupListView),
        },
      },
      async (request) => listGroups(db, callerOf(request), request.params.id),
    );
    app.post(
      "/api/programmes/:id/groups",
      {
        preValidation,
        schema: {
          tags,
          summary: "Add a group with its members (at most one chair); the owner unit's editors",
          params: idParams,
          body: createGroupInput,
          response: replies(groupView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createGroup(db, callerOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/programmes/:id/groups/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change a group; members, when given, replace the list (409 if changed since read)",
          params: programmeItemParams,
          body: updateGroupInput,
          response: replies(groupView),
        },
      },
      async (request) =>
        updateGroupOf(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      "/api/programmes/:id/groups/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Remove a group and its members",
          params: programmeItemParams,
          querystring: deleteQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteGroupOf(
          db,
          callerOf(request),
          request.params.id,
          request.params.itemId,
          request.query.version,
        );
        return reply.code(204).send(null);
      },
    );

    // Stakeholders -------------------------------------------------------------------------------
    app.get(
      "/api/programmes/:id/stakeholders",
      {
        schema: {
          tags,
          summary: "A programme's stakeholders: interest, influence and engagement activities",
          params: idParams,
          response: replies(stakeholderListView),
        },
      },
      async (request) => listStakeholders(db, callerOf(request), request.params.id),
    );
    app.post(
      "/api/programmes/:id/stakeholders",
      {
        preValidation,
        schema: {
          tags,
          summary: "Add a stakeholder with planned engagement activities",
          params: idParams,
          body: createStakeholderInput,
          response: replies(stakeholderView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createStakeholder(db, callerOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/programmes/:id/stakeholders/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change a stakeholder; activities, when given, replace the list",
          params: programmeItemParams,
          body: updateStakeholderInput,
          response: replies(stakeholderView),
        },
      },
      async (request) =>
        updateStakeholderOf(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      "/api/programmes/:id/stakeholders/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Remove a stakeholder and its activities",
          params: programmeItemParams,
          querystring: deleteQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteStakeholderOf(
          db,
          callerOf(request),
          request.params.id,
          request.params.itemId,
          request.query.version,
        );
        return reply.code(204).send(null);
      },
    );

    // Training -----------------------------------------------------------------------------------
    app.get(
      "/api/programmes/:id/training",
      {
        schema: {
          tags,
          summary: "A programme's training plan",
          params: idParams,
          response: replies(trainingListView),
        },
      },
      async (request) => listTraining(db, callerOf(request), request.params.id),
    );
    app.post(
      "/api/programmes/:id/training",
      {
        preValidation,
        schema: {
          tags,
          summary: "Add training: audience, content, dates (the end not before the start), status",
          params: idParams,
          body: createTrainingInput,
          response: replies(trainingView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createTraining(db, callerOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/programmes/:id/training/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change training in the plan",
          params: programmeItemParams,
          body: updateTrainingInput,
          response: replies(trainingView),
        },
      },
      async (request) =>
        updateTrainingOf(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      "/api/programmes/:id/training/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Remove training from the plan",
          params: programmeItemParams,
          querystring: deleteQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteTrainingOf(
          db,
          callerOf(request),
          request.params.id,
          request.params.itemId,
          request.query.version,
        );
        return reply.code(204).send(null);
      },
    );

    // Resources ----------------------------------------------------------------------------------
    app.get(
      "/api/programmes/:id/resources",
      {
        schema: {
          tags,
          summary: "Planned and used person-months per unit (and phase), with sums per unit and in all",
          params: idParams,
          response: replies(resourceListView),
        },
      },
      async (request) => listResources(db, callerOf(request), request.params.id),
    );
    app.post(
      "/api/programmes/:id/resources",
      {
        preValidation,
        schema: {
          tags,
          summary: "Add a unit's person-months for the programme or a phase",
          params: idParams,
          body: createResourceInput,
          response: replies(resourceView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createResource(db, callerOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/programmes/:id/resources/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change a unit's person-months",
          params: programmeItemParams,
          body: updateResourceInput,
          response: replies(resourceView),
        },
      },
      async (request) =>
        updateResourceOf(db, callerOf(request), request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      "/api/programmes/:id/resources/:itemId",
      {
        preValidation,
        schema: {
          tags,
          summary: "Remove a unit's person-months row",
          params: programmeItemParams,
          querystring: deleteQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteResourceOf(
          db,
          callerOf(request),
          request.params.id,
          request.params.itemId,
          request.query.version,
        );
        return reply.code(204).send(null);
      },
    );

    await app.register(programmeRiskRoutes(db));
  };
