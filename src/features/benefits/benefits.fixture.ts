// Test support for benefits: an app with an owner, a region and two trusts, people with each role,
// a programme of trust A and an action plan of the region (made in the database: their own
// routes are other features'), and helpers to call the API as someone.

import { beforeAll } from "vitest";
import { actionPlans, programmes } from "../../db/schema.ts";
import { type Method, region, send, setUpOrgApp, t, trustA } from "../../testing/orgFixture.ts";

export { region, type TestApp, t, trustA, trustB, type Unit } from "../../testing/orgFixture.ts";
export type Benefit = {
  id: number;
  title: string;
  kind: string;
  baselineValue: number | null;
  targetValue: number | null;
  baselineDate: string;
  targetDate: string;
  indicatorId: number | null;
  ownerUnitId: number | null;
  version: number;
};
export type ToDate = {
  expected: number | null;
  expectedShare: number | null;
  realised: { date: string; value: number } | null;
  realisedShare: number | null;
  behindPlan: boolean | null;
};
export type Sums = Record<
  | "economicTarget"
  | "economicExpected"
  | "economicRealised"
  | "investmentPlanned"
  | "investmentActual"
  | "costsPlanned"
  | "costsActual",
  number
>;
export type Plan = {
  owner: { kind: string; id: number; title: string };
  on: string;
  benefits: (Benefit & { toDate: ToDate })[];
  costs: {
    id: number;
    kind: string;
    year: number;
    plannedNok: number;
    actualNok: number | null;
    version: number;
  }[];
  sums: Sums;
  can: { edit: boolean };
};
export type Chart = {
  source: string;
  points: { date: string; expected: number; realised: number | null }[];
  readings: { date: string; value: number; comment: string }[];
};

export let programmeId: number;
export let planId: number;

/** Calls the API as `who`; a string payload goes as it is (a raw body), anything else as JSON. */
export function call(method: Method, who: string, url: string, payload?: unknown) {
  return send(
    method,
    who,
    url,
    payload === undefined || typeof payload === "string" ? payload : JSON.stringify(payload),
  );
}

export async function json<T>(method: Method, who: string, url: string, payload?: unknown): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

let titles = 0;

/** A valid economic benefit: from nothing in 2024 to 1,000 in 2028 (seed 000's savings, in MNOK). */
export const economic = (fields: object = {}) => ({
  title: `Gevinst ${++titles}`,
  kind: "economic",
  ownerName: "Økonomidirektør",
  measureUnit: "MNOK",
  baselineValue: 0,
  baselineDate: "2024-01-01",
  targetValue: 1000,
  targetDate: "2028-01-01",
  ...fields,
});

export const addBenefit = (
  fields: object = {},
  who = "taEditor",
  url = `/api/programmes/${programmeId}/benefits`,
) => json<Benefit>("POST", who, url, economic(fields));

export const planOf = (
  on = "2026-01-01",
  who = "taReader",
  url = `/api/programmes/${programmeId}/benefits`,
) => json<Plan>("GET", who, `${url}?on=${on}`);

/**
 * The app for the file: OWN > REG (Region RHF) > TA, TB. People: root; region reader and editor;
 * trust A's editor, approver and reader; trust B's editor and reader. Trust A runs a programme,
 * the region an action plan.
 */
export function setUpBenefitsApp() {
  setUpOrgApp(({ region, trustA, trustB }) => ({
    root: { systemAdmin: true },
    regReader: { roles: [{ unitId: region.id, role: "reader" }] },
    regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
    taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taApprover: { roles: [{ unitId: trustA.id, role: "approver" }] },
    taReader: { roles: [{ unitId: trustA.id, role: "reader" }] },
    tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
    tbReader: { roles: [{ unitId: trustB.id, role: "reader" }] },
  }));
  beforeAll(async () => {
    const [programme] = await t.db
      .insert(programmes)
      .values({ ownerUnitId: trustA.id, code: "NSST", title: "Nasjonale støttetjenester" })
      .returning();
    const [plan] = await t.db
      .insert(actionPlans)
      .values({
        ownerUnitId: region.id,
        title: "Handlingsplan innkjøp og logistikk",
        fromYear: 2009,
        toYear: 2012,
      })
      .returning();
    programmeId = programme?.id as number;
    planId = plan?.id as number;
  });
}
