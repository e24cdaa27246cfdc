// The measures lists: filtered by unit subtree, phase, status, owner, overdue on a day and linked
// goal or indicator; the inbox's measures that need attention; an indicator's measures. Each holds
// only measures on units whose reports the caller reads.

import { beforeAll, describe, expect, it } from "vitest";
import { publishDocument, region, requirement, t, trustA, trustB } from "../reporting/reporting.fixture.ts";
import { call, createMeasure, fixture, json, setUpMeasuresApp, userId } from "./measures.fixture.ts";

setUpMeasuresApp();

type Row = {
  id: number;
  title: string;
  unit: { id: number; name: string };
  ownerName: string | null;
  ownerRole: string;
  overdue: boolean;
  needsAttention: boolean;
  goals: { id: number; number: string; text: string }[];
};
type List = { items: Row[]; total: number; asOf: string };

const ids: Record<string, number> = {};

const titlesOf = async (who: string, query: string) => {
  const list = await json<List>("GET", who, `/api/measures?${query}`);
  return list.items.map((row) => row.title);
};

beforeAll(async () => {
  await publishDocument();
  const clinic = await t.make.unit({ parentId: trustA.id, kind: "clinic", code: "TA-K", name: "Klinikk A" });
  const owner = async (name: string) => ({ ownerUserId: await userId(name) });
  const made = {
    due: {
      responsibleUnitId: trustA.id,
      phase: "in_progress",
      status: "as_planned",
      deadline: "2024-12-31",
      ...(await owner("taEditor")),
    },
    clinic: {
      responsibleUnitId: clinic.id,
      phase: "decided",
      status: "not_started",
      deadline: "2025-06-30",
      ownerRole: "Klinikksjef",
      effectIndicatorId: fixture.indicatorId,
      effectTarget: 3,
      start: "2025-01-01",
      fullEffectDate: "2025-12-31",
    },
    delayedB: {
      responsibleUnitId: trustB.id,
      phase: "in_progress",
      status: "delayed",
      deadline: "2025-12-31",
      ...(await owner("tbEditor")),
    },
    done: {
      responsibleUnitId: trustA.id,
      phase: "completed",
      status: "as_planned",
      deadline: "2024-01-01",
      ownerRole: "Direktør",
    },
    regional: {
      responsibleUnitId: region.id,
      phase: "cancelled",
      status: null,
      deadline: "2023-01-01",
      ownerRole: "Fagdirektør",
    },
    approvers: {
      responsibleUnitId: trustA.id,
      phase: "in_progress",
      status: "delayed",
      deadline: null,
      ...(await owner("taApprover")),
    },
  };
  for (const [title, body] of Object.entries(made)) {
    ids[title] = (await createMeasure("root", { title, ...body })).id;
  }
  const link = async (measureId: number, links: object[]) => {
    const { version } = await json<{ version: number }>("GET", "root", `/api/measures/${measureId}`);
    await json("PUT", "root", `/api/measures/${measureId}/links`, { version, links });
  };
  await link(ids.due as number, [{ kind: "requirement", targetId: requirement.everyTertial }]);
  await link(ids.delayedB as number, [{ kind: "indicator", targetId: fixture.indicatorId }]);
});

describe("the measures list", () => {
  it("holds only the units whose reports the caller reads, soonest deadline first", async () => {
    expect(await titlesOf("taReader", "")).toEqual(["done", "due", "clinic", "approvers"]);
    expect(await titlesOf("regReader", "")).toEqual([
      "regional",
      "done",
      "due",
      "clinic",
      "delayedB",
      "approvers",
    ]);
  });

  it("filters by a unit's subtree, or the unit alone", async () => {
    expect(await titlesOf("regReader", `unitId=${trustA.id}`)).toEqual([
      "done",
      "due",
      "clinic",
      "approvers",
    ]);
    expect(await titlesOf("regReader", `unitId=${trustA.id}&subtree=false`)).toEqual([
      "done",
      "due",
      "approvers",
    ]);
    // A trust's reader asking for the region sees only their own trust's part of it.
    expect(await titlesOf("taReader", `unitId=${region.id}&subtree=false`)).toEqual([]);
    expect(await titlesOf("taReader", `unitId=${trustB.id}`)).toEqual([]);
  });

  it("filters by phase, status and owner", async () => {
    expect(await titlesOf("regReader", "phase=in_progress")).toEqual(["due", "delayedB", "approvers"]);
    expect(await titlesOf("regReader", "status=delayed")).toEqual(["delayedB", "approvers"]);
    expect(await titlesOf("regReader", `ownerUserId=${await userId("taEditor")}`)).toEqual(["due"]);
  });

  it("judges overdue on the day asked, across a year boundary; the deadline day is still in time", async () => {
    expect(await titlesOf("regReader", "overdue=true&asOf=2024-12-31")).toEqual([]);
    expect(await titlesOf("regReader", "overdue=true&asOf=2025-01-01")).toEqual(["due"]);
    expect(await titlesOf("regReader", "overdue=true&asOf=2025-07-01")).toEqual(["due", "clinic"]);
    expect(await titlesOf("regReader", "overdue=false&asOf=2025-01-01")).toEqual([
      "regional",
      "done",
      "clinic",
      "delayedB",
      "approvers",
    ]);
    const list = await json<List>("GET", "regReader", "/api/measures?asOf=2025-01-01");
    const due = list.items.find((row) => row.title === "due");
    expect(due).toMatchObject({ overdue: true, needsAttention: true, unit: { name: "Trust A HF" } });
    expect(list.items.find((row) => row.title === "approvers")).toMatchObject({
      overdue: false,
      needsAttention: true,
    });
    expect(list.asOf).toBe("2025-01-01");
  });

  it("filters by linked goal and by indicator, linked or expected to move", async () => {
    expect(await titlesOf("regReader", `requirementId=${requirement.everyTertial}`)).toEqual(["due"]);
    expect(await titlesOf("regReader", `indicatorId=${fixture.indicatorId}`)).toEqual(["clinic", "delayedB"]);
    const list = await json<List>(
      "GET",
      "taReader",
      `/api/measures?requirementId=${requirement.everyTertial}`,
    );
    expect(list.items[0]?.goals).toEqual([
      { id: requirement.everyTertial, number: "1", text: "Reduser sykefraværet." },
    ]);
  });

  it("names the owner by name or role", async () => {
    const list = await json<List>("GET", "regReader", "/api/measures");
    expect(list.items.find((row) => row.title === "due")?.ownerName).toEqual(expect.any(String));
    expect(list.items.find((row) => row.title === "clinic")).toMatchObject({
      ownerName: null,
      ownerRole: "Klinikksjef",
    });
  });

  it("pages, with the total over all pages", async () => {
    const first = await json<List>("GET", "regReader", "/api/measures?limit=2");
    expect([first.items.map((row) => row.title), first.total]).toEqual([["regional", "done"], 6]);
    const last = await json<List>("GET", "regReader", "/api/measures?limit=2&offset=5");
    expect([last.items.map((row) => row.title), last.total]).toEqual([["approvers"], 6]);
    const beyond = await json<List>("GET", "regReader", "/api/measures?offset=100");
    expect([beyond.items, beyond.total]).toEqual([[], 6]);
  });

  it("refuses a query it cannot read, and a unit that does not exist", async () => {
    for (const query of [
      "asOf=2024-13-01",
      "limit=0",
      "limit=501",
      "unitId=abc",
      "phase=done",
      "overdue=maybe",
    ]) {
      expect((await call("GET", "regReader", `/api/measures?${query}`)).statusCode, query).toBe(400);
    }
    expect((await call("GET", "regReader", "/api/measures?unitId=999999")).statusCode).toBe(404);
  });
});

describe("the measures that need attention", () => {
  const attentionOf = async (who: string) =>
    (await json<List>("GET", who, "/api/measures/attention?asOf=2025-01-01")).items.map((row) => row.title);

  it("are the overdue and delayed ones of the units where one is an editor, and below", async () => {
    expect(await attentionOf("taEditor")).toEqual(["due", "approvers"]);
    expect(await attentionOf("tbEditor")).toEqual(["delayedB"]);
    expect(await attentionOf("regEditor")).toEqual(["due", "delayedB", "approvers"]);
  });

  it("and those one owns; readers have none of their own", async () => {
    expect(await attentionOf("taApprover")).toEqual(["approvers"]);
    expect(await attentionOf("taReader")).toEqual([]);
    expect(await attentionOf("root")).toEqual([]);
  });
});

describe("an indicator's measures", () => {
  it("are those linked to it or expected to move it, that the caller reads, with the marks for the chart", async () => {
    const url = `/api/indicators/${fixture.indicatorId}/measures`;
    const forTrust = await json<{ title: string; effectTarget: number | null }[]>("GET", "taReader", url);
    expect(forTrust).toEqual([
      expect.objectContaining({
        title: "clinic",
        start: "2025-01-01",
        fullEffectDate: "2025-12-31",
        effectTarget: 3,
      }),
    ]);
    const forRegion = await json<{ title: string; effectTarget: number | null }[]>("GET", "regReader", url);
    expect(forRegion.map((row) => [row.title, row.effectTarget])).toEqual([
      ["clinic", 3],
      ["delayedB", null],
    ]);
    expect((await call("GET", "regReader", "/api/indicators/999999/measures")).statusCode).toBe(404);
  });
});
