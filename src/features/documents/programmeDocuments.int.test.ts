// The two board documents downloaded from real rows: a programme with phases, a gate decision,
// two status reports, a risk with a measure and a benefit with readings; an action plan with a
// sub-goal, a milestone and measures. Rows are put straight into the tables (their features'
// services are tested there). Who may download, hidden ids and bad queries.

import { beforeAll, describe, expect, it } from "vitest";
import {
  actionPlanKeyIndicators,
  actionPlanMeasures,
  actionPlanSubGoals,
  actionPlans,
  benefitCosts,
  benefitReadings,
  benefits,
  gateDecisionLog,
  measureLinks,
  measureLog,
  measures,
  programmeGates,
  programmePhases,
  programmes,
  statusReports,
  unitRiskAssessments,
  unitRisks,
} from "../../db/schema.ts";
import { cookies, get, region, send, t, withDocumentsData } from "./documents.fixture.ts";
import type { DocumentContent } from "./model.ts";
import { defaultTemplate } from "./template.ts";
import { docxPart, paragraphs } from "./testing.ts";

withDocumentsData();

let programmeId = 0;
let planId = 0;
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function textOf(bytes: Buffer) {
  return paragraphs(await docxPart(bytes, "word/document.xml"))
    .map((paragraph) => paragraph.text)
    .join("\n");
}

beforeAll(async () => {
  const [programme] = await t.db
    .insert(programmes)
    .values({
      ownerUnitId: region.id,
      code: "STAB",
      title: "Nasjonale stab- og støttetjenester",
      managerName: "Kari Nordmann",
      purpose: "Frigjøre midler til pasientbehandling.",
    })
    .returning();
  programmeId = programme?.id ?? 0;
  await t.db.insert(programmePhases).values([
    {
      programmeId,
      number: 0,
      name: "Forstudie",
      plannedStart: "2025-09-01",
      plannedEnd: "2026-04-15",
      actualStart: "2025-09-01",
      actualEnd: "2026-04-15",
    },
    {
      programmeId,
      number: 1,
      name: "Forprosjekt",
      plannedStart: "2026-04-15",
      plannedEnd: "2027-06-30",
      actualStart: "2026-04-16",
    },
  ]);
  const [gate] = await t.db
    .insert(programmeGates)
    .values({ programmeId, toPhase: 1, name: "BP1" })
    .returning();
  await t.db.insert(gateDecisionLog).values({
    gateId: gate?.id ?? 0,
    decision: "approve",
    decidedOn: "2026-04-15",
    decisionText: "Fase 1 startes.",
    actorName: "Styreleder",
  });
  const reportRow = (period: string, periodEnd: string, overall: "green" | "red") => ({
    programmeId,
    period,
    periodEnd,
    scopeColour: "green" as const,
    timeColour: overall,
    overallColour: overall,
    overallText: `Samlet ${period}.`,
    state: "approved" as const,
  });
  await t.db
    .insert(statusReports)
    .values([
      reportRow("2026-T1", "2026-04-30", "red"),
      reportRow("2026-T2", "2026-08-31", "green"),
      { ...reportRow("2026-11", "2026-11-30", "red"), state: "draft" as const },
    ]);
  const [risk] = await t.db
    .insert(unitRisks)
    .values({
      unitId: region.id,
      programmeId,
      area: "personnel",
      title: "Kompetanse",
      horizon: "this_year",
      rank: 1,
    })
    .returning();
  await t.db
    .insert(unitRiskAssessments)
    .values({ unitRiskId: risk?.id ?? 0, period: "2026-T2", level: "red", residualLevel: "yellow" });
  const [measure] = await t.db
    .insert(measures)
    .values({
      responsibleUnitId: region.id,
      title: "Kompetanseplan for innkjøpere",
      phase: "in_progress",
      status: "delayed",
    })
    .returning();
  await t.db
    .insert(measureLinks)
    .values({ measureId: measure?.id ?? 0, kind: "unit_risk", targetId: risk?.id ?? 0 });
  const [benefit] = await t.db
    .insert(benefits)
    .values({
      programmeId,
      title: "Lavere innkjøpskostnader",
      kind: "economic",
      ownerName: "Økonomidirektør",
      measureUnit: "NOK",
      baselineValue: 0,
      baselineDate: "2026-01-01",
      targetValue: 100_000_000,
      targetDate: "2028-01-01",
    })
    .returning();
  await t.db
    .insert(benefitReadings)
    .values({ benefitId: benefit?.id ?? 0, on: "2026-06-30", value: 20_000_000, actorName: "Test" });
  await t.db
    .insert(benefitCosts)
    .values({ programmeId, kind: "investment", year: 2026, plannedNok: 50_000_000 });

  const [plan] = await t.db
    .insert(actionPlans)
    .values({
      ownerUnitId: region.id,
      title: "Handlingsplan innkjøp og logistikk 2009–2012",
      fromYear: 2009,
      toYear: 2012,
      mainGoal: "En samordnet bestillerorganisasjon",
      boardCases: ["128-2008 Strategiplan innkjøp og logistikk 2009-2012"],
      status: "adopted",
      adoptedOn: "2009-02-19",
    })
    .returning();
  planId = plan?.id ?? 0;
  const [subGoal] = await t.db
    .insert(actionPlanSubGoals)
    .values({ planId, number: 2, text: "Alle innkjøp skal gjøres elektronisk." })
    .returning();
  await t.db.insert(actionPlanKeyIndicators).values({
    subGoalId: subGoal?.id ?? 0,
    text: "Alle helseforetak bruker NORKAT",
    kind: "milestone_done",
    dueOn: "2009-06-30",
    milestoneDone: 1,
    milestoneOn: "2009-06-15",
  });
  const [planMeasure] = await t.db
    .insert(measures)
    .values({
      responsibleUnitId: region.id,
      title: "Iverksette måling av volum",
      phase: "in_progress",
      status: "as_planned",
    })
    .returning();
  await t.db.insert(actionPlanMeasures).values({
    planId,
    subGoalId: subGoal?.id ?? null,
    measureId: planMeasure?.id ?? 0,
    priority: 1,
    years: [2009, 2010],
    responsibility: "all_trusts",
  });
  await t.db.insert(measureLog).values({
    measureId: planMeasure?.id ?? 0,
    period: "2009-T2",
    on: "2009-08-20",
    phase: "in_progress",
    status: "as_planned",
    text: "Måling i gang i alle HF.",
    actorName: "Test",
  });
});

const caseUrl = () => `/api/documents/programmes/${programmeId}/status-case.docx`;
const planUrl = () => `/api/documents/action-plans/${planId}/plan.docx`;

describe("the programme's status board case", () => {
  it("downloads as Word for a reader of the owner unit, with the latest submitted report and its trend", async () => {
    const response = await get(
      cookies.reader,
      `${caseUrl()}?date=2026-12-07&caseNumber=112-2026&caseOfficer=Ola%20Hansen`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(docx);
    expect(response.headers["content-disposition"]).toContain("Styresak-112-2026-Nasjonale");
    const text = await textOf(response.rawPayload);
    expect(text).toContain(
      "Styresak 112-2026 Nasjonale stab- og støttetjenester – status per 7. desember 2026",
    );
    expect(text).toMatch(/Saksbehandler\s*Ola Hansen/);
    // The November draft is not the board's: the approved second tertial is, against the first.
    expect(text).toContain("Statusrapporten for 2. tertial 2026 er godkjent.");
    expect(text).toContain("Samlet vurdering er bedret siden forrige rapport (1. tertial 2026: Rød).");
    expect(text).toContain("Godkjent");
    expect(text).toContain("Personell, utdanning og kompetanse");
    expect(text).toContain("Kompetanseplan for innkjøpere");
    expect(text).toContain("Lavere innkjøpskostnader");
    expect(text).toContain("Mot dette står planlagte investerings- og omstillingskostnader på 50 mill. kr.");
  });

  it("shows the programme as it stood on an earlier day", async () => {
    const response = await get(cookies.reader, `${caseUrl()}?date=2026-05-10`);
    const text = await textOf(response.rawPayload);
    expect(text).toContain("Statusrapporten for 1. tertial 2026 er godkjent.");
    expect(text).toContain("Dette er den første statusrapporten");
  });

  it("answers 404 to someone who may not read the owner unit, and for an id that does not exist", async () => {
    expect((await get(cookies.outsider, caseUrl())).statusCode).toBe(404);
    expect((await get(cookies.reader, "/api/documents/programmes/999999/status-case.docx")).statusCode).toBe(
      404,
    );
  });

  it("refuses a malformed date or an overlong case number with 400, naming the field", async () => {
    const bad = await get(cookies.reader, `${caseUrl()}?date=7.12.2026`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("date");
    expect((await get(cookies.reader, `${caseUrl()}?caseNumber=${"x".repeat(41)}`)).statusCode).toBe(400);
    expect((await get(cookies.reader, "/api/documents/programmes/abc/status-case.docx")).statusCode).toBe(
      400,
    );
  });
});

describe("the action plan document", () => {
  it("downloads as Word in the seed's form, with progress for a period", async () => {
    const response = await get(cookies.reader, `${planUrl()}?period=2009-T2`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(docx);
    const text = await textOf(response.rawPayload);
    expect(text).toContain("Handlingsplan innkjøp og logistikk 2009–2012");
    expect(text).toContain("Vedtatt 19. februar 2009");
    expect(text).toContain("128-2008 Strategiplan innkjøp og logistikk 2009-2012");
    expect(text).toContain("Delmål 2");
    expect(text).toContain("Alle helseforetak bruker NORKAT (innen 30. juni 2009)");
    expect(text).toContain("Iverksette måling av volum");
    expect(text).toContain("Alle HF");
    expect(text).toContain("Oppsummering og prioritering av tiltak");
    expect(text).toContain("Status per 2. tertial 2009");
    expect(text).toContain("20. august 2009: Måling i gang i alle HF.");
  });

  it("answers 404 to an outsider and 400 to a period that is not one", async () => {
    expect((await get(cookies.outsider, planUrl())).statusCode).toBe(404);
    expect((await get(cookies.reader, "/api/documents/action-plans/999999/plan.docx")).statusCode).toBe(404);
    expect((await get(cookies.reader, `${planUrl()}?period=T2-2009`)).statusCode).toBe(400);
  });

  it("needs a signed-in user", async () => {
    const response = await t.app.inject({ method: "GET", url: planUrl() });
    expect([401, 403]).toContain(response.statusCode);
  });
});

describe("action-plan progress in the annual report", () => {
  it("is left out by default and shown when the unit's template includes it", async () => {
    const generate = async () => {
      const created = await send(cookies.editor, "POST", "/api/documents", {
        type: "annual_report",
        unitId: region.id,
        period: "2009",
      });
      expect(created.statusCode).toBe(201);
      return (await get(cookies.reader, `/api/documents/${created.json().id}`)).json()
        .content as DocumentContent;
    };
    expect((await generate()).sections.some((section) => section.key === "action_plans")).toBe(false);

    const template = defaultTemplate("annual_report");
    const withPlans = {
      ...template,
      sections: template.sections.map((section) =>
        section.key === "action_plans" ? { ...section, visible: true } : section,
      ),
    };
    const saved = await send(cookies.admin, "PUT", "/api/document-templates/annual_report", {
      unitId: region.id,
      version: 0,
      template: withPlans,
    });
    expect(saved.statusCode).toBe(200);
    const content = await generate();
    const section = content.sections.find((each) => each.key === "action_plans");
    expect(section?.heading).toBe("Handlingsplaner");
    const table = section?.blocks.find((block) => block.kind === "table");
    expect(table).toMatchObject({
      caption: expect.stringContaining("Handlingsplaner – status for tiltakene i 2009"),
      rows: [["Handlingsplan innkjøp og logistikk 2009–2012 (2009–2012)", "1", "0", "1", "0", "0", "0"]],
    });
  });
});
