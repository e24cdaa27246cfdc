// A programme's stakeholder register, training plan and person-months per unit: the owner unit's
// editors keep them, its readers read them; bad dates and numbers are refused naming the field.

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.ts";
import {
  base,
  call,
  json,
  problemsOf,
  region,
  setUpRegistersApp,
  t,
  trustA,
  trustB,
} from "./programmeRegisters.fixture.ts";
import type {
  ResourceListView,
  ResourceView,
  StakeholderListView,
  StakeholderView,
  TrainingListView,
  TrainingView,
} from "./schema.ts";

setUpRegistersApp();

const auditActions = async (entityType: string, id: number) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))))
      .orderBy(auditLog.id)
  ).map((entry) => entry.action);

describe("stakeholders", () => {
  it("keeps interest, influence and dated engagement activities, and audits each change", async () => {
    const created = await json<StakeholderView>("POST", "regEditor", `${base()}/stakeholders`, {
      name: "RHF – interregionale fora",
      interest: "Forankring av styringsmodellen",
      interestLevel: "high",
      influence: "high",
      activities: [
        { title: "Informasjon i AD-møtet", on: "2023-04-20", status: "done" },
        { title: "Innspillsrunde" },
      ],
    });
    expect(created).toMatchObject({ interestLevel: "high", influence: "high", version: 1 });
    expect(created.activities.map((a) => [a.title, a.on, a.status])).toEqual([
      ["Informasjon i AD-møtet", "2023-04-20", "done"],
      ["Innspillsrunde", null, "planned"],
    ]);

    const changed = await json<StakeholderView>(
      "PATCH",
      "regEditor",
      `${base()}/stakeholders/${created.id}`,
      {
        version: 1,
        influence: "medium",
        activities: [{ title: "Innspillsrunde", on: "2023-05-02", status: "cancelled" }],
      },
    );
    expect(changed).toMatchObject({
      influence: "medium",
      interest: "Forankring av styringsmodellen",
      version: 2,
    });
    expect(changed.activities).toHaveLength(1);

    const list = await json<StakeholderListView>("GET", "regReader", `${base()}/stakeholders`);
    expect(list.can.edit).toBe(false);
    expect(list.stakeholders[0]?.activities[0]).toMatchObject({ status: "cancelled" });

    expect(
      (await call("DELETE", "regEditor", `${base()}/stakeholders/${created.id}?version=2`)).statusCode,
    ).toBe(204);
    expect(await auditActions("programme_stakeholder", created.id)).toEqual(["create", "update", "delete"]);
  });

  it("refuses an activity's impossible date naming it, a stale save, readers and outsiders", async () => {
    const bad = await call("POST", "regEditor", `${base()}/stakeholders`, {
      name: "Sykehusinnkjøp HF",
      activities: [{ title: "Møte", on: "2023-02-30" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(problemsOf(bad)[0]?.[0]).toBe("activities.0.on");

    const made = await json<StakeholderView>("POST", "regEditor", `${base()}/stakeholders`, { name: "NHN" });
    await json("PATCH", "regEditor", `${base()}/stakeholders/${made.id}`, { version: 1, interest: "Ny" });
    const stale = await call("PATCH", "regEditor2", `${base()}/stakeholders/${made.id}`, {
      version: 1,
      name: "X",
    });
    expect(stale.statusCode).toBe(409);
    expect((await call("POST", "regReader", `${base()}/stakeholders`, { name: "X" })).statusCode).toBe(403);
    expect((await call("GET", "taEditor", `${base()}/stakeholders`)).statusCode).toBe(404);
  });
});

describe("the training plan", () => {
  it("keeps audience, content, dates and status", async () => {
    const created = await json<TrainingView>("POST", "regEditor", `${base()}/training`, {
      audience: "Styringsgruppemedlemmer",
      content: "Mandat, roller og saksgang",
      startsOn: "2023-09-01",
      endsOn: "2023-10-15",
    });
    expect(created).toMatchObject({ status: "planned", startsOn: "2023-09-01", endsOn: "2023-10-15" });
    const done = await json<TrainingView>("PATCH", "regEditor", `${base()}/training/${created.id}`, {
      version: 1,
      status: "done",
    });
    expect(done).toMatchObject({ status: "done", version: 2 });
    const list = await json<TrainingListView>("GET", "regReader", `${base()}/training`);
    expect(list.training.map((row) => row.audience)).toContain("Styringsgruppemedlemmer");
    expect(await auditActions("programme_training", created.id)).toEqual(["create", "update"]);
  });

  it("refuses an end before the start, on adding and on changing either date, naming endsOn", async () => {
    const refused = await call("POST", "regEditor", `${base()}/training`, {
      audience: "Medarbeidere",
      startsOn: "2023-09-10",
      endsOn: "2023-09-01",
    });
    expect(refused.statusCode).toBe(400);
    expect(problemsOf(refused)).toEqual([["endsOn", "training_ends_before_start"]]);

    const made = await json<TrainingView>("POST", "regEditor", `${base()}/training`, {
      audience: "Medarbeidere",
      startsOn: "2023-09-10",
      endsOn: "2023-09-12",
    });
    const later = await call("PATCH", "regEditor", `${base()}/training/${made.id}`, {
      version: 1,
      startsOn: "2023-09-13",
    });
    expect(problemsOf(later)).toEqual([["endsOn", "training_ends_before_start"]]);
    // Clearing the end date leaves nothing to compare.
    const cleared = await json<TrainingView>("PATCH", "regEditor", `${base()}/training/${made.id}`, {
      version: 1,
      startsOn: "2023-09-13",
      endsOn: null,
    });
    expect(cleared).toMatchObject({ startsOn: "2023-09-13", endsOn: null });
    expect((await call("DELETE", "regEditor", `${base()}/training/${made.id}?version=1`)).statusCode).toBe(
      409,
    );
  });
});

describe("resources in person-months", () => {
  it("sums planned and used months per unit and in all", async () => {
    const add = (body: object) => json<ResourceView>("POST", "regEditor", `${base()}/resources`, body);
    await add({ unitId: region.id, plannedMonths: 8, usedMonths: 2.5 });
    await add({ unitId: trustA.id, phaseNumber: 0, plannedMonths: 0.5, usedMonths: 0.1 });
    await add({ unitId: trustA.id, phaseNumber: 1, plannedMonths: 0.5, usedMonths: 0.2 });
    const list = await json<ResourceListView>("GET", "regReader", `${base()}/resources`);
    expect(list.perUnit).toEqual([
      { unitId: region.id, unitName: "Region RHF", plannedMonths: 8, usedMonths: 2.5 },
      { unitId: trustA.id, unitName: "Trust A HF", plannedMonths: 1, usedMonths: 0.3 },
    ]);
    expect(list.total).toEqual({ plannedMonths: 9, usedMonths: 2.8 });
    expect(list.can.edit).toBe(false);
  });

  it("refuses negative and absurd numbers, an unknown unit and a second row for the same unit and phase", async () => {
    for (const [field, value] of [
      ["plannedMonths", -1],
      ["usedMonths", 100_001],
      ["plannedMonths", "8"],
    ] as const) {
      const response = await call("POST", "regEditor", `${base()}/resources`, {
        unitId: trustB.id,
        [field]: value,
      });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)[0]?.[0]).toBe(field);
    }
    const unknown = await call("POST", "regEditor", `${base()}/resources`, { unitId: 999_999 });
    expect(problemsOf(unknown)).toEqual([["unitId", "resource_unit_unknown"]]);

    const first = await json<ResourceView>("POST", "regEditor", `${base()}/resources`, {
      unitId: trustB.id,
      plannedMonths: 1,
    });
    const again = await call("POST", "regEditor", `${base()}/resources`, {
      unitId: trustB.id,
      plannedMonths: 2,
    });
    expect(problemsOf(again)).toEqual([["phaseNumber", "resource_row_exists"]]);

    const used = await json<ResourceView>("PATCH", "regEditor", `${base()}/resources/${first.id}`, {
      version: 1,
      usedMonths: 0.75,
    });
    expect(used).toMatchObject({ plannedMonths: 1, usedMonths: 0.75, unitName: "Trust B HF", version: 2 });
    const stale = await call("PATCH", "regEditor2", `${base()}/resources/${first.id}`, {
      version: 1,
      usedMonths: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call("POST", "regReader", `${base()}/resources`, { unitId: trustB.id })).statusCode).toBe(
      403,
    );
    expect(await auditActions("programme_resource", first.id)).toEqual(["create", "update"]);
  });
});
