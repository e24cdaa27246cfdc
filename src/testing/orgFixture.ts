// The organisation most feature tests start from: an app with an owner, a region (Region RHF) and
// two trusts below it (Trust A HF, Trust B HF), people signed in with the roles a file needs, and
// helpers to call the API as one of them. The features' own fixtures add their records on top.

import { afterAll, beforeAll } from "vitest";
import type { Role } from "../db/schema.ts";
import { createTestApp } from "./app.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Unit = { id: number; code: string; name: string; path: string };
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** OWN > REG (Region RHF) > TA (Trust A HF), TB (Trust B HF). */
export type OrgUnits = { owner: Unit; region: Unit; trustA: Unit; trustB: Unit };
export type PersonSpec = { systemAdmin?: boolean; roles?: { unitId: number; role: Role }[] };

export let t: TestApp;
export let owner: Unit;
export let region: Unit;
export let trustA: Unit;
export let trustB: Unit;
/** Each signed-in person's user id, by username. */
export const userIds: Record<string, number> = {};
const cookies: Record<string, string> = {};

/** Calls the API as `who` with a body sent as it is (a string) or none. */
export function send(method: Method, who: string, url: string, body?: string) {
  const cookie = cookies[who] as string;
  return t.app.inject(
    body === undefined
      ? { method, url, headers: { cookie } }
      : { method, url, headers: { cookie, "content-type": "application/json" }, payload: body },
  );
}

/** Calls the API as `who`; any payload goes as JSON, strings and numbers too. */
export function call(method: Method, who: string, url: string, payload?: unknown) {
  return send(method, who, url, payload === undefined ? undefined : JSON.stringify(payload));
}

export async function json<T>(method: Method, who: string, url: string, payload?: unknown): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/**
 * Sets up the file's app before its tests and closes it after them: the units, then `people`
 * (given the units; it may add units of its own first), each made and signed in. Starting a
 * database and signing many people in takes a while on a busy machine, hence the long limit.
 */
export function setUpOrgApp(
  people: (units: OrgUnits) => Record<string, PersonSpec> | Promise<Record<string, PersonSpec>>,
  timeoutMs = 180_000,
) {
  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.make.unit({ kind: "owner", code: "OWN" });
    region = await t.make.unit({
      parentId: owner.id,
      kind: "regional_health_authority",
      code: "REG",
      name: "Region RHF",
    });
    trustA = await t.make.unit({ parentId: region.id, code: "TA", name: "Trust A HF" });
    trustB = await t.make.unit({ parentId: region.id, code: "TB", name: "Trust B HF" });
    for (const [username, spec] of Object.entries(await people({ owner, region, trustA, trustB }))) {
      userIds[username] = (await t.make.user({ username, ...spec })).id;
      cookies[username] = await t.signIn(username);
    }
  }, timeoutMs);
  afterAll(async () => {
    await t?.close();
  });
}
