// A unit risk's assessment per period: created with version 0, changed with the version read,
// checked against the scale that applies to the unit, compared with the period before.

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, unitRiskAssessments } from "../../db/schema.ts";
import { defaultMatrixScale } from "../../domain/risk.ts";
import {
  type Assessment,
  addRisk,
  assess,
  call,
  json,
  type Risk,
  registerOf,
  setUpUnitRisksApp,
  t,
  trustA,
  trustB,
} from "./unitRisks.fixture.ts";

setUpUnitRisksApp();

let staffing: Risk;
let violence: Risk;
let budget: Risk;

const saved = async (riskId: number, period: string, body: object, who = "taEditor") => {
  const response = await assess(riskId, period, body, who);
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json() as Assessment;
};

const rowOf = async (riskId: number, period: string, who = "root") => {
  const row = (await registerOf(trustA.id, period, who)).risks.find((r) => r.id === riskId);
  if (!row) throw new Error(`risk ${riskId} not in the register`);
  return row;
};

beforeAll(async () => {
  staffing = await addRisk(trustA.id, { rank: 1, title: "Bemanning" });
  violence = await addRisk(trustA.id, { rank: 2, area: "hse", title: "Vold" });
  budget = await addRisk(trustA.id, { rank: 3, area: "finances", title: "Budsjett" });
});

describe("saving a period's assessment", () => {
  it("creates it with version 0, then changes it with the version read", async () => {
    const created = await saved(staffing.id, "2024-T1", {
      version: 0,
      level: "yellow",
      justification: "Usikkert.",
    });
    expect(created).toMatchObject({
      period: "2024-T1",
      level: "yellow",
      justification: "Usikkert.",
      version: 1,
    });
    const changed = await saved(staffing.id, "2024-T1", { version: 1, justification: "Fortsatt usikkert." });
    // Fields not given keep their value.
    expect(changed).toMatchObject({ level: "yellow", justification: "Fortsatt usikkert.", version: 2 });
  });

  it("refuses a stale save with 409, version 0 included once the period has one, and keeps the first", async () => {
    const again = await assess(staffing.id, "2024-T1", { version: 0, level: "red" }, "taEditor2");
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "stale_version", current: { version: 2, level: "yellow" } });
    const stale = await assess(staffing.id, "2024-T1", { version: 1, level: "red" }, "taEditor2");
    expect(stale.statusCode).toBe(409);
    const ahead = await assess(violence.id, "2024-T1", { version: 3, level: "red" });
    expect(ahead.statusCode).toBe(409);
    expect((await rowOf(staffing.id, "2024-T1")).assessment).toMatchObject({ level: "yellow", version: 2 });
    expect((await rowOf(violence.id, "2024-T1")).assessment).toBeNull();
  });

  it("refuses a level not on the scale, naming the field, and changes nothing", async () => {
    const before = await rowOf(staffing.id, "2024-T1");
    const response = await assess(staffing.id, "2024-T1", {
      version: 2,
      level: "purple",
      justification: "x",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().reason).toBe("unit_risk_assessment_invalid");
    expect(response.json().problems).toEqual([
      expect.objectContaining({
        field: "level",
        code: "level_not_on_scale",
        params: { level: "purple", levels: "Grønn, Gul, Rød" },
      }),
    ]);
    expect(await rowOf(staffing.id, "2024-T1")).toEqual(before);
    const fresh = await assess(budget.id, "2024-T1", { version: 0, level: "purple" });
    expect(fresh.statusCode).toBe(400);
    expect(
      await t.db.select().from(unitRiskAssessments).where(eq(unitRiskAssessments.unitRiskId, budget.id)),
    ).toEqual([]);
  });

  it("refuses a period that is not reviewed, naming the field", async () => {
    for (const period of ["2024-T3", "2024-05", "24-T1", "2024-T9", "3000"]) {
      const response = await assess(violence.id, period, { version: 0, level: "red" });
      expect(response.statusCode).toBe(400);
      expect(response.json().problems[0]).toMatchObject({
        field: "period",
        code: "risk_period_not_reviewed",
        params: { period },
      });
    }
    expect(
      (await registerOf(trustA.id, "2024-T1")).risks.find((r) => r.id === violence.id)?.assessment,
    ).toBeNull();
  });

  it("is for the unit's editors: readers get 403, a sibling trust 404", async () => {
    for (const who of ["taReader", "regReader", "taApprover"]) {
      const response = await assess(violence.id, "2024-T1", { version: 0, level: "red" }, who);
      expect([response.statusCode, response.json().reason]).toEqual([403, "unit_risk_not_permitted"]);
    }
    const sibling = await assess(violence.id, "2024-T1", { version: 0, level: "red" }, "tbEditor");
    expect([sibling.statusCode, sibling.json().reason]).toEqual([404, "unit_risk_not_found"]);
    expect(
      (await call("PUT", "root", "/api/unit-risks/999999/assessments/2024-T1", { version: 0 })).statusCode,
    ).toBe(404);
  });

  it("is refused once the risk is closed", async () => {
    const closing = await addRisk(trustA.id, { rank: 9, title: "Lukkes" });
    await json("POST", "taEditor", `/api/unit-risks/${closing.id}/close`, { version: closing.version });
    const response = await assess(closing.id, "2024-T1", { version: 0, level: "red" });
    expect([response.statusCode, response.json().reason]).toEqual([409, "unit_risk_closed"]);
  });
});

describe("the period before", () => {
  beforeAll(async () => {
    await saved(violence.id, "2024-T1", { version: 0, level: "green" });
    await saved(budget.id, "2024-T1", { version: 0, level: "red" });
    await saved(staffing.id, "2024-T2", { version: 0, level: "green" });
    await saved(violence.id, "2024-T2", { version: 0, level: "red" });
    await saved(budget.id, "2024-T2", { version: 0, level: "red" });
  });

  it("shows T1 beside T2, and the change: improved, worsened, unchanged", async () => {
    const register = await registerOf(trustA.id, "2024-T2", "taReader");
    expect(register.previousPeriod).toBe("2024-T1");
    const byId = new Map(register.risks.map((r) => [r.id, r]));
    expect(byId.get(staffing.id)).toMatchObject({
      assessment: { period: "2024-T2", level: "green" },
      previous: { period: "2024-T1", level: "yellow" },
      change: "improved",
    });
    expect(byId.get(violence.id)).toMatchObject({ previous: { level: "green" }, change: "worsened" });
    expect(byId.get(budget.id)).toMatchObject({ previous: { level: "red" }, change: "unchanged" });
  });

  it("shows T2 before the annual assessment, and the annual one before next year's T1", async () => {
    await saved(staffing.id, "2024", { version: 0, level: "green" });
    const annual = await rowOf(staffing.id, "2024");
    expect(annual).toMatchObject({ previous: { period: "2024-T2" }, change: "unchanged" });
    await saved(staffing.id, "2025-T1", { version: 0, level: "red" });
    const next = await rowOf(staffing.id, "2025-T1");
    expect(next).toMatchObject({ previous: { period: "2024", level: "green" }, change: "worsened" });
    expect((await registerOf(trustA.id, "2025-T1")).previousPeriod).toBe("2024");
  });

  it("calls an assessment with none before it new, and a period without one not assessed", async () => {
    expect(await rowOf(violence.id, "2024-T1")).toMatchObject({ previous: null, change: "new" });
    expect(await rowOf(violence.id, "2024")).toMatchObject({ assessment: null, change: "not_assessed" });
  });
});

describe("a unit whose scale is a matrix", () => {
  let risk: Risk;

  beforeAll(async () => {
    await json("PUT", "root", `/api/units/${trustB.id}/risk-scale`, {
      version: 0,
      scale: defaultMatrixScale(),
    });
    risk = await addRisk(trustB.id, { rank: 1, title: "Matrise" }, "tbEditor");
  });

  it("reads the level from likelihood and consequence", async () => {
    const created = await saved(
      risk.id,
      "2024-T1",
      { version: 0, likelihood: 5, consequence: 4 },
      "tbEditor",
    );
    expect(created).toMatchObject({ level: "red", likelihood: 5, consequence: 4 });
    const register = await registerOf(trustB.id, "2024-T1", "tbEditor");
    expect(register.risks[0]?.assessment?.level).toBe("red");
  });

  it("names each problem by its field and changes nothing", async () => {
    const half = await assess(
      risk.id,
      "2024-T1",
      { version: 1, likelihood: 2, consequence: null },
      "tbEditor",
    );
    expect(half.json().problems.map((p: { field: string }) => p.field)).toEqual(["consequence"]);
    const outside = await assess(
      risk.id,
      "2024-T1",
      { version: 1, likelihood: 6, consequence: 1 },
      "tbEditor",
    );
    expect(outside.json().problems[0]).toMatchObject({ field: "likelihood", code: "matrix_point_outside" });
    const worse = await assess(
      risk.id,
      "2024-T1",
      { version: 1, likelihood: 1, consequence: 1, residualLikelihood: 5, residualConsequence: 5 },
      "tbEditor",
    );
    expect(worse.json().problems[0]).toMatchObject({
      field: "residualLevel",
      code: "residual_worse_than_inherent",
    });
    const register = await registerOf(trustB.id, "2024-T1", "tbEditor");
    expect(register.risks[0]?.assessment).toMatchObject({ level: "red", likelihood: 5, version: 1 });
  });

  it("does not apply to a unit on the default levels, where a matrix point is ignored", async () => {
    const response = await assess(budget.id, "2025-T1", { version: 0, likelihood: 5, consequence: 5 });
    expect(response.json()).toMatchObject({ level: null, likelihood: null });
  });
});

describe("the audit trail", () => {
  it("records each assessment's creation and changes under the risk's unit", async () => {
    const [first] = await t.db
      .select()
      .from(unitRiskAssessments)
      .where(and(eq(unitRiskAssessments.unitRiskId, staffing.id), eq(unitRiskAssessments.period, "2024-T1")));
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "unit_risk_assessment"), eq(auditLog.entityId, String(first?.id))))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries.every((e) => e.unitId === trustA.id)).toBe(true);
    expect(entries[1]?.before).toMatchObject({ justification: "Usikkert." });
    expect(entries[1]?.after).toMatchObject({ justification: "Fortsatt usikkert.", version: 2 });
  });
});
