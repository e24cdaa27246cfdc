// Reads a programme's status board case data on a day: the rows as they stand, worded where only
// the database knows the words (risk levels on the owner's scale, area names, unit names).

import type { Db } from "../../db/client.ts";
import { parsePeriod, periodEndMonth } from "../../domain/periods.ts";
import { levelOf, matrixCellLevel, type RiskScale } from "../../domain/risk.ts";
import { scaleAt } from "../risk/scales.ts";
import { builtInAreaWords } from "./programmeLabels.ts";
import type {
  ProgrammeCaseData,
  ProgrammeRiskData,
  RiskLevelWords,
  StatusReportData,
} from "./programmeModel.ts";
import {
  findProgrammeForCase,
  selectGatesWithDecisions,
  selectLatestReports,
  selectPhases,
  selectProgrammeBenefits,
  selectProgrammeRisks,
} from "./programmeQueries.ts";

type ReportRow = Awaited<ReturnType<typeof selectLatestReports>>[number];
type Found = NonNullable<Awaited<ReturnType<typeof findProgrammeForCase>>>;

function reportData(row: ReportRow | undefined): StatusReportData | null {
  if (!row) return null;
  return {
    period: row.period,
    state: row.state,
    dimensions: {
      scope: { colour: row.scopeColour, text: row.scopeText },
      time: { colour: row.timeColour, text: row.timeText },
      cost: { colour: row.costColour, text: row.costText },
      benefits: { colour: row.benefitsColour, text: row.benefitsText },
      risk: { colour: row.riskColour, text: row.riskText },
    },
    overall: { colour: row.overallColour, text: row.overallText },
  };
}

function levelWords(
  scale: RiskScale,
  key: string | null,
  likelihood: number | null,
  consequence: number | null,
): RiskLevelWords | null {
  const level =
    (key ? levelOf(scale, key) : undefined) ??
    (scale.kind === "matrix" && likelihood !== null && consequence !== null
      ? matrixCellLevel(scale, likelihood, consequence)
      : undefined);
  return level ? { label: level.label.nb, colour: level.colour } : null;
}

/** A period's order in time: its last month; a period that does not parse sorts first. */
function periodOrder(period: string): number {
  try {
    return periodEndMonth(parsePeriod(period));
  } catch {
    return -1;
  }
}

async function collectRisks(db: Db, found: Found, asOf: string): Promise<ProgrammeRiskData[]> {
  const { risks, assessments, measures } = await selectProgrammeRisks(db, found.programme.id);
  if (risks.length === 0) return [];
  const { scale } = await scaleAt(db, found.unitPath);
  const areaWords = new Map((scale.areas ?? []).map((area) => [area.key, area.label.nb]));
  const asOfMonth = periodOrder(asOf.slice(0, 7));
  return risks.map((risk) => {
    const latest = assessments
      .filter((row) => row.unitRiskId === risk.id && periodOrder(row.period) <= asOfMonth)
      .sort((a, b) => periodOrder(b.period) - periodOrder(a.period))[0];
    return {
      area: areaWords.get(risk.area) ?? builtInAreaWords[risk.area] ?? risk.area,
      title: risk.title,
      likelyEvents: risk.likelyEvents,
      consequences: risk.consequences,
      period: latest?.period ?? null,
      before: latest ? levelWords(scale, latest.level, latest.likelihood, latest.consequence) : null,
      after: latest
        ? levelWords(scale, latest.residualLevel, latest.residualLikelihood, latest.residualConsequence)
        : null,
      measures: measures
        .filter((measure) => measure.riskId === risk.id)
        .map((measure) => ({
          title: measure.title,
          phase: measure.phase,
          status: measure.status,
          responsible: measure.ownerRole.trim()
            ? `${measure.unitName}, ${measure.ownerRole.trim()}`
            : measure.unitName,
          deadline: measure.deadline,
        })),
    };
  });
}

export interface CaseFront {
  caseNumber: string | null;
  meetingDate: string | null;
  caseOfficer: string | null;
}

/** The programme with its owner's path (for the access check), or undefined when there is none. */
export const findProgramme = findProgrammeForCase;

export async function collectProgrammeCase(
  db: Db,
  found: Found,
  asOf: string,
  front: CaseFront,
  now: Date,
): Promise<ProgrammeCaseData> {
  const { programme } = found;
  const phases = await selectPhases(db, programme.id);
  const { gates, decisions } = await selectGatesWithDecisions(db, programme.id, asOf);
  const [report, previous] = await selectLatestReports(db, programme.id, asOf);
  const money = await selectProgrammeBenefits(db, programme.id, asOf);
  return {
    takenAt: now.toISOString(),
    asOf,
    unit: { id: programme.ownerUnitId, name: found.unitName },
    programme: {
      id: programme.id,
      kind: programme.kind,
      code: programme.code,
      title: programme.title,
      sponsorName: programme.sponsorName,
      managerName: programme.managerName,
      approverTitle: programme.approverTitle,
      purpose: programme.purpose,
      scope: programme.scope,
    },
    phases: phases.map((phase) => ({
      number: phase.number,
      name: phase.name,
      plannedStart: phase.plannedStart,
      plannedEnd: phase.plannedEnd,
      actualStart: phase.actualStart,
      actualEnd: phase.actualEnd,
    })),
    gates: gates.map((gate) => ({
      toPhase: gate.toPhase,
      name: gate.name,
      requestedOn: gate.requestedAt ? gate.requestedAt.toISOString().slice(0, 10) : null,
      decisions: decisions
        .filter((decision) => decision.gateId === gate.id)
        .map((decision) => ({
          decision: decision.decision,
          decidedOn: decision.decidedOn,
          text: decision.decisionText,
          conditions: decision.conditions,
        })),
    })),
    report: reportData(report),
    previousReport: reportData(previous),
    risks: await collectRisks(db, found, asOf),
    benefits: money.benefits.map((benefit) => ({
      title: benefit.title,
      kind: benefit.kind,
      ownerName: benefit.ownerName,
      measureUnit: benefit.measureUnit,
      baselineValue: benefit.baselineValue,
      baselineText: benefit.baselineText,
      baselineDate: benefit.baselineDate,
      targetValue: benefit.targetValue,
      targetText: benefit.targetText,
      targetDate: benefit.targetDate,
      readings: money.readings
        .filter((reading) => reading.benefitId === benefit.id)
        .map((reading) => ({ date: reading.on, value: reading.value }))
        .reverse(),
    })),
    costs: money.costs.map((cost) => ({
      kind: cost.kind,
      year: cost.year,
      plannedNok: cost.plannedNok,
      actualNok: cost.actualNok,
    })),
    front,
  };
}
