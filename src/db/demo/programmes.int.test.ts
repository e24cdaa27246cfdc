// The demo's programmes as seeds 001 and 000 have them (issue 14, item 6): Sykehusinnkjøp HF's
// governance-model programme in its phase 0, with both gates undecided, a steering group per
// procurement category with a representative of each region, five risk areas with measures; and
// the regions' staff-and-support programme with phase 0 completed, G-0-1 approved by the board,
// phase 1 started, and its benefits against its costs.

import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phaseStartRefusal, standingDecision, statusTrend } from "../../domain/programmes.ts";
import { findUnitByCode } from "../../features/units/queries.ts";
import { createTestApp } from "../../testing/app.ts";
import {
  auditLog,
  benefitCosts,
  benefitReadings,
  benefits,
  gateDecisionLog,
  measureLinks,
  measures,
  programmeGates,
  programmeGroupMembers,
  programmeGroups,
  programmePhases,
  programmeResources,
  programmeStakeholders,
  programmes,
  programmeTraining,
  riskScales,
  statusReports,
  unitRisks,
  users,
} from "../schema.ts";
import { demo, loadDemoData } from "./load.ts";
import { GOVERNANCE_CODE } from "./programmesGovernance.ts";
import { BOARD_DECISION_DAY, STAFF_SUPPORT_CODE } from "./programmesStaffSupport.ts";
import programmesFile from "./source/programmes.json" with { type: "json" };

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  // Loading the whole demo takes long on a busy machine.
}, 180_000);
afterAll(() => t.close());

async function programmeByCode(code: string) {
  const [row] = await t.db.select().from(programmes).where(eq(programmes.code, code));
  if (!row) throw new Error(`no programme ${code}`);
  return row;
}

async function phasesOf(programmeId: number) {
  return t.db
    .select()
    .from(programmePhases)
    .where(eq(programmePhases.programmeId, programmeId))
    .orderBy(programmePhases.number);
}

async function gatesOf(programmeId: number) {
  const gates = await t.db
    .select()
    .from(programmeGates)
    .where(eq(programmeGates.programmeId, programmeId))
    .orderBy(programmeGates.toPhase);
  const log = await t.db
    .select()
    .from(gateDecisionLog)
    .where(
      inArray(
        gateDecisionLog.gateId,
        gates.map((gate) => gate.id),
      ),
    );
  return gates.map((gate) => ({ ...gate, decisions: log.filter((entry) => entry.gateId === gate.id) }));
}

describe("seed 001: the governance-model programme of Sykehusinnkjøp HF", () => {
  it("is owned by the new unit Sykehusinnkjøp HF, under the ministry, run by shi-leder for the project owner shi-eier", async () => {
    const shi = await findUnitByCode(t.db, "SHI");
    const hod = await findUnitByCode(t.db, "HOD");
    expect(shi).toMatchObject({ name: "Sykehusinnkjøp HF", kind: "health_trust", parentId: hod?.id });
    const programme = await programmeByCode(GOVERNANCE_CODE);
    const [manager] = await t.db.select().from(users).where(eq(users.username, "shi-leder"));
    expect(programme).toMatchObject({
      ownerUnitId: shi?.id,
      managerUserId: manager?.id,
      approverTitle: "prosjekteier ved administrerende direktør i Sykehusinnkjøp HF",
    });
    for (const [username, role] of [
      ["shi-leder", "editor"],
      ["shi-eier", "approver"],
    ]) {
      expect(demo.users.find((user) => user.username === username)?.roles).toEqual([{ unit: "SHI", role }]);
      expect(await t.signIn(username ?? "", demo.password)).toBeTruthy();
    }
  });

  it("has phases 0, 1 and 2 with the plan's dates and activities, phase 0 started, and both gates undecided", async () => {
    const programme = await programmeByCode(GOVERNANCE_CODE);
    const phases = await phasesOf(programme.id);
    expect(phases.map((p) => [p.number, p.plannedStart, p.plannedEnd, p.actualStart])).toEqual([
      [0, "2023-04-15", "2023-08-30", "2023-04-15"],
      [1, "2023-08-31", "2023-10-31", null],
      [2, "2023-11-01", "2024-03-01", null],
    ]);
    expect(phases.every((phase) => phase.mainActivities.length > 0)).toBe(true);
    const gates = await gatesOf(programme.id);
    expect(gates.map((gate) => [gate.name, gate.toPhase, gate.decisions.length])).toEqual([
      ["G-0-1", 1, 0],
      ["G-1-2", 2, 0],
    ]);
    // With its gate undecided, phase 1 may not start yet.
    const refusal = phaseStartRefusal(
      phases.map((p) => ({ number: p.number, actualStart: p.actualStart })),
      [],
      1,
    );
    expect(refusal).toBe("gate_not_decided");
  });

  it("has a steering group per procurement category, each with a representative of every region", async () => {
    const programme = await programmeByCode(GOVERNANCE_CODE);
    const groups = await t.db
      .select()
      .from(programmeGroups)
      .where(eq(programmeGroups.programmeId, programme.id));
    const steering = groups.filter((group) => group.kind === "steering");
    expect(steering.map((group) => group.category).sort()).toEqual(
      programmesFile.programmes[0]?.steering_groups?.map((group) => group.category).sort(),
    );
    expect(steering).toHaveLength(11);
    const regions = await Promise.all(["HN", "HSO", "HV", "HMN"].map((code) => findUnitByCode(t.db, code)));
    const members = await t.db
      .select()
      .from(programmeGroupMembers)
      .where(
        inArray(
          programmeGroupMembers.groupId,
          steering.map((group) => group.id),
        ),
      );
    for (const group of steering) {
      const own = members.filter((member) => member.groupId === group.id && member.role === "member");
      expect(own.map((member) => member.unitId).sort()).toEqual(regions.map((unit) => unit?.id).sort());
      expect(own.map((member) => member.name)).toContain("Representant Helse Nord");
    }
    const secretariat = groups.find((group) => group.name === "Porteføljesekretariat");
    expect(secretariat?.kind).toBe("project");
  });

  it("has the five risk areas as the programme's risks, each with a consequence-reducing measure linked to it", async () => {
    const programme = await programmeByCode(GOVERNANCE_CODE);
    const risks = await t.db.select().from(unitRisks).where(eq(unitRisks.programmeId, programme.id));
    expect(risks.map((risk) => risk.title)).toEqual(
      programmesFile.programmes[0]?.risk?.areas.map((area) => area.text),
    );
    expect(risks.map((risk) => risk.rank)).toEqual([1, 2, 3, 4, 5]);
    // Filed under Sykehusinnkjøp HF's own list of areas, the five of the plan.
    const [scale] = await t.db.select().from(riskScales).where(eq(riskScales.unitId, programme.ownerUnitId));
    expect(scale?.definition.areas?.map((area) => area.key)).toEqual(risks.map((risk) => risk.area));
    expect(scale?.definition.areas?.[0]?.label.nb).toBe("Forankring");
    expect(risks.every((risk) => risk.likelyEvents !== "" && risk.unitId === programme.ownerUnitId)).toBe(
      true,
    );
    const links = await t.db
      .select({ riskId: measureLinks.targetId, unitId: measures.responsibleUnitId })
      .from(measureLinks)
      .innerJoin(measures, eq(measures.id, measureLinks.measureId))
      .where(eq(measureLinks.kind, "unit_risk"));
    for (const risk of risks) {
      expect(links.filter((link) => link.riskId === risk.id)).toEqual([
        { riskId: risk.id, unitId: programme.ownerUnitId },
      ]);
    }
  });

  it("has the six stakeholder groups, the training programme and its pilot, and the person-months planned", async () => {
    const programme = await programmeByCode(GOVERNANCE_CODE);
    const stakeholders = await t.db
      .select()
      .from(programmeStakeholders)
      .where(eq(programmeStakeholders.programmeId, programme.id));
    expect(stakeholders).toHaveLength(6);
    const training = await t.db
      .select()
      .from(programmeTraining)
      .where(eq(programmeTraining.programmeId, programme.id));
    expect(training.map((row) => row.audience)).toContain(
      "Styringsgruppemedlemmer og medarbeidere i Sykehusinnkjøp HF",
    );
    const resources = await t.db
      .select()
      .from(programmeResources)
      .where(eq(programmeResources.programmeId, programme.id));
    // 8 person-months for Sykehusinnkjøp HF and 1 per region.
    expect(resources.map((row) => row.plannedMonths).sort()).toEqual([1, 1, 1, 1, 8]);
  });
});

describe("seed 000: the staff-and-support-services programme", () => {
  it("is owned by Helse Nord RHF: phase 0 completed, G-0-1 approved by the board's resolution, phase 1 started, phase 2 planned", async () => {
    const hn = await findUnitByCode(t.db, "HN");
    const programme = await programmeByCode(STAFF_SUPPORT_CODE);
    expect(programme.ownerUnitId).toBe(hn?.id);
    const phases = await phasesOf(programme.id);
    expect(phases.map((p) => [p.number, p.actualStart !== null, p.actualEnd !== null])).toEqual([
      [0, true, true],
      [1, true, false],
      [2, false, false],
    ]);
    const gates = await gatesOf(programme.id);
    const g01 = gates.find((gate) => gate.name === "G-0-1");
    expect(g01?.decisions).toHaveLength(1);
    const decision = g01?.decisions[0];
    expect(decision).toMatchObject({ decision: "approve", decidedOn: BOARD_DECISION_DAY });
    expect(decision?.decisionText).toContain("Det gjennomføres en fase 1 som foreslått i prosjektrapporten.");
    // The standing approval lets phase 1 start (it has), and nothing yet opens phase 2.
    const records = (g01?.decisions ?? []).map((d) => ({
      toPhase: 1,
      decision: d.decision,
      decidedOn: d.decidedOn,
    }));
    expect(standingDecision(records, 1)?.decision).toBe("approve");
    expect(phaseStartRefusal(phases, records, 2)).toBe("gate_not_decided");
    expect((phases[0]?.actualEnd ?? "") <= BOARD_DECISION_DAY).toBe(true);
    expect(BOARD_DECISION_DAY <= (phases[1]?.actualStart ?? "")).toBe(true);
    expect(gates.find((gate) => gate.name === "G-1-2")?.decisions).toEqual([]);
  });

  it("sets net savings of 1 bn NOK a year against 700 MNOK of investment and transition, with readings since phase 1 started", async () => {
    const programme = await programmeByCode(STAFF_SUPPORT_CODE);
    const rows = await t.db.select().from(benefits).where(eq(benefits.programmeId, programme.id));
    const economic = rows.find((row) => row.kind === "economic");
    expect(economic).toMatchObject({
      baselineValue: 0,
      targetValue: 1_000_000_000,
      measureUnit: "NOK per år",
    });
    expect(rows.some((row) => row.kind === "qualitative")).toBe(true);
    const costs = await t.db.select().from(benefitCosts).where(eq(benefitCosts.programmeId, programme.id));
    expect(costs.reduce((sum, cost) => sum + cost.plannedNok, 0)).toBe(700_000_000);
    expect(new Set(costs.map((cost) => cost.kind))).toEqual(new Set(["investment", "transition"]));
    const readings = await t.db
      .select()
      .from(benefitReadings)
      .where(eq(benefitReadings.benefitId, economic?.id ?? 0))
      .orderBy(benefitReadings.on);
    expect(readings.length).toBeGreaterThanOrEqual(6);
    expect(readings[0]?.on.startsWith("2007-01")).toBe(true);
    // Realised so far, but below the straight line from the board's decision to 1 bn NOK in 2011.
    const last = readings.at(-1);
    const days = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
    const elapsed =
      (days(last?.on ?? "") - days(economic?.baselineDate ?? "")) /
      (days(economic?.targetDate ?? "") - days(economic?.baselineDate ?? ""));
    expect(last?.value ?? 0).toBeGreaterThan(0);
    expect(last?.value ?? 0).toBeLessThan(elapsed * 1_000_000_000);
  });

  it("has an approved and a submitted status report whose overall colour has worsened", async () => {
    const programme = await programmeByCode(STAFF_SUPPORT_CODE);
    const reports = await t.db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.programmeId, programme.id), isNotNull(statusReports.overallColour)))
      .orderBy(statusReports.periodEnd);
    expect(reports.map((report) => [report.period, report.state, report.overallColour])).toEqual([
      ["2007-T1", "approved", "green"],
      ["2007-T2", "submitted", "yellow"],
    ]);
    expect(statusTrend(reports[0]?.overallColour, reports[1]?.overallColour ?? "green")).toBe("worsened");
  });

  it("leaves an audit entry for each programme", async () => {
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityType, "programme"));
    expect(entries.map((entry) => (entry.after as { code: string }).code).sort()).toEqual(
      [GOVERNANCE_CODE, STAFF_SUPPORT_CODE].sort(),
    );
  });
});
