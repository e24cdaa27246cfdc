// Test support for a programme's registers: OWN > REG (Region RHF, which owns the programme) > TA,
// TB (TB owns another programme); people with each role, and helpers to call the API as someone.

import { afterAll, beforeAll } from "vitest";
import { programmes } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Unit = { id: number; code: string; name: string; path: string };

export let t: TestApp;
export let region: Unit;
export let trustA: Unit;
export let trustB: Unit;
/** Region RHF's programme, and trust B's (hidden from the region's editors' trusts below). */
export let programmeId: number;
export let otherProgrammeId: number;
const cookies: Record<string, string> = {};
export const userIds: Record<string, number> = {};

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Calls the API as `who`; any payload goes as JSON, strings and numbers too. */
export function call(method: Method, who: string, url: string, payload?: unknown) {
  const cookie = cookies[who] as string;
  return t.app.inject(
    payload === undefined
      ? { method, url, headers: { cookie } }
      : {
          method,
          url,
          headers: { cookie, "content-type": "application/json" },
          payload: JSON.stringify(payload),
        },
  );
}

export async function json<T>(method: Method, who: string, url: string, payload?: unknown): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/** The fields and codes a refusal names, in order. */
export const problemsOf = (response: { json: () => unknown }) =>
  ((response.json() as { problems?: { field: string; code: string }[] }).problems ?? []).map((problem) => [
    problem.field,
    problem.code,
  ]);

export const base = (id = programmeId) => `/api/programmes/${id}`;

/**
 * People: root; the region's reader, editor and approver (the programme's owner unit); trust A's
 * editor (below the owner: may not read the region's programme); trust B's editor.
 */
export function setUpRegistersApp() {
  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.make.unit({ kind: "owner", code: "OWN" });
    region = await t.make.unit({
      parentId: owner.id,
      kind: "regional_health_authority",
      code: "REG",
      name: "Region RHF",
    });
    trustA = await t.make.unit({ parentId: region.id, code: "TA", name: "Trust A HF" });
    trustB = await t.make.unit({ parentId: region.id, code: "TB", name: "Trust B HF" });
    const [made, other] = await t.db
      .insert(programmes)
      .values([
        { ownerUnitId: region.id, code: "STYR", title: "Styringsmodell anskaffelser" },
        { ownerUnitId: trustB.id, code: "TBP", title: "Trust B sitt prosjekt" },
      ])
      .returning({ id: programmes.id });
    programmeId = made?.id ?? 0;
    otherProgrammeId = other?.id ?? 0;
    const people: Record<
      string,
      {
        systemAdmin?: boolean;
        roles?: { unitId: number; role: "admin" | "approver" | "editor" | "reader" }[];
      }
    > = {
      root: { systemAdmin: true },
      regReader: { roles: [{ unitId: region.id, role: "reader" }] },
      regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
      regEditor2: { roles: [{ unitId: region.id, role: "editor" }] },
      taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
      tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
    };
    for (const [username, options] of Object.entries(people)) {
      userIds[username] = (await t.make.user({ username, ...options })).id;
      cookies[username] = await t.signIn(username);
    }
    // Starting a database and signing six people in takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });
}
