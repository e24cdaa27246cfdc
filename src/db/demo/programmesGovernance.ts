// Seed 001 (source/programmes.json, the first programme): Sykehusinnkjøp HF's plan to implement a
// new governance model for national and multi-regional procurement. Phases 0, 1 and 2 with the
// suggested dates and main activities; the gates G-0-1 and G-1-2, undecided (the source is the
// proposal to the board); phase 0 started. A steering group per procurement category with a
// representative of each region; the working group and the portfolio secretariat; the five risk
// areas; the stakeholder groups; the training programme and its pilot; resources in person-months.
//
// The source names no group members: they are roles ("Representant Helse Nord"). Its risk
// appendix (Vedlegg 2) and its stakeholder and training appendices are not in the seed: the likely
// events, consequences and measures below are written for the demo from what the plan itself says
// it will do (clarify the role before recruiting, train, pilot in NNI, keep the dialogue with the
// medical directors), and so are the activities' dates.

import { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { MemberRole } from "../../domain/programmeKinds.ts";
import { defaultRiskScale, validateScale } from "../../domain/risk.ts";
import { type Actor, recordAudit } from "../../features/audit/service.ts";
import { createMeasure, setLinks } from "../../features/measures/measures.ts";
import { operatorPrincipal } from "../../features/users/service.ts";
import type { Db } from "../client.ts";
import {
  programmeGroupMembers,
  programmeGroups,
  programmeResources,
  programmeStakeholders,
  programmeTraining,
  riskScales,
  stakeholderActivities,
  unitRiskAssessments,
  unitRisks,
} from "../schema.ts";
import { type DemoDirectory, directory, insertProgramme, texts } from "./programmesRows.ts";
import programmesFile from "./source/programmes.json" with { type: "json" };

const textItem = z.object({ text: z.string().nullable() });
const governanceSchema = z.object({
  title: z.object({ text: z.string() }),
  purpose: z.object({ text: z.string(), plan_summary: z.object({ text: z.string() }) }),
  owner: z.object({ project_owner: z.string() }),
  phases: z.array(
    z.object({
      number: z.number(),
      description: z.object({ text: z.string() }),
      start: z.object({ suggested_date: z.object({ value: z.string() }) }),
      end: z.object({
        suggested_date: z.object({ value: z.string() }).optional(),
        date: z.string().optional(),
      }),
      main_activities: z.array(textItem),
    }),
  ),
  phase_transition_rule: z.object({ text: z.string() }),
  gates: z.array(z.object({ id: z.string(), to_phase: z.number() })),
  steering_groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      category: z.string(),
      phase_introduced: z.number(),
      steering_group_body: z.object({ name: z.string() }).nullable(),
      replaces: z.string().nullable(),
    }),
  ),
  steering_groups_general: z.object({ appointment: textItem, role: textItem }),
  working_group: z.object({ mandate: textItem, continuation: textItem }),
  portfolio_secretariat: z.object({ name: z.string(), text: z.string() }),
  risk: z.object({ areas: z.array(z.object({ id: z.string(), text: z.string() })) }),
  stakeholder_groups: z.object({ groups: z.array(z.object({ id: z.string(), name: z.string() })) }),
  training_programme: z.object({ text: z.string() }),
  pilot: z.object({ text: z.string() }),
  resources: z.object({ items: z.array(z.object({ unit: z.string(), person_months: z.number() })) }),
});

export const governanceSeed = governanceSchema.parse(programmesFile.programmes[0]);

export const GOVERNANCE_CODE = "Styringsmodell anskaffelser";
const regions = [
  ["HN", "Helse Nord"],
  ["HSO", "Helse Sør-Øst"],
  ["HV", "Helse Vest"],
  ["HMN", "Helse Midt-Norge"],
] as const;
const phaseNames = [
  "Forberedende arbeider",
  "Styringsgrupper for fem kategorier",
  "Seks nye styringsgrupper",
];
const milestones: Record<number, { title: string; due: string }[]> = {
  0: [
    { title: "Opplæringsprogram klart til bruk", due: "2023-08-30" },
    { title: "Piloteringen i NNI avsluttet og evaluert", due: "2023-08-30" },
  ],
  1: [
    {
      title: "Styringsgrupper for HR, IKT, Prehospitalt, Legemidler og Diabetesprodukter etablert",
      due: "2023-10-31",
    },
  ],
  2: [{ title: "Ny styringsmodell ferdig iverksatt; NNI erstattet", due: "2024-03-01" }],
};

/** Written for the demo (Vedlegg 2 is not in the seed): what may happen, what follows, what reduces it. */
const riskDetails: Record<
  string,
  { area: string; label: { nb: string; en: string }; events: string; consequences: string; measure: string }
> = {
  "RA-1": {
    area: "forankring",
    label: { nb: "Forankring", en: "Anchoring" },
    events:
      "RHF-ene og helseforetakene gir ikke styringsgruppene tydelig mandat, og sakene løftes ikke i linjen.",
    consequences: "Styringsgruppenes beslutninger får ikke gjennomslag i foretakene.",
    measure:
      "Forankringsaktiviteter etter plan for interessenthåndtering, med sak i interregionalt fagdirektørmøte",
  },
  "RA-2": {
    area: "styringsgruppemedlemmer",
    label: { nb: "Styringsgruppemedlemmer", en: "Steering group members" },
    events: "Regionene får ikke oppnevnt representanter i tide, eller medlemmene får ikke satt av tid.",
    consequences: "Styringsgrupper blir ikke beslutningsdyktige, og fase 1 og 2 forsinkes.",
    measure:
      "Klargjøre forventninger til medlemmene (tidsbruk, fullmakter, ansvar og mandat) før rekruttering",
  },
  "RA-3": {
    area: "informasjonsdeling",
    label: { nb: "Informasjonsdeling", en: "Information sharing" },
    events: "Informasjon fra styringsgruppene når ikke fagmiljøene i helseforetakene.",
    consequences: "Behov og strategiske føringer blir ikke ivaretatt i anskaffelsene.",
    measure: "Teste digital samhandlingsplattform (Teams) i piloten og ta den i bruk i alle styringsgrupper",
  },
  "RA-4": {
    area: "portefoljesekretariat",
    label: { nb: "Porteføljesekretariat", en: "Portfolio secretariat" },
    events:
      "Rollen som bindeledd mellom Sykehusinnkjøp HF, styringsgruppene og kontaktperson RHF blir uklar.",
    consequences: "Dobbeltarbeid og tregere saksbehandling; effektiviseringsgevinsten uteblir.",
    measure: "Beskrive porteføljesekretariatets oppgaver og samhandling med styringsgruppene før fase 1",
  },
  "RA-5": {
    area: "mal_og_strategier",
    label: { nb: "Mål og strategier", en: "Goals and strategies" },
    events: "Medlemmer og medarbeidere kjenner ikke RHF-enes mål og strategier godt nok.",
    consequences: "Anskaffelsenes strategiske betydning vurderes feil.",
    measure: "Opplæringsprogram for styringsgruppemedlemmer og medarbeidere i Sykehusinnkjøp HF",
  },
};

const stakeholderLevels: Record<
  string,
  { interest: "low" | "medium" | "high"; influence: "low" | "medium" | "high"; text: string }
> = {
  "SH-1": { interest: "high", influence: "high", text: "Eier styringsmodellen og oppnevner representanter." },
  "SH-2": {
    interest: "high",
    influence: "high",
    text: "Bruker avtalene og stiller med fagfolk i styringsgruppene.",
  },
  "SH-3": {
    interest: "high",
    influence: "medium",
    text: "Erstattes eller endres av de nye styringsgruppene.",
  },
  "SH-4": {
    interest: "medium",
    influence: "medium",
    text: "Berøres av nasjonale anskaffelser på sine områder.",
  },
  "SH-5": {
    interest: "high",
    influence: "high",
    text: "Gjennomfører anskaffelsene og holder porteføljesekretariatet.",
  },
  "SH-6": {
    interest: "low",
    influence: "medium",
    text: "Berøres av anskaffelser innen IKT og helseforvaltning.",
  },
};

type GroupRow = Omit<typeof programmeGroups.$inferInsert, "programmeId">;
type Member = { name: string; unitId: number; role: MemberRole; userId?: number };

async function loadGroups(db: Db, programmeId: number, dir: DemoDirectory) {
  const shi = dir.unit("SHI");
  const seed = governanceSeed;
  const regionMembers = (title: string): Member[] =>
    regions.map(([code, name]) => ({ name: `${title} ${name}`, unitId: dir.unit(code), role: "member" }));
  const groups: { group: GroupRow; members: Member[] }[] = [];
  for (const sg of seed.steering_groups) {
    const body = sg.steering_group_body?.name;
    const mandate = [
      `Styringsgruppe for innkjøpskategori ${sg.category}, etableres i fase ${sg.phase_introduced}.`,
      body ? `${body} er styringsgruppe for kategorien.` : "",
      sg.replaces ? `Erstatter sammen med de andre fem styringsgruppene i fase 2 ${sg.replaces}.` : "",
      ...texts([seed.steering_groups_general.appointment]),
    ]
      .filter(Boolean)
      .join(" ");
    groups.push({
      group: { kind: "steering", name: `Styringsgruppe ${sg.name}`, category: sg.category, mandate },
      members: [
        ...regionMembers("Representant"),
        { name: "Porteføljesekretariatet", unitId: shi, role: "secretary" },
      ],
    });
  }
  groups.push({
    group: {
      kind: "project",
      name: "Arbeidsgruppe for implementering",
      mandate: texts([seed.working_group.mandate, seed.working_group.continuation]).join(" "),
    },
    members: [
      { name: "Petra Programleder", unitId: shi, role: "chair", userId: dir.user("shi-leder") },
      ...regionMembers("Prosessansvarlig innkjøp,"),
    ],
  });
  groups.push({
    group: { kind: "project", name: "Porteføljesekretariat", mandate: seed.portfolio_secretariat.text },
    members: [{ name: "Divisjon nasjonale tjenester", unitId: shi, role: "member" }],
  });
  for (const { group, members } of groups) {
    const [row] = await db
      .insert(programmeGroups)
      .values({ ...group, programmeId })
      .returning({ id: programmeGroups.id });
    if (!row) continue;
    await db.insert(programmeGroupMembers).values(members.map((member) => ({ ...member, groupId: row.id })));
  }
  return groups.length;
}

async function loadRisks(db: Db, caller: Caller, programmeId: number, shi: number) {
  // The five risk areas are Sykehusinnkjøp HF's own list, so its risks (and this programme's) are
  // filed under them; the levels stay the default three.
  const areas = governanceSeed.risk.areas.flatMap((area) => {
    const details = riskDetails[area.id];
    return details ? [{ key: details.area, label: details.label }] : [];
  });
  const scale = validateScale({ ...defaultRiskScale, areas });
  if (!scale.ok)
    throw new Error(`the demo's risk areas are not a valid scale: ${JSON.stringify(scale.problems)}`);
  await db.insert(riskScales).values({ unitId: shi, definition: scale.scale, updatedBy: caller.actor.name });
  for (const [index, area] of governanceSeed.risk.areas.entries()) {
    const details = riskDetails[area.id];
    if (!details) continue;
    const [risk] = await db
      .insert(unitRisks)
      .values({
        unitId: shi,
        programmeId,
        area: details.area,
        title: area.text,
        likelyEvents: details.events,
        consequences: details.consequences,
        ownerName: "Programleder",
        horizon: "this_year",
        rank: index + 1,
      })
      .returning({ id: unitRisks.id });
    if (!risk) continue;
    // "Ingen av risikoområdene har, etter tiltak, status som kritiske for gjennomføringen."
    await db.insert(unitRiskAssessments).values({
      unitRiskId: risk.id,
      period: "2023-T1",
      level: index < 2 ? "red" : "yellow",
      residualLevel: index < 2 ? "yellow" : "green",
      justification: "Vurdert i implementeringsplanen; ingen risikoområder er kritiske etter tiltak.",
      updatedBy: caller.actor.name,
    });
    const measure = await createMeasure(db, caller, {
      responsibleUnitId: shi,
      title: details.measure,
      ownerRole: "Programleder",
      phase: index === 4 ? "in_progress" : "decided",
      status: index === 4 ? "as_planned" : "not_started",
      start: "2023-04-15",
      deadline: "2023-08-30",
      expectedEffect: "Reduserer konsekvensen av hendelsene i risikoområdet.",
    });
    await setLinks(db, caller, measure.id, {
      version: measure.version,
      links: [{ kind: "unit_risk", targetId: risk.id }],
    });
  }
  return governanceSeed.risk.areas.length;
}

async function loadRegisters(db: Db, programmeId: number, dir: DemoDirectory) {
  for (const group of governanceSeed.stakeholder_groups.groups) {
    const level = stakeholderLevels[group.id] ?? { interest: "medium", influence: "medium", text: "" };
    const [row] = await db
      .insert(programmeStakeholders)
      .values({
        programmeId,
        name: group.name,
        interest: level.text,
        interestLevel: level.interest,
        influence: level.influence,
      })
      .returning({ id: programmeStakeholders.id });
    if (!row) continue;
    await db.insert(stakeholderActivities).values([
      {
        stakeholderId: row.id,
        title: "Informasjon om ny styringsmodell og implementeringsplanen",
        on: "2023-05-10",
        status: "done",
      },
      {
        stakeholderId: row.id,
        title: "Forankringsmøte før oppnevning til styringsgruppene",
        on: "2023-08-15",
        status: "planned",
      },
    ]);
  }
  await db.insert(programmeTraining).values([
    {
      programmeId,
      audience: "Styringsgruppen nasjonalt nettverk innkjøp (NNI)",
      content: `Pilot. ${governanceSeed.pilot.text}`,
      startsOn: "2023-04-15",
      endsOn: "2023-08-30",
      status: "planned",
    },
    {
      programmeId,
      audience: "Styringsgruppemedlemmer og medarbeidere i Sykehusinnkjøp HF",
      content: governanceSeed.training_programme.text,
      startsOn: "2023-08-31",
      endsOn: "2024-03-01",
      status: "planned",
    },
  ]);
  // "8 månedsverk" for Sykehusinnkjøp HF and "1 månedsverk per region"; used so far: two months in.
  const perRegion =
    governanceSeed.resources.items.find((item) => item.unit !== "Sykehusinnkjøp HF")?.person_months ?? 1;
  const shiMonths =
    governanceSeed.resources.items.find((item) => item.unit === "Sykehusinnkjøp HF")?.person_months ?? 8;
  await db.insert(programmeResources).values([
    { programmeId, unitId: dir.unit("SHI"), plannedMonths: shiMonths, usedMonths: 1.5 },
    ...regions.map(([code]) => ({
      programmeId,
      unitId: dir.unit(code),
      plannedMonths: perRegion,
      usedMonths: 0.25,
    })),
  ]);
}

/** Seed 001's programme, owned by Sykehusinnkjøp HF; phase 0 under way, both gates undecided. */
export async function loadGovernanceProgramme(db: Db, actor: Actor) {
  const caller: Caller = { principal: operatorPrincipal, actor };
  const dir = await directory(db);
  const shi = dir.unit("SHI");
  const seed = governanceSeed;
  const { id } = await insertProgramme(
    db,
    {
      ownerUnitId: shi,
      kind: "programme",
      code: GOVERNANCE_CODE,
      title: seed.title.text,
      sponsorName: "Administrerende direktør i Sykehusinnkjøp HF (prosjekteier)",
      managerName: "Petra Programleder",
      managerUserId: dir.user("shi-leder"),
      approverTitle: seed.owner.project_owner,
      purpose: seed.purpose.text,
      scope: seed.purpose.plan_summary.text,
    },
    seed.phases.map((phase) => ({
      number: phase.number,
      name: `Fase ${phase.number}: ${phaseNames[phase.number] ?? ""}`,
      plannedStart: phase.start.suggested_date.value,
      plannedEnd: phase.end.date ?? phase.end.suggested_date?.value ?? phase.start.suggested_date.value,
      actualStart: phase.number === 0 ? phase.start.suggested_date.value : null,
      mainActivities: texts(phase.main_activities),
      milestones: (milestones[phase.number] ?? []).map((m) => ({ ...m, done: false })),
    })),
    seed.gates.map((gate) => ({
      toPhase: gate.to_phase,
      name: gate.id,
      criteria: seed.phase_transition_rule.text,
    })),
  );
  const groups = await loadGroups(db, id, dir);
  const risks = await loadRisks(db, caller, id, shi);
  await loadRegisters(db, id, dir);
  await recordAudit(db, actor, {
    action: "import",
    entityType: "programme",
    entityId: String(id),
    unitId: shi,
    after: { source: "demo data", code: GOVERNANCE_CODE, phases: seed.phases.length, groups, risks },
  });
  return { id, groups, risks };
}
