import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { requireUser } from "../../http.ts";
import {
  assignRole,
  assignRoleInput,
  createUser,
  createUserInput,
  listUsers,
  removeRole,
} from "./service.ts";

const idParams = z.object({ id: z.coerce.number().int().positive() });

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
