// Hostile input to the programme routes: huge strings, impossible dates, numbers out of range and
// values of the wrong type answer 4xx, never 500, and store nothing.

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileNumbers, hostileTexts } from "../../testing/hostile.ts";
import { call, programmeWithPhases, setUpProgrammesApp, t, trustA } from "./programmes.fixture.ts";

setUpProgrammesApp();

const count = async (table: string) => {
  const result = (await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
};

const anyValue = fc.oneof(
  fc.constantFrom(...hostileTexts, "y".repeat(20_000), "2024-02-30", "2024-13-01", "0000-01-01"),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, [], {}, [{}], ["x".repeat(600)]),
);

describe("hostile input", () => {
  it("bodies with a bad value in one field answer 400, never 500, and store nothing", async () => {
    const programme = await programmeWithPhases();
    const phases = await count("programme_phases");
    const decisions = await count("gate_decisions");
    const reports = await count("status_reports");
    const base = {
      phase: {
        number: 2,
        name: "Drift",
        plannedStart: "2025-01-01",
        plannedEnd: "2025-12-31",
        mainActivities: [],
        milestones: [],
      },
      decision: { decision: "approve", decidedOn: "2024-03-01", decisionText: "Ja", conditions: "" },
      report: { period: "2024-T2", scopeColour: "green", overallText: "" },
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("phase", "decision", "report" as const),
        fc.nat(10),
        anyValue,
        async (kind, fieldIndex, value) => {
          const body: Record<string, unknown> = { ...base[kind as keyof typeof base] };
          const keys = Object.keys(body);
          const field = keys[fieldIndex % keys.length] as string;
          body[field] = value;
          const url =
            kind === "phase"
              ? `/api/programmes/${programme.id}/phases`
              : kind === "decision"
                ? `/api/programmes/${programme.id}/gates/1/decisions`
                : `/api/programmes/${programme.id}/status-reports`;
          const who = kind === "decision" ? "taApprover" : "taEditor";
          const response = await call("POST", who, url, body);
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode < 300) {
            // Only a value the schema takes as it is (a phase numbered 3 is as good as 2): undo
            // every phase beyond the set-up's two, so that the counts hold.
            await t.db.execute(
              sql`delete from programme_phases where programme_id = ${programme.id} and number >= 2`,
            );
            await t.db.execute(
              sql`delete from programme_gates where programme_id = ${programme.id} and to_phase >= 2`,
            );
            await t.db.execute(
              sql`delete from gate_decisions where gate_id in (select id from programme_gates where programme_id = ${programme.id})`,
            );
            await t.db.execute(sql`delete from status_reports where programme_id = ${programme.id}`);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(await count("programme_phases")).toBe(phases);
    expect(await count("gate_decisions")).toBe(decisions);
    expect(await count("status_reports")).toBe(reports);
  });

  it.each([
    ["/api/programmes/2147483648", "GET"],
    ["/api/programmes/-1", "GET"],
    ["/api/programmes/1e3", "GET"],
    ["/api/portfolio?unitId=abc", "GET"],
    ["/api/portfolio", "GET"],
    ["/api/programmes?unitId=0", "GET"],
  ] as const)("%s answers 400", async (url, method) => {
    expect((await call(method, "taEditor", url)).statusCode).toBe(400);
  });

  it("a huge or wrongly typed programme is refused naming the field", async () => {
    for (const [field, value] of [
      ["title", "x".repeat(301)],
      ["code", ""],
      ["kind", "portfolio"],
      ["ownerUnitId", -4],
      ["purpose", "x".repeat(10_001)],
      ["scope", 42],
    ] as const) {
      const response = await call("POST", "taEditor", "/api/programmes", {
        ownerUnitId: trustA.id,
        code: "H",
        title: "H",
        [field]: value,
      });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().problems[0].field).toBe(field);
    }
    const milestones = await call("POST", "taEditor", "/api/programmes", {
      ownerUnitId: trustA.id,
      code: "\u0000",
      title: "H",
    });
    expect(milestones.statusCode).toBe(400);
  });
});
