// The editors' check of a programme's registers, made before the body is read.

import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { MAX_INT32 } from "../../schemas/common.ts";
import { editableProgramme } from "./access.ts";

/**
 * Refuses who may not change the programme before the body is read: 404 when they may not read it,
 * 403 when they only read it. An id that is no id is left to the schema's 400.
 */
export const editorsOnly = (db: Db) => async (request: FastifyRequest) => {
  const raw = (request.params as { id?: unknown }).id;
  if (typeof raw !== "string" || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > MAX_INT32) return;
  await editableProgramme(db, callerOf(request).principal, Number(raw));
};
