import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import {
  assignRole,
  assignRoleInput,
  createUser,
  createUserInput,
  listUsers,
  removeRole,
  resetPassword,
  resetPasswordInput,
  setAccountActive,
} from "./service.ts";

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/users",
      { schema: { tags: ["users"], summary: "Users and their roles" } },
      async (request) => listUsers(db, requireUser(request).principal),
    );

    app.post(
      "/api/users",
      { schema: { tags: ["users"], summary: "Create a local user", body: createUserInput } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await createUser(db, principal, actor, request.body));
      },
    );

    app.post(
      "/api/users/:id/roles",
      {
        schema: {
          tags: ["users"],
          summary: "Give a user a role on a unit",
          params: idParams,
          body: assignRoleInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        return reply.code(201).send(await assignRole(db, principal, actor, request.params.id, request.body));
      },
    );

    app.post(
      "/api/users/:id/password",
      {
        schema: {
          tags: ["users"],
          summary: "Set a new password for a user; ends all their sessions",
          params: idParams,
          body: resetPasswordInput,
        },
      },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await resetPassword(db, principal, actor, request.params.id, request.body);
        return reply.code(204).send();
      },
    );

    app.post(
      "/api/users/:id/deactivate",
      {
        schema: { tags: ["users"], summary: "Deactivate a user; ends all their sessions", params: idParams },
      },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return setAccountActive(db, principal, actor, request.params.id, false);
      },
    );

    app.post(
      "/api/users/:id/reactivate",
      { schema: { tags: ["users"], summary: "Let a deactivated user sign in again", params: idParams } },
      async (request) => {
        const { principal, actor } = requireUser(request);
        return setAccountActive(db, principal, actor, request.params.id, true);
      },
    );

    app.delete(
      "/api/role-assignments/:id",
      { schema: { tags: ["users"], summary: "Take a role away", params: idParams } },
      async (request, reply) => {
        const { principal, actor } = requireUser(request);
        await removeRole(db, principal, actor, request.params.id);
        return reply.code(204).send();
      },
    );
  };
