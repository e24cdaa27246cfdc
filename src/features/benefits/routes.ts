import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";

// Issue 14: the routes come with the feature's service.
export const benefitRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
