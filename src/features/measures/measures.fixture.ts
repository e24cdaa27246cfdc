// Test support for the measures tests: the reporting tests' app (a region with trusts A, B and C,
// people with each role, the region's draft steering document with three requirements), and an
// indicator and one own risk each for trusts A and B.

import { eq, sql } from "drizzle-orm";
import { beforeAll } from "vitest";
import { unitRisks, users } from "../../db/schema.ts";
import { call, json, setUpReportingApp, t, trustA, trustB } from "../reporting/reporting.fixture.ts";

export type Measure = {
  id: number;
  version: number;
  unit: { id: number; name: string };
  title: string;
  ownerUserId: number | null;
  ownerName: string | null;
  ownerRole: string;
  phase: string;
  status: string | null;
  start: string | null;
  deadline: string | null;
  effectIndicator: { id: number; code: string } | null;
  effectTarget: number | null;
  fullEffectDate: string | null;
  overdue: boolean;
  needsAttention: boolean;
  links: { kind: string; targetId: number; readable: boolean; title: string | null }[];
  log: { period: string; phase: string; status: string | null; text: string }[];
  can: { edit: boolean; log: boolean };
};

export const fixture = { indicatorId: 0, riskA: 0, riskB: 0 };

export function setUpMeasuresApp() {
  setUpReportingApp();
  beforeAll(async () => {
    fixture.indicatorId = (
      await json<{ id: number }>("POST", "root", "/api/indicators", {
        code: "KORR",
        nameNb: "Korridorpasienter",
        unitLabel: "antall",
        direction: "lower",
        valueKind: "count",
      })
    ).id;
    const [riskA, riskB] = await t.db
      .insert(unitRisks)
      .values(
        [trustA, trustB].map((unit) => ({
          unitId: unit.id,
          area: "personnel",
          title: `Mangel på sykepleiere i ${unit.name}`,
          horizon: "this_year" as const,
          rank: 1,
        })),
      )
      .returning({ id: unitRisks.id });
    fixture.riskA = riskA?.id ?? 0;
    fixture.riskB = riskB?.id ?? 0;
  });
}

export async function userId(username: string): Promise<number> {
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function measureCount(): Promise<number> {
  const result = (await t.db.execute(sql`select count(*)::int as n from measures`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}

export const createMeasure = (who: string, body: object) => json<Measure>("POST", who, "/api/measures", body);

export const getMeasure = (who: string, id: number) => json<Measure>("GET", who, `/api/measures/${id}`);

export async function auditOf(id: number) {
  const page = await json<{ entries: { action: string; before: unknown; after: unknown }[] }>(
    "GET",
    "root",
    `/api/audit?entityType=measure&entityId=${id}`,
  );
  return page.entries;
}

export { call, json };
