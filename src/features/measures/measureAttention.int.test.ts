// Whose inbox a measure that needs attention reaches: its owner, wherever the owner works, and the
// editors of its responsible unit (and of the units above it, who edit it too); nobody else.

import { beforeAll, describe, expect, it } from "vitest";
import { trustA, trustB } from "../reporting/reporting.fixture.ts";
import { call, createMeasure, getMeasure, json, setUpMeasuresApp, userId } from "./measures.fixture.ts";

setUpMeasuresApp();

type List = {
  items: { id: number; title: string; overdue: boolean; status: string | null }[];
  total: number;
};

const attentionOf = async (who: string) =>
  (await json<List>("GET", who, "/api/measures/attention?asOf=2025-06-01")).items.map((row) => row.title);

let lentOut = 0;

beforeAll(async () => {
  // Trust B's measure, owned by a person who works at trust A only.
  lentOut = (
    await createMeasure("root", {
      title: "lentOut",
      responsibleUnitId: trustB.id,
      ownerUserId: await userId("taEditor"),
      phase: "in_progress",
      status: "delayed",
      deadline: "2025-12-31",
    })
  ).id;
  await createMeasure("root", {
    title: "trustAOverdue",
    responsibleUnitId: trustA.id,
    ownerRole: "Direktør",
    phase: "decided",
    status: "as_planned",
    deadline: "2025-05-31",
  });
  await createMeasure("root", {
    title: "trustAInTime",
    responsibleUnitId: trustA.id,
    ownerRole: "Direktør",
    phase: "in_progress",
    status: "as_planned",
    deadline: "2025-06-01",
  });
});

describe("the measures in one's inbox", () => {
  it("reach the owner even on a unit where the owner has no role, with the measure readable to them", async () => {
    expect(await attentionOf("taEditor")).toEqual(["trustAOverdue", "lentOut"]);
    const measure = await getMeasure("taEditor", lentOut);
    expect(measure).toMatchObject({ title: "lentOut", needsAttention: true });
    // Owning it lets them read it, not change it: that stays with the unit's editors.
    expect(measure.can).toEqual({ edit: false, log: false });
    const { version } = measure;
    expect(
      (await call("PATCH", "taEditor", `/api/measures/${lentOut}`, { version, title: "x" })).statusCode,
    ).toBe(403);
  });

  it("reach the editors of the responsible unit and of the units above it", async () => {
    expect(await attentionOf("tbEditor")).toEqual(["lentOut"]);
    expect(await attentionOf("regEditor")).toEqual(["trustAOverdue", "lentOut"]);
  });

  it("reach nobody else: not the unit's approvers or readers, nor editors elsewhere", async () => {
    expect(await attentionOf("taApprover")).toEqual([]);
    expect(await attentionOf("taReader")).toEqual([]);
    expect(await attentionOf("regReader")).toEqual([]);
    expect((await call("GET", "taReader", `/api/measures/${lentOut}`)).statusCode).toBe(404);
  });

  it("are only those past their deadline or reported delayed, judged on the day asked", async () => {
    const dayAfter = await json<List>("GET", "regEditor", "/api/measures/attention?asOf=2025-06-02");
    expect(dayAfter.items.map((row) => [row.title, row.overdue, row.status])).toEqual([
      ["trustAOverdue", true, "as_planned"],
      ["trustAInTime", true, "as_planned"],
      ["lentOut", false, "delayed"],
    ]);
    expect(dayAfter.total).toBe(3);
  });
});
