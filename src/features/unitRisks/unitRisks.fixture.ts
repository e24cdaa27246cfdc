// Test support for units' own risks: an app with an owner, a region and two trusts, people with
// each role, and helpers to call the API as someone and to add a risk.

import { afterAll, beforeAll } from "vitest";
import { createTestApp } from "../../testing/app.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Unit = { id: number; code: string; name: string; path: string };
export type Assessment = {
  id: number;
  period: string;
  level: string | null;
  likelihood: number | null;
  consequence: number | null;
  residualLevel: string | null;
  justification: string;
  version: number;
};
export type Risk = {
  id: number;
  unitId: number;
  area: string;
  title: string;
  rank: number;
  horizon: string;
  closedAt: string | null;
  version: number;
};
export type RiskRow = Risk & { assessment: Assessment | null; previous: Assessment | null; change: string };
export type Register = {
  unit: { id: number };
  period: string;
  previousPeriod: string | null;
  risks: RiskRow[];
  can: { edit: boolean };
};

export let t: TestApp;
export let region: Unit;
export let trustA: Unit;
export let trustB: Unit;
const cookies: Record<string, string> = {};

type Method = "GET" | "POST" | "PATCH" | "PUT";

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

export const registerOf = (unitId: number, period = "2024-T2", who = "root", includeClosed = false) =>
  json<Register>(
    "GET",
    who,
    `/api/units/${unitId}/risks?period=${period}${includeClosed ? "&includeClosed=true" : ""}`,
  );

let titles = 0;

/** Adds a risk to the unit as `who` (trust A's editor by default). */
export const addRisk = (unitId: number, fields: object = {}, who = "taEditor") =>
  json<Risk>("POST", who, `/api/units/${unitId}/risks`, {
    area: "personnel",
    title: `Risiko ${++titles}`,
    horizon: "this_year",
    ...fields,
  });

/** Saves the risk's assessment for the period, creating it (version 0) or changing it. */
export const assess = (riskId: number, period: string, body: object, who = "taEditor") =>
  call("PUT", who, `/api/unit-risks/${riskId}/assessments/${period}`, body);

/**
 * The app for the file: OWN > REG (Region RHF) > TA, TB. People: root; region reader and editor;
 * trust A's editors (two), approver and reader; trust B's editor and reader.
 */
export function setUpUnitRisksApp() {
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
      taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
      taEditor2: { roles: [{ unitId: trustA.id, role: "editor" }] },
      taApprover: { roles: [{ unitId: trustA.id, role: "approver" }] },
      taReader: { roles: [{ unitId: trustA.id, role: "reader" }] },
      tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
      tbReader: { roles: [{ unitId: trustB.id, role: "reader" }] },
    };
    for (const [username, options] of Object.entries(people)) {
      await t.make.user({ username, ...options });
      cookies[username] = await t.signIn(username);
    }
  });
  afterAll(async () => {
    await t?.close();
  });
}
