// Benefits of a programme and an action plan: made, read, changed and removed by the owner unit's
// editors, refused with the field named and nothing written, hidden from those who may not read
// the owner, and every change in the audit trail.

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, benefits } from "../../db/schema.ts";
import {
  addBenefit,
  type Benefit,
  call,
  economic,
  json,
  planId,
  planOf,
  programmeId,
  region,
  setUpBenefitsApp,
  t,
  trustA,
} from "./benefits.fixture.ts";

setUpBenefitsApp();

const count = async () => (await t.db.select({ id: benefits.id }).from(benefits)).length;

describe("a programme's benefits", () => {
  it("are made by the owner unit's editors, owned by the programme's unit when no other is named, and audited", async () => {
    const made = await addBenefit({ title: "Netto innsparing", description: "Seed 000" });
    expect(made).toMatchObject({
      title: "Netto innsparing",
      kind: "economic",
      programmeId,
      actionPlanId: null,
      ownerUnitId: trustA.id,
      ownerUnitName: "Trust A HF",
      version: 1,
    });
    const read = await json<Benefit>("GET", "taReader", `/api/benefits/${made.id}`);
    expect(read).toEqual(made);
    const plan = await planOf();
    expect(plan.benefits.map((benefit) => benefit.id)).toContain(made.id);
    expect(plan.can.edit).toBe(false);
    expect(
      (await json<{ can: { edit: boolean } }>("GET", "taEditor", `/api/programmes/${programmeId}/benefits`))
        .can.edit,
    ).toBe(true);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "benefit"), eq(auditLog.entityId, String(made.id))));
    expect(audit).toMatchObject({ action: "create", unitId: trustA.id });
  });

  it("a qualitative benefit needs no numbers; an economic or quality one needs a baseline and a target value", async () => {
    const qualitative = await addBenefit({
      kind: "qualitative",
      baselineValue: null,
      targetValue: null,
      baselineText: "Ulik praksis i hvert foretak",
      targetText: "Felles praksis",
    });
    expect(qualitative.baselineValue).toBeNull();
    const before = await count();
    for (const kind of ["economic", "quality"]) {
      const response = await call(
        "POST",
        "taEditor",
        `/api/programmes/${programmeId}/benefits`,
        economic({ kind, baselineValue: null }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().problems).toEqual([
        expect.objectContaining({ field: "baselineValue", code: "benefit_baseline_value_required" }),
      ]);
      const withoutAny = await call("POST", "taEditor", `/api/programmes/${programmeId}/benefits`, {
        ...economic({ kind }),
        baselineValue: undefined,
      });
      expect(withoutAny.statusCode).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a target day not after the baseline day, an unknown indicator and an unknown unit, naming each field", async () => {
    const before = await count();
    const response = await call(
      "POST",
      "taEditor",
      `/api/programmes/${programmeId}/benefits`,
      economic({ targetDate: "2024-01-01", indicatorId: 999_999, ownerUnitId: 999_999 }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .problems.map((problem: { field: string }) => problem.field)
        .sort(),
    ).toEqual(["indicatorId", "ownerUnitId", "targetDate"]);
    const made = await addBenefit();
    const change = await call("PATCH", "taEditor", `/api/benefits/${made.id}`, {
      version: 1,
      baselineDate: "2029-01-01",
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().problems).toEqual([expect.objectContaining({ field: "targetDate" })]);
    expect(await count()).toBe(before + 1);
    expect((await json<Benefit>("GET", "taEditor", `/api/benefits/${made.id}`)).version).toBe(1);
  });

  it("changes with the version read; a stale save gets 409 and changes nothing", async () => {
    const made = await addBenefit();
    const changed = await json<Benefit>("PATCH", "taEditor", `/api/benefits/${made.id}`, {
      version: 1,
      targetValue: 800,
      title: "Innsparing, justert",
    });
    expect(changed).toMatchObject({ targetValue: 800, title: "Innsparing, justert", version: 2 });
    const stale = await call("PATCH", "taEditor", `/api/benefits/${made.id}`, { version: 1, targetValue: 5 });
    expect(stale.statusCode).toBe(409);
    expect((await json<Benefit>("GET", "taEditor", `/api/benefits/${made.id}`)).targetValue).toBe(800);
    expect((await call("DELETE", "taEditor", `/api/benefits/${made.id}?version=1`)).statusCode).toBe(409);
    expect((await call("DELETE", "taEditor", `/api/benefits/${made.id}?version=2`)).statusCode).toBe(204);
    expect((await call("GET", "taEditor", `/api/benefits/${made.id}`)).statusCode).toBe(404);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "benefit"), eq(auditLog.entityId, String(made.id))));
    expect(actions.map((row) => row.action).sort()).toEqual(["create", "delete", "update"]);
  });

  it("are hidden (404) from those who may not read the owner unit, and closed (403) to its readers", async () => {
    const made = await addBenefit();
    for (const [method, url, body] of [
      ["GET", `/api/programmes/${programmeId}/benefits`, undefined],
      ["GET", `/api/programmes/${programmeId}/costs`, undefined],
      ["GET", `/api/benefits/${made.id}`, undefined],
      ["GET", `/api/benefits/${made.id}/chart`, undefined],
      ["GET", `/api/benefits/${made.id}/readings`, undefined],
      ["POST", `/api/programmes/${programmeId}/benefits`, economic()],
      ["POST", `/api/programmes/${programmeId}/costs`, { kind: "investment", year: 2025 }],
      ["PATCH", `/api/benefits/${made.id}`, { version: 1, title: "x" }],
      ["POST", `/api/benefits/${made.id}/readings`, { readings: [{ date: "2025-01-01", value: 1 }] }],
      ["DELETE", `/api/benefits/${made.id}?version=1`, undefined],
    ] as const) {
      expect((await call(method, "tbEditor", url, body)).statusCode, `${method} ${url}`).toBe(404);
      if (method !== "GET")
        expect((await call(method, "taReader", url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    // Even a body that would be refused: the rights come first.
    expect((await call("POST", "tbEditor", `/api/programmes/${programmeId}/benefits`, "{}")).statusCode).toBe(
      404,
    );
    expect((await call("GET", "tbEditor", "/api/programmes/999999/benefits")).statusCode).toBe(404);
    // The region reads what its trusts run.
    expect((await call("GET", "regReader", `/api/benefits/${made.id}`)).statusCode).toBe(200);
    expect((await json<Benefit>("GET", "taEditor", `/api/benefits/${made.id}`)).version).toBe(1);
  });
});

describe("an action plan's benefits", () => {
  it("belong to the plan and its owner unit", async () => {
    const made = await addBenefit(
      { kind: "quality", measureUnit: "timer" },
      "regEditor",
      `/api/action-plans/${planId}/benefits`,
    );
    expect(made).toMatchObject({ actionPlanId: planId, ownerUnitId: region.id });
    const plan = await planOf("2026-01-01", "regReader", `/api/action-plans/${planId}/benefits`);
    expect(plan.owner).toMatchObject({ kind: "action_plan", id: planId });
    expect(plan.benefits.map((benefit) => benefit.id)).toEqual([made.id]);
    expect((await call("GET", "taReader", `/api/action-plans/${planId}/benefits`)).statusCode).toBe(404);
    expect(
      (await call("POST", "taEditor", `/api/action-plans/${planId}/benefits`, economic())).statusCode,
    ).toBe(404);
  });
});
