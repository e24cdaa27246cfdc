// What follows the answer workflow in a round: consolidation and joint assignments, closing a
// round, the round matrix, overdue list and inbox, and carrying unfinished work into next year.

import { beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  answerFor,
  call,
  complete,
  current,
  documentId,
  json,
  openRoundsWithOneSubmittedAnswer,
  region,
  requirement,
  roundId,
  setUpReportingApp,
  trustA,
  trustB,
  trustC,
} from "./reporting.fixture.ts";

setUpReportingApp();
beforeAll(openRoundsWithOneSubmittedAnswer);

describe("consolidation and joint assignments", () => {
  it("shows the issuing unit every unit's answer side by side and lets it consolidate with the same workflow", async () => {
    const round = await roundId("2024-T1");
    const view = await json<{ consolidated: Answer; units: Answer[] }>(
      "GET",
      "regEditor",
      `/api/rounds/${round}/requirements/${requirement.everyTertial}/consolidation`,
    );
    expect(view.units.map((a) => a.unit.id)).toEqual([trustA.id, trustB.id, trustC.id]);
    expect(view.units[0]).toMatchObject({ state: "submitted", status: "partly_fulfilled" });
    expect(view.consolidated).toMatchObject({ kind: "consolidated", allowedActions: ["save", "submit"] });

    let consolidated = await json<Answer>("PATCH", "regEditor", `/api/answers/${view.consolidated.id}`, {
      version: view.consolidated.version,
      status: "partly_fulfilled",
      text: "Samlet: to av tre helseforetak har redusert sykefraværet.",
    });
    consolidated = await json<Answer>("POST", "regEditor", `/api/answers/${consolidated.id}/submit`, {
      version: consolidated.version,
    });
    // A region's administrator is not above its own consolidated answer; the owner's is.
    expect(
      (
        await call("POST", "regAdmin", `/api/answers/${consolidated.id}/return`, {
          version: consolidated.version,
          comment: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect((await current(consolidated.id, "ownAdmin")).allowedActions).toEqual(["return"]);
    consolidated = await json<Answer>("POST", "regApprover", `/api/answers/${consolidated.id}/approve`, {
      version: consolidated.version,
    });
    expect(consolidated.state).toBe("approved");
    expect(
      (
        await call(
          "GET",
          "taEditor",
          `/api/rounds/${round}/requirements/${requirement.everyTertial}/consolidation`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("shows the lead unit's joint text, labelled, in every participating unit's report", async () => {
    const round = await roundId("2024-T2");
    const lead = await answerFor(round, trustB.id, requirement.joint);
    expect(lead).toMatchObject({ isJointLead: true, joint: null });
    await json("PATCH", "tbEditor", `/api/answers/${lead.id}`, {
      version: lead.version,
      status: "partly_fulfilled",
      text: "Planen er på høring i alle helseforetak.",
    });
    for (const unit of [trustA, trustC, region]) {
      const answer = await answerFor(round, unit.id, requirement.joint);
      expect(answer.joint).toMatchObject({
        label: "Fellesrapport Trust B HF",
        text: "Planen er på høring i alle helseforetak.",
      });
    }
    const report = await json<{ sections: { items: { answer: Answer }[] }[] }>(
      "GET",
      "taReader",
      `/api/rounds/${round}/units/${trustA.id}/report`,
    );
    const jointItem = report.sections
      .flatMap((s) => s.items)
      .find((i) => i.answer.requirementId === requirement.joint);
    expect(jointItem?.answer.joint?.label).toBe("Fellesrapport Trust B HF");
  });
});

describe("closing a round", () => {
  it("makes its answers read-only for everyone, until reopened", async () => {
    const round = await json<{ id: number; version: number }>(
      "GET",
      "root",
      `/api/rounds/${await roundId("2024-T1")}`,
    );
    expect(
      (await call("POST", "regEditor", `/api/rounds/${round.id}/close`, { version: round.version }))
        .statusCode,
    ).toBe(403);
    const closed = await json<{ state: string; version: number }>(
      "POST",
      "regApprover",
      `/api/rounds/${round.id}/close`,
      {
        version: round.version,
      },
    );
    expect(closed.state).toBe("closed");
    const answer = await answerFor(round.id, trustC.id, requirement.everyTertial);
    expect(answer.allowedActions).toEqual([]);
    const save = await call("PATCH", "root", `/api/answers/${answer.id}`, {
      version: answer.version,
      text: "For sent",
    });
    expect(save.statusCode).toBe(409);
    expect(save.json().detail).toMatch(/runden er lukket/);
    const submitted = await answerFor(round.id, trustA.id, requirement.everyTertial);
    const approve = await call("POST", "taApprover", `/api/answers/${submitted.id}/approve`, {
      version: submitted.version,
    });
    expect(approve.statusCode).toBe(409);
    expect((await current(answer.id)).text).toBe("");

    const reopened = await json<{ state: string }>("POST", "regApprover", `/api/rounds/${round.id}/reopen`, {
      version: closed.version,
    });
    expect(reopened.state).toBe("open");
  });
});

describe("overview", () => {
  it("gives the round matrix with status and state per unit, and counts", async () => {
    const round = await roundId("2024-T1");
    const matrix = await json<{
      units: { code: string; consolidated: boolean }[];
      rows: {
        requirement: { number: string };
        cells: Record<string, { state: string; status: string; overdue: boolean }>;
      }[];
      round: {
        counts: {
          total: number;
          byState: Record<string, number>;
          byStatus: Record<string, number>;
          overdue: number;
        };
      };
    }>("GET", "regReader", `/api/rounds/${round}/matrix?asOf=2024-06-01`);
    expect(matrix.units.map((u) => [u.code, u.consolidated])).toEqual([
      ["TA", false],
      ["TB", false],
      ["TC", false],
      ["REG", true],
    ]);
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]?.cells[trustA.id]).toMatchObject({
      state: "submitted",
      status: "partly_fulfilled",
      overdue: true,
    });
    expect(matrix.rows[0]?.cells[region.id]).toMatchObject({ state: "approved", overdue: false });
    expect(matrix.round.counts).toMatchObject({
      total: 4,
      byState: { draft: 2, submitted: 1, approved: 1 },
      byStatus: { not_started: 2, partly_fulfilled: 2 },
      overdue: 3,
    });
    // A trust's reader sees only the trust's own column.
    const own = await json<{ units: { code: string }[] }>("GET", "taReader", `/api/rounds/${round}/matrix`);
    expect(own.units.map((u) => u.code)).toEqual(["TA"]);
  });

  it("lists overdue answers on the units a person can read, and none before the deadline", async () => {
    const all = await json<{
      items: { unit: { code: string }; daysOverdue: number; round: { period: string } }[];
    }>("GET", "regReader", "/api/overdue?asOf=2024-09-20");
    expect(all.items.filter((i) => i.round.period === "2024-T1").map((i) => i.unit.code)).toEqual([
      "TA",
      "TB",
      "TC",
    ]);
    expect(all.items.find((i) => i.round.period === "2024-T2")?.daysOverdue).toBe(5);
    const own = await json<{ items: { unit: { code: string } }[] }>(
      "GET",
      "taReader",
      "/api/overdue?asOf=2024-09-20",
    );
    expect(new Set(own.items.map((i) => i.unit.code))).toEqual(new Set(["TA"]));
    const early = await json<{ count: number }>("GET", "regReader", "/api/overdue?asOf=2024-05-15");
    expect(early.count).toBe(0);
  });

  it("fills a person's inbox from the units they hold a role on themselves", async () => {
    const regional = await json<{ toWrite: { unit: { code: string }; kind: string }[] }>(
      "GET",
      "regEditor",
      "/api/inbox",
    );
    expect(new Set(regional.toWrite.map((i) => `${i.unit.code}:${i.kind}`))).toEqual(
      new Set(["REG:consolidated"]),
    );
    const trust = await json<{ toWrite: { unit: { code: string }; round: { deadline: string } }[] }>(
      "GET",
      "tbEditor",
      "/api/inbox",
    );
    expect(new Set(trust.toWrite.map((i) => i.unit.code))).toEqual(new Set(["TB"]));
    const deadlines = trust.toWrite.map((i) => i.round.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });
});

describe("carrying unfinished assignments into next year", () => {
  it("makes a draft for 2025 with the unfinished assignments, for the units that did not finish, linked back", async () => {
    const year = await roundId("2024");
    for (const unit of [trustA, trustB]) {
      await complete((await answerFor(year, unit.id, requirement.annualIndicator)).id, "fulfilled");
    }
    await complete((await answerFor(year, region.id, requirement.annualIndicator)).id, "fulfilled");
    // Requirement 1: A fulfilled, B not fulfilled, C never approved.
    await complete((await answerFor(year, trustA.id, requirement.everyTertial)).id, "fulfilled");
    await complete((await answerFor(year, trustB.id, requirement.everyTertial)).id, "not_fulfilled");
    // Requirement 3 (joint): every unit and the region fulfilled and approved.
    for (const unit of [trustA, trustB, trustC, region]) {
      await complete((await answerFor(year, unit.id, requirement.joint)).id, "fulfilled");
    }

    const response = await call("POST", "regEditor", `/api/steering-documents/${documentId}/carry-over`, {});
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({
      document: { title: "Styringskrav og rammer 2025", year: 2025, state: "draft" },
      fromRound: { period: "2024" },
      carried: [{ number: "1", derivedFromId: requirement.everyTertial, appliesTo: [trustB.id, trustC.id] }],
    });
    const carried = await json<{ derivedFrom: { id: number; year: number } }>(
      "GET",
      "regEditor",
      `/api/requirements/${result.carried[0].id}`,
    );
    expect(carried.derivedFrom).toMatchObject({ id: requirement.everyTertial, year: 2024 });
  });

  it("forbids readers to carry over", async () => {
    expect(
      (await call("POST", "regReader", `/api/steering-documents/${documentId}/carry-over`, {})).statusCode,
    ).toBe(403);
  });
});
