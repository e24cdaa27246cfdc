// Status reports: draft -> submitted -> approved; submitting needs every colour; the portfolio
// shows the latest submitted or approved report's colours and the trend since the one before.

import { describe, expect, it } from "vitest";
import { call, json, programmeWithPhases, region, setUpProgrammesApp } from "./programmes.fixture.ts";

setUpProgrammesApp();

type Report = {
  id: number;
  period: string;
  periodEnd: string;
  state: string;
  version: number;
  can: Record<string, boolean>;
};
type PortfolioRow = {
  id: number;
  currentPhase: { number: number } | null;
  nextGate: { name: string; toPhase: number; requested: boolean; standing: string | null } | null;
  report: { period: string; overall: string | null; scope: string | null } | null;
  trend: string | null;
};

const allColours = (colour: string) => ({
  scopeColour: colour,
  timeColour: colour,
  costColour: colour,
  benefitsColour: colour,
  riskColour: colour,
  overallColour: colour,
});

const step = (programmeId: number, report: Report, action: string, who: string, comment = "") =>
  call("POST", who, `/api/programmes/${programmeId}/status-reports/${report.id}/${action}`, {
    version: report.version,
    comment,
  });

describe("status reports", () => {
  it("an editor writes and submits, the owner's approver approves; each period once", async () => {
    const programme = await programmeWithPhases();
    const url = `/api/programmes/${programme.id}/status-reports`;
    const draft = await json<Report>("POST", "taEditor", url, {
      period: "2024-T1",
      scopeColour: "green",
      scopeText: "Som planlagt",
    });
    expect(draft).toMatchObject({ period: "2024-T1", periodEnd: "2024-04-30", state: "draft" });
    expect((await call("POST", "taEditor", url, { period: "2024-T1" })).statusCode).toBe(409);

    const incomplete = await step(programme.id, draft, "submit", "taEditor");
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().problems.map((p: { field: string }) => p.field)).toEqual([
      "timeColour",
      "costColour",
      "benefitsColour",
      "riskColour",
      "overallColour",
    ]);

    const saved = await json<Report>("PATCH", "taEditor", `${url}/${draft.id}`, {
      version: draft.version,
      ...allColours("yellow"),
    });
    expect(
      (await call("PATCH", "taEditor", `${url}/${draft.id}`, { version: draft.version, timeText: "x" }))
        .statusCode,
    ).toBe(409);
    const submitted = await step(programme.id, saved, "submit", "taEditor");
    expect(submitted.statusCode).toBe(200);
    const asSubmitted = submitted.json() as Report;
    expect(asSubmitted.state).toBe("submitted");

    const byEditor = await step(programme.id, asSubmitted, "approve", "taEditor");
    expect(byEditor.statusCode).toBe(403);
    expect(byEditor.json().reason).toBe("status_report_approve_not_permitted");
    const approved = await step(programme.id, asSubmitted, "approve", "taApprover");
    expect(approved.json().state).toBe("approved");
    const editApproved = await call("PATCH", "taEditor", `${url}/${draft.id}`, {
      version: approved.json().version,
      timeText: "x",
    });
    expect(editApproved.statusCode).toBe(409);
    expect(editApproved.json().reason).toBe("status_report_wrong_state");
  });

  it("an approver returns with a comment; a reader changes nothing; a bad period is refused", async () => {
    const programme = await programmeWithPhases();
    const url = `/api/programmes/${programme.id}/status-reports`;
    const draft = await json<Report>("POST", "taEditor", url, { period: "2024-05", ...allColours("green") });
    expect(draft.periodEnd).toBe("2024-05-31");
    expect(
      (await call("PATCH", "taReader", `${url}/${draft.id}`, { version: draft.version, scopeText: "x" }))
        .statusCode,
    ).toBe(403);
    const submitted = (await step(programme.id, draft, "submit", "taEditor")).json() as Report;
    const returned = await step(programme.id, submitted, "return", "taApprover", "Skriv mer om kostnad.");
    expect(returned.json()).toMatchObject({ state: "draft", returnComment: "Skriv mer om kostnad." });
    for (const period of ["2024", "2024-T4", "2024-13", "2024-02-30", "T1"]) {
      const bad = await call("POST", "taEditor", url, { period });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().problems[0].field).toBe("period");
    }
    expect((await call("GET", "tbEditor", url)).statusCode).toBe(404);
    expect((await call("GET", "taEditor", `${url}/999999`)).statusCode).toBe(404);
  });
});

describe("the portfolio", () => {
  it("shows the current phase, the next gate and its decision, the latest report's colours and the trend", async () => {
    const programme = await programmeWithPhases();
    const url = `/api/programmes/${programme.id}/status-reports`;
    const first = await json<Report>("POST", "taEditor", url, { period: "2024-01", ...allColours("red") });
    await step(programme.id, first, "submit", "taEditor");
    const second = await json<Report>("POST", "taEditor", url, {
      period: "2024-02",
      ...allColours("yellow"),
    });
    await step(programme.id, second, "submit", "taEditor");
    await json<Report>("POST", "taEditor", url, { period: "2024-03", ...allColours("red") }); // a draft: not shown

    const rowOf = async () => {
      const portfolio = await json<{ programmes: PortfolioRow[] }>(
        "GET",
        "regReader",
        `/api/portfolio?unitId=${region.id}`,
      );
      return portfolio.programmes.find((row) => row.id === programme.id) as PortfolioRow;
    };
    const row = await rowOf();
    expect(row.currentPhase?.number).toBe(0);
    expect(row.nextGate).toMatchObject({ name: "G-0-1", toPhase: 1, requested: false, standing: null });
    expect(row.report).toMatchObject({ period: "2024-02", overall: "yellow", scope: "yellow" });
    expect(row.trend).toBe("improved");

    await call("POST", "taApprover", `/api/programmes/${programme.id}/gates/1/decisions`, {
      decision: "approve",
      decidedOn: "2024-03-01",
      decisionText: "Godkjent",
    });
    expect((await rowOf()).nextGate?.standing).toBe("approve");
    const fresh = await json<{ phases: { number: number; version: number }[] }>(
      "GET",
      "taEditor",
      `/api/programmes/${programme.id}`,
    );
    await json("POST", "taEditor", `/api/programmes/${programme.id}/phases/1/start`, {
      version: fresh.phases[1]?.version,
      actualStart: "2024-03-05",
    });
    const started = await rowOf();
    expect(started.currentPhase?.number).toBe(1);
    expect(started.nextGate).toBeNull();
  });
});
