// Risk assessments of goals: created when a round opens, carried forward from the round before,
// written, submitted and approved like answers, compared in Tabell 3; bad input changes nothing.

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  call,
  documentId,
  json,
  openRound,
  publishDocument,
  region,
  roundId,
  setUpReportingApp,
  trustA,
  trustB,
  trustC,
} from "../reporting/reporting.fixture.ts";

setUpReportingApp();

type Assessment = {
  id: number;
  version: number;
  kind: string;
  unit: { id: number };
  level: string | null;
  likelihood: number | null;
  consequence: number | null;
  justification: string;
  carriedForward: boolean;
  previousLevel: string | null;
  change: string;
  state: string;
  allowedActions: string[];
};
type Goal = {
  requirement: { id: number };
  area: string | null;
  overall: Assessment | null;
  units: Assessment[];
};

let goalId = 0;

async function goalsOf(period: string, who = "root") {
  return (await json<{ goals: Goal[] }>("GET", who, `/api/rounds/${await roundId(period)}/risk`)).goals;
}

async function assessmentOf(period: string, unitId: number, who = "root") {
  const goal = (await goalsOf(period, who)).find((g) => g.requirement.id === goalId);
  const found = [goal?.overall, ...(goal?.units ?? [])].find((a) => a?.unit.id === unitId);
  if (!found) throw new Error(`no assessment for unit ${unitId} in ${period}`);
  return found;
}

const save = (who: string, a: Assessment, fields: object) =>
  call("PATCH", who, `/api/risk-assessments/${a.id}`, { version: a.version, ...fields });

async function writeSubmitApprove(a: Assessment, editor: string, approver: string, level: string) {
  const saved = await json<Assessment>("PATCH", editor, `/api/risk-assessments/${a.id}`, {
    version: a.version,
    level,
    justification: `Vurdert som ${level}.`,
  });
  const submitted = await json<Assessment>("POST", editor, `/api/risk-assessments/${a.id}/submit`, {
    version: saved.version,
  });
  return json<Assessment>("POST", approver, `/api/risk-assessments/${a.id}/approve`, {
    version: submitted.version,
  });
}

beforeAll(async () => {
  goalId = (
    await json<{ id: number }>("POST", "regEditor", `/api/steering-documents/${documentId}/requirements`, {
      number: "4",
      kind: "goal",
      text: "Redusert overtid",
      frequency: ["annual"],
      selectedForRiskAssessment: true,
    })
  ).id;
  await publishDocument();
  await openRound("2024-T1", "2024-05-15");
});

describe("when a round opens", () => {
  it("every unit the goal applies to gets an empty assessment, and the issuer an overall one", async () => {
    const goal = (await goalsOf("2024-T1")).find((g) => g.requirement.id === goalId);
    expect(goal?.units.map((a) => a.unit.id).sort()).toHaveLength(3);
    expect(goal?.overall?.unit.id).toBe(region.id);
    for (const a of [goal?.overall, ...(goal?.units ?? [])]) {
      expect(a).toMatchObject({ level: null, carriedForward: false, change: "not_assessed", state: "draft" });
    }
    // Goals not selected for risk assessment get none, even when reported in the round.
    expect((await goalsOf("2024-T1")).map((g) => g.requirement.id)).toEqual([goalId]);
  });
});

describe("writing an assessment", () => {
  it("refuses a level that is not on the scale, naming the field, and changes nothing", async () => {
    const before = await assessmentOf("2024-T1", trustA.id);
    const response = await save("taEditor", before, { level: "purple", justification: "x" });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ field: "level", code: "level_not_on_scale" });
    expect(await assessmentOf("2024-T1", trustA.id)).toEqual(before);
  });

  it("refuses a stale save with 409", async () => {
    const a = await assessmentOf("2024-T1", trustA.id);
    await json("PATCH", "taEditor", `/api/risk-assessments/${a.id}`, { version: a.version, level: "yellow" });
    const stale = await save("taEditor2", a, { level: "red" });
    expect(stale.statusCode).toBe(409);
    expect((await assessmentOf("2024-T1", trustA.id)).level).toBe("yellow");
  });

  it("is for the unit's editors only; others cannot even see another trust's assessment", async () => {
    const a = await assessmentOf("2024-T1", trustA.id);
    expect((await save("taReader", a, { level: "red" })).statusCode).toBe(403);
    expect((await save("taReader", a, { level: "red" })).json().reason).toBe(
      "risk_answer_write_not_permitted",
    );
    expect((await call("GET", "tbEditor", `/api/risk-assessments/${a.id}`)).statusCode).toBe(404);
    expect((await save("tbEditor", a, { level: "red" })).statusCode).toBe(404);
  });

  it("cannot be submitted without a justification", async () => {
    const a = await assessmentOf("2024-T1", trustB.id);
    const saved = await json<Assessment>("PATCH", "tbEditor", `/api/risk-assessments/${a.id}`, {
      version: a.version,
      level: "red",
    });
    const response = await call("POST", "tbEditor", `/api/risk-assessments/${a.id}/submit`, {
      version: saved.version,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().reason).toBe("risk_assessment_incomplete");
    expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual(["justification"]);
  });

  it("is approved by the unit's approver, and an approved one cannot be edited", async () => {
    const approved = await writeSubmitApprove(
      await assessmentOf("2024-T1", trustA.id),
      "taEditor",
      "taApprover",
      "yellow",
    );
    expect(approved.state).toBe("approved");
    const response = await save("taEditor", approved, { level: "green" });
    expect([response.statusCode, response.json().reason]).toEqual([409, "risk_answer_change_approved"]);
    const versions = await json<{ action: string }[]>(
      "GET",
      "taEditor",
      `/api/risk-assessments/${approved.id}/versions`,
    );
    expect(versions.map((v) => v.action)).toEqual(["create", "save", "save", "submit", "approve"]);
  });

  it("the region writes the overall assessment, with its units' levels beside it", async () => {
    const goal = (await goalsOf("2024-T1", "regEditor")).find((g) => g.requirement.id === goalId);
    expect(goal?.units.find((a) => a.unit.id === trustA.id)?.level).toBe("yellow");
    expect(goal?.overall?.allowedActions).toEqual(["save", "submit"]);
    expect((await save("taEditor", goal?.overall as Assessment, { level: "red" })).statusCode).toBe(404);
    await writeSubmitApprove(goal?.overall as Assessment, "regEditor", "regApprover", "red");
  });
});

describe("the next round", () => {
  beforeAll(async () => {
    await openRound("2024-T2", "2024-09-15");
  });

  it("starts each assessment as a copy of the round before, carried forward and not reviewed", async () => {
    const a = await assessmentOf("2024-T2", trustA.id);
    expect(a).toMatchObject({
      level: "yellow",
      justification: "Vurdert som yellow.",
      carriedForward: true,
      previousLevel: "yellow",
      change: "unchanged",
      state: "draft",
    });
  });

  it("saving reviews it, and the change since the round before is computed", async () => {
    const saved = await json<Assessment>(
      "PATCH",
      "taEditor",
      `/api/risk-assessments/${(await assessmentOf("2024-T2", trustA.id)).id}`,
      { version: (await assessmentOf("2024-T2", trustA.id)).version, level: "red" },
    );
    expect(saved).toMatchObject({ carriedForward: false, previousLevel: "yellow", change: "worsened" });
  });

  it("Tabell 3 compares the overall assessments of T1 and T2", async () => {
    await writeSubmitApprove(await assessmentOf("2024-T2", region.id), "regEditor", "regApprover", "yellow");
    const table = await json<{
      from: string;
      to: string;
      rows: { goal: string; fromLevel: string; toLevel: string; change: string; approved: boolean }[];
      counts: Record<string, number>;
    }>("GET", "regReader", `/api/steering-documents/${documentId}/risk-table`);
    expect([table.from, table.to]).toEqual(["2024-T1", "2024-T2"]);
    expect(table.rows).toEqual([
      expect.objectContaining({
        goal: "Redusert overtid",
        fromLevel: "red",
        toLevel: "yellow",
        change: "improved",
        approved: true,
      }),
    ]);
    expect(table.counts).toMatchObject({ improved: 1, unchanged: 0, worsened: 0 });
  });

  it("a closed round's assessments cannot change", async () => {
    const round = await json<{ version: number }>("GET", "root", `/api/rounds/${await roundId("2024-T2")}`);
    await json("POST", "regApprover", `/api/rounds/${await roundId("2024-T2")}/close`, {
      version: round.version,
    });
    const a = await assessmentOf("2024-T2", trustB.id);
    const response = await save("tbEditor", a, { level: "green" });
    expect([response.statusCode, response.json().reason]).toEqual([409, "risk_answer_round_closed"]);
  });
});

describe("a matrix scale", () => {
  it("refuses a scale with problems, naming each, and keeps the default", async () => {
    const response = await call("PUT", "regAdmin", `/api/units/${region.id}/risk-scale`, {
      version: 0,
      scale: { kind: "matrix", levels: [], likelihoods: [], consequences: [], cells: [[]] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems.length).toBeGreaterThan(0);
    const scale = await json<{ scale: { kind: string }; inherited: boolean }>(
      "GET",
      "taReader",
      `/api/units/${trustA.id}/risk-scale`,
    );
    expect(scale).toMatchObject({ scale: { kind: "levels" }, inherited: true });
  });

  it("is set by the region's administrator and applies below it", async () => {
    expect(
      (await call("PUT", "taAdmin", `/api/units/${region.id}/risk-scale`, { version: 0, scale: {} }))
        .statusCode,
    ).toBe(403);
    const { defaultMatrixScale } = await import("../../domain/risk.ts");
    await json("PUT", "regAdmin", `/api/units/${region.id}/risk-scale`, {
      version: 0,
      scale: defaultMatrixScale(),
    });
    const scale = await json<{ scale: { kind: string }; inherited: boolean }>(
      "GET",
      "taReader",
      `/api/units/${trustA.id}/risk-scale`,
    );
    expect(scale).toMatchObject({ scale: { kind: "matrix" }, inherited: true });
  });

  it("reads the level from likelihood and consequence, and refuses a residual risk above the inherent", async () => {
    await openRound("2024", "2025-02-01");
    const a = await assessmentOf("2024", trustC.id);
    const saved = await json<Assessment>("PATCH", "root", `/api/risk-assessments/${a.id}`, {
      version: a.version,
      likelihood: 5,
      consequence: 5,
    });
    expect(saved.level).toBe("red");
    const worse = await save("root", saved, {
      residualLikelihood: 5,
      residualConsequence: 5,
      likelihood: 1,
      consequence: 1,
    });
    expect(worse.statusCode).toBe(400);
    expect(worse.json().problems.map((p: { field: string }) => p.field)).toEqual(["residualLevel"]);
    const half = await save("root", saved, { residualLikelihood: 2, residualConsequence: null });
    expect(half.json().problems.map((p: { field: string }) => p.field)).toEqual(["residualConsequence"]);
    const outside = await save("root", saved, { likelihood: 6, consequence: 1 });
    expect(outside.json().problems.map((p: { field: string }) => p.field)).toEqual(["likelihood"]);
  });

  it("exports the round's heat map on the matrix, most likely first, with the level in words", async () => {
    const response = await call("GET", "root", `/api/rounds/${await roundId("2024")}/risk.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Varmekart");
    if (!sheet) throw new Error("no heat map sheet");
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
    expect(row(3)).toEqual([
      "Sannsynlighet",
      "Ubetydelig",
      "Mindre alvorlig",
      "Moderat",
      "Alvorlig",
      "Svært alvorlig",
    ]);
    expect(row(4)[0]).toBe("Svært sannsynlig");
    expect(row(4)[5]).toBe("1 (Rød)");
    expect(row(8)).toEqual([
      "Svært lite sannsynlig",
      "0 (Grønn)",
      "0 (Grønn)",
      "0 (Grønn)",
      "0 (Grønn)",
      "0 (Gul)",
    ]);
  });
});

describe("changing a scale while a round is open", () => {
  it("refuses a scale that lacks a level an open round uses, and keeps the old one", async () => {
    const { defaultRiskScale } = await import("../../domain/risk.ts");
    const current = await json<{ version: number; scale: { kind: string } }>(
      "GET",
      "regAdmin",
      `/api/units/${region.id}/risk-scale`,
    );
    const withoutRed = {
      kind: "levels",
      levels: defaultRiskScale.levels.map((level) =>
        level.key === "red" ? { ...level, key: "high" } : level,
      ),
    };
    const refused = await call("PUT", "regAdmin", `/api/units/${region.id}/risk-scale`, {
      version: current.version,
      scale: withoutRed,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: "risk_scale_in_use" });
    const rounds = await json<{ period: string; state: string }[]>(
      "GET",
      "root",
      `/api/steering-documents/${documentId}/rounds`,
    );
    let red = 0;
    for (const round of rounds.filter((r) => r.state === "open")) {
      for (const goal of await goalsOf(round.period)) {
        red += [goal.overall, ...goal.units].filter((a) => a?.level === "red").length;
      }
    }
    expect(red).toBeGreaterThan(0);
    expect(refused.json().detail).toBe(
      `Skalaen kan ikke byttes mens ${red} risikovurderinger i åpne runder bruker nivåer som ikke finnes i den nye.`,
    );
    const after = await json<{ version: number; scale: { kind: string } }>(
      "GET",
      "regAdmin",
      `/api/units/${region.id}/risk-scale`,
    );
    expect(after).toEqual(current);
    const kept = await call("PUT", "regAdmin", `/api/units/${region.id}/risk-scale`, {
      version: current.version,
      scale: defaultRiskScale,
    });
    expect(kept.statusCode).toBe(200);
  });
});

describe("Tabell 3 after the annual round opens", () => {
  it("skips a round whose overall assessments are only carried forward, not reviewed", async () => {
    const overall = await assessmentOf("2024", region.id);
    expect(overall).toMatchObject({ carriedForward: true, level: "yellow" });
    const table = await json<{ from: string; to: string }>(
      "GET",
      "regReader",
      `/api/steering-documents/${documentId}/risk-table`,
    );
    expect([table.from, table.to]).toEqual(["2024-T1", "2024-T2"]);
    const asked = await json<{ from: string; to: string; rows: { change: string }[] }>(
      "GET",
      "regReader",
      `/api/steering-documents/${documentId}/risk-table?from=2024-T1&to=2024-T1`,
    );
    expect(asked.rows.map((row) => row.change)).toEqual(["unchanged"]);
  });
});
