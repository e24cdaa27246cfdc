import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import {
  accountStateView,
  assignmentView,
  assignRoleInput,
  createUserInput,
  externalIdView,
  resetPasswordInput,
  setExternalIdInput,
  userSummary,
  userView,
} from "./schema.ts";
import {
  assignRole,
  createUser,
  listUsers,
  removeRole,
  resetPassword,
  setAccountActive,
  setExternalId,
} from "./service.ts";

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/users",
      { schema: { tags: ["users"], summary: "Users and their roles", response: replies(z.array(userView)) } },
      async (request) => listUsers(db, callerOf(request)),
    );

    app.post(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "Create a local user",
          body: createUserInput,
          response: replies(userSummary, 201),
        },
      },
      async (request, reply) => reply.code(201).send(await createUser(db, callerOf(request), request.body)),
    );

    app.post(
      "/api/users/:id/roles",
      {
        schema: {
          tags: ["users"],
          summary: "Give a user a role on a unit",
          params: idParams,
          body: assignRoleInput,
          response: replies(assignmentView, 201),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await assignRole(db, callerOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/users/:id/password",
      {
        schema: {
          tags: ["users"],
          summary: "Set a new password for a user; ends all their sessions",
          params: idParams,
          body: resetPasswordInput,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await resetPassword(db, callerOf(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );

    app.put(
      "/api/users/:id/external-id",
      {
        schema: {
          tags: ["users"],
          summary: "Link a user to the sign-in service by its id for them (null unlinks)",
          description:
            "The id is what the claim named by OIDC_USER_FIELD=external_id holds (Entra ID's `oid`, say). " +
            "An id another user has answers 409 naming that user. Sessions are not ended.",
          params: idParams,
          body: setExternalIdInput,
          response: replies(externalIdView),
        },
      },
      async (request) => setExternalId(db, callerOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/users/:id/deactivate",
      {
        schema: {
          tags: ["users"],
          summary: "Deactivate a user; ends all their sessions",
          params: idParams,
          response: replies(accountStateView),
        },
      },
      async (request) => setAccountActive(db, callerOf(request), request.params.id, false),
    );

    app.post(
      "/api/users/:id/reactivate",
      {
        schema: {
          tags: ["users"],
          summary: "Let a deactivated user sign in again",
          params: idParams,
          response: replies(accountStateView),
        },
      },
      async (request) => setAccountActive(db, callerOf(request), request.params.id, true),
    );

    app.delete(
      "/api/role-assignments/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Take a role away",
          description:
            "A role given by the sign-in service (source sso) may be taken away too, but the user's next " +
            "single sign-on gives it back if their groups in the identity provider still do.",
          params: idParams,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await removeRole(db, callerOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
