// The four routes every plain register of a programme has (list, add, change, remove), under
// /api/programmes/:id/<path>: one shape, so each register only names its schemas and services.

import type { preValidationHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import { deleteQuery, programmeItemParams } from "./schema.ts";

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The schemas still check bodies and shape replies at run time; their types are checked in
 * Register instead, where the services meet them (Fastify cannot infer through the generics). */
const loose = (schema: z.ZodType): z.ZodType => schema;

export type Register<
  List extends z.ZodType,
  View extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
> = {
  /** The path under /api/programmes/:id, e.g. "groups". */
  path: string;
  summaries: { list: string; create: string; update: string; remove: string };
  listView: List;
  view: View;
  createInput: Create;
  updateInput: Update;
  list: (db: Db, caller: Caller, programmeId: number) => Promise<z.output<List>>;
  create: (db: Db, caller: Caller, programmeId: number, input: z.output<Create>) => Promise<z.output<View>>;
  update: (
    db: Db,
    caller: Caller,
    programmeId: number,
    itemId: number,
    input: z.output<Update>,
  ) => Promise<z.output<View>>;
  remove: (db: Db, caller: Caller, programmeId: number, itemId: number, version: number) => Promise<void>;
};

export function registerRoutes<
  List extends z.ZodType,
  View extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(
  app: App,
  db: Db,
  preValidation: preValidationHookHandler,
  register: Register<List, View, Create, Update>,
): void {
  const tags = ["programmes"];
  const collection = `/api/programmes/:id/${register.path}`;
  const item = `${collection}/:itemId`;
  app.get(
    collection,
    {
      schema: {
        tags,
        summary: register.summaries.list,
        params: idParams,
        response: replies(loose(register.listView)),
      },
    },
    async (request) => register.list(db, callerOf(request), request.params.id),
  );
  app.post(
    collection,
    {
      preValidation,
      schema: {
        tags,
        summary: register.summaries.create,
        params: idParams,
        body: loose(register.createInput),
        response: replies(loose(register.view), 201),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await register.create(db, callerOf(request), request.params.id, request.body as z.output<Create>),
        ),
  );
  app.patch(
    item,
    {
      preValidation,
      schema: {
        tags,
        summary: register.summaries.update,
        params: programmeItemParams,
        body: loose(register.updateInput),
        response: replies(loose(register.view)),
      },
    },
    async (request) =>
      register.update(
        db,
        callerOf(request),
        request.params.id,
        request.params.itemId,
        request.body as z.output<Update>,
      ),
  );
  app.delete(
    item,
    {
      preValidation,
      schema: {
        tags,
        summary: register.summaries.remove,
        params: programmeItemParams,
        querystring: deleteQuery,
        response: noContentReplies(),
      },
    },
    async (request, reply) => {
      await register.remove(
        db,
        callerOf(request),
        request.params.id,
        request.params.itemId,
        request.query.version,
      );
      return reply.code(204).send(null);
    },
  );
}
