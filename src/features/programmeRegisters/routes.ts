// Routes of a programme's registers (issue 14), all under /api/programmes/:id: groups,
// stakeholders, training, resources and risks. Reading needs the owner unit's reports; changing
// needs its editors, checked before the body is read.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
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
import { registerRoutes } from "./registerRoutes.ts";
import { programmeRiskRoutes } from "./riskRoutes.ts";
import {
  createGroupInput,
  createResourceInput,
  createStakeholderInput,
  createTrainingInput,
  groupListView,
  groupView,
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

export const programmeRegisterRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const preValidation = editorsOnly(db);

    registerRoutes(app, db, preValidation, {
      path: "groups",
      summaries: {
        list: "A programme's steering, project and reference groups with their members",
        create: "Add a group with its members (at most one chair); the owner unit's editors",
        update: "Change a group; members, when given, replace the list (409 if changed since read)",
        remove: "Remove a group and its members",
      },
      listView: groupListView,
      view: groupView,
      createInput: createGroupInput,
      updateInput: updateGroupInput,
      list: listGroups,
      create: createGroup,
      update: updateGroupOf,
      remove: deleteGroupOf,
    });

    registerRoutes(app, db, preValidation, {
      path: "stakeholders",
      summaries: {
        list: "A programme's stakeholders: interest, influence and engagement activities",
        create: "Add a stakeholder with planned engagement activities",
        update: "Change a stakeholder; activities, when given, replace the list",
        remove: "Remove a stakeholder and its activities",
      },
      listView: stakeholderListView,
      view: stakeholderView,
      createInput: createStakeholderInput,
      updateInput: updateStakeholderInput,
      list: listStakeholders,
      create: createStakeholder,
      update: updateStakeholderOf,
      remove: deleteStakeholderOf,
    });

    registerRoutes(app, db, preValidation, {
      path: "training",
      summaries: {
        list: "A programme's training plan",
        create: "Add training: audience, content, dates (the end not before the start), status",
        update: "Change training in the plan",
        remove: "Remove training from the plan",
      },
      listView: trainingListView,
      view: trainingView,
      createInput: createTrainingInput,
      updateInput: updateTrainingInput,
      list: listTraining,
      create: createTraining,
      update: updateTrainingOf,
      remove: deleteTrainingOf,
    });

    registerRoutes(app, db, preValidation, {
      path: "resources",
      summaries: {
        list: "Planned and used person-months per unit (and phase), with sums per unit and in all",
        create: "Add a unit's person-months for the programme or a phase",
        update: "Change a unit's person-months",
        remove: "Remove a unit's person-months row",
      },
      listView: resourceListView,
      view: resourceView,
      createInput: createResourceInput,
      updateInput: updateResourceInput,
      list: listResources,
      create: createResource,
      update: updateResourceOf,
      remove: deleteResourceOf,
    });

    await app.register(programmeRiskRoutes(db));
  };
