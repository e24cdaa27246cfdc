// Gates and phase starts: a phase starts only once the gate before it is approved, decided only by
// the owner's approvers, each decision kept; refusals change nothing.

import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, gateDecisionLog } from "../../db/schema.ts";
import {
  call,
  decide,
  type Programme,
  programmeOf,
  programmeWithPhases,
  setUpProgrammesApp,
  startPhase,
  t,
} from "./programmes.fixture.ts";

setUpProgrammesApp();

const decisionCount = async () =>
  ((await t.db.select({ n: sql<number>`count(*)::int` }).from(gateDecisionLog))[0]?.n ?? 0) as number;

describe("the journey through a gate", () => {
  it("an editor asks, the owner's approver approves, and phase 1 starts, ending phase 0 that day", async () => {
    const programme = await programmeWithPhases();
    expect(programme.gates.map((gate) => gate.name)).toEqual(["G-0-1"]);
    expect(programme.currentPhase).toBe(0);

    const gate = programme.gates[0] as Programme["gates"][number];
    const asked = await call("POST", "taEditor", `/api/programmes/${programme.id}/gates/1/request`, {
      version: gate.version,
      requestText: "Forprosjektet er ferdig; vi ber om å starte fase 1.",
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().gates[0].requestedAt).not.toBeNull();

    const decided = await decide(programme.id, { decidedOn: "2024-03-28" });
    expect(decided.statusCode).toBe(201);
    expect(decided.json().gates[0].standing).toMatchObject({ decision: "approve", decidedOn: "2024-03-28" });

    const started = await startPhase(programme.id, 1, { actualStart: "2024-04-02" });
    expect(started.statusCode).toBe(200);
    const after = started.json() as Programme;
    expect(after.currentPhase).toBe(1);
    expect(after.phases.map((phase) => [phase.actualStart, phase.actualEnd])).toEqual([
      ["2024-01-10", "2024-04-02"],
      ["2024-04-02", null],
    ]);
    const audited = await t.db
      .select({ action: auditLog.action, entityType: auditLog.entityType })
      .from(auditLog)
      .where(eq(auditLog.unitId, await ownerOf(after.id)));
    expect(audited.map((row) => `${row.entityType}:${row.action}`)).toEqual(
      expect.arrayContaining([
        "programme:create",
        "programme_phase:create",
        "programme_gate:create",
        "programme_gate:request_decision",
        "gate_decision:decide",
        "programme_phase:start",
        "programme_phase:end",
      ]),
    );
  });

  it("keeps every decision: a postponement then an approval; the approval stands", async () => {
    const programme = await programmeWithPhases();
    expect((await decide(programme.id, { decision: "postpone", decidedOn: "2024-03-01" })).statusCode).toBe(
      201,
    );
    const postponed = await startPhase(programme.id, 1);
    expect(postponed.statusCode).toBe(409);
    expect(postponed.json().reason).toBe("phase_start_gate_postponed");

    const approved = await decide(programme.id, {
      decision: "approve_with_conditions",
      decidedOn: "2024-03-15",
      conditions: "Budsjettet legges fram i april.",
    });
    const gate = approved.json().gates[0];
    expect(gate.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      "postpone",
      "approve_with_conditions",
    ]);
    expect(gate.standing.decision).toBe("approve_with_conditions");
    expect((await startPhase(programme.id, 1, { actualStart: "2024-03-15" })).statusCode).toBe(200);
  });
});

async function ownerOf(id: number): Promise<number> {
  const result = (await t.db.execute(
    sql`select owner_unit_id as id from programmes where id = ${id}`,
  )) as unknown as {
    rows: { id: number }[];
  };
  return result.rows[0]?.id ?? 0;
}

describe("refusals change nothing", () => {
  it("phase 1 does not start before its gate is decided", async () => {
    const programme = await programmeWithPhases();
    const response = await startPhase(programme.id, 1);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "conflict", reason: "phase_start_gate_not_decided" });
    expect((await programmeOf(programme.id)).phases[1]?.actualStart).toBeNull();
  });

  it("after a stop no later phase starts, even with an approval of an earlier day", async () => {
    const programme = await programmeWithPhases();
    await decide(programme.id, { decision: "approve", decidedOn: "2024-03-01" });
    await decide(programme.id, { decision: "stop", decidedOn: "2024-03-02", decisionText: "Stoppes." });
    const response = await startPhase(programme.id, 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().reason).toBe("phase_start_programme_stopped");
  });

  it.each(["taEditor", "taReader", "regReader", "tbEditor"])(
    "a gate decided by %s: 403, nothing written",
    async (who) => {
      const programme = await programmeWithPhases();
      const before = await decisionCount();
      const response = await decide(programme.id, {}, who);
      expect(response.statusCode).toBe(who === "tbEditor" ? 404 : 403);
      if (who !== "tbEditor") expect(response.json().reason).toBe("gate_decision_not_permitted");
      expect(await decisionCount()).toBe(before);
    },
  );

  it("a decision in the future, or approved with conditions without any, is refused naming the field", async () => {
    const programme = await programmeWithPhases();
    const future = await decide(programme.id, { decidedOn: "2999-01-01" });
    expect(future.statusCode).toBe(400);
    expect(future.json().problems[0]).toMatchObject({ field: "decidedOn", code: "programme_date_in_future" });
    const noConditions = await decide(programme.id, {
      decision: "approve_with_conditions",
      conditions: "  ",
    });
    expect(noConditions.statusCode).toBe(400);
    expect(noConditions.json().problems[0].field).toBe("conditions");
    const noText = await decide(programme.id, { decisionText: "" });
    expect(noText.statusCode).toBe(400);
    expect((await programmeOf(programme.id)).gates[0]?.decisions).toEqual([]);
  });

  it("a phase does not start before the decision that opened its gate, nor in the future", async () => {
    const programme = await programmeWithPhases();
    await decide(programme.id, { decidedOn: "2024-03-20" });
    const early = await startPhase(programme.id, 1, { actualStart: "2024-03-19" });
    expect(early.statusCode).toBe(400);
    expect(early.json().problems[0]).toMatchObject({
      field: "actualStart",
      code: "phase_start_before_decision",
    });
    const future = await startPhase(programme.id, 1, { actualStart: "2999-01-01" });
    expect(future.statusCode).toBe(400);
    expect((await programmeOf(programme.id)).phases[1]?.actualStart).toBeNull();
  });

  it("a reader cannot start a phase; an unknown phase or programme answers 404", async () => {
    const programme = await programmeWithPhases();
    await decide(programme.id, {});
    expect((await startPhase(programme.id, 1, {}, "taReader")).statusCode).toBe(403);
    expect(
      (await call("POST", "taEditor", `/api/programmes/${programme.id}/phases/7/start`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call("POST", "taEditor", "/api/programmes/999999/phases/1/start", { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", "tbEditor", `/api/programmes/${programme.id}/gates/1/request`, { version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it("the approver may start the phase too, and a started phase does not start again", async () => {
    const programme = await programmeWithPhases();
    await decide(programme.id, {});
    expect((await startPhase(programme.id, 1, {}, "taApprover")).statusCode).toBe(200);
    const again = await startPhase(programme.id, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe("phase_start_phase_already_started");
  });
});
