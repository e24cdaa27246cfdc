// Sample data for the programme and action plan documents' tests, after seeds 000, 001 and 004:
// the national staff-and-support programme with phase 0 done and the gate to phase 1 approved,
// and the procurement action plan 2009-2012 with two of its sub-goals.

import type { ActionPlanData } from "./actionPlanModel.ts";
import type { ProgrammeCaseData, StatusReportData } from "./programmeModel.ts";

const report = (period: string, overall: "green" | "yellow" | "red"): StatusReportData => ({
  period,
  state: "approved",
  dimensions: {
    scope: { colour: "green", text: "Omfanget er som vedtatt i fase 1." },
    time: { colour: "yellow", text: "Anskaffelsen av felles lønnssystem er forsinket med seks uker." },
    cost: { colour: "green", text: "Innenfor rammen." },
    benefits: { colour: "yellow", text: "Gevinstene i helseforetakene er ennå ikke målt." },
    risk: { colour: "red", text: "Mangel på kompetanse innen innkjøp i to regioner." },
  },
  overall: { colour: overall, text: "Programmet går i hovedsak etter planen." },
});

export function sampleProgrammeCase(overrides: Partial<ProgrammeCaseData> = {}): ProgrammeCaseData {
  return {
    takenAt: "2026-12-07T08:00:00.000Z",
    asOf: "2026-12-07",
    unit: { id: 1, name: "Helse Sør-Øst RHF" },
    programme: {
      id: 7,
      kind: "programme",
      code: "STAB",
      title: "Nasjonale stab- og støttetjenester",
      sponsorName: "administrerende direktør",
      managerName: "Kari Nordmann",
      approverTitle: "prosjekteier ved administrerende direktør",
      purpose:
        "Samle stab- og støttetjenestene i ett nasjonalt foretak for å frigjøre midler til pasientbehandling.",
      scope: "Innkjøp, lønn, regnskap og IKT for alle de regionale helseforetakene.",
    },
    phases: [
      {
        number: 0,
        name: "Forstudie",
        plannedStart: "2025-09-01",
        plannedEnd: "2026-03-31",
        actualStart: "2025-09-01",
        actualEnd: "2026-04-15",
      },
      {
        number: 1,
        name: "Forprosjekt",
        plannedStart: "2026-04-15",
        plannedEnd: "2027-06-30",
        actualStart: "2026-04-16",
        actualEnd: null,
      },
      {
        number: 2,
        name: "Gjennomføring",
        plannedStart: "2027-07-01",
        plannedEnd: "2029-12-31",
        actualStart: null,
        actualEnd: null,
      },
    ],
    gates: [
      {
        toPhase: 1,
        name: "BP1",
        requestedOn: "2026-03-20",
        decisions: [
          {
            decision: "approve_with_conditions",
            decidedOn: "2026-04-15",
            text: "Styret vedtar å starte fase 1.",
            conditions: "Gevinstplanen skal konkretiseres per helseforetak innen 1. oktober 2026.",
          },
        ],
      },
      { toPhase: 2, name: "BP2", requestedOn: null, decisions: [] },
    ],
    report: report("2026-T2", "yellow"),
    previousReport: report("2026-T1", "green"),
    risks: [
      {
        area: "Personell, utdanning og kompetanse",
        title: "Kompetanse innen innkjøp",
        likelyEvents: "Nøkkelpersoner slutter under omstillingen.",
        consequences: "Forsinkede anskaffelser.",
        period: "2026-T2",
        before: { label: "Rød", colour: "red" },
        after: { label: "Gul", colour: "yellow" },
        measures: [
          {
            title: "Kompetanseplan for innkjøpere",
            phase: "in_progress",
            status: "as_planned",
            responsible: "Helse Sør-Øst RHF, HR-direktør",
            deadline: "2027-03-31",
          },
        ],
      },
    ],
    benefits: [
      {
        title: "Lavere innkjøpskostnader",
        kind: "economic",
        ownerName: "Økonomidirektør Helse Sør-Øst RHF",
        measureUnit: "NOK",
        baselineValue: 0,
        baselineText: "",
        baselineDate: "2026-01-01",
        targetValue: 1_000_000_000,
        targetText: "",
        targetDate: "2029-12-31",
        readings: [{ date: "2026-08-31", value: 150_000_000 }],
      },
      {
        title: "Bedre kvalitet i lønnsutbetalingene",
        kind: "qualitative",
        ownerName: "HR-direktør",
        measureUnit: "",
        baselineValue: null,
        baselineText: "Mange manuelle rettelser",
        baselineDate: "2026-01-01",
        targetValue: null,
        targetText: "Færre rettelser",
        targetDate: "2028-12-31",
        readings: [],
      },
    ],
    costs: [
      { kind: "investment", year: 2026, plannedNok: 300_000_000, actualNok: 120_000_000 },
      { kind: "transition", year: 2027, plannedNok: 400_000_000, actualNok: null },
    ],
    front: { caseNumber: "112-2026", meetingDate: "2026-12-17", caseOfficer: "Ola Hansen" },
    ...overrides,
  };
}

export function sampleActionPlan(overrides: Partial<ActionPlanData> = {}): ActionPlanData {
  return {
    takenAt: "2026-12-07T08:00:00.000Z",
    unit: { id: 1, name: "Helse Sør-Øst RHF" },
    plan: {
      id: 3,
      title: "Handlingsplan innkjøp og logistikk 2009–2012",
      fromYear: 2009,
      toYear: 2012,
      purpose:
        "Denne handlingsplanen angir og prioriterer tiltak for å utvikle innkjøps- og logistikkvirksomheten i Helse Sør-Øst basert på strategiplanen for 2009–2012.",
      mainGoal:
        "En samordnet og samhandlende bestillerorganisasjon for å frigjøre midler til pasientbehandling",
      boardCases: [
        "069-2007 Handlingsplan innkjøp og logistikk 2008-2009",
        "128-2008 Strategiplan innkjøp og logistikk 2009-2012",
      ],
      status: "adopted",
      adoptedOn: "2009-02-19",
      versionNumber: 1,
      revisedInYear: null,
    },
    subGoals: [
      {
        number: 1,
        text: "Alle anskaffelser over EØS-terskelverdi skal kunngjøres samlet regionalt.",
        keyIndicators: [
          {
            text: "Avtaledekning av totalt innkjøpt volum i kr",
            kind: "indicator",
            indicatorCode: "IL-AVTALE",
            yearlyTargets: [
              { year: 2009, target: "≥ 80 %" },
              { year: 2010, target: "≥ 85 %" },
            ],
            dueOn: null,
            milestoneTarget: null,
            milestoneUnit: "",
            milestoneDone: null,
            milestoneValue: null,
            milestoneOn: null,
          },
        ],
      },
      {
        number: 2,
        text: "Alle innkjøp og avrop skal gjennomføres i virksomhetens elektroniske innkjøpssystem.",
        keyIndicators: [
          {
            text: "Alle helseforetak skal ha tatt i bruk NORKAT",
            kind: "milestone_done",
            indicatorCode: null,
            yearlyTargets: [],
            dueOn: "2009-06-30",
            milestoneTarget: null,
            milestoneUnit: "",
            milestoneDone: true,
            milestoneValue: null,
            milestoneOn: "2009-06-15",
          },
        ],
      },
    ],
    measures: [
      {
        subGoal: 1,
        label: "1.1",
        title: "Videreføre regionale og nasjonale innkjøpsprosjekter",
        description: "Identifisere og prioritere innkjøpsområder med stort gevinstpotensial.",
        priority: 1,
        years: [2009],
        resource: "Alle",
        responsible: "Helse Sør-Øst RHF",
        phase: "in_progress",
        status: "as_planned",
        latestLog: {
          on: "2009-08-20",
          text: "Tre prosjekter er i gang.",
          phase: "in_progress",
          status: "as_planned",
        },
      },
      {
        subGoal: 2,
        label: "2.1",
        title: "Iverksette måling av volum gjennom innkjøpssystem",
        description: "",
        priority: 2,
        years: [2009, 2010],
        resource: "",
        responsible: "Alle HF",
        phase: "decided",
        status: "delayed",
        latestLog: null,
      },
      {
        subGoal: null,
        label: "",
        title: "Det skal utarbeides en kommunikasjonsplan",
        description: "",
        priority: 2,
        years: [2010, 2012],
        resource: "RHF",
        responsible: "Helse Sør-Øst RHF",
        phase: "completed",
        status: null,
        latestLog: null,
      },
    ],
    progressPeriod: null,
    ...overrides,
  };
}
