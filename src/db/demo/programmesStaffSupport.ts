// Seed 000 (source/programmes.json, the second programme): the regional health authorities'
// pre-study (phase 0) of shared staff and support services, whose boards decide to run phase 1.
// Owned by Helse Nord RHF: the case went with the same recommendation to every RHF's board, and
// Helse Nord is the demo's region. Phase 0 completed, gate G-0-1 approved by the board's
// resolution, phase 1 started, the later phases planned; the benefits the pre-study promises
// (net savings of about 1 bn NOK a year against 600-800 MNOK of investment and transition), and
// two status reports.
//
// The source has no dates at all: it names five health regions (so before Helse Sør and Helse Øst
// merged in June 2007) and a work period of "august – oktober". The demo dates it August to
// October 2006 with the board's decision in November; the benefit's horizon, the split of the
// costs over years and kinds, the readings and the status reports are written for the demo.

import { z } from "zod";
import { type Actor, recordAudit } from "../../features/audit/service.ts";
import type { Db } from "../client.ts";
import {
  benefitCosts,
  benefitReadings,
  benefits,
  gateDecisionLog,
  programmeGroupMembers,
  programmeGroups,
  statusReports,
} from "../schema.ts";
import { type DemoDirectory, directory, insertProgramme, texts } from "./programmesRows.ts";
import programmesFile from "./source/programmes.json" with { type: "json" };

const textItem = z.object({ text: z.string() });
const staffSupportSchema = z.object({
  purpose: z.object({ text: z.string(), objectives: z.array(textItem) }),
  commissioned_by: z.object({ text: z.string() }),
  owner: z.object({ name: z.string() }),
  organisation: z.object({
    groups: z.array(z.object({ id: z.string(), name: z.string(), role: textItem.optional() })),
  }),
  scope: z.object({ counts_text: textItem }),
  selection: z.object({
    text: z.string(),
    areas: z.array(z.object({ name: z.string(), category: z.string() })),
  }),
  recommendation_project_group: textItem,
  steering_group_assessments: z.array(textItem),
  benefits: z.object({
    sources: z.array(textItem),
    realisation: textItem,
    investment_and_transition_costs: textItem,
    net_cost_reductions: textItem,
    uncertainty: z.array(textItem),
  }),
  phases: z.array(
    z.object({
      number: z.number().nullable(),
      description: textItem,
      main_activities: z.array(textItem).optional(),
    }),
  ),
  resolution_points: z.array(z.object({ number: z.number(), text: z.string() })),
});

export const staffSupportSeed = staffSupportSchema.parse(programmesFile.programmes[1]);

export const STAFF_SUPPORT_CODE = "Stab og støtte";
/** The board's decision on phase 1 (dated for the demo; the source has the proposal only). */
export const BOARD_DECISION_DAY = "2006-11-29";
const PHASE_1_START = "2007-01-08";

const phaseOf = (number: number | null) => staffSupportSeed.phases.find((phase) => phase.number === number);

async function loadGroups(db: Db, programmeId: number, dir: DemoDirectory) {
  const regions = [
    ["HN", "Helse Nord"],
    ["HSO", "Helse Sør-Øst"],
    ["HV", "Helse Vest"],
    ["HMN", "Helse Midt-Norge"],
  ] as const;
  const kinds: Record<string, "steering" | "project" | "reference"> = {
    "ORG-SG": "steering",
    "ORG-PG": "project",
    "ORG-RG": "reference",
  };
  for (const group of staffSupportSeed.organisation.groups) {
    const kind = kinds[group.id] ?? "reference";
    const [row] = await db
      .insert(programmeGroups)
      .values({
        programmeId,
        kind,
        name: group.name.charAt(0).toUpperCase() + group.name.slice(1),
        mandate: group.role?.text ?? "",
      })
      .returning({ id: programmeGroups.id });
    if (!row || kind !== "steering") continue;
    // "Representanter fra alle helseregioner, ansattes organisasjoner og konsernverneombud".
    await db.insert(programmeGroupMembers).values([
      ...regions.map(([code, name]) => ({
        groupId: row.id,
        name: `Representant ${name}`,
        unitId: dir.unit(code),
        role: "member" as const,
      })),
      { groupId: row.id, name: "Representant for de ansattes organisasjoner", role: "member" as const },
      { groupId: row.id, name: "Konsernverneombud", role: "member" as const },
    ]);
  }
}

async function loadBenefits(db: Db, programmeId: number, actor: Actor, hn: number) {
  const seed = staffSupportSeed.benefits;
  const [economic] = await db
    .insert(benefits)
    .values({
      programmeId,
      title: "Netto kostnadsreduksjoner i stabs- og støttefunksjoner",
      description: [
        seed.net_cost_reductions.text,
        seed.realisation.text,
        ...texts(seed.uncertainty.slice(0, 1)),
      ].join("\n\n"),
      kind: "economic",
      ownerName: "Administrerende direktør, Helse Nord RHF",
      ownerUnitId: hn,
      measureUnit: "NOK per år",
      baselineValue: 0,
      baselineText: "Ingen felles løsninger før programmet.",
      baselineDate: BOARD_DECISION_DAY,
      targetValue: 1_000_000_000,
      targetText: "Om lag 1 mrd kroner årlig (anslag i forstudien).",
      targetDate: "2011-12-31",
    })
    .returning({ id: benefits.id });
  await db.insert(benefits).values({
    programmeId,
    title: "Bedre grunnlag for styring og kontroll",
    description: seed.sources.map((source) => source.text).join(" "),
    kind: "qualitative",
    ownerName: "Administrerende direktør, Helse Nord RHF",
    ownerUnitId: hn,
    baselineText:
      "Hver region og hvert helseforetak har egne prosesser, teknologi og organisering av stabs- og støttefunksjonene.",
    baselineDate: BOARD_DECISION_DAY,
    targetText:
      "Standardiserte prosesser og nasjonale fellesløsninger gir bedre styring og kontroll i helseforetakene.",
    targetDate: "2011-12-31",
  });
  if (economic) {
    // Generated: the yearly rate of savings realised so far, month by month since phase 1
    // started; the first come from the settlement office (resolution point 3).
    const monthly = [0, 0, 0, 0, 4, 8, 11, 15];
    await db.insert(benefitReadings).values(
      monthly.map((millions, index) => ({
        benefitId: economic.id,
        on: new Date(Date.UTC(2007, index + 1, 0)).toISOString().slice(0, 10),
        value: millions * 1_000_000,
        comment: "Generert demoverdi: realisert netto kostnadsreduksjon, omregnet til årlig nivå.",
        actorId: null,
        actorName: actor.name,
      })),
    );
  }
  // "investeringer og omstillingskostnader i størrelsesorden 6-800 mill. kroner": 700 MNOK,
  // split over the years after phase 1 and between the kinds for the demo.
  const costText = "Anslag i forstudien: 600-800 MNOK; midtpunktet fordelt på år og art i demoen.";
  const plan: [number, "investment" | "transition", number][] = [
    [2008, "investment", 150],
    [2009, "investment", 150],
    [2010, "investment", 100],
    [2008, "transition", 100],
    [2009, "transition", 100],
    [2010, "transition", 100],
  ];
  await db.insert(benefitCosts).values(
    plan.map(([year, kind, millions]) => ({
      programmeId,
      kind,
      year,
      plannedNok: millions * 1_000_000,
      text: costText,
    })),
  );
  return 2;
}

async function loadStatusReports(db: Db, programmeId: number, dir: DemoDirectory) {
  const editor = dir.user("hn-redaktor");
  const approver = dir.user("hn-godkjenner");
  await db.insert(statusReports).values([
    {
      programmeId,
      period: "2007-T1",
      periodEnd: "2007-04-30",
      scopeColour: "green",
      scopeText: "Fase 1 utreder de åtte områdene forstudien pekte ut.",
      timeColour: "green",
      timeText: "Programledelsen er etablert, og arbeidet følger planen.",
      costColour: "green",
      costText: "Innenfor rammen for fase 1.",
      benefitsColour: "yellow",
      benefitsText: "Ingen gevinster ennå; mer presise lønnsomhetsberegninger er en hovedoppgave i fase 1.",
      riskColour: "yellow",
      riskText: "Regionene har ulike forutsetninger for å gå inn i nasjonale fellesløsninger.",
      overallColour: "green",
      overallText: "God start på fase 1.",
      state: "approved",
      submittedAt: new Date("2007-05-10T10:00:00Z"),
      submittedBy: editor,
      approvedAt: new Date("2007-05-15T10:00:00Z"),
      approvedBy: approver,
      updatedBy: "Hanne Nordredaktør",
      version: 3,
    },
    {
      programmeId,
      period: "2007-T2",
      periodEnd: "2007-08-31",
      scopeColour: "green",
      scopeText: "Uendret.",
      timeColour: "yellow",
      timeText: "Lønnsomhetsberegningene for regnskap og lønn er forsinket med om lag to måneder.",
      costColour: "green",
      costText: "Innenfor rammen for fase 1.",
      benefitsColour: "red",
      benefitsText:
        "Oppgjørskontoret gir de første gevinstene, men langt under den rette linjen mot 1 mrd kroner i 2011.",
      riskColour: "yellow",
      riskText:
        "Helseforetakslovens rammer, regler for offentlige anskaffelser og avgiftsspørsmål er krevende.",
      overallColour: "yellow",
      overallText: "Fase 1 går videre, men beslutningsgrunnlaget for neste fase kommer senere enn planlagt.",
      state: "submitted",
      submittedAt: new Date("2007-09-12T10:00:00Z"),
      submittedBy: editor,
      updatedBy: "Hanne Nordredaktør",
      version: 2,
    },
  ]);
  return 2;
}

/** Seed 000's programme, owned by Helse Nord RHF: phase 0 done, G-0-1 approved, phase 1 under way. */
export async function loadStaffSupportProgramme(db: Db, actor: Actor) {
  const dir = await directory(db);
  const hn = dir.unit("HN");
  const seed = staffSupportSeed;
  const phase1 = phaseOf(1);
  const { id, gateIds } = await insertProgramme(
    db,
    {
      ownerUnitId: hn,
      kind: "programme",
      code: STAFF_SUPPORT_CODE,
      title: "Nasjonalt program for stabs- og støttefunksjoner",
      sponsorName: seed.owner.name,
      managerName: "Hanne Nordredaktør",
      managerUserId: dir.user("hn-redaktor"),
      approverTitle: "Styret i Helse Nord RHF (likelydende sak til styrene i alle helseregionene)",
      purpose: [
        seed.purpose.text,
        ...seed.purpose.objectives.map((o) => `- ${o.text}`),
        seed.commissioned_by.text,
      ].join("\n"),
      scope: [
        seed.scope.counts_text.text,
        seed.selection.text,
        ...seed.selection.areas.map((area) => `- ${area.name} (${area.category})`),
      ].join("\n"),
    },
    [
      {
        number: 0,
        name: "Fase 0: Forstudie",
        plannedStart: "2006-08-01",
        plannedEnd: "2006-10-31",
        actualStart: "2006-08-01",
        actualEnd: "2006-10-31",
        mainActivities: [
          phaseOf(0)?.description.text ?? "",
          ...seed.steering_group_assessments.slice(0, 1).map((a) => a.text),
        ].filter(Boolean),
        milestones: [
          { title: "Prosjektrapport stabs- og støttefunksjoner levert", due: "2006-10-31", done: true },
        ],
      },
      {
        number: 1,
        name: "Fase 1: Utredningsmessig fase 1",
        plannedStart: "2007-01-01",
        plannedEnd: "2007-12-31",
        actualStart: PHASE_1_START,
        mainActivities: (phase1?.main_activities ?? []).map((a) => a.text),
        milestones: [
          { title: "Programledelse etablert", due: "2007-02-28", done: true },
          { title: "Nasjonalt oppgjørskontor etablert", due: "2007-06-30", done: true },
          { title: "Beslutningsgrunnlag for videre faser", due: "2007-12-31", done: false },
        ],
      },
      {
        number: 2,
        name: "Fase 2: Etablering av nasjonale fellesløsninger",
        plannedStart: "2008-01-01",
        plannedEnd: "2010-12-31",
        mainActivities: [phaseOf(null)?.description.text ?? ""].filter(Boolean),
        milestones: [],
      },
    ],
    [
      {
        toPhase: 1,
        name: "G-0-1",
        criteria:
          "Styrets vedtak om å gjennomføre fase 1 (likelydende sak til styrene i alle helseregionene).",
        requestedAt: new Date("2006-11-08T10:00:00Z"),
        requestedBy: dir.user("hn-redaktor"),
        requestText: seed.recommendation_project_group.text,
        version: 3,
      },
      {
        toPhase: 2,
        name: "G-1-2",
        criteria: seed.steering_group_assessments[0]?.text ?? "",
      },
    ],
  );
  const gate01 = gateIds.get(1);
  if (gate01 !== undefined) {
    await db.insert(gateDecisionLog).values({
      gateId: gate01,
      decision: "approve",
      decidedOn: BOARD_DECISION_DAY,
      decisionText: seed.resolution_points.map((point) => `${point.number}. ${point.text}`).join("\n"),
      actorId: dir.user("hn-godkjenner"),
      actorName: "Styret i Helse Nord RHF",
      at: new Date(`${BOARD_DECISION_DAY}T15:00:00Z`),
    });
  }
  await loadGroups(db, id, dir);
  const benefitCount = await loadBenefits(db, id, actor, hn);
  const reports = await loadStatusReports(db, id, dir);
  await recordAudit(db, actor, {
    action: "import",
    entityType: "programme",
    entityId: String(id),
    unitId: hn,
    after: {
      source: "demo data",
      code: STAFF_SUPPORT_CODE,
      gateApproved: "G-0-1",
      benefits: benefitCount,
      reports,
    },
  });
  return { id, benefits: benefitCount, reports, gates: gateIds.size };
}
